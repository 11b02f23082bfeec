"""The findings index: an embedded SQLite database with FTS5, cached under ``.briefdeck/``.

It holds every body paragraph and every sentence (finding) of the sources,
with tags, figures and speakers, so that ``find``, ``show`` and ``check`` never
re-read the documents. A document is read again only when its bytes, its
record, the lexicon or the reading code change (`_stamp`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from briefdeck.errors import BriefdeckError, Problems
from briefdeck.findings.extract import source_to_findings
from briefdeck.findings.model import Figure, Finding
from briefdeck.findings.tags import Lexicon
from briefdeck.sources.corpus import SourceFile, SourceFolder, located_in, read_file
from briefdeck.sources.model import Source, SourceRecord
from briefdeck.sources.read import READER_VERSION

SCHEMA_VERSION = "6"  # 5: speakers read with their paragraph and section; 6: pages
CACHE_DIR = ".briefdeck"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files(
    source TEXT PRIMARY KEY, ord INTEGER, path TEXT, sha256 TEXT, stamp TEXT,
    record TEXT, warnings TEXT, headings TEXT, seen TEXT);
CREATE TABLE IF NOT EXISTS paragraphs(
    id INTEGER PRIMARY KEY, source TEXT, number INTEGER, section TEXT, text TEXT, start INTEGER, "end" INTEGER,
    page TEXT);
CREATE INDEX IF NOT EXISTS paragraphs_at ON paragraphs(source, number);
CREATE TABLE IF NOT EXISTS findings(
    id INTEGER PRIMARY KEY, source TEXT, paragraph INTEGER, sentence INTEGER, section TEXT, text TEXT,
    tags TEXT, figures TEXT, speaker TEXT, start INTEGER, "end" INTEGER, page TEXT);
CREATE INDEX IF NOT EXISTS findings_at ON findings(source, paragraph, sentence);
CREATE TABLE IF NOT EXISTS finding_tags(finding INTEGER, tag TEXT);
CREATE INDEX IF NOT EXISTS finding_tags_tag ON finding_tags(tag, finding);
CREATE VIRTUAL TABLE IF NOT EXISTS findings_fts USING fts5(text, tokenize='porter unicode61 remove_diacritics 2');
-- The source is indexed beside the text, as one rare token (`_source_token`), so that a quote
-- narrowed to one document is found by intersecting two short posting lists instead of
-- reading every match in the corpus.
CREATE VIRTUAL TABLE IF NOT EXISTS paragraphs_fts USING fts5(text, source, tokenize='unicode61 remove_diacritics 2');
"""

WORD = re.compile(r"\w+")
_QUERY_WORDS = 4  # the longest words of a quote that the full-text query asks for
_TIE_WINDOW = 50  # extra rows fetched so that equal ranks can be ordered by position


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


@dataclass(frozen=True)
class SyncReport:
    read: tuple[str, ...]  # ids of the documents (re)read
    removed: tuple[str, ...]
    warnings: tuple[str, ...]


def index_path(project: Path, folder: Path) -> Path:
    """One database per sources folder, under the project's ``.briefdeck/``."""
    key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:10]
    return project / CACHE_DIR / f"findings-{key}.sqlite"


