"""The outline as the author wrote it: validated, immutable, not yet resolved.

`load_outline` (in `briefdeck.outline.load`) builds these records from
``briefs/*.yaml``. Every spec keeps the `Location` of its YAML node, so that
the resolver can report a quote it cannot find at the line that holds it.
Nothing here has looked at a source yet: a locator is only known to be well
formed, a quote only known to be non-empty.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Mapping

from briefdeck.errors import Location

# The slide kinds an author can write; the title, content-note and sources
# slides of `briefdeck.deck.model.SLIDE_KINDS` are made by briefdeck itself.
BRIEF_SLIDE_KINDS = ("bullets", "section", "figures", "quote", "questions", "chart", "image")
DEFAULT_SLIDE_KIND = "bullets"
CHART_TYPES = ("bar", "column", "line")  # a chart slide's ``chart:``
CITATION_STYLES = ("chicago-note", "apa")
ON_SLIDES = PLACEMENTS = ("footnote", "end", "notes")  # where a deck shows its notes
HANDOUTS = HANDOUT_KINDS = ("reading", "memo", "slides")
DEFAULT_TEXT_KEY = "default"  # the key of per-audience text shown to every other audience
IMPLICIT_AUDIENCE_KEY = "all"
IMPLICIT_AUDIENCE_LABEL = "All audiences"
SELECT_LIMIT_DEFAULT = 3
SELECT_LIMIT_MAX = 50


class PerAudienceText(Mapping[str, str]):
    """Text that may differ per audience: ``{"default": …, "<audience>": …}``.

    An immutable, hashable, ordered mapping (keys in the order written), so the
    specs that hold it stay frozen and comparable.
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, str] | tuple[tuple[str, str], ...]):
        # A tuple first: isinstance against the Mapping ABC is slow, and a long brief makes hundreds.
        pairs = items if isinstance(items, tuple) else tuple(items.items())
        object.__setattr__(self, "_items", pairs)

    def __getitem__(self, key: str) -> str:
        for k, v in self._items:
            if k == key:
                return v
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return (k for k, _ in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self._items) == dict(other.items())
        return NotImplemented

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("PerAudienceText is immutable")

    def __repr__(self) -> str:
        return f"PerAudienceText({dict(self._items)!r})"

    def for_audience(self, audience: str) -> str | None:
        """The audience's own text, else the default, else None."""
        return self.get(audience, self.get(DEFAULT_TEXT_KEY))


def _shown_to(audiences: tuple[str, ...] | None, audience: str) -> bool:
    return audiences is None or audience in audiences


@dataclass(frozen=True)
class EvidenceSpec:
    """One piece of evidence for a point, as written.

    ``kind`` is ``quote`` (``value`` is the words that must occur in one
    paragraph), ``finding`` (``value`` is a sentence locator ``ID:pN.sM``) or
    ``source`` (``value`` is ``ID``, ``ID:pN`` or ``ID:pN.sM``; the point's text
    paraphrases it). ``source`` narrows where a quote is looked for: a source
    id, or a paragraph or sentence locator; it is None for the other kinds.
    ``location`` is where the quote, finding or source value is written.
    """

    kind: str
    value: str
    source: str | None
    location: Location


@dataclass(frozen=True)
class DatumSpec:
    """A chart point's category and value, as written (`briefdeck.outline.charts`).

    ``value`` is the number ``value_text`` states ("2.6 million": 2600000.0);
    ``location`` is where the value is written, for a number its evidence
    does not state.
    """

    label: str
    value: float
    value_text: str
    location: Location


@dataclass(frozen=True)
class ChartSpec:
    """A chart slide's chart: ``type`` is bar, column or line; ``alt`` the author's text alternative."""

    type: str
    x_label: str | None
    y_label: str | None
    alt: str | None
    location: Location


@dataclass(frozen=True)
class ImageSpec:
    """An image slide's picture (`briefdeck.outline.images`): ``path`` as written, relative to the
    brief's folder; ``alt`` None only when ``decorative``; ``location`` is where ``image:`` is."""

    path: str
    alt: str | None
    decorative: bool
    location: Location


