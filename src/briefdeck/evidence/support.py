"""Support: a ``finding:`` or ``source:`` paraphrase against the passage it cites.

A point that paraphrases a sentence shares most of its content words with it.
When the cited passage shares few of the point's words and another passage of
the same granularity (a sentence for ``pN.sM``, a paragraph for ``pN``) shares
clearly more — in the same source, or among the corpus's best search hits —
the citation most likely points at a neighbour: `weak-support` names the
better locator. Words the point's other evidence covers are not counted, so a
point resting on two sentences is judged on what each one adds.
"""

from __future__ import annotations

from briefdeck.evidence.cited import Cited
from briefdeck.evidence.issue import Issue, excerpt
from briefdeck.evidence.words import tokens, words
from briefdeck.findings.index import FindingsIndex
from briefdeck.outline.model import PointSpec
from briefdeck.sources.locators import parse_locator

_STEM = 5  # "prosecutions"/"prosecuted", "centres"/"centers": the first letters decide
_MIN_WORDS = 3  # fewer content words than this say too little to compare
_WELL_SUPPORTED = 0.6  # the cited passage holds this share of the point's words: nothing to say
_CLEARLY_BETTER = 0.25  # another passage holds this much more of them
_FITS = 0.5  # and at least this share: a passage that fits no better than chance is no suggestion
_SEARCH_HITS = 5


def content_words(text: str) -> frozenset[str]:
    stop = words().stopwords
    return frozenset(w[:_STEM] for w in tokens(text) if w not in stop and not w.isdigit() and len(w) > 2)


class SupportCheck:
    """Called for each point text (see `check_outline`); keeps each source's passages once read."""

    def __init__(self, index: FindingsIndex):
        self.index = index
        self._units: dict[tuple[str, bool], list[tuple[str, frozenset[str]]]] = {}

    def __call__(self, text: str, point: PointSpec, cited: list[Cited]) -> list[Issue]:
        issues = []
        for n, (spec, c) in enumerate(zip(point.evidence, cited)):
            if spec.kind == "quote" or c.whole_source:
                continue
            others = frozenset().union(*(content_words(o.passage) for k, o in enumerate(cited) if k != n))
            wanted = content_words(text) - others
            if len(wanted) < _MIN_WORDS:
                continue
            own = len(wanted & content_words(c.passage)) / len(wanted)
            if own >= _WELL_SUPPORTED:
                continue
            better = self._best(c.locator, text, wanted)
            if better and better[1] >= max(own + _CLEARLY_BETTER, _FITS):
                locator, share, passage = better
                issues.append(Issue(
                    "weak-support",
                    f"support: the text says “{excerpt(text)}” — {c.locator} says “{excerpt(c.passage)}” "
                    f"({own:.0%} of the text's words); {locator} says “{excerpt(passage)}” ({share:.0%})",
                    f"cite {locator} if that is the passage you paraphrase", n))
        return issues

    def _best(self, cited_locator: str, text: str, wanted: frozenset[str]) -> tuple[str, float, str] | None:
        locator = parse_locator(cited_locator)
        if locator is None:
            return None
        sentences = locator.sentence is not None
        candidates = list(self._passages(locator.source, sentences))
        if sentences:
            candidates += [(f.locator, f.text) for f in self.index.search(text, limit=_SEARCH_HITS)]
        best = None
        for other, passage in candidates:
            if other == cited_locator:
                continue
            share = len(wanted & content_words(passage)) / len(wanted)
            if best is None or share > best[1]:
                best = (other, share, passage)
        return best

    def _passages(self, source: str, sentences: bool):
        key = (source, sentences)
        if key not in self._units:
            if sentences:
                units = [(f.locator, f.text) for f in self.index.findings_in(source)]
            else:
                units = [(f"{p.source}:p{p.number}", p.text) for p in self.index.paragraphs(source)]
            self._units[key] = units
        return self._units[key]
