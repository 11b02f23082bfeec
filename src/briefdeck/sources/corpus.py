"""The sources folder: which documents it holds, under which ids, with which records."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from briefdeck.errors import BriefdeckError, Location, Problem, Problems, display_path
from briefdeck.sources.model import Source, SourceRecord
from briefdeck.sources.read import has_reader, read_source
from briefdeck.sources.bibliography import RECORD_FILES, load_bibliography
from briefdeck.sources.records import RECORDS_FILE, source_id_for


@dataclass(frozen=True)
class SourceFile:
    """A document in the sources folder and its record, if ``sources.yaml`` has one."""

    id: str
    path: Path
    record: SourceRecord | None
    location: Location | None = None  # of the record in sources.yaml or a references file

    @property
    def name(self) -> str:
        return shown_name(self.path.name)


def shown_name(name: str) -> str:
    """A file name safe to print and store whatever its bytes: undecodable bytes as backslash escapes."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _refusal(path: Path, here: Path) -> str | None:
    """Why ``path`` is not read as a source: a link out of the folder, or not a regular file."""
    name = shown_name(path.name)
    try:
        mode = path.lstat().st_mode
        # Only links are resolved: resolving every path of a large folder costs more than reading the index.
        target = path.resolve(strict=True) if stat.S_ISLNK(mode) else None
        mode = target.stat().st_mode if target else mode
    except (OSError, RuntimeError) as exc:  # a dangling link or a link loop
        return f"skipped {name}: it cannot be opened ({getattr(exc, 'strerror', None) or exc})"
    if target and not target.is_relative_to(here):
        return f"skipped {name}: it links to {shown_name(str(target))}, outside the sources folder"
    if not stat.S_ISREG(mode):
        return f"skipped {name}: it is not a regular file ({_kind(mode)})"
    return None


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a socket" if stat.S_ISSOCK(mode) else "not a file"


@dataclass(frozen=True)
class SourceFolder:
    folder: Path
    files: tuple[SourceFile, ...]
    warnings: tuple[str, ...]


def list_sources(folder: Path) -> SourceFolder:
    """The documents of ``folder``: those with records first, in record order, then the rest by name."""
    if not folder.is_dir():
        what = "is a file, not a folder" if folder.exists() else "does not exist"
        raise BriefdeckError(Problem(
            f"sources folder '{display_path(folder)}' {what}",
            hint="create it and put the documents in it, or point to it with 'sources:' in the brief "
                 "or --sources on the command line", code="no-sources-folder"), usage=False)
    bibliography = load_bibliography(folder)
    entries = bibliography.entries
    files: list[SourceFile] = []
    warnings: list[str] = list(bibliography.warnings)
    # Documents with a record are skipped below; compared by name, as resolving every path of a
    # large folder costs more than reading the index.
    here = folder.resolve()
    claimed = {target.name for target in ((folder / e.file).resolve() for e in entries) if target.parent == here}
    for entry in entries:
        files.append(SourceFile(entry.record.id, folder / entry.file, entry.record, entry.location))
    ids = {f.id: f for f in files}
    problems = Problems()
    # One directory scan, sorted by name (as sorting paths would, at a fraction of the cost: every
    # command lists the folder, which may hold thousands of documents).
    # The scan's file types (no system call where the file system gives them) say which entries
    # are plain files; only the others (links, pipes, devices, unknown types) are looked at closer.
    with os.scandir(folder) as scan:
        entries_by_name = sorted(((e.name, e.is_dir(), e.is_file(follow_symlinks=False)) for e in scan),
                                 key=lambda e: e[0])
    for name, is_dir, plain in entries_by_name:
        if is_dir or name.startswith(".") or name in RECORD_FILES or name in claimed:
            continue
        path = folder / name
        refused = None if plain else _refusal(path, here)
        if refused:
            warnings.append(refused)
            continue
        if not has_reader(path):
            warnings.append(f"skipped {shown_name(path.name)}: briefdeck has no reader for "
                            f"'{shown_name(path.suffix or path.name)}' files")
            continue
        source_id = source_id_for(path)
        if source_id in ids:
            problems.error(f"{shown_name(path.name)} would take the id '{source_id}', which {ids[source_id].name} "
                           "has", Location(shown_name(display_path(path))),
                           hint=f"give it a record with its own id in {RECORDS_FILE}", code="duplicate-source-id")
            continue
        ids[source_id] = SourceFile(source_id, path, None)
        files.append(ids[source_id])
    problems.raise_if_errors()
    if not files:
        raise BriefdeckError(Problem(f"sources folder '{display_path(folder)}' holds no documents",
                                     hint="add plain-text documents (.txt) to it", code="no-sources"))
    return SourceFolder(folder, tuple(files), tuple(warnings))


def read_file(source_file: SourceFile) -> Source:
    """The document read; a file that cannot be read (permissions, I/O error) is a located problem."""
    try:
        return read_source(source_file.path, source_id=source_file.id, record=source_file.record,
                           display_name=source_file.name)
    except OSError as exc:
        raise BriefdeckError(Problem(f"{source_file.name} cannot be read: {exc.strerror or exc}",
                                     hint="check the file's permissions and the disk, or move it out of the "
                                          "sources folder", code="unreadable-source")) from None


def read_all(folder: SourceFolder) -> list[Source]:
    """Every document read; every unreadable one reported at once."""
    problems = Problems()
    sources = []
    for source_file in folder.files:
        try:
            sources.append(read_file(source_file))
        except BriefdeckError as exc:
            problems.extend(located_in(exc.problems, source_file))
    problems.raise_if_errors()
    return sources


def located_in(problems: list[Problem], source_file: SourceFile) -> list[Problem]:
    """The problems, each without a location given the document's path."""
    where = Location(shown_name(display_path(source_file.path)))
    return [p if p.location else Problem(p.message, where, p.hint, p.severity, p.code) for p in problems]
