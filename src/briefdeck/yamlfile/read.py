"""Reading a YAML file from elsewhere: bounded in size, only a regular file, UTF-8 only.

`read_yaml_file` is the one way briefdeck reads a brief, ``layout.yaml``,
``sources.yaml`` or a lexicon: the bytes are refused before parsing when the
file is too large, not a regular file (a FIFO or ``/dev/zero`` would never
end) or not UTF-8, and then composed into nodes (`briefdeck.yamlfile.nodes`).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from briefdeck.errors import BriefdeckError, Location, Problem
from briefdeck.yamlfile.nodes import FileKind, Node, compose

MAX_YAML_BYTES = 1024 * 1024


def read_yaml_bytes(path: Path, shown: str, kind: FileKind) -> bytes:
    """The file's bytes: refused before reading when missing, odd or too large."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise BriefdeckError(Problem(f"{shown} is a folder, not a {kind.noun}", Location(shown),
                                         "give the path of a .yaml file", code="file-unreadable"), usage=True)
        if not stat.S_ISREG(info.st_mode):
            raise BriefdeckError(Problem(f"{shown} is not a regular file (a device, pipe or socket)",
                                         Location(shown), "give the path of a .yaml file", code="file-unreadable"))
        if info.st_size > MAX_YAML_BYTES:
            raise BriefdeckError(too_large(info.st_size, shown, kind))
        with open(path, "rb") as handle:
            data = handle.read(MAX_YAML_BYTES + 1)  # the file may have grown since stat
    except FileNotFoundError:
        raise BriefdeckError(Problem(f"{kind.noun} not found: {shown}", Location(shown),
                                     "check the path" + ("; briefs usually live in briefs/" if kind.noun == "brief"
                                                         else ""), code="file-not-found"), usage=True) from None
    except OSError as exc:
        raise BriefdeckError(Problem(f"cannot read {kind.the}: {exc.strerror or exc}", Location(shown),
                                     code="file-unreadable")) from None
    if len(data) > MAX_YAML_BYTES:
        raise BriefdeckError(too_large(len(data), shown, kind))
    return data


def decode_yaml(data: bytes, shown: str, kind: FileKind) -> str:
    """UTF-8 bytes (a leading byte-order mark allowed) as text; otherwise an error naming the byte."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BriefdeckError(Problem(f"{kind.the} is UTF-16 text; briefdeck reads UTF-8",
                                     Location(shown, 1, 1), "save the file as UTF-8", code="not-utf8"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start
        line_start = data.rfind(b"\n", 0, offset) + 1
        line = data.count(b"\n", 0, offset) + 1
        column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
        raise BriefdeckError(Problem(
            f"{kind.the} is not UTF-8 text: byte 0x{data[offset]:02X} at byte offset {offset} "
            f"(line {line}, column {column}) is not valid UTF-8",
            Location(shown, line, column),
            "save the file as UTF-8 (in most editors: Save As, then choose the encoding UTF-8)",
            code="not-utf8")) from None


def too_large(size: int, shown: str, kind: FileKind) -> Problem:
    return Problem(f"{kind.noun} is {size / 1024 / 1024:.1f} MB; the limit is {MAX_YAML_BYTES // 1024 // 1024} MB",
                   Location(shown, 1), "a brief is an outline: keep long texts in the sources, and "
                   "split a very long brief into several" if kind.noun == "brief" else
                   f"no {kind.noun} needs to be that large: check that this is the right file",
                   code="file-too-large")


def check_text_size(text: str, shown: str, kind: FileKind) -> None:
    """Refuse text over the limit before parsing, so a huge text costs nothing."""
    # A character count over the limit is over it in bytes too.
    if len(text) > MAX_YAML_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_YAML_BYTES:
        raise BriefdeckError(too_large(len(text.encode("utf-8", "surrogatepass")), shown, kind))


def yaml_text_to_node(text: str, shown: str, kind: FileKind) -> Node | None:
    """The node tree of ``text`` (None when it holds no document); any YAML problem raises."""
    check_text_size(text, shown, kind)
    composed = compose(text, shown, kind=kind)
    if composed.problems:
        raise BriefdeckError(composed.problems)
    return composed.root


def read_yaml_file(path: Path, shown: str, kind: FileKind) -> Node | None:
    """The node tree of the YAML file at ``path`` (shown as ``shown``); every problem raises."""
    return yaml_text_to_node(decode_yaml(read_yaml_bytes(path, shown, kind), shown, kind), shown, kind)
