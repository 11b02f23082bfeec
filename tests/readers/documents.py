"""Test documents made by the tests: PDFs written by WeasyPrint from HTML, web pages, Word files.

The words come from the seeds (read with briefdeck's own plain-text reader),
so every test document says only what the sources say.
"""

from __future__ import annotations

import html
from pathlib import Path

from briefdeck.sources.corpus import list_sources, read_all
from briefdeck.sources.model import Source

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"

# Running header and footer on every page, two columns, hyphenation, justified text.
PDF_STYLE = """
@page { size: A4; margin: 2.2cm 1.8cm;
  @top-center { content: "%(header)s"; font-size: 8pt }
  @bottom-center { content: counter(page); font-size: 8pt } }
body { font-family: serif; font-size: %(size)s; line-height: 1.3; text-align: justify; hyphens: auto;
  columns: %(columns)s; column-gap: 0.8cm }
h1 { font-size: 18pt; column-span: all; text-align: left; hyphens: manual }
h2 { font-size: 13pt; text-align: left; hyphens: manual }
h3 { font-size: 11.5pt; font-weight: bold; text-align: left; hyphens: manual }
p { margin: 0 0 0.6em 0; orphans: 2; widows: 2 }
"""


def seed_sources() -> dict[str, Source]:
    return {s.id: s for s in read_all(list_sources(SEEDS))}


def article_html(source: Source, *, items: dict[int, list[str]] | None = None) -> str:
    """The article's title, headings and paragraphs as HTML; paragraphs named in ``items`` as a bulleted list."""
    items = items or {}
    parts = [f"<h1>{html.escape(source.record.title)}</h1>"]
    section = None
    for paragraph in source.paragraphs:
        if paragraph.section != section and paragraph.section:
            parts.append(f"<h2>{html.escape(paragraph.section)}</h2>")
        section = paragraph.section
        if paragraph.number in items:
            parts.append("<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items[paragraph.number]) + "</ul>")
        else:
            parts.append(f"<p>{html.escape(paragraph.text)}</p>")
    return "\n".join(parts)


def pdf_bytes(body: str, *, header: str, columns: int = 2, size: str = "10pt", extra_style: str = "") -> bytes:
    import weasyprint

    style = PDF_STYLE % {"header": header, "columns": columns, "size": size} + extra_style
    page = f'<html lang="en"><head><meta charset="utf-8"><style>{style}</style></head><body>{body}</body></html>'
    return weasyprint.HTML(string=page).write_pdf()


def write_pdf(path: Path, body: str, **kwargs) -> Path:
    path.write_bytes(pdf_bytes(body, **kwargs))
    return path
