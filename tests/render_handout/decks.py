"""Decks built by hand for the handout tests and bench, from the real seed records.

Every quoted passage and locator below is the seed documents' own words at
the place named (paragraphs as `briefdeck.sources` numbers them); anything
else is the DESIGN.md example outline's wording or obviously synthetic text.
`make_deck` numbers and words the footnotes with `briefdeck.deck.notes`, as
`brief_to_deck` does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from briefdeck.deck.model import Audience, Deck, Point, Slide
from briefdeck.deck.notes import Notebook
from briefdeck.sources.model import Citation, SourceRecord

REPO = Path(__file__).resolve().parents[2]

TIP = "tip-2017-dprk"
KING = "king-2019"

# The seeds' words, with the sentence locators where they stand.
TIER_3 = "the DPRK remained on Tier 3"  # tip-2017-dprk:p1.s1
TIER_3_SENTENCE = ("The Government of the Democratic People’s Republic of Korea (DPRK or North Korea) does not "
                   "fully meet the minimum standards for the elimination of trafficking and is not making "
                   "significant efforts to do so; therefore, the DPRK remained on Tier 3.")  # tip-2017-dprk:p1.s1
NO_EFFORTS = ("The government did not demonstrate any efforts to address human trafficking through "
              "prosecution, protection, or prevention measures.")  # tip-2017-dprk:p1.s2
NO_INVESTIGATIONS = ("During the reporting period, there were no known investigations, prosecutions, "
                     "or convictions of traffickers.")  # tip-2017-dprk:p4.s1
PILLAR = "a pillar of its economic system"  # king-2019:p16.s2
PILLAR_SENTENCE = ("The 2019 Trafficking in Persons Report identified North Korea as a country that uses forced "
                   "labor as part of an established system of political repression and a pillar of its economic "
                   "system.")  # king-2019:p16.s2
PRISONERS_TIP = ("The DPRK holds an estimated 80,000 to 120,000 prisoners in political prison camps "
                 "in remote areas of the country.")  # tip-2017-dprk:p8.s5
PRISONERS_KING = ("An estimated 80,000 to 120,000 political prisoners are held in segregated prison camps, "
                  "and in these camps, all prisoners, including children, are subject to forced labor.")  # king-2019:p23.s2
RECOMMENDATION = "End the use of forced labor in prison camps and among North Korean workers abroad"  # tip-2017-dprk:p2.s1

# Words of the DESIGN.md example outline.
TITLE = "North Korea and Human Trafficking"
SUBTITLE = "What U.S. government and expert reporting documents"
DATE = dt.date(2026, 11, 22)
CONTENT_NOTE = "This lesson discusses forced labour and the exploitation of refugees."
POLICY_ONLY = "No known investigations or prosecutions of traffickers."
QUESTION = "Why are people fleeing North Korea easy prey for brokers?"

AUDIENCES = {
    "policy": Audience("policy", "Policy staff", "memo"),
    "classroom": Audience("classroom", "Upper-secondary civics", "reading",
                          content_note=CONTENT_NOTE, omit_tags=("sexual-violence",)),
}


def seed_records() -> dict[str, SourceRecord]:
    """The seed records of ``seeds/sources.yaml``, by id."""
    data = yaml.safe_load((REPO / "seeds" / "sources.yaml").read_text(encoding="utf-8"))
    return {item["id"]: SourceRecord(id=item["id"], csl=item) for item in data}


def cite(source: str, paragraph: int | None = None, sentence: int | None = None, quoted: str = "",
         *, records: dict[str, SourceRecord] | None = None) -> Citation:
    """A citation of a seed (or of a record in ``records``) at ``SOURCE:pN.sM``."""
    record = (records or seed_records())[source]
    locator = source
    if paragraph is not None:
        locator += f":p{paragraph}" + (f".s{sentence}" if sentence is not None else "")
    return Citation(record=record, locator=locator, paragraph=paragraph, sentence=sentence, quoted=quoted)


@dataclass
class P:
    """A point to be: its text and what it cites."""

    text: str
    cites: tuple[Citation, ...] = ()
    figure: str | None = None


@dataclass
class S:
    """A slide to be."""

    kind: str
    title: str
    points: list[P] = field(default_factory=list)
    section: str | None = None
    subtitle: str | None = None


def make_deck(slides: list[S], *, audience: Audience, style: str = "chicago-note", title: str = TITLE,
              subtitle: str | None = SUBTITLE, date: dt.date | None = DATE, summary: str | None = None,
              name: str = "example") -> Deck:
    """A Deck with its footnotes numbered and worded as brief_to_deck does."""
    book = Notebook(style)
    built = []
    for spec in slides:
        notes = book.slide()
        points = tuple(Point(text=p.text, footnotes=notes.cite_all(p.cites), figure=p.figure, unsourced=not p.cites)
                       for p in spec.points)
        built.append(Slide(kind=spec.kind, title=spec.title, points=points, footnotes=notes.footnotes,
                           section=spec.section, subtitle=spec.subtitle))
    return Deck(name=name, title=title, subtitle=subtitle, date=date, audience=audience, slides=tuple(built),
                bibliography=book.bibliography, references=book.references(), style=style, summary=summary)


def example_slides(audience: str) -> list[S]:
    """The DESIGN.md example outline as resolved for ``audience`` ("policy" or "classroom"),
    plus one policy slide of the report's recommendations (for the memo)."""
    classroom = audience == "classroom"
    slides = [S("title", TITLE, subtitle=SUBTITLE)]
    if classroom:
        slides.append(S("content-note", "Content note", [P(CONTENT_NOTE)]))
    tier = [
        P("North Korea stayed on Tier 3 in 2017.", (cite(TIP, 1, 1, TIER_3),)),
        P(NO_EFFORTS, (cite(TIP, 1, 2, NO_EFFORTS),)),
    ]
    if not classroom:
        tier.append(P(POLICY_ONLY, (cite(TIP, 4, None, NO_INVESTIGATIONS),)))
    tier.append(P("Forced labour is built into how the economy works." if classroom
                  else "Forced labour is a pillar of the economic system.", (cite(KING, 16, 2, PILLAR),)))
    slides += [
        S("section", "The ranking"),
        S("bullets", "Tier 3, the lowest ranking", tier, section="The ranking"),
        S("bullets", "Prison camps in the reporting", [
            P(PRISONERS_TIP, (cite(TIP, 8, 5, PRISONERS_TIP),)),
            P(PRISONERS_KING, (cite(KING, 23, 2, PRISONERS_KING),)),
        ], section="The ranking"),
        S("figures", "Key figures", [
            P("political prisoners", (cite(TIP, 8, 5, "80,000 to 120,000"),), figure="80,000–120,000"),
        ], section="The ranking"),
    ]
    if classroom:
        slides.append(S("questions", "Discuss", [P(QUESTION)], section="The ranking"))
    else:
        slides.append(S("bullets", "Recommendations of the 2017 report", [
            P(RECOMMENDATION + ".", (cite(TIP, 2, 1, RECOMMENDATION),)),
        ], section="The ranking"))
    slides.append(S("sources", "Sources"))
    return slides


