"""What a point cites, as the evidence checks read it: the words, the sentence, who speaks."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from briefdeck.citations.work import author_names
from briefdeck.findings.model import Figure
from briefdeck.outline.model import EvidenceSpec
from briefdeck.outline.quotes import inside_quotation, normalise, quote_pieces
from briefdeck.outline.resolve import Evidence
from briefdeck.sources.model import SourceRecord

_WORDS_BEFORE = 4  # a negator this close before a quote is part of what it says


@dataclass(frozen=True)
class Cited:
    """One piece of evidence of a point, with the text around it."""

    kind: str  # quote | finding | source
    locator: str
    quoted: str  # the cited words: a quote's span, or the sentence or paragraph; "" for a whole source
    passage: str  # the sentence(s) or paragraph that hold them
    paragraph: str
    span: tuple[int, int] | None
    before: str  # the few words of the paragraph right before a quote
    omitted: tuple[str, ...]  # the words each ellipsis of the quote leaves out
    speaker: str | None  # whose words the sentence relays, if not the author's
    in_quotation: bool  # the cited words stand inside quotation marks in the source
    author: str  # "Robert R. King"; "" when the record names none
    record_text: str  # title, container title, publisher and date of the record
    figures: tuple[Figure, ...]

    @property
    def whole_source(self) -> bool:
        return not self.passage

    @property
    def coarse(self) -> bool:
        """A paragraph cited as a whole: many sentences, of which the text may paraphrase one."""
        return self.kind != "quote" and ".s" not in self.locator.rsplit(":", 1)[-1]

    @property
    def words_owner(self) -> str:
        """Who said the cited words: the speaker when they stand in quotation marks, else the author."""
        if self.speaker and self.in_quotation:
            return self.speaker
        return self.author or self.speaker or ""


@lru_cache(maxsize=1024)
def _record_words(record: SourceRecord) -> tuple[str, str]:
    """The record's author names, and its title, container title, publisher and year as one text."""
    csl = record.csl
    text = " ".join(str(csl.get(k) or "") for k in ("title", "container-title", "publisher", "collection-title"))
    text += " " + " ".join(str(p) for p in (record.issued or ())[:1])
    return author_names(record), text


def read_cited(spec: EvidenceSpec, evidence: Evidence) -> Cited:
    citation = evidence.citation
    author, record_text = _record_words(citation.record)
    before = ""
    omitted: tuple[str, ...] = ()
    in_quotation = False
    if evidence.span is not None and evidence.paragraph:
        start, end = evidence.span
        before = " ".join(evidence.paragraph[:start].split()[-_WORDS_BEFORE:])
        in_quotation = inside_quotation(evidence.paragraph, start)
        if spec.kind == "quote":
            omitted = _omitted(spec.value, evidence.paragraph[start:end])
            before = _same_clause(before)
    return Cited(spec.kind, citation.locator, citation.quoted, evidence.passage, evidence.paragraph, evidence.span,
                 before, omitted, evidence.relayed, in_quotation, author, record_text,
                 evidence.figures)


def _same_clause(before: str) -> str:
    """Words before a quote count only up to the last punctuation: "…, prohibit" is another clause."""
    for mark in (",", ";", ":", ".", "“", "”", '"'):
        before = before.rsplit(mark, 1)[-1]
    return before.strip()


def _omitted(quote: str, matched: str) -> tuple[str, ...]:
    """The source's words that an ellipsis in the author's quote stands for."""
    if "…" not in quote and ".." not in quote.replace(" ", ""):
        return ()
    pieces = quote_pieces(quote)
    if len(pieces) < 2:
        return ()
    text = normalise(matched).text
    gaps = []
    pos = text.find(pieces[0])
    if pos < 0:
        return ()
    pos += len(pieces[0])
    for piece in pieces[1:]:
        at = text.find(piece, pos)
        if at < 0:
            return tuple(gaps)
        gaps.append(text[pos:at].strip())
        pos = at + len(piece)
    return tuple(g for g in gaps if g)


def pull_quote_credit(evidence: Evidence) -> str:
    """Who a pull quote of these words is credited to: whoever said them.

    The sentence's speaker only when the words stand inside quotation marks in
    the source ("The report gives this description: “…”"); otherwise the words
    are the author's own, even in a sentence that relays someone ("The 2019
    Trafficking in Persons Report identified North Korea as …" is King's).
    """
    citation = evidence.citation
    inside = evidence.span is not None and inside_quotation(evidence.paragraph, evidence.span[0])
    if evidence.relayed and inside:
        return evidence.relayed
    return author_names(citation.record) or citation.record.title
