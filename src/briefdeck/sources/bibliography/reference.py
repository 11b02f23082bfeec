"""One record read from a reference manager's file, and the checks every format shares."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from briefdeck.errors import BriefdeckError, Location, Problem, Problems

# The item types of CSL 1.0.2 (https://docs.citationstyles.org/en/stable/specification.html#appendix-iii-types).
CSL_TYPES = frozenset("""article article-journal article-magazine article-newspaper bill book broadcast chapter
    classic collection dataset document entry entry-dictionary entry-encyclopedia event figure graphic hearing
    interview legal_case legislation manuscript map motion_picture musical_score pamphlet paper-conference patent
    performance periodical personal_communication post post-weblog regulation report review review-book software
    song speech standard thesis treaty webpage""".split())
NAME_FIELDS = ("author", "editor", "translator", "container-author", "collection-editor", "director", "interviewer",
               "recipient")
DATE_FIELDS = ("issued", "accessed", "original-date", "event-date", "submitted")


@dataclass(frozen=True)
class Reference:
    """A record as its file gives it: the citation key, CSL fields, and the documents it is attached to."""

    key: str
    csl: dict[str, Any]  # CSL-JSON field names and shapes; no "file"
    files: tuple[str, ...]  # attachment paths as written (absolute, relative or file:// URLs)
    location: Location  # the record's first line in its file


def read_text(path: Path, shown: str) -> str:
    """The file's text; a file that is not UTF-8 is an error naming the byte."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BriefdeckError(Problem(f"{path.name} is not UTF-8 (byte {exc.start})", Location(shown),
                                     "export it again as UTF-8 (Unicode)", code="references-encoding")) from None


def line_at(text: str, offset: int) -> int:
    """The 1-based line of a character offset."""
    return text.count("\n", 0, offset) + 1


def csl_date(value: Any) -> Any:
    """A date as CSL date-parts: "2019-07-24", "2017/06//", 2019 and [{year, month}] are accepted."""
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        parts = [int(p) for p in re.findall(r"\d+", str(value))[:3]]
        return {"date-parts": [parts]} if parts else {"literal": str(value)}
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):  # pandoc-citeproc's form
        first = value[0]
        parts = [first.get(k) for k in ("year", "month", "day") if first.get(k) is not None]
        return {"date-parts": [parts]}
    if isinstance(value, dict) and isinstance(value.get("date-parts"), list):  # Zotero writes ["2019", 7, 24]
        parts = [[int(p) if isinstance(p, str) and p.strip().isdigit() else p for p in row]
                 if isinstance(row, list) else row for row in value["date-parts"]]
        return {**value, "date-parts": parts}
    return value


def check_fields(csl: Mapping[str, Any], where: Location) -> list[Problem]:
    """What is wrong with a record's CSL fields that no style could print."""
    problems = []
    kind = csl.get("type")
    if kind is not None and kind not in CSL_TYPES:
        close = difflib.get_close_matches(str(kind), sorted(CSL_TYPES), n=3, cutoff=0.4) or ["report", "webpage"]
        problems.append(Problem(f"record '{csl.get('id')}': type {kind!r} is not a CSL type", where,
                                f"use a CSL type such as {', '.join(close)} (post-weblog for a blog post)",
                                code="references-field"))
    for field in NAME_FIELDS:
        names = csl.get(field)
        if names is not None and not (isinstance(names, list) and all(isinstance(n, (dict, str)) for n in names)):
            problems.append(Problem(f"record '{csl.get('id')}': '{field}' should be a list of names", where,
                                    "write each name as {family, given} or {literal}", code="references-field"))
    for field in DATE_FIELDS:
        date = csl.get(field)
        if date is not None and not isinstance(date, (dict, str, int)):
            problems.append(Problem(f"record '{csl.get('id')}': '{field}' is not a date", where,
                                    "write it as {date-parts: [[year, month, day]]}", code="references-field"))
    for field in ("title", "container-title", "publisher"):
        value = csl.get(field)
        if value is not None and not isinstance(value, (str, int, float)):
            problems.append(Problem(f"record '{csl.get('id')}': '{field}' should be text", where,
                                    code="references-field"))
    return problems


def from_csl(item: Any, where: Location, problems: Problems) -> Reference | None:
    """A CSL JSON or YAML record as a `Reference`; None (and a problem) when it is malformed."""
    if not isinstance(item, dict):
        problems.error(f"a record must be a mapping of CSL fields, found {type(item).__name__}", where,
                       code="references-shape")
        return None
    key = item.get("citation-key") or item.get("id")
    if not isinstance(key, (str, int)) or isinstance(key, bool) or not str(key).strip():
        problems.error("record has no 'id'", where, hint="give every record an id (its citation key)",
                       code="references-id")
        return None
    csl = {k: v for k, v in item.items() if k not in ("file", "citation-key")}
    for field in DATE_FIELDS:
        if field in csl:
            csl[field] = csl_date(csl[field])
    found = check_fields(csl, where)
    if found:
        problems.extend(found)
        return None
    return Reference(str(key), csl, _files(item.get("file")), where)


def _files(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(v for v in value if isinstance(v, str))
    return ()


def malformed(message: str, where: Location, hint: str, code: str = "references-syntax") -> BriefdeckError:
    return BriefdeckError(Problem(message, where, hint, code=code))
