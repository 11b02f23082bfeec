"""Several paragraphs or pages of one work cited at one point, merged: "pars. 3–4", "pp. 212–213".

Where a point rests on neighbouring passages of one work, the note cites them
once, as a range: `briefdeck.deck.notes` groups them into a `MergedCitation`,
whose paragraphs the styles print with `merge_locators`. Each style's labels
and inclusive-number rule:

- Chicago: "par." / "pars." (CMOS 17 10.43); pages without a label, as
  Chicago notes give them; inclusive numbers shortened by CMOS 17 9.61:
  3–10, 100–104, 101–8, 321–28, 1496–1500.
- APA: "para." / "paras.", "p." / "pp." (APA 7 8.28); every digit: 212–213.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Iterable, Sequence

from briefdeck.sources.model import Citation

_LABELS = {  # (style, unit) → (one, several)
    ("chicago-note", "paragraph"): ("par.", "pars."),
    ("chicago-note", "page"): ("", ""),
    ("apa", "paragraph"): ("para.", "paras."),
    ("apa", "page"): ("p.", "pp."),
}
_SHORTENED = frozenset({"chicago-note"})


@dataclass(frozen=True)
class MergedCitation(Citation):
    """A citation of several paragraphs of one work, made for one point that cites them all.

    It keeps the first passage's locator and words (the deck keeps every
    passage's for the speaker notes); ``paragraphs`` are what the note prints.
    """

    paragraphs: tuple[int, ...] = ()


def merged_citation(passages: Sequence[Citation]) -> Citation:
    """One citation for passages of one work: the passage itself when there is one."""
    first = passages[0]
    if len(passages) == 1:
        return first
    numbers = tuple(sorted({n for c in passages for n in cited_paragraphs(c)}))
    return MergedCitation(**{f.name: getattr(first, f.name) for f in fields(Citation)}, paragraphs=numbers)


def cited_paragraphs(citation: Citation) -> tuple[int, ...]:
    """The paragraph numbers a note prints for ``citation``: () for a whole source."""
    if isinstance(citation, MergedCitation):
        return citation.paragraphs
    return () if citation.paragraph is None else (citation.paragraph,)


def merge_locators(numbers: Iterable[int], style: str, unit: str = "paragraph") -> str:
    """ "pars. 3–4, 7" (Chicago) or "paras. 3–4, 7" (APA) for paragraphs 3, 4 and 7; "" for none.

    ``unit`` is "paragraph" or "page"; ``style`` a style name (`briefdeck.citations.STYLES`).
    """
    one, several = _LABELS[style, unit]
    ordered = sorted(set(numbers))
    if not ordered:
        return ""
    runs: list[tuple[int, int]] = []
    for number in ordered:
        if runs and number == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    text = ", ".join(str(a) if a == b else inclusive(a, b, shorten=style in _SHORTENED) for a, b in runs)
    label = several if len(ordered) > 1 else one
    return f"{label} {text}" if label else text


def inclusive(first: int, last: int, *, shorten: bool) -> str:
    """A range with an en dash; ``shorten`` applies CMOS 17 9.61 ("101–8", "321–28", "1496–1500")."""
    whole = f"{first}–{last}"
    a, b = str(first), str(last)
    if not shorten or first < 100 or first % 100 == 0 or len(a) != len(b) or last <= first:
        return whole
    changed = next(i for i, (x, y) in enumerate(zip(a, b)) if x != y)
    if len(a) >= 4 and changed <= 1:  # three or more digits change in a four-digit number: all digits
        return whole
    if first % 100 >= 10:  # 110 through 199 of each hundred: at least two digits
        changed = min(changed, len(b) - 2)
    return f"{a}–{b[changed:]}"
