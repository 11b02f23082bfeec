"""``references.bib``: BibTeX and BibLaTeX, as Better BibTeX exports them, read with bibtexparser 2.

Entry types and fields are mapped to CSL the way pandoc's citeproc maps them
(``@report`` → report, ``journaltitle`` → container-title, ``type`` → genre,
``institution`` → publisher…). LaTeX accents are decoded; a name in braces
(``{U.S. Department of State}``) is an organization. ``file`` holds Zotero's
attachments ("Title:path:mime;…"). An unclosed brace or a duplicate key is
an error naming the line.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import bibtexparser
from bibtexparser import middlewares
from bibtexparser.middlewares.names import InvalidNameError, parse_single_name_into_parts
from bibtexparser.model import DuplicateBlockKeyBlock
from pylatexenc.latex2text import LatexNodes2Text

from briefdeck.errors import Location, Problems
from briefdeck.sources.bibliography.reference import Reference, check_fields, read_text

_TYPES = {
    "article": "article-journal", "book": "book", "mvbook": "book", "booklet": "pamphlet", "collection": "book",
    "mvcollection": "book", "proceedings": "book", "manual": "report", "inbook": "chapter", "incollection": "chapter",
    "bookinbook": "chapter", "suppbook": "chapter", "inproceedings": "paper-conference",
    "conference": "paper-conference", "report": "report", "techreport": "report", "thesis": "thesis",
    "phdthesis": "thesis", "mastersthesis": "thesis", "online": "webpage", "www": "webpage",
    "electronic": "webpage", "unpublished": "manuscript", "misc": "document", "dataset": "dataset",
    "software": "software", "patent": "patent", "periodical": "periodical", "inreference": "entry-encyclopedia",
    "reference": "book", "movie": "motion_picture", "video": "motion_picture", "audio": "song",
    "letter": "personal_communication", "standard": "standard",
}
# entrysubtype refines @article and @online (Better BibTeX writes "newspaper", "magazine", "blog").
_SUBTYPES = {"newspaper": "article-newspaper", "magazine": "article-magazine", "blog": "post-weblog"}
_TEXT_FIELDS = {
    "title": "title", "shorttitle": "title-short", "journaltitle": "container-title", "journal": "container-title",
    "booktitle": "container-title", "maintitle": "container-title", "titleaddon": "container-title",
    "publisher": "publisher",
    "institution": "publisher", "organization": "publisher", "school": "publisher", "location": "publisher-place",
    "address": "publisher-place", "volume": "volume", "pages": "page", "edition": "edition", "type": "genre",
    "howpublished": "medium", "series": "collection-title", "url": "URL", "doi": "DOI", "isbn": "ISBN",
    "note": "note", "language": "language", "version": "version", "eventtitle": "event-title",
}
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_HINT = "fix the entry at that line (every '{' needs its '}', fields are separated by commas)"


def read_bibtex(path: Path, shown: str) -> list[Reference]:
    text = read_text(path, shown)
    messages = _Collected()
    logger = logging.getLogger("bibtexparser")
    logger.addHandler(messages)
    propagate, logger.propagate = logger.propagate, False
    try:
        library = bibtexparser.parse_string(text, append_middleware=[middlewares.SeparateCoAuthors()])
    finally:
        logger.removeHandler(messages)
        logger.propagate = propagate
    problems = Problems()
    for block in library.failed_blocks:
        where = Location(shown, block.start_line + 1)
        if isinstance(block, DuplicateBlockKeyBlock):
            problems.error(f"duplicate key '{block.key}'", where, hint="give each entry its own key",
                           code="references-duplicate")
        else:
            detail = messages.about(block.start_line)
            problems.error(f"entry cannot be read{': ' + detail if detail else ''}", where, hint=_HINT,
                           code="references-syntax")
    references = []
    for entry in library.entries:
        where = Location(shown, entry.start_line + 1)
        try:
            csl = _csl(entry)
        except InvalidNameError as exc:
            problems.error(f"entry '{entry.key}': a name cannot be read: {exc}", where,
                           hint="write names as 'Family, Given and Other, Name'; an organization in braces",
                           code="references-field")
            continue
        found = check_fields(csl, where)
        problems.extend(found)
        if not found:
            attached = next((f.value for f in entry.fields if f.key.casefold() == "file"), None)
            references.append(Reference(entry.key, csl, _attachments(attached), where))
    problems.raise_if_errors()
    return references


class _Collected(logging.Handler):
    """bibtexparser's own explanation of a failed block ("Was still looking for …"), kept for our error."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    def about(self, start_line: int) -> str:
        for message in self.messages:
            if f"(line {start_line})" in message:
                return " ".join(message.split(":", 1)[-1].split()) if ":" in message else message
        return ""


