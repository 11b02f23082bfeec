"""The project a command works in: its folder, its sources folder, its lexicon and its index.

A project is the nearest folder, from the brief's folder (or the working
folder) upwards, that has a ``seeds/``, ``briefs/`` or ``layouts/`` folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from briefdeck.findings.index import FindingsIndex, SyncReport, open_index
from briefdeck.findings.tags import Lexicon, load_lexicon
from briefdeck.sources.corpus import list_sources

DEFAULT_SOURCES = "seeds"
LEXICON_FILE = "lexicon.yaml"
_MARKERS = ("seeds", "briefs", "layouts")


def find_project(start: Path) -> Path:
    start = start.resolve()
    for folder in (start, *start.parents):
        if any((folder / marker).is_dir() for marker in _MARKERS):
            return folder
    return start


@dataclass
class Workspace:
    """A project with its sources folder resolved; opens the index on demand."""

    root: Path
    sources: Path

    @classmethod
    def at(cls, start: Path, sources: Path | str | None = None, *, base: Path | None = None) -> "Workspace":
        """The project around ``start``; ``sources`` is relative to ``base`` (the brief's folder) when given."""
        root = find_project(start)
        if sources is None:
            folder = root / DEFAULT_SOURCES
        else:
            folder = Path(sources)
            if not folder.is_absolute():
                folder = (base or Path.cwd()) / folder
        return cls(root, folder)

    def lexicon(self) -> Lexicon:
        own = self.root / LEXICON_FILE
        return load_lexicon(own if own.is_file() else None)

    def open_index(self, progress: Callable[[int, int], None] | None = None, *,
                   lexicon: Lexicon | None = None) -> tuple[FindingsIndex, SyncReport]:
        """The index, up to date; ``lexicon`` is the project's, when the caller has it already."""
        return open_index(self.root, list_sources(self.sources), lexicon or self.lexicon(), progress=progress)