class FindingsIndex:
    """An open index. Use `open_index` to get one that matches the sources folder."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self._ids: list[str] | None = None  # cached after a sync; the index does not change between syncs

    # -- building -------------------------------------------------------

    def sync(self, folder: SourceFolder, lexicon: Lexicon, *,
             progress: Callable[[int, int], None] | None = None, workers: int | None = None) -> SyncReport:
        """Bring the index up to date with ``folder``: read changed documents, drop removed ones.

        Documents that cannot be read are reported together in a `BriefdeckError`
        after the others are indexed.
        """
        stored = {row[0]: row[1:] for row in self.db.execute("SELECT source, sha256, stamp, seen, ord FROM files")}
        changed: list[tuple[SourceFile, str, str]] = []
        seen_again: list[tuple[str, str]] = []
        order = {}
        for position, source_file in enumerate(folder.files):
            order[source_file.id] = position
            stamp = _stamp(source_file, lexicon)
            sha, old_stamp, old_seen, _ = stored.get(source_file.id, (None, None, None, None))
            seen = _seen(source_file.path)
            if old_stamp == stamp and old_seen == seen:
                continue  # same size and time as when read: not hashed again, as git does
            if old_stamp == stamp and sha == _file_sha(source_file.path):
                seen_again.append((seen, source_file.id))  # touched, not changed
                continue
            changed.append((source_file, stamp, seen))
        removed = sorted(set(stored) - set(order))
        problems = Problems()
        read_ids = []
        self._ids = None
        with self.db:
            for source_id in removed:
                self._delete(source_id)
            self.db.executemany("UPDATE files SET ord = ? WHERE source = ?",
                                [(position, source_id) for source_id, position in order.items()
                                 if source_id in stored and stored[source_id][3] != position])
            self.db.executemany("UPDATE files SET seen = ? WHERE source = ?", seen_again)
        with self.db:  # one transaction: a commit per document would cost more than reading it
            for done, result in enumerate(_read_many([c[0] for c in changed], lexicon, workers), start=1):
                source_file, stamp, seen = changed[done - 1]
                self._delete(source_file.id)
                if isinstance(result, BriefdeckError):
                    problems.extend(located_in(result.problems, source_file))
                else:
                    source, findings = result
                    self._insert(source, findings, order[source.id], stamp, seen)
                    read_ids.append(source.id)
                if progress:
                    progress(done, len(changed))
        problems.raise_if_errors()
        return SyncReport(tuple(read_ids), tuple(removed), folder.warnings)

    def _delete(self, source_id: str) -> None:
        db = self.db
        db.execute("DELETE FROM findings_fts WHERE rowid IN (SELECT id FROM findings WHERE source = ?)", (source_id,))
        db.execute("DELETE FROM finding_tags WHERE finding IN (SELECT id FROM findings WHERE source = ?)", (source_id,))
        db.execute("DELETE FROM findings WHERE source = ?", (source_id,))
        db.execute("DELETE FROM paragraphs_fts WHERE rowid IN (SELECT id FROM paragraphs WHERE source = ?)",
                   (source_id,))
        db.execute("DELETE FROM paragraphs WHERE source = ?", (source_id,))
        db.execute("DELETE FROM files WHERE source = ?", (source_id,))

    def _insert(self, source: Source, findings: list[Finding], position: int, stamp: str, seen: str) -> None:
        db = self.db
        db.execute("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (
            source.id, position, source.path, source.sha256, stamp,
            json.dumps(dict(source.record.csl), sort_keys=True), json.dumps(list(source.warnings)),
            json.dumps(list(source.headings)), seen))
        for p in source.paragraphs:
            cursor = db.execute("INSERT INTO paragraphs(source, number, section, text, start, \"end\", page) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                (source.id, p.number, p.section, p.text, p.start, p.end, p.page))
            db.execute("INSERT INTO paragraphs_fts(rowid, text, source) VALUES (?, ?, ?)",
                       (cursor.lastrowid, p.text, _source_token(source.id)))
        offsets = {(p.number, s.number): (s.start, s.end) for p in source.paragraphs for s in p.sentences}
        for f in findings:
            start, end = offsets[(f.paragraph, f.sentence)]
            cursor = db.execute(
                "INSERT INTO findings(source, paragraph, sentence, section, text, tags, figures, speaker, start, \"end\", "
                "page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (f.source, f.paragraph, f.sentence, f.section, f.text, json.dumps(list(f.tags)),
                 json.dumps([_figure_row(g) for g in f.figures]), f.speaker, start, end, f.page))
            db.execute("INSERT INTO findings_fts(rowid, text) VALUES (?, ?)", (cursor.lastrowid, f.text))
            db.executemany("INSERT INTO finding_tags VALUES (?, ?)", [(cursor.lastrowid, t) for t in f.tags])

    # -- reading --------------------------------------------------------

    def source_ids(self) -> list[str]:
        if self._ids is None:
            self._ids = [row[0] for row in self.db.execute("SELECT source FROM files ORDER BY ord")]
        return self._ids

    def records(self) -> dict[str, SourceRecord]:
        return {row[0]: SourceRecord(row[0], json.loads(row[1]))
                for row in self.db.execute("SELECT source, record FROM files ORDER BY ord")}

    def summaries(self) -> list[SourceSummary]:
        rows = self.db.execute(
            "SELECT f.source, f.path, f.record, f.headings, f.warnings, "
            "(SELECT count(*) FROM paragraphs p WHERE p.source = f.source), "
            "(SELECT count(*) FROM findings s WHERE s.source = f.source) FROM files f ORDER BY f.ord")
        return [SourceSummary(r[0], r[1], SourceRecord(r[0], json.loads(r[2])), r[5], r[6],
                              tuple(json.loads(r[3])), tuple(json.loads(r[4]))) for r in rows]

    def paragraph_count(self, source: str) -> int:
        return self.db.execute("SELECT count(*) FROM paragraphs WHERE source = ?", (source,)).fetchone()[0]

    def sentence_count(self, source: str, paragraph: int) -> int:
        return self.db.execute("SELECT count(*) FROM findings WHERE source = ? AND paragraph = ?",
                               (source, paragraph)).fetchone()[0]

    def paragraph(self, source: str, number: int) -> StoredParagraph | None:
        row = self.db.execute("SELECT source, number, section, text, start, \"end\", page FROM paragraphs "
                              "WHERE source = ? AND number = ?", (source, number)).fetchone()
        return StoredParagraph(*row) if row else None

    def paragraphs(self, source: str) -> list[StoredParagraph]:
        rows = self.db.execute("SELECT source, number, section, text, start, \"end\", page FROM paragraphs "
                               "WHERE source = ? ORDER BY number", (source,))
        return [StoredParagraph(*row) for row in rows]

    def findings_in(self, source: str, paragraph: int | None = None) -> list[Finding]:
        if paragraph is None:
            rows = self.db.execute(_FINDING_SELECT + " WHERE source = ? ORDER BY paragraph, sentence", (source,))
        else:
            rows = self.db.execute(_FINDING_SELECT + " WHERE source = ? AND paragraph = ? ORDER BY sentence",
                                   (source, paragraph))
        return [_finding(row) for row in rows]

    def finding(self, source: str, paragraph: int, sentence: int) -> Finding | None:
        row = self.db.execute(_FINDING_SELECT + " WHERE source = ? AND paragraph = ? AND sentence = ?",
                              (source, paragraph, sentence)).fetchone()
        return _finding(row) if row else None

    def sections(self) -> list[str]:
        return [row[0] for row in self.db.execute(
            "SELECT DISTINCT section FROM paragraphs WHERE section IS NOT NULL ORDER BY section")]

    def tags(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT DISTINCT tag FROM finding_tags ORDER BY tag")]

    def search(self, query: str, *, sources: Iterable[str] = (), section: str | None = None,
               tags: Iterable[str] = (), limit: int = 10) -> list[Finding]:
        """The best-ranked findings for ``query`` (all of its words; if none has all, any of them).

        Ties are broken by source order and position so the result is stable.
        """
        words = WORD.findall(query)
        if not words:
            return []
        for joiner in (" AND ", " OR "):
            found = self._search(joiner.join(f'"{w}"' for w in words), list(sources), section, list(tags), limit)
            if found or len(words) == 1:
                return found
        return []

    def _search(self, match: str, sources: list[str], section: str | None, tags: list[str],
                limit: int) -> list[Finding]:
        # Rank inside the full-text table first and join only the best rows: joining every match
        # before ranking costs ten times more on a large corpus. Ties in rank are then ordered by
        # source and position among the rows fetched.
        sql = "SELECT findings_fts.rowid, rank FROM findings_fts"
        args: list = []
        filters = []
        if sources:
            filters.append(f"f.source IN ({','.join('?' * len(sources))})")
            args += sources
        if section:
            filters.append("instr(lower(f.section), lower(?)) > 0")
            args.append(section)
        for tag in tags:
            filters.append("f.id IN (SELECT finding FROM finding_tags WHERE tag = ?)")
            args.append(tag)
        if filters:
            sql += " CROSS JOIN findings f ON f.id = findings_fts.rowid"
        sql += " WHERE findings_fts MATCH ?" + "".join(f" AND {f}" for f in filters) + " ORDER BY rank LIMIT ?"
        hits = self.db.execute(sql, [match, *args, limit + _TIE_WINDOW]).fetchall()
        if not hits:
            return []
        rank = dict(hits)
        rows = self.db.execute(
            "SELECT f.id, files.ord, f.source, f.paragraph, f.sentence, f.section, f.text, f.tags, f.figures, "
            f"f.speaker, f.page FROM findings f JOIN files ON files.source = f.source WHERE f.id IN "
            f"({','.join('?' * len(rank))})", list(rank)).fetchall()
        rows.sort(key=lambda r: (rank[r[0]], r[1], r[3], r[4]))
        return [_finding(r[2:]) for r in rows[:limit]]

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
            match = f"({match}) AND source : (" + " OR ".join(_source_token(s) for s in sources) + ")"
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

    def close(self) -> None:
        self.db.close()


_FINDING_SELECT = "SELECT source, paragraph, sentence, section, text, tags, figures, speaker, page FROM findings"


def _finding(row) -> Finding:
    source, paragraph, sentence, section, text, tags, figures, speaker, page = row
    return Finding(source, paragraph, sentence, section, text, tuple(json.loads(tags)),
                   tuple(Figure(**g) for g in json.loads(figures)), speaker, page)


def _figure_row(figure: Figure) -> dict:
    return {"text": figure.text, "low": figure.low, "high": figure.high, "unit": figure.unit,
            "start": figure.start, "end": figure.end}


def _source_token(source_id: str) -> str:
    """A source id as one token the full-text tokenizer keeps whole (ids hold dashes and dots)."""
    return "s" + hashlib.sha1(source_id.encode()).hexdigest()[:16]


def _seen(path: Path) -> str:
    """Size and modification time: when both are unchanged the bytes are taken to be too."""
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def _file_sha(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _stamp(source_file: SourceFile, lexicon: Lexicon) -> str:
    """What, besides the bytes, decides a document's findings."""
    record = json.dumps(dict(source_file.record.csl), sort_keys=True) if source_file.record else ""
    parts = [SCHEMA_VERSION, str(READER_VERSION), lexicon.sha256, source_file.path.name, record]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _read_one(args: tuple[SourceFile, Lexicon]) -> tuple[Source, list[Finding]] | BriefdeckError:
    source_file, lexicon = args
    try:
        source = read_file(source_file)
    except BriefdeckError as exc:
        return exc
    return source, source_to_findings(source, lexicon)


