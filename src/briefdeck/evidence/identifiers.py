"""Years and identifiers: every year, tier, article or numbered name in the text must be stated.

A year counts as stated when the cited passage states it, or when the source's
record does (issued date, title, container title) and either the passage states
no year at all or the text uses the year to name a document ("the 2019
report"): "sworn in on October 1, 2019" against a passage that says 2018 is
wrong even though the article is from 2019. "Tier 3", "Article 30",
"Category B", "Tiers 1, 2 and 3" must be stated by the passage or the record.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefdeck.evidence.cited import Cited
from briefdeck.evidence.issue import Issue, side_by_side
from briefdeck.evidence.words import words

_YEAR = re.compile(r"(?<![\d,.$€£¥])\b(1[89][0-9]{2}|2[01][0-9]{2})\b(?![,.]?[0-9])")
_VALUE = r"(?:[0-9]+[A-Za-z]?|[A-Z](?![a-z])|[IVX]+\b)"
_JOIN = r"(?:\s*,\s*|\s+(?:and|or|to|through)\s+|\s*[-–]\s*)"
_DOCUMENT_AFTER = re.compile(r"^\s*(?:[A-Z][\w’'-]*\s+){0,4}(?:report|narrative|edition|article|index|survey|"
                             r"study|review|protocol|act|convention)s?\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _identifier_pattern() -> re.Pattern[str]:
    names = "|".join(sorted(words().identifier_words, key=len, reverse=True))
    return re.compile(rf"\b(?P<word>{names})\s+(?P<values>{_VALUE}(?:{_JOIN}{_VALUE})*)", re.IGNORECASE)


def years_in(text: str) -> list[tuple[str, int]]:
    return [(m.group(1), m.end()) for m in _YEAR.finditer(text)]


def identifiers_in(text: str) -> set[tuple[str, str]]:
    """("tier", "3") for "Tier 3"; "Tiers 1, 2 and 3" gives three."""
    found = set()
    for match in _identifier_pattern().finditer(text):
        word = match.group("word").lower()
        word = word[:-3] + "y" if word.endswith("ies") else word.rstrip("s") if word.endswith("s") else word
        for value in re.findall(_VALUE, match.group("values")):
            found.add((word, value.upper()))
    return found


def check_identifiers(text: str, cited: list[Cited]) -> list[Issue]:
    evidence = [c for c in cited if c.passage or c.record_text]
    named = identifiers_in(text)
    if not evidence or not (named or _YEAR.search(text)):
        return []  # most points name no year and no identifier
    passages = " ".join(c.passage for c in evidence)
    records = " ".join(c.record_text for c in evidence)
    passage_years = {y for y, _ in years_in(passages)}
    record_years = {y for y, _ in years_in(records)}
    issues = []
    shown = evidence[0]
    for year, end in years_in(text):
        if year in passage_years:
            continue
        names_document = _DOCUMENT_AFTER.match(text[end:]) is not None
        if year in record_years and (not passage_years or names_document):
            continue
        stated = ", ".join(sorted(passage_years | record_years)) or "no year"
        issues.append(Issue("year-not-stated",
                            side_by_side(f"the year {year} is not stated by the evidence or its record "
                                         f"(they state {stated})", year, shown, shown.passage or shown.record_text),
                            "use the year the source states, or cite the passage that states this one"))
    stated_ids = identifiers_in(passages) | identifiers_in(records)
    for word, value in sorted(named):
        if (word, value) in stated_ids:
            continue
        same_kind = sorted(f"{w.title()} {v}" for w, v in stated_ids if w == word)
        states = ", ".join(same_kind) or f"no {word}"
        issues.append(Issue("identifier-not-stated",
                            side_by_side(f"“{word.title()} {value}” is not stated by the evidence (it states {states})",
                                         f"{word.title()} {value}", shown, shown.passage or shown.record_text),
                            "use the identifier the source states, or cite the passage that states this one"))
    return issues
