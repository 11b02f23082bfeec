"""The project a command works in: its folder, its sources folder, its lexicon and its index.

The sources folder is, in this order: ``--sources DIR`` on the command line
(relative to the working folder); ``sources:`` in the brief (relative to the
brief); the nearest ``seeds/`` walking up from the brief's folder, then from
the working folder.

The project is where ``.briefdeck/`` (the index), ``layouts/`` and
``lexicon.yaml`` are looked up: the nearest folder, from the brief's folder
(or the working folder) upwards, that has a ``seeds/``, ``briefs/`` or
``layouts/`` folder; without one, the brief's folder (or the working folder).
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TypeVar

from briefdeck.errors import BriefdeckError, Problem, display_path
from briefdeck.findings.index import FindingsIndex
from briefdeck.findings.integrity import damage_warning, is_damage, remove, unusable
from briefdeck.findings.sync import SyncReport, open_index
from briefdeck.findings.tags import Lexicon, load_lexicon
from briefdeck.sources.corpus import list_sources

T = TypeVar("T")

DEFAULT_SOURCES = "seeds"
LEXICON_FILE = "lexicon.yaml"
_MARKERS = ("seeds", "briefs", "layouts")


def find_project(start: Path) -> Path:
    start = start.resolve()
    for folder in (start, *start.parents):
        if any((folder / marker).is_dir() for marker in _MARKERS):
            return folder
    return start


def find_sources(*starts: Path) -> Path:
    """The nearest ``seeds/`` walking up from each of ``starts`` in turn; an error lists every place looked."""
    looked: list[Path] = []
    for start in starts:
        for folder in (start.resolve(), *start.resolve().parents):
            candidate = folder / DEFAULT_SOURCES
            if candidate.is_dir():
                return candidate
            if candidate not in looked:
                looked.append(candidate)
    raise BriefdeckError(Problem(
        f"no sources folder: looked for {', '.join(display_path(p) for p in looked)}",
        hint="pass --sources DIR, write 'sources: DIR' in the brief (relative to it), "
             f"or keep the documents in a {DEFAULT_SOURCES}/ folder beside or above the brief",
        code="no-sources-folder"))


def _named_folder(folder: Path, how: str) -> Path:
    """A sources folder the user named; an error says where it was looked for and who named it."""
    if folder.is_dir():
        return folder
    what = "is a file, not a folder" if folder.exists() else "does not exist"
    raise BriefdeckError(Problem(
        f"sources folder '{display_path(folder)}' ({how}) {what}: looked for {os.path.abspath(folder)}",
        hint="create it and put the documents in it, or name another folder", code="no-sources-folder"))


@dataclass
class Workspace:
    """A project with its sources folder resolved; opens the index on demand."""

    root: Path
    sources: Path

    @classmethod
    def at(cls, start: Path) -> "Workspace":
        """The project around ``start``, with its default sources folder."""
        root = find_project(start)
        return cls(root, root / DEFAULT_SOURCES)

    @classmethod
    def for_brief(cls, brief: Path, written: str | None, given: Path | None = None) -> "Workspace":
        """The workspace of a brief: ``given`` (--sources), else ``written`` (its ``sources:``), else a seeds/ found."""
        base = brief.resolve().parent
        if given is not None:
            folder = _named_folder(Path(given), "from --sources")
        elif written is not None:
            folder = _named_folder(base / written, f"from 'sources:' in {display_path(brief)}")
        else:
            folder = find_sources(base, Path.cwd())
        return cls(find_project(base), folder)

    @classmethod
    def here(cls, given: Path | None = None) -> "Workspace":
        """The workspace of a command without a brief: ``given`` (--sources), else a seeds/ found from here."""
        cwd = Path.cwd()
        folder = _named_folder(Path(given), "from --sources") if given is not None else find_sources(cwd)
        return cls(find_project(cwd), folder)

    def lexicon(self) -> Lexicon:
        own = self.root / LEXICON_FILE
        return load_lexicon(own if own.is_file() else None)

    def open_index(self, progress: Callable[[int, int], None] | None = None, *,
                   lexicon: Lexicon | None = None, verify: bool = False) -> tuple[FindingsIndex, SyncReport]:
        """The index, up to date; ``lexicon`` is the project's, when the caller has it already.

        ``verify`` compares every document's bytes with the index, not only their size and time.
        """
        return open_index(self.root, list_sources(self.sources), lexicon or self.lexicon(), progress=progress,
                          verify=verify)

    def with_index(self, use: Callable[[FindingsIndex], T], progress: Callable[[int, int], None] | None = None, *,
                   lexicon: Lexicon | None = None, verify: bool = False) -> tuple[T, SyncReport]:
        """``use(index)`` on the index, up to date; closed afterwards.

        Damage that only a query meets (SQLite reports it, or a stored value does not
        parse) deletes the index, builds it again and runs ``use`` once more, with a warning.
        """
        index, report = self.open_index(progress, lexicon=lexicon, verify=verify)
        try:
            return use(index), report
        except sqlite3.DatabaseError as exc:
            damaged, path = exc, index.path
        finally:
            index.close()
        if path is None or not is_damage(damaged):  # a fresh index in memory, or busy, full, read-only
            raise unusable(path, damaged) from None
        remove(path)
        index, report = self.open_index(progress, lexicon=lexicon)
        try:
            result = use(index)
        except sqlite3.DatabaseError as exc:
            raise unusable(path, exc) from None
        finally:
            index.close()
        warning = damage_warning(path, damaged)
        return result, SyncReport(report.read, report.removed, (*report.warnings, warning))
