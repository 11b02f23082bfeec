"""Writing output files so that a failed build never leaves a half-written file over a good one.

A file is first written whole to a temporary ``.NAME.XXXX.part`` beside it,
flushed to disk, and only then renamed over ``NAME`` (`stage`, then
`commit`). A build stages every file it makes before it commits any, so a
failure while writing (a full disk) leaves the earlier set of files whole.

A process killed while writing leaves its ``.part`` file behind.
`remove_stale_parts` clears those on the next build: a writer holds a lock
on its ``.part`` file until it is renamed, so a file older than the running
build that nobody holds the lock on was left by a build that died.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from briefdeck.errors import BriefdeckError, Location, Problem, display_path

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; the age of a file alone decides
    fcntl = None  # type: ignore[assignment]

PART_SUFFIX = ".part"


@dataclass
class Staged:
    """A file written whole under a temporary name, waiting to be renamed into place."""

    path: Path
    temporary: str
    handle: int  # kept open (and locked) until the rename, so no cleaner takes it for a leftover; -1 once closed


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` in one step: a temporary file beside it, flushed, then renamed over it."""
    commit([stage(path, data)])


def stage(path: Path, data: bytes) -> Staged:
    """``data`` written and flushed to a locked ``.NAME.XXXX.part`` beside ``path``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PART_SUFFIX, dir=path.parent)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    staged = Staged(path, temporary, handle)
    try:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        _write_bytes(handle, data)
        os.fsync(handle)
        os.chmod(temporary, 0o644)
    except OSError as exc:
        discard([staged])
        raise _cannot_write(path, exc) from None
    except BaseException:
        discard([staged])
        raise
    return staged


def commit(staged: list[Staged]) -> None:
    """Rename every staged file over its final name, in order; on failure the rest are discarded."""
    done = 0
    try:
        for item in staged:
            try:
                os.replace(item.temporary, item.path)
            except OSError as exc:
                raise _cannot_write(item.path, exc) from None
            _close(item)
            done += 1
    finally:
        discard(staged[done:])


def discard(staged: list[Staged]) -> None:
    """Remove temporary files not renamed into place (a failed build's)."""
    for item in staged:
        _close(item)
        try:
            os.unlink(item.temporary)
        except OSError:
            pass


def remove_stale_parts(folder: Path, started: float, suffixes: tuple[str, ...]) -> list[Path]:
    """Remove the ``.NAME.XXXX.part`` files in ``folder``, NAME ending with one of ``suffixes``, left by
    builds that died.

    Only files last written before ``started`` (this build's start, from
    `time.time`) whose lock nobody holds are removed: a build running at the
    same time keeps its own, and other programs' ``.part`` files are left alone.
    """
    ends = "|".join(re.escape(suffix) for suffix in suffixes)
    pattern = re.compile(rf"\..+(?:{ends})\.[A-Za-z0-9_]+{re.escape(PART_SUFFIX)}")
    removed = []
    try:
        candidates = sorted(folder.iterdir()) if suffixes else []
    except OSError:  # no folder yet: nothing left over
        return []
    for path in candidates:
        if not pattern.fullmatch(path.name):
            continue
        try:
            if not path.is_file() or path.is_symlink() or path.stat().st_mtime >= started or _in_use(path):
                continue
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


def _in_use(path: Path) -> bool:
    """True when a running build holds the lock of this ``.part`` file."""
    if fcntl is None:
        return False
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(handle)  # closing also releases a lock just taken
    return False


def _write_bytes(handle: int, data: bytes) -> None:
    """Write all of ``data``: a short write (a full disk) raises OSError rather than truncating."""
    view = memoryview(data)
    while view:
        written = os.write(handle, view)
        view = view[written:]


def _close(item: Staged) -> None:
    if item.handle >= 0:
        handle, item.handle = item.handle, -1
        try:
            os.close(handle)
        except OSError:
            pass


def _cannot_write(path: Path, exc: OSError) -> BriefdeckError:
    reason = exc.strerror or str(exc)
    return BriefdeckError(Problem(f"cannot write {display_path(path)}: {reason}", Location(display_path(path)),
                                  "choose a folder you can write to with --out, or free some disk space",
                                  code="cannot-write"))


def file_sha256(path: Path) -> str | None:
    """The sha256 of a file's bytes, read in blocks; None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


# A file's sha256 by path, modification time and size: `read_now` and the evidence lock hash each
# cited source once per run.
_HASHES: dict[tuple[Path, int, int], str] = {}


def file_hash_now(path: Path, *, fresh: bool = False) -> str:
    """The sha256 of a file ("" when it cannot be read); ``fresh`` hashes it again whatever its times say."""
    try:
        stat = path.stat()
    except OSError:
        return ""
    key = (path, stat.st_mtime_ns, stat.st_size)
    if fresh or key not in _HASHES:
        _HASHES[key] = file_sha256(path) or ""
    return _HASHES[key]