@dataclass(frozen=True)
class PointSpec:
    """A bullet, figure, quote or question as written.

    ``text`` is None when the evidence's own words are the point (a
    ``finding:`` point, or a quote slide's quote). ``unsourced`` is the
    author's ``unsourced: true``. ``audiences`` None means every audience the
    slide is shown to. Questions carry no evidence unless the author gave some.
    """

    text: PerAudienceText | None
    evidence: tuple[EvidenceSpec, ...]
    unsourced: bool
    audiences: tuple[str, ...] | None
    location: Location
    datum: DatumSpec | None = None  # a chart slide's point: its label and value

    def text_for(self, audience: str) -> str | None:
        """The text this audience reads: its own, else the default; None without text."""
        return self.text.for_audience(audience) if self.text is not None else None

    def shown_to(self, audience: str) -> bool:
        return _shown_to(self.audiences, audience)


@dataclass(frozen=True)
class SelectSpec:
    """A ``select:`` block: the best-ranked findings for ``query``, filtered."""

    query: str
    sources: tuple[str, ...]
    section: str | None
    tags: tuple[str, ...]
    limit: int
    location: Location


@dataclass(frozen=True)
class SlideSpec:
    """A slide as written.

    ``kind`` is one of `BRIEF_SLIDE_KINDS`. A ``section`` slide has only a
    title (and notes). A ``quote`` slide's quotation is its one point, whose
    ``text`` is None (the quoted words are the point); ``speaker`` is the
    attribution the author gave (``speaker:``), or None to let the citation
    decide. A ``questions`` slide has ``questions`` and no points. ``select``
    adds the findings of a query after the written points.
    """

    kind: str
    title: PerAudienceText | None
    points: tuple[PointSpec, ...]
    select: SelectSpec | None
    questions: tuple[PointSpec, ...]
    notes: str
    audiences: tuple[str, ...] | None
    location: Location
    speaker: str | None = None
    chart: ChartSpec | None = None  # a chart slide's chart (its points carry the data)
    image: ImageSpec | None = None  # an image slide's picture (its one point, if any, is the credit)

    def title_for(self, audience: str) -> str | None:
        return self.title.for_audience(audience) if self.title is not None else None

    def shown_to(self, audience: str) -> bool:
        return _shown_to(self.audiences, audience)


@dataclass(frozen=True)
class AudienceSpec:
    """An audience declared under ``audiences:`` (or the implicit one)."""

    key: str
    label: str
    handout: str  # one of HANDOUTS
    omit_tags: tuple[str, ...]
    content_note: str | None
    location: Location


@dataclass(frozen=True)
class CitationsSpec:
    style: str = "chicago-note"  # one of CITATION_STYLES, or the path of a CSL file
    on_slides: str = "footnote"  # one of ON_SLIDES


@dataclass(frozen=True)
class Outline:
    """A loaded, validated brief.

    ``path`` is the brief's path as given (``sources`` and a layout path are
    relative to its folder). ``date`` is a calendar date when the brief's
    ``date:`` is written ``YYYY-MM-DD`` (it fixes file timestamps), else None;
    ``date_text`` is the date as written, to show on the title slide (None
    without ``date:``). ``implicit_audience`` is true when the brief declares
    no audiences and ``audiences`` holds the one implicit audience ``all``.
    """

    path: str
    title: str
    subtitle: str | None
    date: dt.date | None
    sources: str | None
    layout: str
    citations: CitationsSpec
    audiences: tuple[AudienceSpec, ...]
    slides: tuple[SlideSpec, ...]
    summary: str | None
    location: Location
    date_text: str | None = None
    implicit_audience: bool = False
    layout_location: Location | None = None  # the brief's 'layout:' line, when written
    lang: str | None = None  # the brief's language tag (read_values.py); None: the layout's

    @property
    def name(self) -> str:
        """The brief's file stem, which names its outputs (``build/<name>-<audience>.pptx``)."""
        return Path(self.path).stem

    def audience(self, key: str) -> AudienceSpec | None:
        return next((a for a in self.audiences if a.key == key), None)
