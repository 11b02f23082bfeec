"""Splitting a paragraph into sentences.

A sentence ends at ``.``, ``!`` or ``?`` (after any closing quotes or
brackets) followed by a space and a capital, a digit or an opening quote —
except after an abbreviation or an initial ("U.S.", "Robert R. King"), inside
an ellipsis (". . ." or "…"), or inside a quotation that closes later in the
paragraph: the words someone is quoted as saying stay in one finding with the
sentence that attributes them.
"""

from __future__ import annotations

import re

# Words that end in a period without ending a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr no nos vol vols art sec fig figs para par pars p pp ed eds
    e.g i.e etc vs cf al inc ltd co corp dept gov govt jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.n u.k u.s.a e.u d.c""".split()
)

_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
_NEXT_STARTS_SENTENCE = re.compile(r"\s+[\"'“‘(\[]*[A-Z0-9\u0080-\uffff]")
_WORD_BEFORE = re.compile(r"(\S+)$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text`` (already folded), in order, covering it all but spaces."""
    spans: list[tuple[int, int]] = []
    start = 0
    quote_closes = _quote_closing_positions(text)
    for match in _END.finditer(text):
        end = match.end()
        if not _NEXT_STARTS_SENTENCE.match(text, end):
            continue
        if _is_abbreviation(text, match.start()) or _in_ellipsis(text, match.start(), match.end()):
            continue
        if _inside_quotation(match.start(), end, quote_closes):
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


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = _WORD_BEFORE.search(text, 0, dot)
    if not word:
        return False
    token = word.group(1).lstrip("\"'“‘([").lower()
    if len(token) == 1 and token.isalpha():
        return True  # an initial: "Robert R. King"
    return token in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token) is not None


def _in_ellipsis(text: str, start: int, end: int) -> bool:
    """". . ." or "..." or "…": a run of spaced periods is an omission, not an ending."""
    before = text[max(0, start - 2):start]
    after = text[end:end + 2]
    return before.endswith(". ") or before.endswith("…") or after.startswith(" .") or text[start:end].startswith("..")


_QUOTED = re.compile("“[^”]*”")


def _quote_closing_positions(text: str) -> list[tuple[int, int]]:
    """(open, close) of each curly-quoted passage that opens and closes within the text."""
    return [(m.start(), m.end() - 1) for m in _QUOTED.finditer(text)]


def _inside_quotation(start: int, end: int, quotes: list[tuple[int, int]]) -> bool:
    # An ending that takes in the closing mark ("…boom.” The") ends the sentence;
    # one with the closing mark still ahead is inside the quotation.
    return any(open_ < start and end <= close for open_, close in quotes)
