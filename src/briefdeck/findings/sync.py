"""Keeping the findings index up to date with the sources folder, and whole.

A document is read again only when its bytes, its record, the lexicon or the
reading code change (`_stamp`). Size and modification time stand for the
bytes, as in git, except when the file was touched (its mtime or ctime) after
its row was written, or on request (``verify``): then its content hash decides.

Reading runs in worker processes with a bounded number of documents in flight;
each batch of documents is written in one transaction with one ``executemany``
per table. A database that is damaged (SQLite reports it, or it was changed by
something other than briefdeck and fails its checks) is deleted and built
again, with a warning.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import time
from collections import deque
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Callable, Iterator

from briefdeck.errors import BriefdeckError, Problems
from briefdeck.files import file_sha256
from briefdeck.findings.index import FindingsIndex, source_token
from briefdeck.findings.integrity import (check_whole, damage_warning, document_digest, is_damage, remember_state,
                                           remove, unchanged_since_remembered, unusable)
from briefdeck.findings.model import Figure
from briefdeck.findings.tags import Lexicon
from briefdeck.sources.corpus import SourceFile, SourceFolder, located_in, read_file
from briefdeck.sources.read import READER_VERSION

SCHEMA_VERSION = "8"  # 5: write times and digests (self-repair); 6: speakers read with their paragraph and section;
# 7: page labels of paragraphs and sentences; 8: each document's range of finding ids (a common query's candidates)
CACHE_DIR = ".briefdeck"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files(
    source TEXT PRIMARY KEY, ord INTEGER, path TEXT, sha256 TEXT, stamp TEXT,
    record TEXT, warnings TEXT, headings TEXT, seen TEXT, written INTEGER, digest TEXT,
    first_finding INTEGER, last_finding INTEGER);  -- a document's findings have consecutive ids
-- The documents in order with their findings' ids, read by a common query without the wide rows.
CREATE INDEX IF NOT EXISTS files_in_order ON files(ord, source, first_finding, last_finding);
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
-- Deleting a document's tags filters by finding: without this index every delete scans the table.
CREATE INDEX IF NOT EXISTS finding_tags_finding ON finding_tags(finding);
CREATE VIRTUAL TABLE IF NOT EXISTS findings_fts USING fts5(text, tokenize='porter unicode61 remove_diacritics 2');
-- The source is indexed beside the text, as one rare token (`source_token`), so that a quote
-- narrowed to one document is found by intersecting two short posting lists instead of
-- reading every match in the corpus.
CREATE VIRTUAL TABLE IF NOT EXISTS paragraphs_fts USING fts5(text, source, tokenize='unicode61 remove_diacritics 2');
"""

# Modification times are trusted only when older than the row by this much: coarse file
# systems (FAT, some network mounts) keep times to 2 s.
_GRANULARITY_NS = 2_000_000_000
# Documents written per transaction: at most this many, or as many as hold this many rows. Each
# commit flushes the full-text tables' pending terms into a new segment, which is merged later.
_BATCH_DOCUMENTS = 256
_BATCH_ROWS = 20_000
_IN_FLIGHT_PER_WORKER = 4  # chunks of documents a worker may have read and not yet handed over
_CHUNK = 8
_PLAIN_TAG = re.compile(r"[a-z0-9-]+")
_PARALLEL_FROM = 16  # below this many documents a process pool costs more than it saves


@dataclass(frozen=True)
class SyncReport:
    read: tuple[str, ...]  # ids of the documents (re)read
    removed: tuple[str, ...]
    warnings: tuple[str, ...]


def index_path(project: Path, folder: Path) -> Path:
    """One database per sources folder, under the project's ``.briefdeck/``."""
    key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:10]
    return project / CACHE_DIR / f"findings-{key}.sqlite"


def open_index(project: Path, folder: SourceFolder, lexicon: Lexicon, *,
               progress: Callable[[int, int], None] | None = None,
               verify: bool = False) -> tuple[FindingsIndex, SyncReport]:
    """The index for ``folder``, brought up to date and whole.

    Falls back to memory when the cache cannot be written; a damaged database is
    built again with a warning.
    """
    path = index_path(project, folder.folder)
    try:
        return _open(path, folder, lexicon, progress, verify)
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):  # busy, full or read-only: deleting it would not help
            raise unusable(path, exc) from None
        remove(path)
        warning = damage_warning(path, exc)
    try:
        index, report = _open(path, folder, lexicon, progress, False)
    except sqlite3.DatabaseError as exc:
        raise unusable(path, exc) from None
    return index, SyncReport(report.read, report.removed, (*report.warnings, warning))