# Below this many documents a process pool costs more than it saves.
_PARALLEL_FROM = 16


def _read_many(files: list[SourceFile], lexicon: Lexicon, workers: int | None):
    """Read documents, on every core when there are many; results in the order given."""
    jobs = [(f, lexicon) for f in files]
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if len(jobs) < _PARALLEL_FROM or workers <= 1:
        yield from map(_read_one, jobs)
        return
    from concurrent.futures import ProcessPoolExecutor  # here: importing it costs every command 20 ms

    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_read_one, jobs, chunksize=8)


def open_index(project: Path, folder: SourceFolder, lexicon: Lexicon, *,
               progress: Callable[[int, int], None] | None = None) -> tuple[FindingsIndex, SyncReport]:
    """The index for ``folder``, brought up to date. Falls back to memory when the cache cannot be written."""
    path = index_path(project, folder.folder)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, timeout=30)
        db.execute("PRAGMA journal_mode=WAL")
    except (OSError, sqlite3.Error):
        db = sqlite3.connect(":memory:")
    db.execute("PRAGMA synchronous=NORMAL")
    if not _schema_ok(db):
        db.executescript(_SCHEMA)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        db.commit()
    index = FindingsIndex(db)
    return index, index.sync(folder, lexicon, progress=progress)


def _schema_ok(db: sqlite3.Connection) -> bool:
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    except sqlite3.Error:
        return False
    if row and row[0] == SCHEMA_VERSION:
        return True
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                              "AND name NOT LIKE '%fts_%' AND name NOT LIKE 'sqlite_%'").fetchall():
        db.execute(f'DROP TABLE IF EXISTS "{name}"')
    return False
