"""Rebuilding on save: watch the files the last build read, redo only what a change makes stale.

One thread does every build (the first included), so the findings index is
only ever used by the thread that opened it. The folders watched are those
of the brief, the project (its ``lexicon.yaml``), the sources and the
layout, without their subfolders (the index cache and build outputs live in
subfolders, so the preview never wakes itself). When a build changes which
folders matter (the brief's ``sources:`` or ``layout:``), watching restarts
on the new ones.

A file event can come before the operating system's watcher is armed (a save
during the first build, or just after it). So every half second, and with
every event, the files of the watched folders are also compared with their
size and time as last seen: a change is never missed, only seen a little later.
"""

from __future__ import annotations

import os
import threading
import time
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
            started = time.time_ns()
            self.builder.build()
            while not self.halt.is_set():
                folders = self.builder.folders()
                # A file written since the build began may have been read before the change: not yet seen.
                seen = {p: stamp for p, stamp in _stamps(folders).items() if stamp[0] < started}
                try:
                    self._watch(folders, seen)
                except OSError:  # a watched folder went away: rebuild (which says what is missing), watch again
                    self.builder.forget({SOURCES, LAYOUT})
                    started = time.time_ns()
                    self.builder.build()
                    self.halt.wait(RETRY_S)
                started = time.time_ns()
        finally:
            self.builder.close()

    def _watch(self, folders: tuple[Path, ...], seen: dict[str, tuple[int, int]]) -> None:
        """Rebuild after each relevant change in ``folders``; return when the folders that matter change."""
        for changes in watch(*folders, stop_event=self.halt, recursive=False, step=STEP_MS, debounce=DEBOUNCE_MS,
                             rust_timeout=500, yield_on_timeout=True):
            now = _stamps(folders)  # before the build: a save during it is seen next time
            paths = {path for _, path in changes} | {p for p in now.keys() | seen.keys() if now.get(p) != seen.get(p)}
            seen = now
            stale = {s for path in paths if (s := self.builder.stale(Path(path))) is not None}
            if stale:
                self.builder.forget(stale)
                self.builder.build()
            if self.builder.folders() != folders:
                return  # the brief now reads other folders: watch those


def _stamps(folders: tuple[Path, ...]) -> dict[str, tuple[int, int]]:
    """(modification time in ns, size) of every file directly in ``folders``, by path."""
    found = {}
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_file():
                    info = entry.stat()
                    found[entry.path] = (info.st_mtime_ns, info.st_size)
            except OSError:
                continue  # gone between listing and reading its time
    return found
