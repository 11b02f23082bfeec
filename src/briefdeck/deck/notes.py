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
  a point citing several paragraphs of one work has one note ("pars. 3–4"),
  whose speaker notes keep each passage's locator and words;
- `References`: the bibliography, sorted and formatted by the style.

Year letters (APA's 2019a, 2019b) are given among the works the deck cites,
before any note is worded: the deck builder numbers the deck once without
words to learn them, and passes them to `Notebook`. A CSL style (pandoc's
citeproc) is given every citation of that first pass, to word them in one run.
A notes style without either (Chicago) words each note from its citation
alone, and needs no first pass (`worded_notebook` decides).

Renderers choose only which of a slide's footnotes a page carries (those its
points call, and on the first page the ones no point calls).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Iterable, Sequence

from briefdeck.citations import get_style
from briefdeck.citations.ranges import merged_citation
from briefdeck.citations.text import Formatted, plain
from briefdeck.citations.typography import quoted
from briefdeck.citations.work import work_of
from briefdeck.citations.year_letters import with_year_letters
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

    def __init__(self, style: str, cited: Iterable[SourceRecord] = (), *, citing: Sequence[Citation] = (),
                 worded: bool = True):
        """``cited``: the records of the sources the deck will cite (for year letters); ``citing``: the
        citations it will word, in handout order (for a CSL style). ``worded=False`` numbers notes
        without words, for a first pass that learns both (`citations`, `bibliography`).
        """
        self.style = get_style(style)
        self.worded = worded
        self.handout_number = 0
        self.citations: list[Citation] = []  # each note's citation, in handout order
        self._cited: dict[str, SourceRecord] = {}  # in order of first citation
        # The words of each (citation, first) worded: a style words a citation alike wherever it
        # stands (equal citations have equal records, locators and quoted words).
        self._words: dict[tuple[Citation, bool], tuple[Formatted, Formatted, Formatted]] = {}
        cited = {r.id: r for r in cited}.values()
        if self.runs_pandoc:  # citeproc words every note and gives its own year letters
            self._lettered = {}
            if worded:
                self.style.prepare(citing, cited)
        else:
            self._lettered = {r.id: r for r in with_year_letters(cited, self.style)}

    @property
    def learns_from_deck(self) -> bool:
        """Whether the words of a note depend on the whole deck's citations: year letters (an
        author-date style) or a CSL style's one run. Only then is a first pass without words needed."""
        return bool(self.style.author_date) or self.runs_pandoc

    @property
    def runs_pandoc(self) -> bool:
        """Whether a CSL style words the notes (through pandoc, which may fail)."""
        return hasattr(self.style, "prepare")  # a CSL style (citations/csl.py) words every note in one run

    def read_records(self) -> None:
        """Each cited record read as wording reads it, in order of first citation (the order wording
        meets them): a notebook without words raises the same error for a malformed record."""
        for record in self.bibliography:
            work_of(record)

    def slide(self) -> "SlideNotes":
        """The notes of the next slide (start one per authored slide, in deck order)."""
        return SlideNotes(self)

    @property
    def bibliography(self) -> tuple[SourceRecord, ...]:
        """The records of the sources cited, in order of first citation."""
        return tuple(self._cited.values())

    def references(self) -> References:
        """The reference list, sorted and worded by the style (no entries for a notebook without words)."""
        style = self.style
        entries = (tuple(style.bibliography_entry(r) for r in style.sort_bibliography(self.bibliography))
                   if self.worded else ())
        return References(style.bibliography_heading, entries, bool(style.author_date))

    def _footnote(self, number: int, passages: tuple[Citation, ...]) -> Footnote:
        passages = tuple(self._with_letter(c) for c in passages)
        citation = merged_citation(passages)
        self.handout_number += 1
        first = citation.source_id not in self._cited
        self._cited.setdefault(citation.source_id, citation.record)
        self.citations.append(citation)
        passages = passages if len(passages) > 1 else ()
        if not self.worded:
            return Footnote(number, self.handout_number, citation, first, (), (), (), passages)
        words = self._words.get((citation, first))
        if words is None:  # a citation a deck repeats (a recurring passage, a repeated slide) is worded once
            style = self.style
            handout = style.in_text(citation) if style.author_date else style.note(citation, first=first)
            words = self._words[citation, first] = (style.short_note(citation), handout, style.full_note(citation))
        band, handout, full = words
        return Footnote(number, self.handout_number, citation, first, band=band, handout=handout, full=full,
                        passages=passages)

    def _with_letter(self, citation: Citation) -> Citation:
        record = self._lettered.get(citation.source_id)
        return citation if record is None or record.csl == citation.record.csl else replace(citation, record=record)


