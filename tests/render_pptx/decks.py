"""Decks built by hand for the PowerPoint tests.

Citations use the real seed records (seeds/sources.yaml) and words that
really stand at the given locators in the seed texts. Long or odd text that
no source says is obviously synthetic and cites the synthetic "Example
Source" (example.org is reserved for examples).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Sequence

import yaml

from briefdeck.deck.model import Audience, Deck, Point, Slide
from briefdeck.deck.notes import Notebook, renumbered
from briefdeck.sources.model import Citation, SourceRecord

REPO = Path(__file__).resolve().parents[2]
RECORDS = {entry["id"]: SourceRecord(entry["id"], entry)
           for entry in yaml.safe_load((REPO / "seeds" / "sources.yaml").read_text(encoding="utf-8"))}
TIP, KING = RECORDS["tip-2017-dprk"], RECORDS["king-2019"]
EXAMPLE = SourceRecord("example-source", {
    "id": "example-source", "type": "report", "title": "Example Source",
    "author": [{"literal": "Example Organisation"}], "issued": {"date-parts": [[2020]]},
    "URL": "https://example.org/report?id=1&part=2",
})

TIER3 = Citation(TIP, "tip-2017-dprk:p1.s1", 1, 1, "the DPRK remained on Tier 3")
NO_INVESTIGATIONS = Citation(TIP, "tip-2017-dprk:p4.s1", 4, 1, "During the reporting period, there were no "
                             "known investigations, prosecutions, or convictions of traffickers.")
PILLAR = Citation(KING, "king-2019:p16.s2", 16, 2, "a pillar of its economic system")
PRISONERS = Citation(TIP, "tip-2017-dprk:p8.s5", 8, 5, "80,000 to 120,000")
SLAVERY = Citation(KING, "king-2019:p17.s1", 17, 1, "as many as 2.6 million people")
EXAMPLE_CITE = Citation(EXAMPLE, "example-source:p2", 2, None, "Lorem ipsum dolor sit amet.")
EXAMPLE_CITE_2 = Citation(EXAMPLE, "example-source:p5", 5, None, "Consectetur adipiscing elit.")

DATE = dt.date(2026, 11, 22)
LOREM = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut "
         "labore et dolore magna aliqua, ut enim ad minim veniam quis nostrud exercitation")

PointSpec = tuple  # (text, [citations]) or (text, [citations], figure)


def make_slide(kind: str, title: str, points: Sequence[PointSpec] = (), **extra) -> Slide:
    """A slide citing what its points cite; `make_deck` numbers its notes in deck order (`briefdeck.deck.notes`)."""
    notes = Notebook("chicago-note").slide()
    out = []
    for spec in points:
        text, citations = spec[0], spec[1]
        figure = spec[2] if len(spec) > 2 else None
        out.append(Point(text, notes.cite_all(citations), figure=figure, unsourced=not citations))
    return Slide(kind, title, tuple(out), notes.footnotes, **extra)


def make_deck(slides: Sequence[Slide], *, audience: Audience | None = None, on_slides: str = "footnote",
              style: str = "chicago-note", title: str = "North Korea and Human Trafficking",
              subtitle: str | None = "What U.S. government and expert reporting documents",
              date: dt.date | None = DATE) -> Deck:
    """A deck of ``slides``, its notes numbered and worded by the deck's own notes module."""
    numbered, book = renumbered(slides, style)
    return Deck(name="example", title=title, subtitle=subtitle, date=date,
                audience=audience or Audience("policy", "Policy staff"), slides=numbered,
                bibliography=book.bibliography, references=book.references(), style=style, on_slides=on_slides)


def tier3_slide() -> Slide:
    return make_slide("bullets", "Tier 3, the lowest ranking", [
        ("North Korea stayed on Tier 3 in 2017.", [TIER3]),
        ("No known investigations or prosecutions of traffickers.", [NO_INVESTIGATIONS]),
        ("Forced labour is a pillar of the economic system.", [PILLAR]),
    ], notes="Speaker notes; the quoted evidence is added below them.", section="The ranking")


def example_deck(audience: str = "policy", *, on_slides: str = "footnote", style: str = "chicago-note") -> Deck:
    """The DESIGN.md example's slides, by hand: every kind of slide."""
    classroom = audience == "classroom"
    slides = [make_slide("title", "North Korea and Human Trafficking",
                         subtitle="What U.S. government and expert reporting documents")]
    if classroom:
        slides.append(make_slide("content-note", "Content note", [
            ("This lesson discusses forced labour and the exploitation of refugees.", [])]))
    slides += [
        make_slide("section", "The ranking"),
        tier3_slide(),
        make_slide("figures", "Key figures", [
            ("political prisoners, an estimate", [PRISONERS], "80,000–120,000"),
            ("people in forced labour or modern slavery", [SLAVERY], "2.6 million"),
        ]),
        make_slide("quote", "In the report's words", [("the DPRK remained on Tier 3", [TIER3])],
                   subtitle="U.S. Department of State, Trafficking in Persons Report 2017"),
    ]
    if classroom:
        slides.append(make_slide("questions", "Discuss", [
            ("Why are people fleeing North Korea easy prey for brokers?", [])]))
    slides.append(make_slide("sources", "Sources"))
    label = "Upper-secondary civics" if classroom else "Policy staff"
    return make_deck(slides, audience=Audience(audience, label, content_note=(
        "This lesson discusses forced labour and the exploitation of refugees." if classroom else None)),
        on_slides=on_slides, style=style)


def long_deck(points: int = 40, *, on_slides: str = "footnote") -> Deck:
    """One slide of ``points`` long synthetic points, alternating two synthetic citations."""
    specs = [(f"Point {i + 1}. {LOREM}", [EXAMPLE_CITE if i % 2 == 0 else EXAMPLE_CITE_2]) for i in range(points)]
    return make_deck([make_slide("bullets", "Many long points", specs)], on_slides=on_slides)


def huge_point_deck(words: int = 900) -> Deck:
    """One slide with a single synthetic point far longer than a slide holds, and two footnotes."""
    text = " ".join((LOREM + ".").split()[i % 25] for i in range(words))
    return make_deck([make_slide("bullets", "One very long point", [(text, [EXAMPLE_CITE, EXAMPLE_CITE_2])])])


def korean_deck() -> Deck:
    return make_deck([make_slide("bullets", "Names", [("북한 (North Korea)", [TIER3])]),
                      make_slide("sources", "Sources")])
