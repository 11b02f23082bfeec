"""Printable handouts: Deck → HTML (Jinja2 templates of the layout) → PDF (WeasyPrint).

``deck_to_html`` lays out a format-neutral `Deck` as one self-contained HTML
file of the audience's handout kind; ``html_to_pdf`` prints that file to PDF.
WeasyPrint is imported only when a PDF is asked for: it takes longer to import
than the rest of a build of a small deck.
"""

from .html import deck_to_html

__all__ = ["deck_to_html", "html_to_pdf"]


def __getattr__(name: str):
    if name == "html_to_pdf":
        from .pdf import html_to_pdf
        return html_to_pdf
    raise AttributeError(name)
