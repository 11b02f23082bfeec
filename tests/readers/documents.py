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
    return "\n".join([f"<h1>{html.escape(source.record.title)}</h1>", *_sections_html(source, items or {}, "h2")])


def _sections_html(source: Source, items: dict[int, list[str]], heading: str, upper: bool = False) -> list[str]:
    parts, section = [], None
    for paragraph in source.paragraphs:
        if paragraph.section != section and paragraph.section:
            name = paragraph.section.upper() if upper else paragraph.section
            parts.append(f"<{heading}>{html.escape(name)}</{heading}>")
        section = paragraph.section
        if paragraph.number in items:
            parts.append("<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items[paragraph.number]) + "</ul>")
        else:
            parts.append(f"<p>{html.escape(paragraph.text)}</p>")
    return parts


def pdf_bytes(body: str, *, header: str, columns: int = 2, size: str = "10pt", extra_style: str = "") -> bytes:
    import weasyprint

    style = PDF_STYLE % {"header": header, "columns": columns, "size": size} + extra_style
    page = f'<html lang="en"><head><meta charset="utf-8"><style>{style}</style></head><body>{body}</body></html>'
    return weasyprint.HTML(string=page).write_pdf()


def write_pdf(path: Path, body: str, **kwargs) -> Path:
    path.write_bytes(pdf_bytes(body, **kwargs))
    return path


# Site chrome around an article: navigation, a subscribe box, related links, comments, a footer.
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>%(title)s | %(site)s</title>
<meta property="og:title" content="%(title)s"><meta property="og:site_name" content="%(site)s">
%(meta)s
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/research">Research</a></li>
<li><a href="/events">Events</a></li><li><a href="/about">About us</a></li></ul></nav>
<form class="search"><input name="q" placeholder="Search all site content"></form></header>
<div class="subscribe"><h3>Stay informed</h3><p>Sign up for our mailing list to keep up to date on all the
latest developments.</p><button>Subscribe</button></div>
<main><article>
%(article)s
</article>
<aside class="related"><h3>Related posts</h3><ul><li><a href="/a">Other commentary from this blog</a></li>
<li><a href="/b">More on this topic</a></li></ul></aside>
<section id="comments"><h3>Comments</h3><div class="comment"><p>Reader comment: thanks for posting this.</p>
</div></section></main>
<footer><p>Copyright the publisher. All rights reserved.</p><ul><li><a href="/privacy">Privacy</a></li>
<li><a href="/contact">Contact</a></li></ul></footer>
</body></html>"""


def page_html(source: Source, *, site: str, byline: str = "", date: str = "", items=None) -> str:
    """A web page holding the source's article inside realistic site chrome."""
    meta = ""
    if byline:
        meta += f'<meta name="author" content="{html.escape(byline)}">'
    if date:
        meta += f'<meta property="article:published_time" content="{date}">'
    article = article_html(source, items=items)
    if byline:
        article = article.replace("</h1>", f'</h1>\n<p class="byline">By {html.escape(byline)}</p>', 1)
    return PAGE % {"title": html.escape(source.record.title), "site": html.escape(site), "meta": meta,
                   "article": article}


def docx_bytes(source: Source, *, items: dict[int, list[str]] | None = None, table: bool = False) -> bytes:
    """The source as a Word file: Title and Heading styles, List Bullet items, and optionally a table."""
    import io

    import docx

    items = items or {}
    document = docx.Document()
    document.add_paragraph(source.record.title, style="Title")
    section = None
    for paragraph in source.paragraphs:
        if paragraph.section != section and paragraph.section:
            document.add_heading(paragraph.section, level=1)
        section = paragraph.section
        for item in items.get(paragraph.number, ()):
            document.add_paragraph(item, style="List Bullet")
        if paragraph.number not in items:
            document.add_paragraph(paragraph.text)
        if table and paragraph.number == 1:
            grid = document.add_table(rows=2, cols=2)
            grid.cell(0, 0).text, grid.cell(0, 1).text = "Tier", "Countries"
            grid.cell(1, 0).text, grid.cell(1, 1).text = "3", "22"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def recommendation_items(source: Source) -> dict[int, list[str]]:
    """The TIP narrative's recommendations paragraph as a bulleted list: its own clauses, split at "; "."""
    paragraph = next(p for p in source.paragraphs if p.section == "Recommendations")
    clauses = [c.strip() for c in paragraph.text.split("; ")]
    clauses = [c[4:] if c.startswith("and ") else c for c in clauses]
    return {paragraph.number: [c[0].upper() + c[1:].rstrip(".") for c in clauses]}


def report_html(source: Source) -> str:
    """A report chapter: the report's name, the country, upper-case section headings, the recommendations
    as bullets (three heading levels, a list, and enough text to run across pages)."""
    return "\n".join([f"<h1>{html.escape(source.record.csl['container-title'])}</h1>",
                      f"<h2>{html.escape(source.record.title)}</h2>",
                      *_sections_html(source, recommendation_items(source), "h3", upper=True)])
