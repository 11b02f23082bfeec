"""Reading one document into a `Source`: readers, then (`briefdeck.sources.assemble`) paragraphs and sentences.

Readers sit behind a small protocol (``detect`` and ``read``); `READERS`
lists them, PDF, Word, web page and plain text. A plain-text reader turns
bytes into text in which paragraphs are separated by blank lines; the readers
of laid-out documents also say which block is a heading, a paragraph or a
list item and on which page it stands. Everything after that is shared.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from briefdeck.errors import BriefdeckError, Problem
from briefdeck.sources.model import Source, SourceRecord
from briefdeck.sources.pdf import PdfReader
from briefdeck.sources.readtext import ReadText
from briefdeck.sources.webpage import HtmlReader
from briefdeck.sources.word import WordReader
from briefdeck.sources.text import decode

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
    from briefdeck.sources.assemble import source_from_bytes  # here: only reading needs it (see there)

    data = path.read_bytes()
    return source_from_bytes(data, reader=reader, source_id=source_id, record=record, name=name)
