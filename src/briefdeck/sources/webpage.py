"""The web-page reader: the article only, through trafilatura (Apache-2.0).

trafilatura drops navigation, subscribe boxes, comments and related links and
gives the article as XML: headings (``head``), paragraphs (``p``), lists
(``list``/``item``) and quotations. The page's own metadata (title, author,
date, site name, canonical address) fills the record briefdeck guesses. No
address is ever fetched: only the bytes of the saved page are read.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefdeck.errors import BriefdeckError, Problem
from briefdeck.sources.readtext import ReadText, joined_blocks

_SUFFIXES = (".html", ".htm", ".xhtml")
_HTML_START = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)
_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


class HtmlReader:
    name = "html"
    suffixes = _SUFFIXES

    def detect(self, path: Path, head: bytes) -> bool:
        return path.suffix.lower() in self.suffixes or _HTML_START.match(head[:2048].lstrip(b"\xef\xbb\xbf")) is not None

    def read(self, data: bytes, *, name: str) -> ReadText:
        import trafilatura  # imported on first use: it is slow to import and most sources are not web pages
        from lxml import etree

        try:
            xml = trafilatura.extract(data, output_format="xml", include_comments=False, include_tables=False,
                                      with_metadata=True, deduplicate=False, favor_precision=True)
            document = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                                   include_tables=False)
            parts = _parts(etree.fromstring(xml.encode("utf-8"))) if xml else []
        except (ValueError, TypeError, etree.LxmlError):
            parts, document = [], None
        if not any(kind in ("body", "item") for kind, _ in parts):
            raise BriefdeckError(Problem(f"{name} holds no article text (only navigation, links or an empty page)",
                                         hint="save the page that shows the article itself, or copy its text "
                                              "into a .txt file", code="no-article"))
        text, blocks, _ = joined_blocks(parts)
        return ReadText(text, blocks=blocks, metadata=_metadata(document))


def _parts(root) -> list[tuple[str, str]]:
    """``(kind, text)`` for the article's title, headings, paragraphs and list items, in order."""
    parts: list[tuple[str, str]] = []
    seen: set[str] = set()
    main = root.find("main")
    for element in (main if main is not None else root).iter("head", "p", "item", "quote"):
        if element.tag in ("p",) and element.getparent().tag in ("item", "quote"):
            continue  # read with its item or quotation
        text = " ".join("".join(element.itertext()).split())
        if not text:
            continue
        if element.tag == "head":
            first = not parts
            parts.append(("title" if first and element.get("rend") == "h1" else "heading", text))
        elif element.tag == "quote" and any(text in s for s in seen):
            continue  # a pull quote repeating the text
        else:
            parts.append(("item" if element.tag == "item" else "body", text))
            seen.add(text)
    return parts


def _metadata(document) -> dict:
    """CSL-JSON fields from the page's metadata."""
    if document is None:
        return {}
    csl: dict = {"type": "webpage"}
    if document.title:
        csl["title"] = document.title
    if document.author:
        csl["author"] = [_name(a.strip()) for a in document.author.split(";") if a.strip()]
    if document.sitename:
        csl["container-title"] = document.sitename
    if document.url:
        csl["URL"] = document.url
    match = _DATE.fullmatch(document.date or "")
    if match:
        csl["issued"] = {"date-parts": [[int(p) for p in match.groups() if p]]}
    return csl


def _name(name: str) -> dict:
    given, _, family = name.rpartition(" ")
    return {"family": family, "given": given} if given else {"literal": name}
