"""Splitting a paragraph into sentences, in one pass over the paragraph.

A sentence ends at ``.``, ``!`` or ``?`` (after any closing quotes or
brackets) followed by a space and a capital, a digit or an opening quote —
except after an abbreviation or an initial ("U.S. Government", "Robert R.
King"), inside a spaced ellipsis (". . ."), or inside a quotation that closes
later in the paragraph: the words someone is quoted as saying stay in one
finding with the sentence that attributes them.

Abbreviations that may also close a sentence ("etc.", "U.S.", "Inc.") and a
closing ellipsis ("a day... Overtime") end one when the next word opens a
sentence: a word that starts sentences ("The", "It"…) after an abbreviation,
any capitalised word after an ellipsis that ends a word.

Every check looks only at the few characters around an ending, so splitting
takes time in proportion to the paragraph's length (PDF and HTML extraction
produce paragraphs of hundreds of thousands of characters).
"""

from __future__ import annotations

import re
from bisect import bisect_left

# Words that end in a period without ending a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr no nos vol vols art sec fig figs para par pars p pp ed eds
    e.g i.e etc vs cf al inc ltd co corp dept gov govt jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.n u.k u.s.a e.u d.c""".split()
)
# Those that can also be the last word of a sentence ("…and so on, etc. The").
MAY_END_SENTENCE = frozenset("etc inc ltd co corp u.s u.n u.k u.s.a e.u d.c al".split())
# Words that open sentences and rarely follow "U.S." or "etc." inside one.
SENTENCE_OPENERS = frozenset(
    """the a an this that these those it its he she they we i there here his her their our my
    in on at for from after before during since when while if although though because as by with
    but and yet so however moreover meanwhile instead still also many most some several few no
    all both each every one two three such according under despite""".split()
)

_END = re.compile(r"(?:[.!?]+|…)[\"'”’)\]]*(?=\s)")
_NEXT_STARTS_SENTENCE = re.compile(r"\s+[\"'“‘(\[]*[A-Z0-9\u0080-\uffff]")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(\[]*([A-Za-z]+)")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
# Looking back further than this for the word before a period is never needed.
_LONGEST_WORD = 64


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text`` (already folded), in order, covering it all but spaces."""
    spans: list[tuple[int, int]] = []
    start = 0
    quotes = _Quotations(text)
    for match in _END.finditer(text):
        end = match.end()
        if not _NEXT_STARTS_SENTENCE.match(text, end):
            continue
        if not _ends_here(text, match.start(), end):
            continue
        if quotes.encloses(match.start(), end):
            continue
        spans.append((start, end))
        start = end
        while start < len(text) and text[start] == " ":
            start += 1
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return spans


def split_sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def _ends_here(text: str, start: int, end: int) -> bool:
    """Whether the punctuation at ``text[start:end]`` (followed by a capital) ends the sentence."""
    marks = text[start:end]
    if marks.startswith(("..", "…")):
        return _ellipsis_ends(text, start, end)
    if _spaced_ellipsis(text, start, end):
        return False
    token = _word_before(text, start)
    if text[start] != "." or not token:
        return True
    if len(token) == 1 and token.isalpha():
        return False  # an initial: "Robert R. King"
    if token in ABBREVIATIONS or _INITIALS.fullmatch(token):
        return token in MAY_END_SENTENCE and _next_word(text, end) in SENTENCE_OPENERS
    return True


def _ellipsis_ends(text: str, start: int, end: int) -> bool:
    """"a day... Overtime" ends a sentence; "… The" standing alone marks an omission in a quotation."""
    return start > 0 and not text[start - 1].isspace()


def _spaced_ellipsis(text: str, start: int, end: int) -> bool:
    """". . ." is an omission, not an ending."""
    before = text[max(0, start - 2):start]
    return before.endswith(". ") or text[end:end + 2].startswith(" .")


def _word_before(text: str, dot: int) -> str:
    """The word just before ``text[dot]``, lower-cased and without opening quotes or brackets."""
    space = text.rfind(" ", max(0, dot - _LONGEST_WORD), dot)
    return text[space + 1:dot].lstrip("\"'“‘([").lower()


def _next_word(text: str, end: int) -> str:
    match = _NEXT_WORD.match(text, end)
    return match.group(1).lower() if match else ""


class _Quotations:
    """The curly-quoted passages of a paragraph, for asking whether an ending lies inside one."""

    _QUOTED = re.compile("“[^”]*”")

    def __init__(self, text: str) -> None:
        spans = [(m.start(), m.end() - 1) for m in self._QUOTED.finditer(text)]
        self._opens = [a for a, _ in spans]
        self._closes = [b for _, b in spans]

    def encloses(self, start: int, end: int) -> bool:
        # Quotations do not overlap, so only the last one opening before ``start`` can hold it.
        # An ending that takes in the closing mark ("…boom.” The") ends the sentence.
        i = bisect_left(self._opens, start) - 1
        return i >= 0 and end <= self._closes[i]
