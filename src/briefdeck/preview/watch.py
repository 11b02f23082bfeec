"""Rebuilding on save: watch the files the last build read, redo only what a change makes stale.

One thread does every build (the first included), so the findings index is
only ever used by the thread that opened it. The folders watched are those
of the brief, the project (its ``lexicon.yaml``), the sources and the
layout, without their subfolders (the index cache and build outputs live in
subfolders, so the preview never wakes itself). When a build changes which
folders matter (the brief's ``sources:`` or ``layout:``), watching restarts
on the new ones.
"""

from __future__ import annotations

import threading
from pathlib import Path

from watchfiles import watch

from briefdeck.preview.state import LAYOUT, SOURCES, PreviewBuilder

STEP_MS = 20  # a change is acted on once this long passes without another (an editor's save is several events)
DEBOUNCE_MS = 400  # changes arriving steadily are still acted on at least this often
RETRY_S = 1.0  # after a watched folder disappears


class Watcher:
    """Builds ``builder`` now and after every relevant change, on its own thread, until `stop`."""

    def __init__(self, builder: PreviewBuilder):
        self.builder = builder
        self.halt = threading.Event()
        self.thread = threading.Thread(target=self._run, name="briefdeck-preview-watch", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.halt.set()
        self.thread.join(timeout=5)

    def _run(self) -> None:
        try:
            self.builder.build()
            while not self.halt.is_set():
                try:
                    self._watch(self.builder.folders())
                except OSError:  # a watched folder went away: rebuild (which says what is missing), watch again
                    self.builder.forget({SOURCES, LAYOUT})
                    self.builder.build()
                    self.halt.wait(RETRY_S)
        finally:
            self.builder.close()

    def _watch(self, folders: tuple[Path, ...]) -> None:
        """Rebuild after each relevant change in ``folders``; return when the folders that matter change."""
        for changes in watch(*folders, stop_event=self.halt, recursive=False, step=STEP_MS, debounce=DEBOUNCE_MS,
                             rust_timeout=500, yield_on_timeout=False):
            stale = {s for _, path in changes if (s := self.builder.stale(Path(path))) is not None}
            if stale:
                self.builder.forget(stale)
                self.builder.build()
            if self.builder.folders() != folders:
                return  # the brief now reads other folders: watch those
