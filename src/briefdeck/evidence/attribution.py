"""Attribution: the party a point names as saying something against who says it in the source.

"King writes that 2.6 million …" cites a sentence in which King relays the
Global Slavery Index: the party named (King) is not the one whose claim it is.
The party a point names is found by `reported_speaker` ("X says", "according to
X") and by the patterns below ("by X's count", "…, X writes", "(X's estimate)").
The evidence's party is the sentence's speaker, or the source's author when
the sentence relays no one; naming both ("King reports the Index's estimate")
is faithful. Parties are compared by their distinctive words, so "the State
Department" is "U.S. Department of State" and "the workers' association" is
"Eastmere Workers' Association"; a party with no distinctive word ("the
report") is not compared.
"""

from __future__ import annotations

import re

from briefdeck.evidence.cited import Cited
from briefdeck.evidence.issue import Issue, excerpt
from briefdeck.evidence.words import tokens, words
from briefdeck.findings.speaker import reported_speaker

# Party names are bounded (80 characters) so that a hostile text cannot make the search quadratic.
_POSSESSIVE_NOUN = re.compile(r"\b(?:by|in)\s+(?P<party>[^,;:.()]{1,80}?)['’]s?\s+(?P<noun>\w+)\b", re.IGNORECASE)
_TRAILING = re.compile(r",\s*(?P<party>[^,;:()]{1,80}?)\s+(?P<verb>[a-z]+)\s*[.!]?\s*$")
_PARENTHESIS = re.compile(r"\((?P<party>[^()]{1,80}?)(?:['’]s?\s+(?P<noun>\w+))?\)\s*[.]?\s*$")
_DIGITS = re.compile(r"^[0-9]+$")


def parties_named(text: str) -> list[str]:
    """Who the point says is saying, writing, estimating, finding or reporting it."""
    found = []
    speaker = reported_speaker(text)
    if speaker:
        found.append(speaker)
    known = words()
    for match in _POSSESSIVE_NOUN.finditer(text):
        if match.group("noun").lower() in known.attribution_nouns:
            found.append(match.group("party"))
    trailing = _TRAILING.search(text)
    if trailing and trailing.group("verb") in known.attribution_verbs and len(trailing.group("party").split()) <= 6:
        found.append(trailing.group("party"))
    parenthesis = _PARENTHESIS.search(text)
    if parenthesis and (parenthesis.group("noun") or "").lower() in known.attribution_nouns | {""}:
        party = parenthesis.group("party")
        if any(w[:1].isupper() for w in party.split()) or parenthesis.group("noun"):
            found.append(party)
    return [p for p in dict.fromkeys(found) if distinctive(p)]


def distinctive(party: str) -> frozenset[str]:
    """The words that tell a party apart: "the State Department's report" → {state, department}."""
    generic = words().generic_party_words | {"one", "some", "other", "many"}
    return frozenset(t for t in (w.removesuffix("'s") for w in tokens(party))
                     if t not in generic and not _DIGITS.match(t))


def same_party(a: str, b: str) -> bool:
    da, db = distinctive(a), distinctive(b)
    return bool(da and db) and (da <= db or db <= da)


def mentions(text: str, party: str) -> bool:
    own = distinctive(party)
    return bool(own) and own <= frozenset(w.removesuffix("'s") for w in tokens(text))


def check_attribution(text: str, cited: list[Cited]) -> list[Issue]:
    named = parties_named(text)
    if not named or not cited:
        return []
    allowed: list[str] = []
    for c in cited:
        if c.whole_source:
            allowed.append(c.author)
            continue
        if c.speaker and not distinctive(c.speaker):
            return []  # "the report", unresolved: who speaks is not known well enough to compare
        if c.speaker:
            allowed.append(c.speaker)
            if mentions(text, c.speaker):
                allowed.append(c.author)  # "King reports the Index's estimate"
        else:
            allowed.append(c.author)
    issues = []
    for party in named:
        if any(same_party(party, a) for a in allowed if a):
            continue
        if any(mentions(c.passage, party) for c in cited):
            continue  # the passage itself has this party act: "The government did not report any efforts"
        c = cited[0]
        whose = (f"{c.speaker}'s words, relayed by {c.author or 'the source'}" if c.speaker
                 else f"{c.author or 'the source'}'s own words")
        issues.append(Issue(
            "attribution-mismatch",
            f"attribution: the text credits “{party}” — {c.locator} is {whose}: “{excerpt(c.passage or c.quoted)}”",
            f"credit {c.speaker or c.author or 'the source'} (naming both is fine: "
            f"“{c.author} reports {c.speaker}'s estimate”), or cite the passage where {party} says it"
            if c.speaker else f"credit {c.author or 'the source'}, or cite the passage where {party} says it"))
    return issues


def check_speaker(speaker: str, cited: Cited) -> list[Issue]:
    """A quote slide's ``speaker:`` against who said the quoted words."""
    if cited.whole_source or (cited.speaker and not distinctive(cited.speaker)):
        return []
    owner = cited.words_owner
    accepted = [owner] if cited.in_quotation and cited.speaker else [cited.author, cited.speaker or ""]
    if any(same_party(speaker, a) for a in accepted if a) or not owner:
        return []
    return [Issue("speaker-mismatch",
                  f"speaker: the slide credits “{speaker}” — {cited.locator} gives these words to {owner}: "
                  f"“{excerpt(cited.quoted)}”",
                  f"write speaker: {owner}, or leave speaker: out to credit who said the words", 0)]
