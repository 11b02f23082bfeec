"""Bibliographic records: ``sources.yaml``.

``sources.yaml`` is a list of CSL-JSON records, each with a ``file`` naming a
document in the sources folder. A document without a record still works: its
title, author and date are detected from the text (`briefdeck.sources.guessed_record`),
and a warning says so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefdeck.errors import BriefdeckError, Location, Problem, Problems, display_path
from briefdeck.sources.model import SourceRecord
from briefdeck.yamlfile import RECORDS, MapNode, Node, ScalarNode, SeqNode, describe, node_to_data, read_yaml_file

RECORDS_FILE = "sources.yaml"
# CSL-JSON variables that hold names or dates; every other field holds text (or a number).
NAME_FIELDS = ("author", "editor", "translator", "container-author", "collection-editor", "original-author",
               "reviewed-author", "recipient", "interviewer", "director", "composer", "illustrator")
DATE_FIELDS = ("issued", "accessed", "event-date", "original-date", "submitted", "available-date")
_NAME_PARTS = ("family", "given", "literal", "dropping-particle", "non-dropping-particle", "suffix")
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]*")


@dataclass(frozen=True)
class RecordEntry:
    record: SourceRecord
    file: str
    location: Location


def load_records(folder: Path) -> list[RecordEntry]:
    """The records of ``folder/sources.yaml`` (none if the file is absent), checked.

    The file goes through the hardened YAML loader (`briefdeck.yamlfile`): no
    aliases, tags or duplicate keys, bounded size and depth, and values
    checked where they are written (numbers finite, dates in the calendar).
    Every problem is reported at once with its line and column. The file is a
    list of records, or a mapping with ``records:`` (that list) and ``files:``
    (see `load_file_keys`).
    """
    path = folder / RECORDS_FILE
    if not path.is_file():
        return []
    shown = display_path(path)
    node = read_yaml_file(path, shown, RECORDS)
    if isinstance(node, MapNode) and {k.value for k, _ in node.pairs} <= {"records", "files"}:
        node = node.get("records")  # records beside a files: map (see load_file_keys)
    if node is None or (isinstance(node, ScalarNode) and node.is_empty):
        return []
    if not isinstance(node, SeqNode):
        raise BriefdeckError(Problem(f"{RECORDS_FILE} must be a list of records (found {describe(node)})",
                                     node.location, "start each record with '- id: …'", code="records-shape"))
    problems = Problems()
    entries: list[RecordEntry] = []
    seen: dict[str, Location] = {}
    for item_node in node.items:
        where = item_node.location
        if not isinstance(item_node, MapNode):
            problems.error("a record must be a mapping of CSL-JSON fields", where, code="records-shape")
            continue
        item = node_to_data(item_node, problems)
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
        csl = {k: v for k, v in item.items() if k != "file"}
        for key in csl:
            if key in DATE_FIELDS:
                csl[key] = _date_parts(csl[key], item_node.get(key), problems)
            elif key in NAME_FIELDS:
                _check_names(csl[key], item_node.get(key), f"record '{source_id}': {key}", problems)
            elif isinstance(csl[key], (list, dict)) or (key == "URL" and not isinstance(csl[key], str)):
                problems.error(f"record '{source_id}': {key}: expected text; found "
                               f"{_kind_of(csl[key])}",
                               item_node.get(key).location, hint="write the value as text on the key's line",
                               code="records-field")
        entries.append(RecordEntry(SourceRecord(source_id, csl), file, where))
    problems.raise_if_errors()
    return entries


def load_file_keys(folder: Path) -> list[tuple[str, str, Location]]:
    """``files:`` of ``sources.yaml``: (document's file name, citation key, where), tying a document to a
    record of a reference manager's file (references.json, .bib, .ris)."""
    path = folder / RECORDS_FILE
    if not path.is_file():
        return []
    node = read_yaml_file(path, display_path(path), RECORDS)
    files = node.get("files") if isinstance(node, MapNode) else None
    if files is None:
        return []
    if not isinstance(files, MapNode) or not all(isinstance(v, ScalarNode) for _, v in files.pairs):
        raise BriefdeckError(Problem("'files:' must map a document's file name to a citation key", files.location,
                                     "for example  files: {report.pdf: king2019}", code="records-shape"))
    return [(name.value, key.value, key.location) for name, key in files.pairs]


def _kind_of(value: Any) -> str:
    return "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else repr(value)


def _check_names(value: Any, node: Node, what: str, problems: Problems) -> None:
    """A name variable: a list of {family, given, …} or {literal} mappings (one may stand alone)."""
    items = value if isinstance(value, list) else [value]
    for item, where in zip(items, node.items if isinstance(node, SeqNode) else [node]):
        ok = isinstance(item, str) or (isinstance(item, dict) and item and all(
            key in _NAME_PARTS and isinstance(part, str) for key, part in item.items()))
        if not ok:
            problems.error(f"{what}: expected a name such as {{family: King, given: Robert R.}} or "
                           f"{{literal: U.S. Department of State}}; found {item!r}"[:200], where.location,
                           hint=f"name parts are {', '.join(_NAME_PARTS)}, each text", code="records-field")


def _date_parts(value: Any, node: Node, problems: Problems) -> Any:
    """A date written as '2019-07-24' or '2019' becomes CSL date-parts; date-parts stay.

    Each part must be a year (at most four digits), a month 1–12 and a day of
    that month; anything else is reported where it is written.
    """
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        runs = re.findall(r"\d+", str(value))[:3]
        if not runs:
            return {"literal": str(value)}
        parts = _checked_parts(runs, node, problems)
        return {"date-parts": [parts]} if parts else None
    if isinstance(value, dict) and isinstance(value.get("date-parts"), list):
        checked = []
        for parts in value["date-parts"]:
            ok = (isinstance(parts, list) and 1 <= len(parts) <= 3
                  and all(isinstance(p, (int, str)) and not isinstance(p, bool) for p in parts))
            checked.append(_checked_parts([str(p) for p in parts], node, problems) if ok else None)
            if not ok:
                problems.error("expected date-parts such as [[2019, 7, 24]]; found something else", node.location,
                               hint="write date-parts: [[YEAR, MONTH, DAY]] (month and day may be left out)",
                               code="bad-date")
        return {**value, "date-parts": checked} if all(checked) else None
    if isinstance(value, dict) and set(value) == {"literal"} and isinstance(value["literal"], str):
        return value
    problems.error(f"expected a date such as 2019-07-24, or date-parts: [[2019, 7, 24]]; found {value!r}"[:200],
                   node.location, hint="write it as YYYY-MM-DD, YYYY-MM or YYYY", code="bad-date")
    return None


def _checked_parts(runs: list[str], node: Node, problems: Problems) -> list[int] | None:
    """[year, month, day] (month and day optional) when they name a date in the calendar."""
    if all(run.isdigit() and len(run) <= 4 for run in runs):
        parts = [int(run) for run in runs]
        try:
            dt.date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))
            return parts
        except ValueError:
            pass
    found = "-".join(run if len(run) <= 8 else run[:8] + "…" for run in runs)
    problems.error(f"expected a date that exists (year, month, day); found {found}", node.location,
                   hint="write it as YYYY-MM-DD, YYYY-MM or YYYY", code="bad-date")
    return None


def source_id_for(file: Path) -> str:
    """An id for a document without a record: its file name, lower-case, dashes for the rest."""
    return re.sub(r"[^a-z0-9]+", "-", file.stem.lower()).strip("-") or "source"
