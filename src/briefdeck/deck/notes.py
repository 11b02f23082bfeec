"""Footnotes decided once: their numbers, and the words every output prints for them.

Numbers: a slide's markers restart at 1 on each slide the author wrote, one
per distinct cited passage, in the order the points call them; a page that
continues a slide ("<title> (cont.)") keeps the slide's numbers, so a
continuation may show markers 8–14. Handout numbers run through the whole
document, and the first citation of each source (in that order) is marked,
because Chicago gives the full note there and a short note after.

Words, chosen here through the deck's citation style so that `check`, the
.pptx, the handout and the speaker notes say the same thing:

- `Footnote.band`: the short note of the slide's band and the end-notes slides;
- `Footnote.handout`: the handout's note (Chicago: full first, short after),
  or for an author-date style (APA) the parenthetical that stands in the text;
- `Footnote.full`: the full note of the speaker notes (`speaker_entry`);
- `band_lines`: one band line per distinct note ("1–3 King, “…,” par. 2.");
- `References`: the bibliography, sorted and formatted by the style.

Renderers choose only which of a slide's footnotes a page carries (those its
points call, and on the first page the ones no point calls).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from briefdeck.citations import get_style
from briefdeck.citations.text import Formatted, plain
from briefdeck.citations.typography import quoted
from briefdeck.deck.model import Footnote, References, Slide
from briefdeck.sources.model import Citation, SourceRecord


@dataclass(frozen=True)
class BandLine:
    """A line of a footnote band: the markers that share one note, and the note."""

    numbers: tuple[int, ...]
    label: str  # the markers as shown: "1", "1, 3", "1–3"
    text: Formatted


class Notebook:
    """Numbers the notes of one deck as it is built, slide after slide, in deck order."""

    def __init__(self, style: str):
        self.style = get_style(style)
        self.handout_number = 0
        self._cited: dict[str, SourceRecord] = {}  # in order of first citation

    def slide(self) -> "SlideNotes":
        """The notes of the next slide (start one per authored slide, in deck order)."""
        return SlideNotes(self)

    @property
    def bibliography(self) -> tuple[SourceRecord, ...]:
        """The records of the sources cited, in order of first citation."""
        return tuple(self._cited.values())

    def references(self) -> References:
        style = self.style
        entries = tuple(style.bibliography_entry(r) for r in style.sort_bibliography(self.bibliography))
        return References(style.bibliography_heading, entries, bool(style.author_date))

    def _footnote(self, number: int, citation: Citation) -> Footnote:
        self.handout_number += 1
        first = citation.source_id not in self._cited
        self._cited.setdefault(citation.source_id, citation.record)
        style = self.style
        handout = style.in_text(citation) if style.author_date else style.note(citation, first=first)
        return Footnote(number, self.handout_number, citation, first, band=style.short_note(citation),
                        handout=handout, full=style.full_note(citation))


class SlideNotes:
    """The footnotes of one slide: one per distinct cited passage, numbered from 1."""

    def __init__(self, book: Notebook):
        self._book = book
        self._notes: list[Footnote] = []
        self._numbers: dict[tuple[str, str], int] = {}

    def cite(self, citation: Citation) -> int:
        """The marker number of ``citation`` on this slide (the same passage cited again keeps its number)."""
        key = (citation.locator, citation.quoted)
        if key not in self._numbers:
            self._numbers[key] = len(self._notes) + 1
            self._notes.append(self._book._footnote(self._numbers[key], citation))
        return self._numbers[key]

    def cite_all(self, citations: Iterable[Citation]) -> tuple[int, ...]:
        """The markers of one point: each number once, in the order first called."""
        return tuple(dict.fromkeys(self.cite(c) for c in citations))

    @property
    def footnotes(self) -> tuple[Footnote, ...]:
        return tuple(self._notes)


def renumbered(slides: Sequence[Slide], style: str) -> tuple[tuple[Slide, ...], Notebook]:
    """``slides`` with their notes numbered afresh from the citations they hold, in order.

    For decks put together from slides rather than built from a brief: each
    point keeps what it cites, a footnote no point calls stays on its slide.
    """
    book = Notebook(style)
    out = []
    for slide in slides:
        notes = book.slide()
        points = tuple(replace(p, footnotes=notes.cite_all(slide.footnote(n).citation for n in p.footnotes))
                       for p in slide.points)
        called = {n for p in slide.points for n in p.footnotes}
        for footnote in slide.footnotes:
            if footnote.number not in called:
                notes.cite(footnote.citation)
        out.append(replace(slide, points=points, footnotes=notes.footnotes))
    return tuple(out), book


def band_lines(footnotes: Iterable[Footnote]) -> tuple[BandLine, ...]:
    """The band for these footnotes: each short note once, after the markers that call it.

    Several points citing different words of one paragraph have notes that
    read the same; the band gives that note one line. Their quoted words stay
    apart in the speaker notes.
    """
    lines: dict[Formatted, list[int]] = {}
    for footnote in footnotes:
        lines.setdefault(footnote.band, []).append(footnote.number)
    return tuple(BandLine(tuple(numbers), marker_label(numbers), text) for text, numbers in lines.items())


def speaker_entry(footnote: Footnote) -> tuple[str, ...]:
    """The speaker notes' lines for one footnote: "[n] full note", the quoted words, the locator."""
    citation = footnote.citation
    lines = [f"[{footnote.number}] {_folded(plain(footnote.full))}"]
    if citation.quoted:
        lines.append(f"Quoted: {quoted(_folded(citation.quoted))}")
    lines.append(f"Locator: {citation.locator}")
    return tuple(lines)


def marker_label(numbers: Iterable[int]) -> str:
    """Markers as a band shows them: "1", "1–3" for a run, "1, 3" otherwise."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" if len(r) > 2 else f"{r[0]}, {r[1]}"
                     for r in runs)


def _folded(text: str) -> str:
    return " ".join(text.split())
