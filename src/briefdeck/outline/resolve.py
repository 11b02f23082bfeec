"""Resolving an outline's evidence against the findings index.

Each `EvidenceSpec` is looked up once, whatever the audience: a quote is
matched inside one paragraph and located to the sentence that holds it; a
finding or source locator is checked to exist. ``select:`` blocks are run as
queries. Every problem is collected with the line of the evidence that caused
it; nothing is raised until all are known.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace

from briefdeck.errors import Problem, choices_hint
from briefdeck.findings.index import WORD, FindingsIndex, StoredParagraph
from briefdeck.findings.lookup import look_up
from briefdeck.findings.model import Figure, Finding
from briefdeck.outline.model import EvidenceSpec, Outline, SelectSpec
from briefdeck.outline.quotes import find_quote, inside_quotation, quote_pieces
from briefdeck.sources.locators import Locator
from briefdeck.sources.model import Citation, SourceRecord
from briefdeck.sources.sentences import sentence_spans

_SHOWN = 160  # characters of a passage shown in an error
_SIFTED_UP_TO = 128  # paragraphs: a quote in a document this short is looked for without the full-text index
# (sifting costs about 1.3 µs a paragraph over 0.1 ms; the full-text query 0.3–0.5 ms at 5 million words)


@dataclass(frozen=True)
class Evidence:
    """A piece of evidence found in the corpus: what to cite, and what the cited words carry."""

    citation: Citation
    tags: tuple[str, ...]
    figures: tuple[Figure, ...]  # the numbers the cited passage states
    passage: str = ""  # the sentence(s) or paragraph cited; "" for a whole source
    paragraph: str = ""  # the paragraph that holds them (the evidence checks read around a quote)
    span: tuple[int, int] | None = None  # the cited words within `paragraph`
    relayed: str | None = None  # whom the sentence relays, whether or not it quotes them (see citation.speaker)


@dataclass
class Resolution:
    """Everything the outline's evidence resolved to, and every problem found."""

    evidence: dict[EvidenceSpec, Evidence] = field(default_factory=dict)
    selected: dict[SelectSpec, list[tuple[Finding, Evidence]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def resolve_outline(outline: Outline, index: FindingsIndex) -> Resolution:
    resolver = _Resolver(index)
    resolution = Resolution()
    looked_up: dict[tuple[str, str, str | None], Evidence | Problem] = {}  # the same words, cited again
    for slide in outline.slides:
        for point in (*slide.points, *slide.questions):
            for spec in point.evidence:
                if spec in resolution.evidence:
                    continue
                key = (spec.kind, spec.value, spec.source)
                if key not in looked_up:
                    looked_up[key] = resolver.evidence(spec)
                found = looked_up[key]
                if isinstance(found, Problem):
                    resolution.problems.append(replace(found, location=spec.location))
                else:
                    resolution.evidence[spec] = found
        if slide.select is not None:
            selected, problems = resolver.select(slide.select)
            if problems:
                resolution.problems.extend(problems)
            else:
                resolution.selected[slide.select] = selected
    return resolution


class _Resolver:
    def __init__(self, index: FindingsIndex):
        self.index = index
        self.records: dict[str, SourceRecord] = {}  # read as cited: a corpus may hold thousands

    # -- the three kinds of evidence ------------------------------------------------

    def evidence(self, spec: EvidenceSpec) -> Evidence | Problem:
        if spec.kind == "quote":
            return self.quote(spec)
        passage = look_up(self.index, spec.value, spec.location)
        if isinstance(passage, Problem):
            return passage
        if spec.kind == "finding" and passage.finding is None:
            return Problem(f"finding '{spec.value}' must name a sentence", spec.location,
                           f"write {spec.value}:pN.sM for a sentence, or use 'source:' for a passage",
                           code="finding-not-sentence")
        locator = passage.locator
        if passage.paragraph is None:
            return Evidence(self._citation(locator, "", None, None), (), self._source_figures(locator.source))
        if passage.finding is not None:
            return self._sentence_evidence(passage.finding, passage.paragraph)
        sentences = self.index.findings_in(locator.source, locator.paragraph)
        text = passage.paragraph.text
        return Evidence(self._citation(locator, text, passage.paragraph.section, None,
                                       passage.paragraph.page),
                        _union(f.tags for f in sentences), tuple(g for f in sentences for g in f.figures),
                        text, text, (0, len(text)))

    def quote(self, spec: EvidenceSpec) -> Evidence | Problem:
        if not quote_pieces(spec.value):
            return Problem("the quote has no words to look for", spec.location, code="empty-quote")
        narrow = self._narrowing(spec)
        if isinstance(narrow, Problem):
            return narrow
        matches = []
        # Sources keep their own Unicode form; Hangul typed composed (NFC) must still match
        # a source stored decomposed (NFD), and the other way round.
        for form in ("NFC", "NFD"):
            pieces = quote_pieces(unicodedata.normalize(form, spec.value))
            candidates = self._candidates(pieces, narrow)
            found = {id(p): span for p in candidates if (span := _find_in(pieces, p.text, narrow)) is not None}
            # The final match is made against the files as they are now, never the indexed text alone;
            # a paragraph the file still holds as stored keeps the span found in it.
            now = self.index.read_now(p for p in candidates if id(p) in found)
            matches = [(p, span) for p in now
                       if (span := found.get(id(p)) or _find_in(pieces, p.text, narrow)) is not None]
            if matches or unicodedata.is_normalized("NFD", spec.value):
                break
        if not matches:
            return self._not_found(spec, narrow)
        if len(matches) > 1:
            listed = "; ".join(f"{p.source}:p{p.number} “{_excerpt(p.text, span)}”" for p, span in matches)
            return Problem(f"the quote “{spec.value}” is found in {len(matches)} places: {listed}", spec.location,
                           "add 'source:' with one of those locators (or a source id) to say which one you mean",
                           code="ambiguous-quote")
        paragraph, (start, end) = matches[0]
        quoted = paragraph.text[start:end]
        spans = sentence_spans(paragraph.text)
        inside = [n for n, (a, b) in enumerate(spans, start=1) if a < end and start < b]
        covered = self.index.findings_in(paragraph.source, paragraph.number, (inside[0], inside[-1]))
        passage = paragraph.text[spans[inside[0] - 1][0]:spans[inside[-1] - 1][1]]
        if len(inside) == 1:
            finding = covered[0]
            evidence = self._sentence_evidence(finding, paragraph, spans)
            # "X, quoted in …" only for words that stand in X's quotation marks; the rest are the author's
            speaker = finding.speaker if inside_quotation(paragraph.text, start) else None
            return Evidence(replace(evidence.citation, quoted=quoted, speaker=speaker), evidence.tags, evidence.figures,
                            passage, paragraph.text, (start, end), finding.speaker)
        locator = Locator(paragraph.source, paragraph.number)
        return Evidence(self._citation(locator, quoted, paragraph.section, None,
                                       covered[0].page if covered else paragraph.page),
                        _union(f.tags for f in covered), tuple(g for f in covered for g in f.figures),
                        passage, paragraph.text, (start, end))

    def select(self, spec: SelectSpec) -> tuple[list[tuple[Finding, Evidence]], list[Problem]]:
        """The findings ``spec`` selects, or the problems that stop it (never both)."""
        problems = []
        ids = self.index.source_ids()
        for source in spec.sources:
            if source not in ids:
                problems.append(Problem(f"unknown source '{source}' in select", spec.location,
                                        choices_hint(source, ids, "sources"), code="unknown-source"))
        tags = self.index.tags()
        for tag in spec.tags:
            if tag not in tags:
                problems.append(Problem(f"no finding has the tag '{tag}'", spec.location,
                                        choices_hint(tag, tags, "tags"), code="unknown-tag"))
        if problems:
            return [], problems
        # Fetch more than the limit: an audience's omit_tags may drop some.
        found = self.index.search(spec.query, sources=spec.sources, section=spec.section, tags=spec.tags,
                                  limit=spec.limit + 50)
        if not found:
            return [], [Problem(f"select finds nothing for “{spec.query}”", spec.location,
                                "try fewer or other words; 'briefdeck find' shows what matches", code="select-empty")]
        return [(f, self._sentence_evidence(f, self.index.paragraph(f.source, f.paragraph))) for f in found], []

    # -- helpers -------------------------------------------------------------------------

    def _narrowing(self, spec: EvidenceSpec) -> Locator | None | Problem:
        if spec.source is None:
            return None
        passage = look_up(self.index, spec.source, spec.location)
        return passage if isinstance(passage, Problem) else passage.locator

    def _candidates(self, pieces: list[str], narrow: Locator | None) -> list[StoredParagraph]:
        if narrow is None:
            return self.index.paragraphs_with_words(pieces)
        if narrow.paragraph is not None:
            return [self.index.paragraph(narrow.source, narrow.paragraph)]
        # A short document is sifted here: the full-text query reads its common words' postings
        # across the whole corpus. A paragraph that holds the quote holds each word of it in its
        # case-folded text (quote_pieces folds case, quotes, dashes and spaces, never letters).
        words = sorted({w for piece in pieces for w in WORD.findall(piece)}, key=len, reverse=True)
        sifted = self.index.paragraphs_holding(narrow.source, words, _SIFTED_UP_TO)
        if sifted is not None:
            return sifted
        # The full-text index tokenises as the matcher folds; should they ever disagree on a
        # word, the whole document is scanned before the quote is called missing.
        return self.index.paragraphs_with_words(pieces, [narrow.source]) or self.index.paragraphs(narrow.source)

    def _not_found(self, spec: EvidenceSpec, narrow: Locator | None) -> Problem:
        where = f" in {narrow}" if narrow else ""
        near = self.index.nearest_paragraphs(spec.value, sources=[narrow.source] if narrow else [])
        if narrow is not None and narrow.paragraph is not None:
            near = [self.index.paragraph(narrow.source, narrow.paragraph)]
        listed = "\n    ".join(f"{p.source}:p{p.number} “{_excerpt(p.text, None)}”" for p in near)
        hint = "check the words against the source ('briefdeck show LOCATOR')"
        if listed:
            hint = f"closest passages:\n    {listed}\n  {hint}"
        return Problem(f"the quote “{spec.value}” is not in the sources{where}", spec.location, hint,
                       code="quote-not-found")

    def _sentence_evidence(self, finding: Finding, paragraph: StoredParagraph,
                           spans: list[tuple[int, int]] | None = None) -> Evidence:
        locator = Locator(finding.source, finding.paragraph, finding.sentence)
        spans = sentence_spans(paragraph.text) if spans is None else spans
        span = spans[finding.sentence - 1] if finding.sentence <= len(spans) else None
        quotes = finding.speaker if any(mark in finding.text for mark in "“\"") else None
        return Evidence(self._citation(locator, finding.text, paragraph.section, quotes, finding.page),
                        finding.tags, finding.figures, finding.text, paragraph.text, span, finding.speaker)

    def _citation(self, locator: Locator, quoted: str, section: str | None, speaker: str | None,
                  page: str | None = None) -> Citation:
        if locator.source not in self.records:
            self.records[locator.source] = self.index.record(locator.source)
        return Citation(record=self.records[locator.source], locator=str(locator), paragraph=locator.paragraph,
                        sentence=locator.sentence, quoted=quoted, section=section, speaker=speaker, page=page)

    def _source_figures(self, source: str) -> tuple[Figure, ...]:
        return tuple(g for f in self.index.findings_in(source) for g in f.figures)


def _find_in(pieces: list[str], text: str, narrow: Locator | None) -> tuple[int, int] | None:
    """The quote's span in a paragraph; within sentence M only when the quote's `source:` names pN.sM."""
    if narrow is None or narrow.sentence is None:
        return find_quote(pieces, text)
    spans = sentence_spans(text)
    if narrow.sentence > len(spans):
        return None
    a, b = spans[narrow.sentence - 1]
    found = find_quote(pieces, text[a:b])
    return None if found is None else (found[0] + a, found[1] + a)


def _union(tag_lists) -> tuple[str, ...]:
    return tuple(sorted({t for tags in tag_lists for t in tags}))


def _excerpt(text: str, span: tuple[int, int] | None) -> str:
    """A short piece of a passage around ``span`` (or its start) for an error message."""
    if span is None or len(text) <= _SHOWN:
        return text if len(text) <= _SHOWN else text[:_SHOWN].rsplit(" ", 1)[0] + " …"
    start = max(0, span[0] - 40)
    piece = text[start:start + _SHOWN]
    return ("… " if start else "") + piece.rsplit(" ", 1)[0] + " …"
