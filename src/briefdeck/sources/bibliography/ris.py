"""``references.ris``: RIS, as Zotero, EndNote and most catalogues export it, read with rispy.

Each record runs from its ``TY  - `` line to its ``ER  - `` line; that
structure is checked here first, line by line, because rispy silently drops
a record without a TY line. rispy then reads each record's fields, which are
mapped to CSL the way Zotero maps them (``T2`` → container-title, ``M3`` →
genre, ``L1`` → the attached document). ``ID`` is the citation key; a record
without one takes the id of the document it is attached to.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import rispy

from briefdeck.errors import Location, Problems
from briefdeck.sources.bibliography.reference import Reference, check_fields, csl_date, read_text

_TAG = re.compile(r"([A-Z][A-Z0-9])  -(?: (.*))?$")
_TYPES = {
    "ABST": "article", "ANCIENT": "manuscript", "ART": "graphic", "BILL": "bill", "BLOG": "post-weblog",
    "BOOK": "book", "CASE": "legal_case", "CHAP": "chapter", "CLSWK": "classic", "COMP": "software",
    "CONF": "paper-conference", "CPAPER": "paper-conference", "CTLG": "book", "DATA": "dataset",
    "DBASE": "dataset", "DICT": "entry-dictionary", "EBOOK": "book", "ECHAP": "chapter", "EDBOOK": "book",
    "EJOUR": "article-journal", "ELEC": "webpage", "ENCYC": "entry-encyclopedia", "FIGURE": "figure",
    "GEN": "document", "GOVDOC": "report", "HEAR": "hearing", "ICOMM": "personal_communication",
    "INPR": "article-journal", "JFULL": "periodical", "JOUR": "article-journal", "LEGAL": "legislation",
    "MANSCPT": "manuscript", "MAP": "map", "MGZN": "article-magazine", "MPCT": "motion_picture",
    "MULTI": "webpage", "MUSIC": "musical_score", "NEWS": "article-newspaper", "PAMP": "pamphlet",
    "PAT": "patent", "PCOMM": "personal_communication", "RPRT": "report", "SER": "book", "SLIDE": "speech",
    "SOUND": "song", "STAND": "standard", "STAT": "legislation", "THES": "thesis", "UNPB": "manuscript",
    "VIDEO": "motion_picture", "WEB": "webpage",
}
_TEXT_FIELDS = {  # rispy's field name → CSL
    "title": "title", "primary_title": "title", "secondary_title": "container-title",
    "journal_name": "container-title", "alternate_title3": "container-title", "short_title": "title-short",
    "tertiary_title": "collection-title", "publisher": "publisher", "place_published": "publisher-place",
    "volume": "volume", "edition": "edition", "type_of_work": "genre", "doi": "DOI", "language": "language",
}
_HINT = "every record starts with a 'TY  - ' line and ends with an 'ER  - ' line"


def read_ris(path: Path, shown: str) -> list[Reference]:
    lines = read_text(path, shown).splitlines()
    problems = Problems()
    references = []
    start: int | None = None
    for number, line in enumerate(lines, 1):
        tag = _TAG.match(line.rstrip())
        if tag and tag.group(1) == "TY":
            if start is not None:
                problems.error("record has no 'ER  - ' line before the next record", Location(shown, start),
                               hint=_HINT, code="references-syntax")
            start = number
        elif tag and tag.group(1) == "ER":
            if start is None:
                problems.error("'ER  - ' line without a record", Location(shown, number), hint=_HINT,
                               code="references-syntax")
                continue
            reference = _reference(lines[start - 1:number], Location(shown, start), problems)
            if reference:
                references.append(reference)
            start = None
        elif start is None and line.strip():
            what = f"'{tag.group(1)}' line" if tag else "text"
            problems.error(f"{what} outside a record (no 'TY  - ' line before it)", Location(shown, number),
                           hint=_HINT, code="references-syntax")
    if start is not None:
        problems.error("record has no 'ER  - ' line", Location(shown, start), hint=_HINT, code="references-syntax")
    problems.raise_if_errors()
    return references


def _reference(lines: list[str], where: Location, problems: Problems) -> Reference | None:
    try:
        [fields] = rispy.loads("\n".join(lines) + "\n")
    except (ValueError, IOError) as exc:  # rispy's own complaints about a record's shape
        problems.error(f"record cannot be read: {exc}", where, hint=_HINT, code="references-syntax")
        return None
    kind = str(fields.get("type_of_reference", "")).strip()
    if kind not in _TYPES:
        problems.error(f"record type 'TY  - {kind}' is not an RIS type", where,
                       hint="use an RIS type such as JOUR, BOOK, CHAP, RPRT, BLOG, ELEC or GEN",
                       code="references-field")
        return None
    key = str(fields.get("id") or "").strip()
    csl = _csl(fields, key, _TYPES[kind])
    found = check_fields(csl, where)
    problems.extend(found)
    attachments = [v for k in ("file_attachments1", "file_attachments2") for v in _as_list(fields.get(k))]
    return None if found else Reference(key, csl, tuple(attachments), where)


def _csl(fields: dict[str, Any], key: str, kind: str) -> dict[str, Any]:
    csl: dict[str, Any] = {"id": key, "type": kind} if key else {"type": kind}
    for field, target in _TEXT_FIELDS.items():
        value = fields.get(field)
        if value and target not in csl:
            csl[target] = " ".join(str(value).split())
    if fields.get("number"):
        csl["issue" if kind.startswith("article") else "number"] = str(fields["number"]).strip()
    pages = [str(fields[k]).strip() for k in ("start_page", "end_page") if fields.get(k)]
    if pages:
        csl["page"] = "-".join(pages)
    authors = _as_list(fields.get("authors")) + _as_list(fields.get("first_authors"))
    if authors:
        csl["author"] = [_name(a) for a in authors]
    if fields.get("secondary_authors") and kind in ("chapter", "paper-conference", "entry-encyclopedia"):
        csl["editor"] = [_name(a) for a in _as_list(fields["secondary_authors"])]
    issued = fields.get("date") or fields.get("year") or fields.get("publication_year")
    if issued:
        csl["issued"] = csl_date(str(issued).strip())
    if fields.get("access_date"):
        csl["accessed"] = csl_date(str(fields["access_date"]).strip())
    urls = _as_list(fields.get("urls"))
    if urls:
        csl["URL"] = urls[0].strip()
    return csl


def _name(text: str) -> dict[str, str]:
    """RIS names are "Family, Given[, Suffix]"; a name without a comma is an organization."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) == 1:
        return {"literal": parts[0]}
    name = {"family": parts[0], "given": parts[1], "suffix": ", ".join(parts[2:])}
    return {k: v for k, v in name.items() if v}


def _as_list(value: Any) -> list[str]:
    if not value:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]
