"""Answering queries from the findings index: passages, findings, counts and full-text search.

The index (an SQLite database with FTS5 under ``.briefdeck/``, kept up to date
by `briefdeck.findings.sync`) holds every body paragraph and every sentence
(finding) of the sources, with tags, figures and speakers, so that ``find``,
``show`` and ``check`` never re-read the documents; only a quote's final match
is made against the file as it is now (`FindingsIndex.read_now`).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from briefdeck.errors import BriefdeckError
from briefdeck.files import file_hash_now
from briefdeck.findings.model import Figure, Finding
from briefdeck.sources.corpus import SourceFile, read_file
from briefdeck.sources.model import SourceRecord
from briefdeck.sources.read import reader_for
from briefdeck.sources.text import fold

WORD = re.compile(r"\w+")
_QUERY_WORDS = 4  # the longest words of a quote that the full-text query asks for


class IndexDamaged(sqlite3.DatabaseError):
    """The database opened but holds something it cannot have written (a damaged row)."""


@dataclass(frozen=True)
class StoredParagraph:
    source: str
    number: int
    section: str | None
    text: str
    start: int
    end: int
    page: str | None = None  # the page label, for paginated sources


@dataclass(frozen=True)
class SourceSummary:
    """What ``briefdeck sources`` shows of a document."""

    id: str
    path: str
    record: SourceRecord
    paragraphs: int
    sentences: int
    headings: tuple[str, ...]
    warnings: tuple[str, ...]


class FindingsIndex:
    """An open index. Use `briefdeck.findings.sync.open_index` to get one that matches the sources folder."""

    def __init__(self, db: sqlite3.Connection, files: Iterable[SourceFile] = ()):
        self.db = db
        self.path: Path | None = None  # the database file; None when the index lives in memory
        self._ids: list[str] | None = None  # cached; the index does not change between syncs
        self._ranges: list[tuple[int, int]] | None = None  # of finding ids in source order (`finding_ranges`)
        self._files = {f.id: f for f in files}  # where each document is now, for `read_now`
        self._originals: dict[str, str | None] = {}
        self._as_indexed: dict[str, bool] = {}  # whether a file still holds the bytes it was indexed from
        self._paths: dict[str, str] | None = None  # cached as the ids are

    def forget_ids(self) -> None:
        self._ids = self._paths = self._ranges = None

    def source_ids(self) -> list[str]:
        if self._ids is None:
            self._ids = [row[0] for row in self.db.execute("SELECT source FROM files ORDER BY ord")]
        return self._ids

    def records(self) -> dict[str, SourceRecord]:
        return {row[0]: SourceRecord(row[0], _json(row[1]))
                for row in self.db.execute("SELECT source, record FROM files ORDER BY ord")}

    def record(self, source: str) -> SourceRecord:
        """One document's record (a KeyError for an unknown source, as from `records`)."""
        row = self.db.execute("SELECT record FROM files WHERE source = ?", (source,)).fetchone()
        if row is None:
            raise KeyError(source)
        return SourceRecord(source, _json(row[0]))

    def paths(self) -> dict[str, str]:
        """Each document's file, by source id (cached, as `source_ids`)."""
        if self._paths is None:
            self._paths = dict(self.db.execute("SELECT source, path FROM files ORDER BY ord"))
        return self._paths

    def has_source(self, source: str) -> bool:
        return source in self.paths()  # a dict: no scan of every id, as a list would take

    def warnings_of(self, sources: set[str]) -> list[tuple[str, str, str]]:
        """(source, path, warning) for every warning reading noticed in ``sources``, in source order."""
        rows = self.db.execute("SELECT source, path, warnings FROM files WHERE warnings != '[]' ORDER BY ord")
        return [(source, path, w) for source, path, warnings in rows if source in sources for w in _json(warnings)]

    def summaries(self) -> list[SourceSummary]:
        rows = self.db.execute(
            "SELECT f.source, f.path, f.record, f.headings, f.warnings, "
            "(SELECT count(*) FROM paragraphs p WHERE p.source = f.source), "
            "(SELECT count(*) FROM findings s WHERE s.source = f.source) FROM files f ORDER BY f.ord")
        return [SourceSummary(r[0], r[1], SourceRecord(r[0], _json(r[2])), r[5], r[6],
                              tuple(_json(r[3])), tuple(_json(r[4]))) for r in rows]

    def paragraph_count(self, source: str) -> int:
        return self.db.execute("SELECT count(*) FROM paragraphs WHERE source = ?", (source,)).fetchone()[0]

    def sentence_count(self, source: str, paragraph: int) -> int:
        return self.db.execute("SELECT count(*) FROM findings WHERE source = ? AND paragraph = ?",
                               (source, paragraph)).fetchone()[0]

    def paragraph(self, source: str, number: int) -> StoredParagraph | None:
        row = self.db.execute(_PARAGRAPH_SELECT + " WHERE source = ? AND number = ?", (source, number)).fetchone()
        return StoredParagraph(*row) if row else None

    def paragraphs(self, source: str) -> list[StoredParagraph]:
        rows = self.db.execute(_PARAGRAPH_SELECT + " WHERE source = ? ORDER BY number", (source,))
        return [StoredParagraph(*row) for row in rows]

    def paragraphs_holding(self, source: str, words: list[str], up_to: int) -> list[StoredParagraph] | None:
        """The paragraphs of ``source`` whose case-folded text holds each of ``words`` (anywhere);
        None when it has more than ``up_to`` paragraphs (those are not read)."""
        rows = self.db.execute(_PARAGRAPH_SELECT + " WHERE source = ? ORDER BY number LIMIT ?",
                               (source, up_to + 1)).fetchall()
        if len(rows) > up_to:
            return None
        return [StoredParagraph(*row) for row in rows if _holds_all(_casefolded(row[3]), words)]

    def findings_in(self, source: str, paragraph: int | None = None,
                    sentences: tuple[int, int] | None = None) -> list[Finding]:
        """The sentences of a source, or of one of its paragraphs (only sentences first–last of it, if given)."""
        if paragraph is None:
            rows = self.db.execute(_FINDING_SELECT + " WHERE source = ? ORDER BY paragraph, sentence", (source,))
        elif sentences is None:
            rows = self.db.execute(_FINDING_SELECT + " WHERE source = ? AND paragraph = ? ORDER BY sentence",
                                   (source, paragraph))
        else:
            rows = self.db.execute(_FINDING_SELECT + " WHERE source = ? AND paragraph = ? AND sentence BETWEEN ? AND ? "
                                   "ORDER BY sentence", (source, paragraph, *sentences))
        return [finding_of_row(row) for row in rows]

    def sentence_text(self, source: str, paragraph: int, sentence: int) -> str | None:
        """A sentence's words alone (`finding` reads its tags and figures too)."""
        row = self.db.execute("SELECT text FROM findings WHERE source = ? AND paragraph = ? AND sentence = ?",
                              (source, paragraph, sentence)).fetchone()
        return row[0] if row else None

    def finding(self, source: str, paragraph: int, sentence: int) -> Finding | None:
        row = self.db.execute(_FINDING_SELECT + " WHERE source = ? AND paragraph = ? AND sentence = ?",
                              (source, paragraph, sentence)).fetchone()
        return finding_of_row(row) if row else None

    def tags(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT DISTINCT tag FROM finding_tags ORDER BY tag")]

    def search(self, query: str, *, sources: Iterable[str] = (), section: str | None = None,
               tags: Iterable[str] = (), limit: int = 10) -> list[Finding]:
        """The best-ranked findings for ``query``: see `briefdeck.findings.search.search`."""
        from briefdeck.findings.search import search

        return search(self, query, sources=sources, section=section, tags=tags, limit=limit)

    def finding_ranges(self, sources: list[str]) -> list[tuple[int, int]]:
        """The finding ids of the documents (all, or ``sources``) in source order, as consecutive ranges."""
        if not sources and self._ranges is not None:
            return self._ranges
        wanted = set(sources)
        ranges: list[list[int]] = []
        for source, first, last in self.db.execute(
                "SELECT source, first_finding, last_finding FROM files WHERE typeof(first_finding) = 'integer' "
                "AND typeof(last_finding) = 'integer' ORDER BY ord"):
            if wanted and source not in wanted:
                continue
            if ranges and ranges[-1][1] + 1 == first:
                ranges[-1][1] = last
            else:
                ranges.append([first, last])
        result = [(low, high) for low, high in ranges]
        if not sources:
            self._ranges = result
        return result

    def paragraphs_with_words(self, phrases: list[str], sources: Iterable[str] = ()) -> list[StoredParagraph]:
        """Paragraphs holding the distinctive words of every phrase (candidates for a quote).

        Only the few longest words of each phrase are asked for, without their order: short,
        common words have long posting lists that cost more to read than they narrow. The
        caller matches the whole quote in each candidate.
        """
        words = sorted({w.lower() for p in phrases for w in WORD.findall(p)}, key=lambda w: (-len(w), w))
        if not words:
            return []
        match = "text : (" + " AND ".join(f'"{w}"' for w in words[:_QUERY_WORDS]) + ")"
        return self._paragraph_query(match, list(sources), "files.ord, p.number", None)

    def nearest_paragraphs(self, text: str, *, sources: Iterable[str] = (), limit: int = 3) -> list[StoredParagraph]:
        """Paragraphs sharing the most words with ``text``, best first (for "did you mean" lists)."""
        words = sorted(set(w.lower() for w in WORD.findall(text)))
        if not words:
            return []
        match = "text : (" + " OR ".join(f'"{w}"' for w in words) + ")"
        return self._paragraph_query(match, list(sources), "bm25(paragraphs_fts), files.ord, p.number", limit)

    def _paragraph_query(self, match: str, sources: list[str], order: str, limit: int | None) -> list[StoredParagraph]:
        args: list = []
        if sources:
            match = f"({match}) AND source : (" + " OR ".join(source_token(s) for s in sources) + ")"
        # CROSS JOIN keeps SQLite from probing the full-text table once per paragraph.
        sql = ("SELECT p.source, p.number, p.section, p.text, p.start, p.\"end\", p.page FROM paragraphs_fts "
               "CROSS JOIN paragraphs p ON p.id = paragraphs_fts.rowid CROSS JOIN files ON files.source = p.source "
               "WHERE paragraphs_fts MATCH ?")
        args.append(match)
        if sources:  # the id's words matched; now the id itself
            sql += f" AND p.source IN ({','.join('?' * len(sources))})"
            args += sources
        sql += f" ORDER BY {order}"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        return [StoredParagraph(*row) for row in self.db.execute(sql, args)]

    def read_now(self, paragraphs: Iterable[StoredParagraph]) -> list[StoredParagraph]:
        """Each paragraph as its file holds it now: the stored one when the file still has that text there.

        A paragraph whose file no longer matches is taken from the document read
        again (and the document is marked to be indexed again); one that is gone
        is dropped. A quote's final match is made against what this returns, so
        a stale or damaged index cannot make a verdict.
        """
        current = []
        for stored in paragraphs:
            if self._as_read(stored):
                current.append(stored)
                continue
            original = self._original(stored.source)
            if original is not None and fold(original, stored.start, stored.end).text == stored.text:
                current.append(stored)
                continue
            fresh = self._read_again(stored.source, stored.number)
            if fresh is not None:
                current.append(fresh)
        return current

    def _as_read(self, stored: StoredParagraph) -> bool:
        """Whether ``stored`` is the paragraph as read from the file's bytes now, without reading the document.

        The file's hash (once per open index) must be the one it was indexed with, and the
        row's text the same as the full-text table's own copy of it: damage that changed one
        of the two (and no check noticed) sends the paragraph to the file.
        """
        source = stored.source
        if self._as_indexed.get(source) is False:
            return False
        rows = self.db.execute("SELECT t.text, f.sha256 FROM paragraphs p JOIN paragraphs_fts t ON t.rowid = p.id "
                               "JOIN files f ON f.source = p.source WHERE p.source = ? AND p.number = ?",
                               (source, stored.number)).fetchall()
        if len(rows) != 1:
            return False
        copy, sha = rows[0]
        if source not in self._as_indexed:
            source_file = self._files.get(source)
            self._as_indexed[source] = (source_file is not None and bool(sha)
                                        and file_hash_now(source_file.path, fresh=True) == sha)
        return self._as_indexed[source] and copy == stored.text

    def _original(self, source: str) -> str | None:
        if source not in self._originals:
            self._originals[source] = None
            source_file = self._files.get(source)
            reader = reader_for(source_file.path) if source_file else None
            if reader is not None:
                try:
                    self._originals[source] = reader.read(source_file.path.read_bytes(), name=source_file.name).text
                except (OSError, BriefdeckError):
                    pass
        return self._originals[source]

    def _read_again(self, source: str, number: int) -> StoredParagraph | None:
        source_file = self._files.get(source)
        if source_file is None:
            return None
        try:
            paragraph = read_file(source_file).paragraph(number)
        except BriefdeckError:
            return None
        with self.db:  # the next sync reads the document again
            self.db.execute("UPDATE files SET stamp = '' WHERE source = ?", (source,))
        if paragraph is None:
            return None
        return StoredParagraph(source, number, paragraph.section, paragraph.text, paragraph.start, paragraph.end,
                               paragraph.page)

    def close(self) -> None:
        self.db.close()


_PARAGRAPH_SELECT = 'SELECT source, number, section, text, start, "end", page FROM paragraphs'
_FINDING_SELECT = "SELECT source, paragraph, sentence, section, text, tags, figures, speaker, page FROM findings"


def _json(text):
    """A JSON column's value; one that does not parse means the database was damaged."""
    try:
        return json.loads(text)
    except (TypeError, ValueError) as exc:
        raise IndexDamaged(f"a stored value does not parse ({exc})") from None


def _holds_all(text: str, words: list[str]) -> bool:
    for word in words:  # a loop, not all() over a generator: asked of every paragraph sifted
        if word not in text:
            return False
    return True


def _casefolded(text: str) -> str:
    """``text.casefold()``; for ASCII text (where the two agree) the cheaper ``lower()``."""
    return text.lower() if text.isascii() else text.casefold()


def finding_of_row(row) -> Finding:
    source, paragraph, sentence, section, text, tags, figures, speaker, page = row
    try:
        return Finding(source, paragraph, sentence, section, text, tuple(_json(tags)),
                       tuple(Figure(**g) for g in _json(figures)), speaker, page)
    except TypeError as exc:
        raise IndexDamaged(f"a stored finding does not parse ({exc})") from None


def source_token(source_id: str) -> str:
    """A source id as one token the full-text tokenizer keeps whole (ids hold dashes and dots)."""
    return "s" + hashlib.sha1(source_id.encode()).hexdigest()[:16]
