"""Looking a locator up in the index, with errors that name the valid range."""

from __future__ import annotations

from dataclasses import dataclass

from briefdeck.errors import Location, Problem, choices_hint
from briefdeck.findings.index import FindingsIndex, StoredParagraph
from briefdeck.findings.model import Finding
from briefdeck.sources.locators import Locator, parse_locator

LOCATOR_FORMS = "SOURCE, SOURCE:pN (paragraph N) or SOURCE:pN.sM (sentence M of it)"


@dataclass(frozen=True)
class Passage:
    """What a locator points at: a whole source, a paragraph, or a sentence."""

    locator: Locator
    paragraph: StoredParagraph | None = None
    finding: Finding | None = None

    @property
    def text(self) -> str:
        if self.finding is not None:
            return self.finding.text
        return self.paragraph.text if self.paragraph is not None else ""


def look_up(index: FindingsIndex, text: str, location: Location | None = None) -> Passage | Problem:
    """The passage ``text`` locates, or a `Problem` saying what is wrong and what is valid."""
    locator = parse_locator(text)
    if locator is None:
        return Problem(f"'{text}' is not a locator", location, f"write {LOCATOR_FORMS}, e.g. tip-2017-dprk:p1.s2",
                       code="bad-locator")
    if not index.has_source(locator.source):
        return Problem(f"unknown source '{locator.source}'", location,
                       choices_hint(locator.source, index.source_ids(), "sources"), code="unknown-source")
    if locator.paragraph is None:
        return Passage(locator)
    count = index.paragraph_count(locator.source)
    paragraph = index.paragraph(locator.source, locator.paragraph)
    if paragraph is None:
        return Problem(f"{locator.source} has no paragraph {locator.paragraph}", location,
                       f"{locator.source} has body paragraphs p1–p{count}", code="locator-out-of-range")
    if locator.sentence is None:
        return Passage(locator, paragraph)
    finding = index.finding(locator.source, locator.paragraph, locator.sentence)
    if finding is None:
        sentences = index.sentence_count(locator.source, locator.paragraph)
        return Problem(f"{locator.source}:p{locator.paragraph} has no sentence {locator.sentence}", location,
                       f"{locator.source}:p{locator.paragraph} has sentences s1–s{sentences}",
                       code="locator-out-of-range")
    return Passage(locator, paragraph, finding)
