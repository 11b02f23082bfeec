"""Writing output files so that a failed build never leaves a half-written file over a good one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from briefdeck.errors import BriefdeckError, Location, Problem, display_path


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` in one step: a temporary file beside it, flushed, then renamed over it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as exc:
        _remove(temporary)
        raise _cannot_write(path, exc) from None
    except BaseException:
        _remove(temporary)
        raise


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _cannot_write(path: Path, exc: OSError) -> BriefdeckError:
    reason = exc.strerror or str(exc)
    return BriefdeckError(Problem(f"cannot write {display_path(path)}: {reason}", Location(display_path(path)),
                                  "choose a folder you can write to with --out, or free some disk space",
                                  code="cannot-write"))