def _open(path: Path, folder: SourceFolder, lexicon: Lexicon, progress, verify: bool):
    index = _connect(path, folder, verify)
    try:
        report = _sync(index, folder, lexicon, progress, verify)
        if index.path is not None:  # written through to the file, then remembered as briefdeck left it
            index.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            remember_state(index.path)
    except BaseException:
        index.close()
        raise
    return index, report


def _connect(path: Path, folder: SourceFolder, verify: bool) -> FindingsIndex:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, timeout=30)
        db.execute("PRAGMA journal_mode=WAL")
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            raise
        db, path = sqlite3.connect(":memory:"), None  # a cache that cannot be written: one in memory
    except OSError:
        db, path = sqlite3.connect(":memory:"), None
    try:
        db.execute("PRAGMA synchronous=NORMAL")
        if not _schema_ok(db):
            db.executescript(_SCHEMA)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
            db.commit()
        elif path is not None and (verify or not unchanged_since_remembered(path)):
            check_whole(db)
    except sqlite3.DatabaseError:
        db.close()
        raise
    index = FindingsIndex(db, folder.files)
    index.path = path
    return index


def _schema_ok(db: sqlite3.Connection) -> bool:
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    except sqlite3.DatabaseError as exc:
        if "no such table" not in str(exc):
            raise
        row = None
    if row and row[0] == SCHEMA_VERSION:
        return True
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                              "AND name NOT LIKE '%fts_%' AND name NOT LIKE 'sqlite_%'").fetchall():
        db.execute(f'DROP TABLE IF EXISTS "{name}"')
    return False


# -- bringing the index up to date ------------------------------------------------

@dataclass(frozen=True)
class _Rows:
    """A document read into the rows the index stores (ids are given when written)."""

    source: str
    file: tuple  # source, path, sha256, stamp, record, warnings, headings
    paragraphs: list[tuple]  # source, number, section, text, start, end
    findings: list[tuple]  # source, paragraph, sentence, section, text, tags, figures, speaker, start, end
    tags: list[tuple]  # paragraph, sentence, tag
    digest: str


def _sync(index: FindingsIndex, folder: SourceFolder, lexicon: Lexicon,
          progress: Callable[[int, int], None] | None, verify: bool) -> SyncReport:
    """Read changed documents, drop removed ones; unreadable documents are reported after the others are indexed."""
    db = index.db
    stored = {row[0]: row[1:] for row in db.execute("SELECT source, sha256, stamp, seen, ord, written FROM files")}
    changed: list[tuple[SourceFile, str, str]] = []
    touched: list[tuple[str, int, str]] = []
    order = {}
    for position, source_file in enumerate(folder.files):
        order[source_file.id] = position
        stamp = _stamp(source_file, lexicon)
        sha, old_stamp, old_seen, _, written = stored.get(source_file.id, (None, None, None, None, None))
        written = written if isinstance(written, int) else 0  # a damaged value trusts no time
        try:
            st = source_file.path.stat()
        except OSError:
            changed.append((source_file, stamp, ""))  # reading it reports why
            continue
        seen = f"{st.st_size}:{st.st_mtime_ns}"
        if old_stamp == stamp:
            # Times older than the row are trusted; a file touched since (even with its old
            # mtime put back: ctime moves) or a request to verify is decided by its hash.
            touched_at = max(st.st_mtime_ns, st.st_ctime_ns)
            if old_seen == seen and not verify and touched_at < written - _GRANULARITY_NS:
                continue
            # An unreadable file (None) is read again, which says why it cannot be.
            if sha is not None and sha == file_sha256(source_file.path):
                touched.append((seen, time.time_ns(), source_file.id))
                continue
        changed.append((source_file, stamp, seen))
    removed = sorted(set(stored) - set(order))
    index.forget_ids()
    with db:
        for source_id in removed:
            _delete(db, source_id)
        db.executemany("UPDATE files SET ord = ? WHERE source = ?",
                       [(position, source_id) for source_id, position in order.items()
                        if source_id in stored and stored[source_id][3] != position])
        db.executemany("UPDATE files SET seen = ?, written = ? WHERE source = ?", touched)
    problems = Problems()
    read_ids: list[str] = []
    seen_of = {f.id: (f, seen) for f, _, seen in changed}
    batch: list[_Rows] = []
    batch_rows = done = 0
    for result in _read_many([(f, stamp) for f, stamp, _ in changed], lexicon):
        done += 1
        if isinstance(result, tuple):  # (source id, the error reading it)
            source_file = seen_of[result[0]][0]
            if result[0] in stored:
                with db:
                    _delete(db, result[0])
            problems.extend(located_in(result[1].problems, source_file))
        else:
            batch.append(result)
            batch_rows += len(result.paragraphs) + len(result.findings)
            read_ids.append(result.source)
        if len(batch) >= _BATCH_DOCUMENTS or batch_rows >= _BATCH_ROWS:
            _write(db, batch, stored, order, seen_of)
            batch, batch_rows = [], 0
        if progress:
            progress(done, len(changed))
    _write(db, batch, stored, order, seen_of)
    problems.raise_if_errors()
    return SyncReport(tuple(read_ids), tuple(removed), folder.warnings)