class SlideNotes:
    """The footnotes of one slide: one per distinct cited passage, numbered from 1."""

    def __init__(self, book: Notebook):
        self._book = book
        self._notes: list[Footnote] = []
        self._numbers: dict[tuple[tuple[str, str], ...], int] = {}

    def cite(self, citation: Citation) -> int:
        """The marker number of ``citation`` on this slide (the same passage cited again keeps its number)."""
        return self.cite_passages((citation,))

    def cite_passages(self, passages: tuple[Citation, ...]) -> int:
        """The marker number of one note citing ``passages`` (several paragraphs of one work, or one passage)."""
        key = tuple(sorted((c.locator, c.quoted) for c in passages))  # the same passages in any order
        if key not in self._numbers:
            self._numbers[key] = len(self._notes) + 1
            self._notes.append(self._book._footnote(self._numbers[key], passages))
        return self._numbers[key]

    def cite_all(self, citations: Iterable[Citation]) -> tuple[int, ...]:
        """The markers of one point: each number once, in the order first called.

        Two or more paragraphs of one work share one note ("pars. 3–4").
        """
        return tuple(dict.fromkeys(self.cite_passages(group) for group in _notes_of_point(citations)))

    @property
    def footnotes(self) -> tuple[Footnote, ...]:
        return tuple(self._notes)


def renumbered(slides: Sequence[Slide], style: str) -> tuple[tuple[Slide, ...], Notebook]:
    """``slides`` with their notes numbered afresh from the citations they hold, in order.

    For decks put together from slides rather than built from a brief: each
    point keeps what it cites, a footnote no point calls stays on its slide.
    """
    book = worded_notebook(style, lambda first: _renumbered(slides, first))
    return _renumbered(slides, book), book


def worded_notebook(style: str, number: Callable[[Notebook], object]) -> Notebook:
    """The notebook that words a deck's notes in ``style``.

    When the words depend on the whole deck (`Notebook.learns_from_deck`: year letters,
    a CSL style's one run), ``number`` first numbers the deck with a notebook without
    words, which learns the works it cites and its citations in handout order.
    """
    first = Notebook(style, worded=False)
    if not first.learns_from_deck:
        return Notebook(style)  # each note is worded from its own citation (Chicago)
    number(first)
    return Notebook(style, first.bibliography, citing=first.citations)


def _renumbered(slides: Sequence[Slide], book: Notebook) -> tuple[Slide, ...]:
    out = []
    for slide in slides:
        notes = book.slide()
        points = tuple(replace(p, footnotes=notes.cite_all(c for n in p.footnotes for c in slide.footnote(n).cited))
                       for p in slide.points)
        called = {n for p in slide.points for n in p.footnotes}
        for footnote in slide.footnotes:
            if footnote.number not in called:
                notes.cite_passages(footnote.cited)
        out.append(replace(slide, points=points, footnotes=notes.footnotes))
    return tuple(out)


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
    """The speaker notes' lines for one footnote: "[n] full note", then each passage's quoted words and locator."""
    lines = [f"[{footnote.number}] {_folded(plain(footnote.full))}"]
    for citation in footnote.cited:
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


def _notes_of_point(citations: Iterable[Citation]) -> list[tuple[Citation, ...]]:
    """One point's citations grouped into notes, in the order first cited.

    Passages of one work (relayed by the same speaker, if any) that lie in
    neighbouring paragraphs (3 and 4; 3, 4 and 5) share a note; any other
    citation, a whole-source one included, has a note of its own.
    """
    citations = list({(c.locator, c.quoted): c for c in citations}.values())
    works: dict[tuple, list[Citation]] = {}
    for c in citations:
        if c.paragraph is not None:
            works.setdefault((c.source_id, c.speaker), []).append(c)
    run_of: dict[tuple[str, str], tuple] = {}  # (locator, quoted) → (work, first paragraph of its run)
    for work, cited in works.items():
        starts: dict[int, int] = {}
        for n in sorted({c.paragraph for c in cited}):
            starts[n] = starts.get(n - 1, n)
        for c in cited:
            if sum(1 for start in starts.values() if start == starts[c.paragraph]) > 1:
                run_of[c.locator, c.quoted] = (work, starts[c.paragraph])
    notes: dict[tuple, list[Citation]] = {}
    for c in citations:
        notes.setdefault(run_of.get((c.locator, c.quoted), ("passage", c.locator, c.quoted)), []).append(c)
    return [tuple(passages) for passages in notes.values()]


def _folded(text: str) -> str:
    return " ".join(text.split())
