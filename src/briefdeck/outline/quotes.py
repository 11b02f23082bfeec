"""Matching an author's quote against a paragraph, the way a reader would.

Case, spacing, straight or curly quotes, hyphens and dashes, and the three
spellings of an ellipsis ("...", "…", ". . .") do not matter. An ellipsis in
the author's quote marks omitted words: the pieces on either side must occur
in that order within the same paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

_FOLD = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
})
# The characters _FOLD replaces: a paragraph is searched for them (fast) rather than translated
# character by character (str.translate's slow path for any text beyond ASCII).
_FOLDED_MARKS = re.compile("[" + "".join(re.escape(chr(c)) for c in _FOLD) + "]")
_SPACES = re.compile(r"\s+")
ELLIPSIS = re.compile(r"\s*(?:\.\s*\.\s*\.|…)\s*")


@dataclass(frozen=True)
class Normalised:
    """Folded text and, for each of its characters, the offset it came from."""

    text: str
    offsets: Sequence[int]


def normalise(text: str) -> Normalised:
    """Fold case, quotes, dashes and spacing; keep the way back to ``text``."""
    return _one_for_one(text) or _normalised(text)


def _one_for_one(text: str) -> Normalised | None:
    """``text`` folded when folding keeps one character for one (offsets are positions), else None."""
    if " ".join(text.split()) != text:  # anything but single spaces between words
        return None
    quick = fold_marks(text).casefold()
    return Normalised(quick, range(len(text))) if len(quick) == len(text) else None


def fold_marks(text: str) -> str:
    """``text.translate(_FOLD)``: quotes, primes and dashes folded to their ASCII forms."""
    return _FOLDED_MARKS.sub(_folded_mark, text)


def _folded_mark(match: re.Match) -> str:
    return _FOLD[ord(match.group())]


def _normalised(text: str) -> Normalised:
    chars: list[str] = []
    offsets: list[int] = []
    space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            space = bool(chars)
            continue
        if space:
            chars.append(" ")
            offsets.append(i - 1)
            space = False
        for folded in ch.translate(_FOLD).casefold():
            chars.append(folded)
            offsets.append(i)
    return Normalised("".join(chars), offsets)


def quote_pieces(quote: str) -> list[str]:
    """The author's quote cut at ellipses, each piece folded; empty pieces dropped."""
    return [p for p in (normalise(piece.strip()).text for piece in ELLIPSIS.split(quote)) if p]


def find_quote(pieces: list[str], paragraph: str) -> tuple[int, int] | None:
    """The span of ``paragraph`` (in its own offsets) from the first piece to the last, or None.

    Words may stand between the pieces (the author's ellipsis omits them).
    """
    if not pieces:
        return None
    # The quick test only pays before the slow, character-by-character folding: when folding
    # keeps one character for one, the folded text is as cheap to make as the test's.
    norm = _one_for_one(paragraph)
    if norm is None:
        if not _may_hold(pieces, paragraph):
            return None
        norm = _normalised(paragraph)
    haystack = norm.text
    start = end = None
    pos = 0
    for piece in pieces:
        at = _find_words(haystack, piece, pos)
        if at is None:
            return None
        if start is None:
            start = at
        pos = at + len(piece)
        end = pos
    return norm.offsets[start], norm.offsets[end - 1] + 1


def _may_hold(pieces: list[str], paragraph: str) -> bool:
    """A quick test (string methods only) that rules out most paragraphs before the exact match."""
    folded = _SPACES.sub(" ", fold_marks(paragraph)).strip().casefold()
    pos = 0
    for piece in pieces:
        pos = folded.find(piece, pos)
        if pos < 0:
            return False
        pos += len(piece)
    return True


def _find_words(haystack: str, needle: str, start: int) -> int | None:
    """``needle`` in ``haystack`` from ``start``, not beginning or ending inside a word."""
    pos = start
    while True:
        at = haystack.find(needle, pos)
        if at < 0:
            return None
        before = haystack[at - 1] if at > 0 else " "
        after = haystack[at + len(needle)] if at + len(needle) < len(haystack) else " "
        if not (before.isalnum() and needle[0].isalnum()) and not (after.isalnum() and needle[-1].isalnum()):
            return at
        pos = at + 1


def inside_quotation(text: str, position: int) -> bool:
    """Whether ``position`` of ``text`` stands inside quotation marks (curly, or straight and unpaired)."""
    head = text[:position]
    return head.count("“") > head.count("”") or head.count('"') % 2 == 1
