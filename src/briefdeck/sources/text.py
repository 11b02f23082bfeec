"""Decoding files and normalising text while remembering where each character came from.

Passages are shown normalised (whitespace folded, control characters gone)
but cited by offsets into the original text. `fold` therefore returns, with
the folded text, the original offset of every character it kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefdeck.errors import BriefdeckError, Problem

# A file is binary when this share of its bytes are NULs, or this share are other
# control bytes (and more than two); fewer are stray characters, removed with a warning.
_BINARY_NUL_SHARE = 0.01
_BINARY_CONTROL_SHARE = 0.10
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))

# Characters that never reach a passage: C0 and C1 controls (tab, line breaks
# and NEL become spaces instead), DEL, non-characters, lone surrogates and the
# zero-width/bidi marks that copy-paste leaves behind.
_SPACE_LIKE = set(" \t\n\r\v\f\x85\u2028\u2029\u00a0\u2007\u202f\u3000") | {chr(c) for c in range(0x2000, 0x200B)}
_DROPPED = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ufffe\uffff\ufeff\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\ud800-\udfff]"
)

# Line breaks as they may stand in a file: \r\n, bare \r or \n.
LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode(data: bytes, *, name: str) -> Decoded:
    """Bytes of a text file as text: UTF-8 (a BOM is dropped), else cp1252 with a warning.

    Raises a `BriefdeckError` for an empty or binary file.
    """
    if not data.strip():
        raise BriefdeckError(Problem(f"{name} is empty", hint="add the document's text or remove the file",
                                     code="empty-source"))
    nuls = data.count(0)
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if nuls > max(2, _BINARY_NUL_SHARE * len(data)) or controls > max(2, _BINARY_CONTROL_SHARE * len(data)):
        raise BriefdeckError(Problem(f"{name} is not a text file (it holds binary data)",
                                     hint="sources must be plain text (UTF-8); convert the document to text first",
                                     code="binary-source"))
    warnings = []
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
        warnings.append(f"{name} is not valid UTF-8 (byte {exc.start}); read it as Windows-1252 (cp1252). "
                        "Save the file as UTF-8 to silence this warning.")
    dropped = len(_DROPPED.findall(text))
    if dropped:
        warnings.append(f"{name}: removed {dropped} control or invisible character{'s' if dropped > 1 else ''}")
    return Decoded(text, encoding, tuple(warnings))


_SPACES = re.escape("".join(sorted(_SPACE_LIKE)))
_VISIBLE = re.compile("[^" + _SPACES + _DROPPED.pattern[1:])
_KEPT_RUN = re.compile("[^" + _SPACES + "]+")
_SPACE_CHARS = "".join(sorted(_SPACE_LIKE))
# Whitespace that folding changes: a run of two or more, or one that is not a plain space.
_SPACE_TO_FOLD = re.compile("[" + _SPACES + "]{2,}|[" + re.escape("".join(sorted(_SPACE_LIKE - {" "}))) + "]")
_WIDE_GAP = re.compile("[" + _SPACES + "]{2,}")


@dataclass(frozen=True)
class Folded:
    """Normalised text and the way back to the original.

    ``runs`` holds ``(folded_start, original_start, length)`` for each stretch
    of characters copied unchanged, in order; `original_offset` maps a folded
    offset back through them.
    """

    text: str
    runs: tuple[tuple[int, int, int], ...]

    def original_offset(self, i: int) -> int:
        """Offset in the original of folded character ``i`` (``len(text)`` maps past the end)."""
        if not self.runs:
            return 0
        lo, hi = 0, len(self.runs) - 1
        while lo < hi:  # the last run starting at or before i
            mid = (lo + hi + 1) // 2
            if self.runs[mid][0] <= i:
                lo = mid
            else:
                hi = mid - 1
        fstart, ostart, length = self.runs[lo]
        return ostart + min(i - fstart, length)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of folded ``text[start:end]`` (end exclusive, ``start < end``)."""
        return self.original_offset(start), self.original_offset(end - 1) + 1


def fold(original: str, start: int = 0, end: int | None = None) -> Folded:
    """Normalise ``original[start:end]``: controls removed, whitespace folded to single spaces, trimmed.

    Works run by run (regular expressions, not a loop per character) because the
    index folds millions of words.
    """
    end = len(original) if end is None else end
    if _DROPPED.search(original, start, end) is None:  # the usual case: nothing to drop
        return _fold_spaces(original, start, end)
    pieces: list[str] = []
    runs: list[tuple[int, int, int]] = []
    length = 0
    for match in _KEPT_RUN.finditer(original, start, end):
        parts = [p for p in _split_dropped(match.group()) if p[0]]
        if not parts:
            continue  # only dropped characters between two spaces: one space stays
        if pieces:
            pieces.append(" ")
            length += 1
        offset = match.start()
        for text, at in parts:
            runs.append((length, offset + at, len(text)))
            pieces.append(text)
            length += len(text)
    return Folded("".join(pieces), tuple(runs))


def _fold_spaces(original: str, start: int, end: int) -> Folded:
    """`fold` of text with nothing to drop: only its whitespace is folded.

    A gap of one whitespace character becomes one space at the same offset, so a run
    of copied characters goes on across it; only wider gaps start a new run. (The
    offsets are those of a run per word: a space maps to the character after the word.)
    """
    first = _KEPT_RUN.search(original, start, end)
    if first is None:
        return Folded("", ())
    start = first.start()
    segment = original[start:end].rstrip(_SPACE_CHARS)
    end = start + len(segment)
    runs: list[tuple[int, int, int]] = []
    folded_at, run_start = 0, start
    for gap in _WIDE_GAP.finditer(original, start, end):
        runs.append((folded_at, run_start, gap.start() - run_start))
        folded_at += gap.start() - run_start + 1
        run_start = gap.end()
    runs.append((folded_at, run_start, end - run_start))
    return Folded(_SPACE_TO_FOLD.sub(" ", segment), tuple(runs))


def _split_dropped(run: str) -> list[tuple[str, int]]:
    """A run without spaces, cut where dropped characters stand: (piece, offset in run)."""
    if not _DROPPED.search(run):
        return [(run, 0)]
    out, pos = [], 0
    for match in _DROPPED.finditer(run):
        out.append((run[pos:match.start()], pos))
        pos = match.end()
    out.append((run[pos:], pos))
    return out


def has_text(original: str, start: int, end: int) -> bool:
    """Whether ``original[start:end]`` holds anything but spaces and dropped characters."""
    return _VISIBLE.search(original, start, end) is not None


def clean_text(text: str) -> str:
    """Text with controls removed and whitespace folded (no offsets kept)."""
    return fold(text).text


def fold_lines(original: str, lines: list[tuple[int, int, str]]) -> Folded:
    """Fold several stretches of ``original`` into one text, each joined to the one before by its joiner.

    The joiner is " " for a line break and "" for a word rejoined across a line-end
    hyphen; the offsets of every kept character still lead back to ``original``.
    """
    pieces: list[str] = []
    runs: list[tuple[int, int, int]] = []
    length = 0
    for start, end, joiner in lines:
        folded = fold(original, start, end)
        if not folded.text:
            continue
        if pieces and joiner:
            pieces.append(joiner)
            length += len(joiner)
        runs.extend((length + f, o, n) for f, o, n in folded.runs)
        pieces.append(folded.text)
        length += len(folded.text)
    return Folded("".join(pieces), tuple(runs))
