"""Printable handouts: Deck → HTML (Jinja2 templates of the layout) → PDF (WeasyPrint).

``deck_to_html`` lays out a format-neutral `Deck` as one self-contained HTML
file of the audience's handout kind; ``html_to_pdf`` prints that file to PDF.
Both are imported on first use: WeasyPrint takes longer to import than the
rest of a build of a small deck, and the PDF worker (`pdf_worker`) is started
before a build has imported Jinja2 or anything else it needs.
"""

__all__ = ["deck_to_html", "html_to_pdf"]


def __getattr__(name: str):
    if name == "deck_to_html":
        from .html import deck_to_html
        return deck_to_html
    if name == "html_to_pdf":
        from .pdf import html_to_pdf
        return html_to_pdf
    raise AttributeError(name)
