"""Bibliographic records: ``sources.yaml`` and what can be guessed from a document's text.

``sources.yaml`` is a list of CSL-JSON records, each with a ``file`` naming a
document in the sources folder. A document without a record still works: its
title, author and date are detected from the text, and a warning says so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from briefdeck.errors import BriefdeckError, Location, Problem, Problems, display_path
from briefdeck.sources.blocks import PUBLISHED, Classified, block_lines, byline_names
from briefdeck.sources.model import SourceRecord, iso_date

RECORDS_FILE = "sources.yaml"
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]*")
_DATE_FORMATS = ("%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%Y-%m-%d", "%B %Y")


@dataclass(frozen=True)
class RecordEntry:
    record: SourceRecord
    file: str
    location: Location


def load_records(folder: Path) -> list[RecordEntry]:
    """The records of ``folder/sources.yaml`` (none if the file is absent), checked.

    Every problem is reported at once with its line and column. The file is a
    list of records, or a mapping with ``records:`` (that list) and ``files:``
    (see `load_file_keys`).
    """
    path = folder / RECORDS_FILE
    if not path.is_file():
        return []
    shown = display_path(path)
    data, node = _read_records_file(path, shown)
    if isinstance(data, dict) and set(data) <= {"records", "files"}:
        data, node = data.get("records"), next((v for k, v in node.value if k.value == "records"), None)
    if data is None:
        return []
    if not isinstance(data, list):
        raise BriefdeckError(Problem(f"{RECORDS_FILE} must be a list of records (found a {type(data).__name__})",
                                     _at(shown, node), "start each record with '- id: …'", code="records-shape"))
    problems = Problems()
    entries: list[RecordEntry] = []
    seen: dict[str, Location] = {}
    for item, item_node in zip(data, node.value):
        where = _at(shown, item_node)
        if not isinstance(item, dict):
            problems.error("a record must be a mapping of CSL-JSON fields", where, code="records-shape")
            continue
        source_id, file = item.get("id"), item.get("file")
        if not isinstance(source_id, str) or not ID_PATTERN.fullmatch(source_id):
            problems.error(f"record id must be lower-case letters, digits and dashes (found {source_id!r})", where,
                           hint="for example 'king-2019'", code="records-id")
            continue
        if source_id in seen:
            problems.error(f"duplicate record id '{source_id}' (first at line {seen[source_id].line})", where,
                           code="records-duplicate")
            continue
        seen[source_id] = where
        if not isinstance(file, str) or not file:
            problems.error(f"record '{source_id}' has no 'file'", where,
                           hint="name the document's file in the sources folder, e.g. file: report.txt",
                           code="records-file")
            continue
        target = (folder / file).resolve()
        if not target.is_relative_to(folder.resolve()):
            problems.error(f"record '{source_id}': file '{file}' is outside the sources folder", where,
                           hint="keep documents inside the sources folder", code="records-file")
            continue
        if not target.is_file():
            problems.error(f"record '{source_id}': file '{file}' does not exist", where,
                           hint=f"files are looked up in {display_path(folder)}", code="records-file")
            continue
        csl = {k: _plain(v) for k, v in item.items() if k != "file"}
        if "issued" in csl:
            csl["issued"] = _date_parts(csl["issued"])
        if "accessed" in csl:
            csl["accessed"] = _date_parts(csl["accessed"])
        entries.append(RecordEntry(SourceRecord(source_id, csl), file, where))
    problems.raise_if_errors()
    return entries


def load_file_keys(folder: Path) -> list[tuple[str, str, Location]]:
    """``files:`` of ``sources.yaml``: (document's file name, citation key, where), tying a document to a
    record of a reference manager's file (references.json, .bib, .ris)."""
    path = folder / RECORDS_FILE
    if not path.is_file():
        return []
    shown = display_path(path)
    data, node = _read_records_file(path, shown)
    if not isinstance(data, dict) or "files" not in data:
        return []
    files_node = next(v for k, v in node.value if k.value == "files")
    if not isinstance(data["files"], dict):
        raise BriefdeckError(Problem("'files:' must map a document's file name to a citation key",
                                     _at(shown, files_node), "for example  files: {report.pdf: king2019}",
                                     code="records-shape"))
    return [(str(name), str(key), _at(shown, key_node))
            for (name, key), (key_node, _) in zip(data["files"].items(), files_node.value)]


def _read_records_file(path: Path, shown: str) -> tuple[Any, Any]:
    """sources.yaml's data and its YAML node (for line numbers)."""
    try:
        loader = yaml.SafeLoader(path.read_text(encoding="utf-8"))
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except UnicodeDecodeError as exc:
        raise BriefdeckError(Problem(f"{RECORDS_FILE} is not UTF-8 (byte {exc.start})", Location(shown),
                                     "save it as UTF-8", code="records-encoding")) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = Location(shown, mark.line + 1, mark.column + 1) if mark else Location(shown)
        problem = getattr(exc, "problem", None) or str(exc)
        raise BriefdeckError(Problem(f"{RECORDS_FILE} is not valid YAML: {problem}", where,
                                     "fix the YAML syntax at that place (indent with spaces, close quotes and brackets)",
                                     code="records-yaml")) from None
    return data, node


def _at(shown: str, node: Any) -> Location:
    mark = getattr(node, "start_mark", None)
    return Location(shown, mark.line + 1, mark.column + 1) if mark else Location(shown)


def _plain(value: Any) -> Any:
    """YAML values as JSON-safe values: dates become ISO strings."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _date_parts(value: Any) -> Any:
    """A date written as '2019-07-24' or '2019' becomes CSL date-parts; date-parts stay."""
    if isinstance(value, (str, int)):
        parts = [int(p) for p in re.findall(r"\d+", str(value))[:3]]
        return {"date-parts": [parts]} if parts else {"literal": str(value)}
    return value


def source_id_for(file: Path) -> str:
    """An id for a document without a record: its file name, lower-case, dashes for the rest."""
    return re.sub(r"[^a-z0-9]+", "-", file.stem.lower()).strip("-") or "source"


def guess_record(source_id: str, original: str, classified: list[Classified]) -> tuple[SourceRecord, list[str]]:
    """A record from what the text states: title, author ("By …", "Author: …") and date ("Published …")."""
    csl: dict[str, Any] = {"id": source_id, "type": "document"}
    guessed = []
    title = next((c.block.text for c in classified if c.kind == "title"), None)
    if title:
        csl["title"] = title
        guessed.append(f"title '{title}'")
    names = byline_names(original, classified)
    if names:
        name = max(names, key=len)  # "Robert R. King" over "Robert King"
        given, _, family = name.rpartition(" ")
        csl["author"] = [{"family": family, "given": given} if given else {"literal": name}]
        guessed.append(f"author '{name}'")
    issued = _published_date(original, classified)
    if issued:
        csl["issued"] = {"date-parts": [issued]}
        guessed.append(f"date {iso_date(issued)}")
    what = ", ".join(guessed) if guessed else "nothing (no title, byline or date found)"
    warning = (f"{source_id}: no record in {RECORDS_FILE}; guessed {what} from the text. "
               f"Add a record to {RECORDS_FILE} to state them.")
    return SourceRecord(source_id, csl), [warning]


def _published_date(original: str, classified: list[Classified]) -> list[int] | None:
    for c in classified:
        if c.kind != "byline":
            continue
        for line in block_lines(original, c.block):
            match = PUBLISHED.fullmatch(line)
            if match:
                parsed = _parse_date(match.group("date").strip())
                if parsed:
                    return parsed
    return None


def _parse_date(text: str) -> list[int] | None:
    for fmt in _DATE_FORMATS:
        try:
            when = dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        return [when.year, when.month] if fmt == "%B %Y" else [when.year, when.month, when.day]
    return None