def example_deck(audience: str, *, style: str = "chicago-note", handout: str | None = None,
                 summary: str | None = None) -> Deck:
    """The DESIGN.md example deck for ``audience``; ``handout`` overrides its kind."""
    who = AUDIENCES[audience]
    if handout is not None:
        who = Audience(who.key, who.label, handout, who.content_note, who.omit_tags)
    return make_deck(example_slides(audience), audience=who, style=style, summary=summary)


def long_deck(sections: int = 12, *, audience: str = "classroom", style: str = "chicago-note") -> Deck:
    """A long deck (about 50 pages as a reading sheet) repeating the seeds' real
    sentences under synthetic section titles, for the bench and page-break tests."""
    slides = [S("title", "Example long handout", subtitle="Synthetic sections for timing")]
    sentences = [(TIP, 1, 1, TIER_3_SENTENCE), (TIP, 1, 2, NO_EFFORTS), (TIP, 4, 1, NO_INVESTIGATIONS),
                 (TIP, 8, 5, PRISONERS_TIP), (KING, 23, 2, PRISONERS_KING), (KING, 16, 2, PILLAR_SENTENCE)]
    for n in range(1, sections + 1):
        slides.append(S("section", f"Example section {n}"))
        for m in range(1, 5):
            points = [P(sentence, (cite(source, para, sent, sentence),))
                      for source, para, sent, sentence in sentences]
            slides.append(S("bullets", f"Example slide {n}.{m}", points, section=f"Example section {n}"))
        slides.append(S("figures", f"Example figures {n}", [
            P("prisoners in political prison camps", (cite(TIP, 8, 5, "80,000 to 120,000"),),
              figure="80,000–120,000")], section=f"Example section {n}"))
    slides.append(S("sources", "Sources"))
    return make_deck(slides, audience=AUDIENCES[audience], style=style, title="Example long handout",
                     subtitle=None, name="long")
