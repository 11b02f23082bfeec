"""Every record of a sources folder, from ``sources.yaml`` and the reference managers' files, tied to documents.

A reference manager's record describes a document of the folder when
- ``sources.yaml``'s ``files:`` maps the document's file name to the record's key, or
- the record is attached to it: Zotero's attachment path (BibTeX ``file``, RIS
  ``L1``) or a ``file`` field, compared by file name, since an export names the
  file where Zotero keeps it, not in the sources folder.
A record tied to no document is not used (a library export holds many); one
attached to a file missing from the folder is reported, as are two records
for one document and two records with one id, naming file and line.
"""

from __future__ import annotations

import os
import urllib.parse
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Callable

from briefdeck.errors import BriefdeckError, Location, Problems, did_you_mean, display_path
from briefdeck.sources.bibliography.csl_json import read_csl_json
from briefdeck.sources.bibliography.csl_yaml import read_csl_yaml
from briefdeck.sources.bibliography.reference import Reference
from briefdeck.sources.citekeys import key_to_id
from briefdeck.sources.model import SourceRecord
from briefdeck.sources.records import RECORDS_FILE, RecordEntry, load_file_keys, load_records, source_id_for


def read_bibtex(path: Path, shown: str) -> list[Reference]:
    # bibtexparser, pylatexenc and rispy take longer to import than `find` takes to answer: only for such a file
    from briefdeck.sources.bibliography.bibtex import read_bibtex as read
    return read(path, shown)


def read_ris(path: Path, shown: str) -> list[Reference]:
    from briefdeck.sources.bibliography.ris import read_ris as read
    return read(path, shown)


REFERENCE_FILES: dict[str, Callable[[Path, str], list[Reference]]] = {
    "references.json": read_csl_json,
    "references.yaml": read_csl_yaml,
    "references.yml": read_csl_yaml,
    "references.bib": read_bibtex,
    "references.ris": read_ris,
}
RECORD_FILES = frozenset({RECORDS_FILE, *REFERENCE_FILES})  # not documents
UNUSED_SHOWN = 5  # records tied to no document: how many keys the warning names


@dataclass(frozen=True)
class Bibliography:
    """The records tied to documents, in file order, and what the user should know about the rest."""

    entries: tuple[RecordEntry, ...]
    warnings: tuple[str, ...]


def load_bibliography(folder: Path) -> Bibliography:
    """The records of ``folder``'s ``sources.yaml`` and reference files; every problem reported at once."""
    problems = Problems()
    try:
        entries, file_keys = load_records(folder), load_file_keys(folder)
    except BriefdeckError as exc:
        problems.extend(exc.problems)
        entries, file_keys = [], []
    references: list[Reference] = []
    for name, read in REFERENCE_FILES.items():
        path = folder / name
        if path.is_file():
            try:
                references.extend(read(path, display_path(path)))
            except BriefdeckError as exc:
                problems.extend(exc.problems)
    problems.raise_if_errors()
    documents = _document_names(folder) if references or file_keys else set()
    warnings: list[str] = []
    tied = _tie(folder, references, file_keys, documents, problems, warnings)
    ids = {e.record.id: e.location for e in entries}
    owner = {e.file: (e.record.id, e.location) for e in entries}
    for reference, record_id, file in tied:
        if record_id in ids:
            problems.error(f"record id '{record_id}' is also at {ids[record_id]}", reference.location,
                           hint="give each record its own key (ids are keys in lower case, other characters as '-')",
                           code="records-duplicate")
            continue
        if file in owner:
            other, where = owner[file]
            problems.error(f"record '{record_id}' and record '{other}' ({where}) both describe {file}",
                           reference.location, hint="keep one record per document", code="records-file")
            continue
        ids[record_id] = reference.location
        owner[file] = (record_id, reference.location)
        csl = {**reference.csl, "id": record_id}
        entries.append(RecordEntry(SourceRecord(record_id, csl), file, reference.location))
    problems.raise_if_errors()
    return Bibliography(tuple(entries), tuple(warnings))


def record_origins(folder: Path) -> dict[str, str]:
    """Where each record comes from, by source id: "references.bib:11", "sources.yaml:4"."""
    return {e.record.id: f"{Path(e.location.file).name}:{e.location.line}" if e.location.line
            else Path(e.location.file).name for e in load_bibliography(folder).entries}


def _tie(folder: Path, references: list[Reference], file_keys: list[tuple[str, str, Location]],
         documents: set[str], problems: Problems, warnings: list[str]) -> list[tuple[Reference, str, str]]:
    """(reference, id, document's file name) for every reference that describes a document of the folder."""
    by_id: dict[str, Reference] = {}
    for reference in references:
        if not reference.key:
            continue
        record_id = key_to_id(reference.key)
        if record_id in by_id:
            problems.error(f"record id '{record_id}' (key '{reference.key}') is also at {by_id[record_id].location}",
                           reference.location, hint="give each record its own key", code="records-duplicate")
            continue
        by_id[record_id] = reference
    tied: list[tuple[Reference, str, str]] = []
    mapped: set[str] = set()
    for file, key, where in file_keys:
        record_id = key_to_id(key)
        if record_id not in by_id:
            guess = did_you_mean(record_id, by_id)
            hint = f"did you mean '{guess}'?" if guess else f"keys are read from {', '.join(REFERENCE_FILES)}"
            problems.error(f"files: '{file}' names the key '{key}', which no references file holds", where,
                           hint=hint, code="records-file")
        elif file not in documents:
            problems.error(f"files: '{file}' is not in the sources folder", where,
                           hint=f"files are looked up in {display_path(folder)}", code="records-file")
        else:
            tied.append((by_id[record_id], record_id, file))
            mapped.add(record_id)
    unused: list[str] = []
    for reference in references:
        record_id = key_to_id(reference.key) if reference.key else ""
        if record_id in mapped or (record_id and by_id.get(record_id) is not reference):
            continue
        names = [_file_name(path) for path in reference.files]
        present = [name for name in names if name in documents]
        if present:
            tied.append((reference, record_id or source_id_for(Path(present[0])), present[0]))
        elif names:
            warnings.append(f"{reference.location}: record '{record_id or '(no key)'}' is attached to "
                            f"{', '.join(names)}, which is not in the sources folder; the record is not used")
        elif not reference.key:
            problems.error("record has no key (ID) and no attached document", reference.location,
                           hint="add an 'ID  - key' line, or tie it to a document with files: in sources.yaml",
                           code="references-id")
        else:
            unused.append(reference.key)
    if unused:
        shown = ", ".join(unused[:UNUSED_SHOWN]) + (", …" if len(unused) > UNUSED_SHOWN else "")
        warnings.append(f"{len(unused)} record(s) name no document of the sources folder and are not used "
                        f"({shown}); tie them with a file field or files: in {RECORDS_FILE}")
    return tied


def _document_names(folder: Path) -> set[str]:
    """The names of the files a reference may describe (scanned only when there are references:
    every command loads the bibliography, and the folder may hold thousands of documents)."""
    with os.scandir(folder) as scan:
        return {e.name for e in scan if e.is_file() and not e.name.startswith(".") and e.name not in RECORD_FILES}


def _file_name(path: str) -> str:
    """The file name of an attachment path: a file:// URL, a POSIX or a Windows path."""
    if path.startswith("file:"):
        path = urllib.parse.unquote(urllib.parse.urlparse(path).path)
    if "\\" in path:
        return PureWindowsPath(path).name
    return PurePosixPath(path).name

