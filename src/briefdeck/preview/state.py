"""The preview's state: the brief checked and planned into pages, redone as little as a change allows.

A `PreviewBuilder` keeps what is slow to make and rarely changes: the
project's lexicon, the open findings index, the layout's settings and
template. A change to the brief re-runs the check (load, resolve, decks)
and the page plan with all of them kept; a source or ``sources.yaml``
brings the index up to date first; the lexicon reloads the lexicon and
the index; the layout reloads the layout. The result is a `Snapshot`: one
HTML body per audience, ready to serve. A brief that does not load, or has
errors, gives its problems with the last slides that built.

All work happens on one thread (the index's SQLite connection belongs to it);
the server only reads the latest snapshot.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from briefdeck.check import CheckResult, check_brief
from briefdeck.errors import BriefdeckError, Problem
from briefdeck.findings.index import FindingsIndex
from briefdeck.findings.sync import SyncReport
from briefdeck.findings.tags import Lexicon
from briefdeck.layouts import find_layout
from briefdeck.lock import lock_path
from briefdeck.preview.page import audience_body, failed_body
from briefdeck.project import LEXICON_FILE, Workspace
from briefdeck.render.pptx.frames import Frames
from briefdeck.render.pptx.plan import deck_to_pages
from briefdeck.render.pptx.settings import pptx_settings
from briefdeck.render.pptx.template import load_base

# What a changed file makes stale (see `watch.py`).
BRIEF, SOURCES, LEXICON, LAYOUT = "brief", "sources", "lexicon", "layout"


@dataclass(frozen=True)
class Snapshot:
    """What the server shows: ``bodies`` by audience key, in the brief's order."""

    version: int
    brief: str
    labels: dict[str, str] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)
    ok: bool = True
    problems: tuple[Problem, ...] = ()  # of the brief when it does not build


class PreviewBuilder:
    """Builds snapshots of one brief; keeps the lexicon, the index and the layout between builds."""

    def __init__(self, brief: Path, *, audience: str | None = None):
        self.brief = brief
        self.audience = audience
        self.version = 0
        self.snapshot = Snapshot(0, brief.name)
        self.changed = threading.Condition()
        self._root = Workspace.at(brief.resolve().parent).root
        self._sources: Path | None = None
        self._layout_folders: tuple[Path, ...] = ()
        self._lexicon: Lexicon | None = None
        self._index: tuple[Path, FindingsIndex, SyncReport] | None = None
        self._layout: tuple[tuple[str, Path], Frames] | None = None
        self._good: dict[str, str] = {}  # each audience's last slides that built, as HTML
        self._labels: dict[str, str] = {}

    def forget(self, stale: set[str]) -> None:
        """Drop what the changed files make stale; the next `build` makes it again."""
        if LEXICON in stale:
            self._lexicon = None
        if stale & {LEXICON, SOURCES}:
            self._close_index()
        if LAYOUT in stale:
            self._layout = None

    def build(self) -> Snapshot:
        """Check the brief and plan its pages; publish and return the new snapshot."""
        base = self.brief.resolve().parent
        try:
            if self._lexicon is None:
                self._lexicon = Workspace.at(base).lexicon()
            result = check_brief(self.brief, audience=self.audience, write_lock=False, lexicon=self._lexicon,
                                 indexes=self._indexes)
            snapshot = self._snapshot(result)
        except BriefdeckError as exc:
            snapshot = self._failed(exc.problems)
        except Exception as exc:  # a bug in briefdeck: shown in the page, and the preview keeps running
            snapshot = self._failed([Problem(f"internal error: {type(exc).__name__}: {exc}",
                                             hint="this is a bug in briefdeck; please report it",
                                             code="internal-error")])
        with self.changed:
            self.snapshot = snapshot
            self.changed.notify_all()
        return snapshot

    def first_build(self, timeout: float | None = None) -> Snapshot:
        """The snapshot once the first build is published (waits for it)."""
        with self.changed:
            self.changed.wait_for(lambda: self.snapshot.version > 0, timeout=timeout)
            return self.snapshot

    def close(self) -> None:
        self._close_index()

    def _snapshot(self, result: CheckResult) -> Snapshot:
        outline, root = result.outline, result.workspace.root
        brief = self.brief.name
        self._labels = {a.key: a.label for a in outline.audiences if self.audience in (None, a.key)}
        lock = lock_path(self.brief)
        self._root, self._sources = root, result.workspace.sources.resolve()
        if not result.decks:
            return self._failed(result.problems)
        frames = self._frames(outline.layout, root)
        _, index, _ = self._index
        bodies = {}
        for key, deck in result.decks.items():
            pages = deck_to_pages(deck, frames)
            bodies[key], self._good[key] = audience_body(
                deck, pages, outline, result.problems, index, frames, brief=brief, locked=lock.is_file())
        return self._publish(bodies, ok=True)

    def _failed(self, problems: list[Problem]) -> Snapshot:
        keys = self._labels or {"all": "All audiences"}
        return self._publish({k: failed_body(problems, self._good.get(k, ""), brief=self.brief.name)
                              for k in keys}, ok=False, problems=tuple(problems))

    def _publish(self, bodies: dict[str, str], *, ok: bool, problems: tuple[Problem, ...] = ()) -> Snapshot:
        self.version += 1
        labels = {k: self._labels.get(k, k) for k in bodies}
        return Snapshot(self.version, self.brief.name, labels, bodies, ok, problems)

    def _indexes(self, workspace: Workspace, lexicon: Lexicon) -> tuple[FindingsIndex, SyncReport]:
        """The open index of ``workspace``'s sources, opened (and brought up to date) only when stale."""
        if self._index is None or self._index[0] != workspace.sources:
            self._close_index()
            index, report = workspace.open_index(lexicon=lexicon)
            self._index = (workspace.sources, index, report)
        return self._index[1], self._index[2]

    def _close_index(self) -> None:
        if self._index is not None:
            self._index[1].close()
            self._index = None

    def _frames(self, name: str, root: Path) -> Frames:
        key = (name, root)
        if self._layout is None or self._layout[0] != key:
            layout = find_layout(name, project=root, base=self.brief.resolve().parent)
            settings = pptx_settings(layout)
            self._layout = (key, Frames(settings, load_base(settings)))
            self._layout_folders = tuple(item.folder.resolve() for item in layout.chain)
        return self._layout[1]

    # -- what to watch, and what a change makes stale ------------------------------------

    def folders(self) -> tuple[Path, ...]:
        """The folders whose files the last build read (watched without their subfolders)."""
        found = [self.brief.resolve().parent, self._root.resolve(), *self._layout_folders]
        if self._sources is not None:
            found.append(self._sources)
        return tuple(sorted({f for f in found if f.is_dir()}))

    def stale(self, path: Path) -> str | None:
        """What a change to ``path`` makes stale: `BRIEF`, `SOURCES`, `LEXICON`, `LAYOUT`, or None."""
        path = path.resolve()
        brief = self.brief.resolve()
        if path in (brief, lock_path(brief)):
            return BRIEF
        if self._sources is not None and path.parent == self._sources:
            return SOURCES
        if path == self._root.resolve() / LEXICON_FILE:
            return LEXICON
        if path.parent in self._layout_folders:
            return LAYOUT
        return None