def _csl(entry: Any) -> dict[str, Any]:
    fields = {f.key.casefold(): f.value for f in entry.fields}
    kind = _SUBTYPES.get(_decode(fields.get("entrysubtype", "")).casefold()) or _TYPES.get(entry.entry_type, "document")
    csl: dict[str, Any] = {"id": entry.key, "type": kind}
    for field, target in _TEXT_FIELDS.items():
        if field in fields and target not in csl:
            csl[target] = fields[field] if target in ("URL", "DOI") else _decode(fields[field])
    if "number" in fields:  # a journal's issue; a report's or standard's number
        csl["issue" if kind.startswith("article") else "number"] = _decode(fields["number"])
    for field in ("author", "editor", "translator"):
        if field in fields:
            csl[field] = [_name(n) for n in fields[field]]
    issued = _date(fields.get("date")) or _year_month(fields.get("year"), fields.get("month"))
    if issued:
        csl["issued"] = issued
    accessed = _date(fields.get("urldate"))
    if accessed:
        csl["accessed"] = accessed
    return csl


def _decode(value: Any) -> str:
    """LaTeX to text: accents decoded, protective braces removed."""
    text = str(value)
    if not any(c in text for c in "\\{}$~"):
        return " ".join(text.split())
    return " ".join(LatexNodes2Text().latex_to_text(text).split())


def _name(text: str) -> dict[str, str]:
    """A BibTeX name ("King, Robert R.", "{U.S. Department of State}") or a BibLaTeX extended name
    ("family=Oord, given=Aaron, prefix=van den") as a CSL name."""
    text = text.strip()
    if re.match(r"(family|given|prefix|suffix)\s*=", text):
        pairs = dict(p.split("=", 1) for p in re.split(r",\s*(?=\w+\s*=)", text) if "=" in p)
        pairs = {k.strip(): _decode(v.strip()) for k, v in pairs.items()}
        name = {"family": pairs.get("family", ""), "given": pairs.get("given", ""),
                "non-dropping-particle": pairs.get("prefix", ""), "suffix": pairs.get("suffix", "")}
        return {k: v for k, v in name.items() if v}
    if text.startswith("{") and text.endswith("}") and _balanced(text[1:-1]):
        return {"literal": _decode(text)}
    parts = parse_single_name_into_parts(text, strict=False)
    name = {"family": _decode(" ".join(parts.last)), "given": _decode(" ".join(parts.first)),
            "non-dropping-particle": _decode(" ".join(parts.von)), "suffix": _decode(" ".join(parts.jr))}
    return {k: v for k, v in name.items() if v}


def _balanced(text: str) -> bool:
    """True when the braces inside ``text`` pair up, so "{A} and {B}" is not taken for one braced name."""
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _date(value: Any) -> dict | None:
    """A BibLaTeX date ("2019-07-24", "2017-06", "2019") as CSL date-parts."""
    if not value:
        return None
    pieces = str(value).strip().split("/")[0].split("-")
    if not all(p.isdigit() for p in pieces):
        return {"literal": _decode(value)}
    return {"date-parts": [[int(p) for p in pieces[:3]]]}


def _year_month(year: Any, month: Any) -> dict | None:
    if not year or not str(year).strip().isdigit():
        return {"literal": _decode(year)} if year else None
    parts = [int(str(year).strip())]
    if month:
        text = _decode(month).casefold()
        number = int(text) if text.isdigit() else _MONTHS.get(text[:3])
        if number:
            parts.append(number)
    return {"date-parts": [parts]}


def _attachments(value: Any) -> tuple[str, ...]:
    """The paths in a file field: Zotero's "Title:path:mime;…" or plain paths separated by ";"."""
    if not value:
        return ()
    paths = []
    for item in str(value).split(";"):
        pieces = item.split(":")
        if len(pieces) >= 3 and "/" in pieces[-1]:  # description:path:mime (a Windows path keeps its drive colon)
            item = ":".join(pieces[1:-1])
        paths.append(item.replace("\\:", ":").strip())
    return tuple(p for p in paths if p)
