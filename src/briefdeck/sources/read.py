"""Reading one document into a `Source`: readers, then blocks, paragraphs and sentences.

Readers sit behind a small protocol (``detect`` and ``read``); `READERS`
lists them, PDF, Word, web page and plain text. A plain-text reader turns
bytes into text in which paragraphs are separated by blank lines; the readers
of laid-out documents also say which block is a heading, a paragraph or a
list item and on which page it stands. Everything after that is shared.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Protocol

from briefdeck.errors import BriefdeckError, Problem
from briefdeck.sources.blocks import Block, Classified, classify, split_blocks
from briefdeck.sources.model import Paragraph, Sentence, Source, SourceRecord
from briefdeck.sources.pdf import PdfReader
from briefdeck.sources.readtext import ReadText
from briefdeck.sources.records import guess_record
from briefdeck.sources.sentences import sentence_spans
from briefdeck.sources.structure import detect_structure, sections_by_gaps
from briefdeck.sources.webpage import HtmlReader
from briefdeck.sources.word import WordReader
from briefdeck.sources.text import decode, fold

# Bump when reading changes what a source yields, so cached indexes are rebuilt.
READER_VERSION = 3


class Reader(Protocol):
    name: str
    suffixes: tuple[str, ...]  # a file named so is this reader's whatever its bytes (`has_reader`)

    def detect(self, path: Path, head: bytes) -> bool:
        """Whether this reader handles the file, from its name and its first bytes ``head``."""

    def read(self, data: bytes, *, name: str) -> ReadText:
        """The document's text; raises `BriefdeckError` for a file it cannot read."""


class PlainTextReader:
    """Plain text: UTF-8, or cp1252 with a warning."""

    name = "text"
    suffixes = (".txt", ".text", ".md")

    def detect(self, path: Path, head: bytes) -> bool:
        return path.suffix.lower() in self.suffixes

    def read(self, data: bytes, *, name: str) -> ReadText:
        decoded = decode(data, name=name)
        return ReadText(decoded.text, decoded.warnings)


# The first reader that detects a file reads it: content (a PDF named .txt) before suffix.
READERS: list[Reader] = [PdfReader(), WordReader(), HtmlReader(), PlainTextReader()]


_CLAIMED = frozenset(suffix for reader in READERS for suffix in reader.suffixes)
HEAD_BYTES = 2048  # what the readers look at to know a file by its content


def reader_for(path: Path) -> Reader | None:
    """The reader of ``path``, knowing it by content first (a PDF named .txt), then by suffix.

    The first bytes are read once for all readers: listing a folder of thousands of
    documents asks this of each.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:
        head = b""  # known by its suffix; reading it will say what is wrong
    return next((r for r in READERS if r.detect(path, head)), None)


def has_reader(path: Path) -> bool:
    """Whether some reader takes ``path``, without opening it when its suffix decides.

    A reader knows a file by its suffix or by its content, so a suffix one of them
    claims is enough: which reader reads it (a PDF named .txt) is decided when it is
    read. Listing a folder of thousands of documents asks this of each.
    """
    return path.suffix.lower() in _CLAIMED or reader_for(path) is not None


def read_source(path: Path, *, source_id: str, record: SourceRecord | None = None,
                display_name: str | None = None) -> Source:
    """Read ``path`` into a `Source`. Without a ``record``, one is guessed from the text (with a warning)."""
    name = display_name or path.name
    reader = reader_for(path)
    if reader is None:
        raise BriefdeckError(Problem(f"{name}: no reader for '{path.suffix or 'files without a suffix'}'",
                                     hint="sources may be PDF, web pages (.html), Word files (.docx) or plain text (.txt, .md)", code="no-reader"))
    data = path.read_bytes()
    return source_from_bytes(data, reader=reader, source_id=source_id, record=record, name=name)


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
