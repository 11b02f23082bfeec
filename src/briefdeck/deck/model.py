"""The format-neutral deck: what every renderer lays out.

`brief_to_deck` builds one `Deck` per audience. Every footnote arrives here
numbered and worded (`briefdeck.deck.notes` decides both, through the deck's
citation style): renderers never count notes nor choose a citation form, so
the PowerPoint, the handout and `check` show the same markers and words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from briefdeck.citations.text import Formatted
from briefdeck.sources.model import Citation, SourceRecord

SLIDE_KINDS = ("title", "content-note", "section", "bullets", "figures", "quote", "questions", "chart", "image",
               "sources")


@dataclass(frozen=True)
class Footnote:
    """A numbered, worded note (made by `briefdeck.deck.notes`).

    ``number`` restarts at 1 on each authored slide and is kept on the pages
    that continue it (the marker on the slide, in the band, the speaker notes
    and the end notes); ``handout_number`` runs through the whole document
    (the handout's marker). ``first`` is true for the first citation of its
    source in the document, in handout order.

    ``band`` is the short note (slide band, end notes); ``handout`` the
    handout's note (Chicago: full when ``first``, short after; an author-date
    style: the in-text parenthetical); ``full`` the speaker notes' full note.

    A point that cites several paragraphs of one work has one note for them
    ("pars. 3–4"): ``citation`` is then a `MergedCitation` and ``passages``
    holds each passage cited, with its locator and words; otherwise ().
    """

    number: int
    handout_number: int
    citation: Citation
    first: bool
    band: Formatted
    handout: Formatted
    full: Formatted
    passages: tuple[Citation, ...] = ()

    @property
    def cited(self) -> tuple[Citation, ...]:
        """Every passage the note cites, each with its own locator and quoted words."""
        return self.passages or (self.citation,)


@dataclass(frozen=True)
class Point:
    """A bullet, a figure, a quote or a question.

    ``footnotes`` lists the ``Footnote.number`` values of this slide's notes
    whose markers follow the text, in order. On a ``figures`` slide ``figure``
    is the big number ("80,000–120,000") and ``text`` its caption; elsewhere
    ``figure`` is None and ``text`` is the whole point.
    """

    text: str
    footnotes: tuple[int, ...] = ()
    figure: str | None = None
    tags: tuple[str, ...] = ()
    unsourced: bool = False


@dataclass(frozen=True)
class Chart:
    """A chart slide's chart. Its data are the slide's points: each point's ``text`` is a category,
    its ``figure`` the value as the brief writes it ("2.6 million"), and ``values`` the numbers.

    ``alt`` is the text alternative: the author's, or one generated from the data.
    """

    type: str  # bar | column | line
    values: tuple[float, ...]
    alt: str
    x_label: str | None = None
    y_label: str | None = None


@dataclass(frozen=True)
class Picture:
    """An image slide's picture: a PNG or JPEG file checked when the brief was checked.

    ``alt`` is its text alternative, None when ``decorative``; ``width`` and
    ``height`` are in pixels (the renderers keep the aspect).
    """

    path: Path
    mime: str
    width: int
    height: int
    alt: str | None
    decorative: bool = False


@dataclass(frozen=True)
class Slide:
    """One slide as the author meant it; renderers may continue it over several.

    ``kind`` is one of `SLIDE_KINDS`. ``subtitle`` is the title slide's
    subtitle or a quote slide's attribution. ``section`` is the title of the
    section slide this slide stands under, if any. ``notes`` is the author's
    speaker notes only: renderers add each footnote's full citation and quoted
    words below them.
    """

    kind: str
    title: str
    points: tuple[Point, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    notes: str = ""
    subtitle: str | None = None
    section: str | None = None
    chart: Chart | None = None  # a chart slide's chart
    picture: Picture | None = None  # an image slide's picture (its one point, if any, is the credit)

    def footnote(self, number: int) -> Footnote:
        return next(f for f in self.footnotes if f.number == number)


@dataclass(frozen=True)
class Audience:
    """Who a deck is for: ``key`` as in the brief, ``label`` as shown."""

    key: str
    label: str
    handout: str = "reading"  # one of outline.model.HANDOUTS
    content_note: str | None = None
    omit_tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class References:
    """The bibliography as the deck's style lists it, and where its citations stand."""

    heading: str  # "Bibliography" (chicago-note) or "References" (apa)
    entries: tuple[Formatted, ...]  # sorted as the style requires
    author_date: bool  # citations stand in the text ("(King, 2019, para. 17)"), not in notes


@dataclass(frozen=True)
class Deck:
    """Everything a renderer needs for one audience.

    ``slides`` includes the title slide, the content-note slide (when the
    audience has one) and the sources slide at the end. ``bibliography`` holds
    the records of the sources actually cited, in order of first citation;
    ``references`` their entries as the style lists them. ``date`` fixes the
    file timestamps.
    """

    name: str  # the brief's file stem: build/<name>-<audience>.pptx
    title: str
    subtitle: str | None
    date: dt.date | None
    audience: Audience
    slides: tuple[Slide, ...]
    bibliography: tuple[SourceRecord, ...]
    references: References
    style: str = "chicago-note"
    on_slides: str = "footnote"
    summary: str | None = None  # the memo's bottom line up front, if the brief gives one
    date_text: str | None = None  # the date as the brief writes it, when it is not a YYYY-MM-DD date
    language: str | None = None  # the brief's language tag; None: the layout's

    @property
    def footnotes(self) -> tuple[Footnote, ...]:
        """Every footnote in handout order."""
        return tuple(f for s in self.slides for f in s.footnotes)
