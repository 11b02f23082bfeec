"""A reader's text to a `Source`: blocks, sections, paragraphs and sentences, the same for every reader.

Kept apart from the readers (`briefdeck.sources.read`) so that a command
whose index is up to date, which lists documents but reads none, does not
load the block cutting and capture cleaning it would not use.
"""

from __future__ import annotations

import hashlib

from briefdeck.errors import BriefdeckError, Problem
from briefdeck.sources.blocks import Block, Classified, classify, split_blocks
from briefdeck.sources.model import Paragraph, Sentence, Source, SourceRecord
from briefdeck.sources.read import Reader
from briefdeck.sources.readtext import ReadText
from briefdeck.sources.guessed_record import guess_record
from briefdeck.sources.sentences import sentence_spans
from briefdeck.sources.structure import detect_structure, sections_by_gaps
from briefdeck.sources.text import fold


def source_from_bytes(data: bytes, *, reader: Reader, source_id: str, record: SourceRecord | None,
                      name: str) -> Source:
    read = reader.read(data, name=name)
    original = read.text
    warnings = list(read.warnings)
    classified = _classified(read)
    bodies = [c for c in classified if c.kind == "body"]
    if not bodies:
        raise BriefdeckError(Problem(f"{name} has no text to cite after removing control characters, "
                                     "headings and site boilerplate",
                                     hint="check that the file holds the document's text", code="no-paragraphs"))
    if record is None:
        record, guessed = guess_record(source_id, original, classified)
        record = _with_metadata(record, read, guessed)
        warnings.extend(guessed)
    sections = _sections(classified, record, warnings)
    paragraphs = tuple(_paragraph(read, n, c, section)
                       for n, (c, section) in enumerate(zip(bodies, sections), start=1))
    return Source(
        id=source_id,
        path=name,
        record=record,
        paragraphs=paragraphs,
        sha256=hashlib.sha256(data).hexdigest(),
        headings=tuple(c.block.text for c in classified if c.kind == "heading"),
        warnings=tuple(warnings),
    )


def _sections(classified: list[Classified], record: SourceRecord, warnings: list[str]) -> list[str | None]:
    """The section of each body paragraph: the heading above it, or the known structure's name."""
    structure = record.csl.get("structure") or detect_structure(
        next((c.block.text for c in classified if c.kind == "title"), None))
    bodies = [c for c in classified if c.kind == "body"]
    if structure and not any(c.kind == "heading" for c in classified):
        named = sections_by_gaps(structure, [c.block.blank_lines_before for c in bodies])
        if named is not None:
            return named
        warnings.append(f"{record.id}: the paragraphs do not fall into the sections of a {structure}; "
                        "sections are left unnamed")
    out, heading = [], None
    for c in classified:
        if c.kind == "heading":
            heading = c.block.text
        elif c.kind == "body":
            out.append(heading)
    return out


def _paragraph(read: ReadText, number: int, c: Classified, section: str | None) -> Paragraph:
    folded = c.block.folded
    sentences = []
    for m, (a, b) in enumerate(sentence_spans(folded.text), start=1):
        start, end = folded.original_span(a, b)
        sentences.append(Sentence(m, folded.text[a:b], start, end, read.page_at(start)))
    start, end = folded.original_span(0, len(folded.text))
    return Paragraph(number, folded.text, start, end, section, tuple(sentences), read.page_at(start))


def _classified(read: ReadText) -> list[Classified]:
    """The blocks a reader found, or for plain text those the shared cutting finds."""
    if read.blocks is None:
        return classify(read.text, split_blocks(read.text))
    return [Classified("body" if b.kind == "item" else b.kind,
                       Block(fold(read.text, b.start, b.end), b.start, b.end, 1, 1, b.kind == "item"))
            for b in read.blocks]


def _with_metadata(record: SourceRecord, read: ReadText, guessed: list[str]) -> SourceRecord:
    """A guessed record completed by what the file states about itself (HTML meta tags, PDF info)."""
    stated = {k: v for k, v in read.metadata.items() if v}
    if not stated:
        return record
    guessed[:] = [g.replace("from the text.", "from the text and the file's metadata.") for g in guessed]
    return SourceRecord(record.id, {**record.csl, **stated})
