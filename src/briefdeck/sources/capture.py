"""Cleaning the lines of text captured from a PDF before they are cut into blocks.

Text copied out of a PDF keeps what the page layout put there: running
headers ("212   TRAFFICKING IN PERSONS REPORT 2030") and page numbers,
words hyphenated at line ends, upper-case headings set on a line of their
own, and bullet glyphs. Each is recognised only where the text shows it, so
an ordinary text file passes through unchanged.

The result is a list of `Line` records pointing into the original text, so
offsets still lead back to the file: a dropped hyphen or bullet glyph is
simply left outside the line's span.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# "212   TRAFFICKING IN PERSONS REPORT 2030" or "COUNTRY NARRATIVES   213": a page number beside
# an upper-case running title, set apart by a wide gap.
_HEADER_NUMBER_FIRST = re.compile(r"\s*\d{1,4}\s{2,}(?P<title>[^a-z]*[A-Z]{3}[^a-z]*?)\s*")
_HEADER_NUMBER_LAST = re.compile(r"\s*(?P<title>[^a-z]*[A-Z]{3}[^a-z]*?)\s{2,}\d{1,4}\s*")
_PAGE_NUMBER = re.compile(r"\s*(?:page\s+)?\d{1,4}(?:\s+(?:of|/)\s+\d{1,4})?\s*", re.IGNORECASE)
_SHORT_PAGE_NUMBER = re.compile(r"\s*\d{1,3}\s*")
# A line with a number, repeated this often (the number aside), is a running header or footer, not
# text; a repeated line without one may be a heading each chapter repeats ("Prosecution").
_REPEATS_FOR_RUNNING = 3
_RUNNING_MAX_CHARS = 100
_UPPER_HEADING = re.compile(r"\s*(?=[^a-z]*[A-Z]{4})[A-Z0-9][^a-z.!?;,]{2,78}[^a-z.!?;,\s]\s*")
_BULLET = re.compile(r"\s*(?P<glyph>[•●▪◦‣■□➢➤∙·*–-])\s+(?=\S)")
# Glyphs that are only ever bullets; a dash or asterisk at a line start may be a wrapped dash.
_SURE_BULLETS = "•●▪◦‣■□➢➤∙"
_HYPHEN_END = re.compile(r"(?P<head>[A-Za-z]+)[-\u00ad]\s*$")
_TAIL_START = re.compile(r"\s*(?P<tail>[A-Za-z0-9]+)")
_WORD = re.compile(r"[A-Za-z]+")
# Endings that cannot stand as words: "traffick-" + "ing" is one word, never a compound.
_BOUND_SUFFIXES = frozenset("""ing ings ed ion ions tion tions sion sions ment ments ness ity ities ly
    al ally ance ances ence ences ous ive ives ant ants ent ents er ers or ors ism ist ists ise ize ised ized
    ised able ible ure ures ary ate ated ating ation ations ic ical es s y ies""".split())


@dataclass(frozen=True)
class Line:
    """A stretch of the original text that is one line of the document after cleaning.

    ``joined`` says how it follows the line before it within a block: " " (a
    line break), "" (a word rejoined across a hyphen), or None when it starts a
    new block (a heading or bullet item); ``item`` marks a bullet item.
    """

    start: int
    end: int
    joined: str | None = " "
    item: bool = False
    heading: bool = False


@lru_cache(maxsize=1)
def shipped_words() -> frozenset[str]:
    """The word list shipped with briefdeck, for words the document spells only hyphenated."""
    text = resources.files("briefdeck.sources").joinpath("words.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split() if not w.startswith("#"))


def running_lines(texts: list[str]) -> set[int]:
    """Indexes of lines that are page furniture: running headers and footers and page numbers."""
    shapes = Counter(_shape(t) for t in texts if t.strip() and len(t.strip()) <= _RUNNING_MAX_CHARS)
    numbers = sum(1 for t in texts if _PAGE_NUMBER.fullmatch(t))
    out = set()
    for i, text in enumerate(texts):
        if not text.strip():
            continue
        if _HEADER_NUMBER_FIRST.fullmatch(text) or _HEADER_NUMBER_LAST.fullmatch(text):
            out.add(i)
        elif _SHORT_PAGE_NUMBER.fullmatch(text) or (numbers >= 2 and _PAGE_NUMBER.fullmatch(text)):
            out.add(i)
        elif len(text.strip()) <= _RUNNING_MAX_CHARS and shapes[_shape(text)] >= _REPEATS_FOR_RUNNING \
                and "#" in _shape(text) and not text.rstrip().endswith((".", "!", "?")):
            out.add(i)
    return out


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()))


def is_upper_heading(text: str) -> bool:
    """"PROSECUTION", "TRAFFICKING PROFILE": a short line in capitals with no closing punctuation."""
    return _UPPER_HEADING.fullmatch(text) is not None


def clean_group(original: str, spans: list[tuple[int, int]], vocabulary: frozenset[str]) -> list[Line]:
    """The lines of one blank-line-separated group, with headings and bullets marked and hyphens rejoined."""
    out: list[Line] = []
    for k, (start, end) in enumerate(spans):
        text = original[start:end]
        bullet = _BULLET.match(text)
        if bullet and (k == 0 or bullet.group("glyph") in _SURE_BULLETS or out[-1].item or out[-1].heading
                       or _previous_closes(out, original)):
            out.append(Line(start + bullet.end(), end, None, item=True))
        elif is_upper_heading(text) and (len(spans) > 1):
            out.append(Line(start, end, None, heading=True))
        elif out and out[-1].heading:
            out.append(Line(start, end, None))
        else:
            out.append(Line(start, end, " " if out else None))
    return _rejoin_hyphens(original, out, vocabulary)


def _previous_closes(out: list[Line], original: str) -> bool:
    return bool(out) and original[out[-1].start:out[-1].end].rstrip().endswith((".", "!", "?", ":", ";"))


def _rejoin_hyphens(original: str, lines: list[Line], vocabulary: frozenset[str]) -> list[Line]:
    """"traffick-" + "ing" becomes "trafficking"; "state-" + "sponsored" stays "state-sponsored"."""
    out = list(lines)
    for k in range(1, len(out)):
        before, line = out[k - 1], out[k]
        if line.joined is None:
            continue
        head = _HYPHEN_END.search(original, before.start, before.end)
        tail = _TAIL_START.match(original, line.start, line.end)
        if not head or not tail:
            continue
        soft = original[head.end("head")] == "\u00ad"
        joined = (head.group("head") + tail.group("tail")).lower()
        if soft or tail.group("tail").islower() and is_word(joined, tail.group("tail"), vocabulary):
            out[k - 1] = Line(before.start, head.end("head"), before.joined, before.item, before.heading)
        else:
            out[k - 1] = Line(before.start, head.end("head") + 1, before.joined, before.item, before.heading)
        out[k] = Line(tail.start("tail"), line.end, "", line.item, line.heading)
    return out


def is_word(joined: str, tail: str, vocabulary: Container[str]) -> bool:
    """Whether a word hyphenated at a line end is one word (the hyphen was the layout's, not the author's).

    It is when the joined word is known (the document spells it whole, or the
    shipped list has it), or when the part after the hyphen is no word at all
    ("re-" + "quired", "traffick-" + "ing"): a compound such as "state-sponsored"
    is made of words.
    """
    words = shipped_words()
    return joined in vocabulary or joined in words or tail in _BOUND_SUFFIXES or (
        tail not in vocabulary and tail not in words)


def vocabulary_of(text: str) -> frozenset[str]:
    """The words a document spells without a hyphen, lower-cased."""
    return frozenset(w.lower() for w in _WORD.findall(re.sub(r"\w+-\s*\n\s*\w+", " ", text)))