def _delete(db: sqlite3.Connection, source_id: str) -> None:
    db.execute("DELETE FROM findings_fts WHERE rowid IN (SELECT id FROM findings WHERE source = ?)", (source_id,))
    db.execute("DELETE FROM finding_tags WHERE finding IN (SELECT id FROM findings WHERE source = ?)", (source_id,))
    db.execute("DELETE FROM findings WHERE source = ?", (source_id,))
    db.execute("DELETE FROM paragraphs_fts WHERE rowid IN (SELECT id FROM paragraphs WHERE source = ?)", (source_id,))
    db.execute("DELETE FROM paragraphs WHERE source = ?", (source_id,))
    db.execute("DELETE FROM files WHERE source = ?", (source_id,))


def _write(db: sqlite3.Connection, batch: list[_Rows], stored: dict, order: dict[str, int], seen_of: dict) -> None:
    """A batch of documents in one transaction: the old rows of those stored before out, then one insert per table."""
    if not batch:
        return
    with db:
        for rows in batch:
            if rows.source in stored:  # a document never stored has nothing to delete
                _delete(db, rows.source)
        paragraph_id = db.execute("SELECT coalesce(max(id), 0) + 1 FROM paragraphs").fetchone()[0]
        finding_id = db.execute("SELECT coalesce(max(id), 0) + 1 FROM findings").fetchone()[0]
        files, paragraphs, paragraph_texts, findings, finding_texts, tags = [], [], [], [], [], []
        now = time.time_ns()
        for rows in batch:
            source, path, sha, stamp, record, warnings, headings = rows.file
            span = (finding_id, finding_id + len(rows.findings) - 1) if rows.findings else (None, None)
            files.append((source, order[source], path, sha, stamp, record, warnings, headings,
                          seen_of[source][1], now, rows.digest, *span))
            token = source_token(source)
            for row in rows.paragraphs:
                paragraphs.append((paragraph_id, *row))
                paragraph_texts.append((paragraph_id, row[3], token))
                paragraph_id += 1
            ids = {}
            for row in rows.findings:
                ids[row[1], row[2]] = finding_id
                findings.append((finding_id, *row))
                finding_texts.append((finding_id, row[4]))
                finding_id += 1
            tags.extend((ids[p, s], tag) for p, s, tag in rows.tags)
        db.executemany("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", files)
        db.executemany('INSERT INTO paragraphs(id, source, number, section, text, start, "end", page) '
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", paragraphs)
        db.executemany("INSERT INTO paragraphs_fts(rowid, text, source) VALUES (?, ?, ?)", paragraph_texts)
        db.executemany('INSERT INTO findings(id, source, paragraph, sentence, section, text, tags, figures, speaker, '
                       'start, "end", page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', findings)
        db.executemany("INSERT INTO findings_fts(rowid, text) VALUES (?, ?)", finding_texts)
        db.executemany("INSERT INTO finding_tags VALUES (?, ?)", tags)


def _document_rows_of(source_file: SourceFile, stamp: str, lexicon: Lexicon) -> _Rows | tuple[str, BriefdeckError]:
    try:
        source = read_file(source_file)
    except BriefdeckError as exc:
        return source_file.id, exc
    from briefdeck.findings.extract import source_to_findings  # here: a command whose index is up to date reads nothing

    findings = source_to_findings(source, lexicon)
    file = (source.id, source.path, source.sha256, stamp, json.dumps(dict(source.record.csl), sort_keys=True),
            json.dumps(list(source.warnings)), json.dumps(list(source.headings)))
    paragraphs = [(source.id, p.number, p.section, p.text, p.start, p.end, p.page) for p in source.paragraphs]
    offsets = {(p.number, s.number): (s.start, s.end) for p in source.paragraphs for s in p.sentences}
    finding_rows = [(f.source, f.paragraph, f.sentence, f.section, f.text, _tags_json(f.tags),
                     json.dumps([_figure_row(g) for g in f.figures]) if f.figures else "[]", f.speaker,
                     *offsets[(f.paragraph, f.sentence)], f.page) for f in findings]
    tags = sorted((f.paragraph, f.sentence, t) for f in findings for t in f.tags)
    token = source_token(source.id)
    # The digest covers the rows as integrity.py reads them back, without the page (the last column).
    digest = document_digest(file, [(*r[:-1], r[3], token) for r in paragraphs],
                             [(*r[:-1], r[4]) for r in finding_rows], tags)
    return _Rows(source.id, file, paragraphs, finding_rows, tags, digest)


def _tags_json(tags: tuple[str, ...]) -> str:
    """``json.dumps(list(tags))``, without the encoder for the tag names a lexicon allows (nothing to escape)."""
    if all(_PLAIN_TAG.fullmatch(tag) for tag in tags):
        return "[" + ", ".join(f'"{tag}"' for tag in tags) + "]"
    return json.dumps(list(tags))


def _figure_row(figure: Figure) -> dict:
    return {"text": figure.text, "low": figure.low, "high": figure.high, "unit": figure.unit,
            "start": figure.start, "end": figure.end}


_LEXICON: Lexicon | None = None  # a worker's copy, sent once when the worker starts


def _set_lexicon(lexicon: Lexicon) -> None:
    global _LEXICON
    _LEXICON = lexicon


def _read_chunk(chunk: list[tuple[SourceFile, str]]) -> list:
    return [_document_rows_of(f, stamp, _LEXICON) for f, stamp in chunk]


def _read_many(jobs: list[tuple[SourceFile, str]], lexicon: Lexicon, workers: int | None = None) -> Iterator:
    """Documents read into rows, in the order given; on every core when there are many.

    At most a few chunks per worker are read ahead of the writer, so memory stays flat however large
    the corpus (``pool.map`` would submit every document at once and let the results pile up).
    """
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if len(jobs) < _PARALLEL_FROM or workers <= 1:
        for source_file, stamp in jobs:
            yield _document_rows_of(source_file, stamp, lexicon)
        return
    from concurrent.futures import ProcessPoolExecutor  # here: importing it costs every command 20 ms

    chunks = iter([jobs[i:i + _CHUNK] for i in range(0, len(jobs), _CHUNK)])
    with ProcessPoolExecutor(max_workers=workers, initializer=_set_lexicon, initargs=(lexicon,)) as pool:
        pending = deque(pool.submit(_read_chunk, c) for c in islice(chunks, workers * _IN_FLIGHT_PER_WORKER))
        while pending:
            results = pending.popleft().result()
            following = next(chunks, None)
            if following is not None:
                pending.append(pool.submit(_read_chunk, following))
            yield from results


def _stamp(source_file: SourceFile, lexicon: Lexicon) -> str:
    """What, besides the bytes, decides a document's findings."""
    record = json.dumps(dict(source_file.record.csl), sort_keys=True) if source_file.record else ""
    parts = [SCHEMA_VERSION, str(READER_VERSION), lexicon.sha256, source_file.name, record]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
