"""The format-neutral deck: what every renderer lays out.

`brief_to_deck` builds one `Deck` per audience. Footnotes are numbered here
(per slide for decks, continuously for handouts) and each knows whether it is
the first citation of its source; renderers never count. Citation *text* is
produced by a `briefdeck.citations` style from the `Citation` records, so the
PowerPoint and handout renderers format a note identically.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefdeck.sources.model import SourceRecord

SLIDE_KINDS = ("title", "content-note", "section", "bullets", "figures", "quote", "questions", "sources")
HANDOUT_KINDS = ("reading", "memo", "slides")
PLACEMENTS = ("footnote", "end", "notes")


@dataclass(frozen=True)
class Citation:
    """What a footnote points at: a source and a place in it, not yet formatted.

    ``locator`` is ``SOURCE``, ``SOURCE:pN`` or ``SOURCE:pN.sM`` (the located
    span of a quote is the sentence that holds it; a quote spanning sentences
    cites the paragraph). ``quoted`` is the exact words of the source that the
    point rests on: the matched quote, or the sentence or paragraph cited ("" for
    a whole source). ``speaker`` names another party whose words the source
    relays ("CNN"), so a style can say "quoted in".
    """

    record: SourceRecord
    locator: str
    paragraph: int | None
    sentence: int | None
    quoted: str
    section: str | None = None
    speaker: str | None = None
    page: str | None = None  # the page label the cited paragraph starts on, for paginated sources

    @property
    def source_id(self) -> str:
        return self.record.id


@dataclass(frozen=True)
class Footnote:
    """A numbered note.

    ``number`` restarts at 1 on each slide (the marker on the slide);
    ``handout_number`` runs through the whole document (the handout's marker).
    ``first`` is true for the first citation of its source in the document, in
    handout order: Chicago gives the full note there and a short note after.
    """

    number: int
    handout_number: int
    citation: Citation
    first: bool


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

    def footnote(self, number: int) -> Footnote:
        return next(f for f in self.footnotes if f.number == number)


@dataclass(frozen=True)
class Audience:
    """Who a deck is for: ``key`` as in the brief, ``label`` as shown."""

    key: str
    label: str
    handout: str = "reading"  # one of HANDOUT_KINDS
    content_note: str | None = None
    omit_tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Deck:
    """Everything a renderer needs for one audience.

    ``slides`` includes the title slide, the content-note slide (when the
    audience has one) and the sources slide at the end. ``bibliography`` holds
    the records of the sources actually cited, in order of first citation;
    a style sorts them as it requires. ``date`` fixes the file timestamps.
    """

    name: str  # the brief's file stem: build/<name>-<audience>.pptx
    title: str
    subtitle: str | None
    date: dt.date | None
    audience: Audience
    slides: tuple[Slide, ...]
    bibliography: tuple[SourceRecord, ...]
    style: str = "chicago-note"
    on_slides: str = "footnote"
    layout: str = "default"
    summary: str | None = None  # the memo's bottom line up front, if the brief gives one
    date_text: str | None = None  # the date as the brief writes it, when it is not a YYYY-MM-DD date

    @property
    def footnotes(self) -> tuple[Footnote, ...]:
        """Every footnote in handout order."""
        return tuple(f for s in self.slides for f in s.footnotes)
