"""Printable handouts: Deck → HTML (Jinja2 templates of the layout) → PDF (WeasyPrint).

``deck_to_html`` lays out a format-neutral `Deck` as one self-contained HTML
file of the audience's handout kind; ``html_to_pdf`` prints that file to PDF.
"""

from .html import deck_to_html
from .pdf import html_to_pdf

__all__ = ["deck_to_html", "html_to_pdf"]
