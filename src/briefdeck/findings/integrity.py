"""Telling a damaged findings index: SQLite's checks, the full-text indexes and each document's digest.

The checks read the whole database, so they run only when the file was
changed by something other than briefdeck since briefdeck last wrote it
(`remember_state` keeps its size, time and inode), or on request.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from briefdeck.errors import BriefdeckError, Problem, display_path
from briefdeck.findings.index import IndexDamaged


# SQLite's errors that say the database is busy, full, read-only or out of reach, not that it is damaged.
_NOT_DAMAGE = ("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_FULL", "SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_NOMEM",
               "SQLITE_INTERRUPT", "SQLITE_PERM", "SQLITE_IOERR", "SQLITE_AUTH")
_NOT_DAMAGE_WORDS = ("locked", "disk is full", "readonly", "unable to open", "out of memory", "interrupted")


def is_damage(exc: sqlite3.DatabaseError) -> bool:
    """Whether the error says the database holds something wrong, so that building it again helps."""
    name = getattr(exc, "sqlite_errorname", None)
    if name:
        return not name.startswith(_NOT_DAMAGE)
    return not any(words in str(exc) for words in _NOT_DAMAGE_WORDS)


def unusable(path: Path | None, exc: sqlite3.DatabaseError) -> BriefdeckError:
    """The error for an index that is not damaged but cannot be used now (busy, full, read-only)."""
    where = display_path(path) if path is not None else "in memory"
    return BriefdeckError(Problem(f"the findings index {where} cannot be used: {exc}",
                                  hint="another briefdeck may be writing it, or the disk is full or read-only; "
                                       "try again when it is free", code="index-unusable"))


def damage_warning(path: Path, exc: Exception) -> str:
    """What a user is told when the index was damaged: the file, SQLite's first words, and what was done."""
    said = " ".join(str(exc).replace("*** in database main ***", "").split())
    said = said if len(said) <= 100 else said[:99] + "…"
    return f"the findings index {display_path(path)} was damaged ({said}); it was deleted and built again"


def remove(path: Path) -> None:
    for leftover in (path, *(path.with_name(path.name + end) for end in ("-wal", "-shm", ".state"))):
        try:
            leftover.unlink()
        except FileNotFoundError:
            pass


def _file_state(path: Path) -> str:
    st = path.stat()
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


def remember_state(path: Path) -> None:
    """Keep the database file's state as briefdeck left it, so that a change by anything else is noticed."""
    try:
        path.with_name(path.name + ".state").write_text(_file_state(path), encoding="utf-8")
    except OSError:
        pass


def unchanged_since_remembered(path: Path) -> bool:
    try:
        return path.with_name(path.name + ".state").read_text(encoding="utf-8") == _file_state(path)
    except (OSError, UnicodeDecodeError):
        return False


def check_whole(db: sqlite3.Connection) -> None:
    """Raise `IndexDamaged` unless SQLite's checks, the full-text indexes and every document's rows agree."""
    problems = [row[0] for row in db.execute("PRAGMA integrity_check(3)")]
    if problems != ["ok"]:
        raise IndexDamaged("; ".join(str(p) for p in problems))
    for table in ("findings_fts", "paragraphs_fts"):
        db.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    digests = {source: digest for source, digest in db.execute("SELECT source, digest FROM files")}
    if digests != _stored_digests(db, list(digests)):
        raise IndexDamaged("a document's stored rows do not match what was written")


def _stored_digests(db: sqlite3.Connection, sources: list[str]) -> dict[str, str]:
    digests = {}
    for source in sources:
        rows = _document_rows(db, source)
        digests[source] = document_digest(*rows)
    return digests


def _document_rows(db: sqlite3.Connection, source: str) -> tuple[list, list, list, list]:
    """A document's rows as `document_digest` takes them: file, paragraphs, findings, tags."""
    file = list(db.execute("SELECT source, path, sha256, stamp, record, warnings, headings FROM files "
                           "WHERE source = ?", (source,)).fetchone())
    paragraphs = [tuple(r) for r in db.execute(
        'SELECT p.source, p.number, p.section, p.text, p.start, p."end", t.text, t.source FROM paragraphs p '
        "LEFT JOIN paragraphs_fts t ON t.rowid = p.id WHERE p.source = ? ORDER BY p.number", (source,))]
    findings = [tuple(r) for r in db.execute(
        'SELECT f.source, f.paragraph, f.sentence, f.section, f.text, f.tags, f.figures, f.speaker, f.start, '
        'f."end", t.text FROM findings f LEFT JOIN findings_fts t ON t.rowid = f.id WHERE f.source = ? '
        "ORDER BY f.paragraph, f.sentence", (source,))]
    tags = [tuple(r) for r in db.execute(
        "SELECT f.paragraph, f.sentence, g.tag FROM finding_tags g JOIN findings f ON f.id = g.finding "
        "WHERE f.source = ? ORDER BY f.paragraph, f.sentence, g.tag", (source,))]
    return file, paragraphs, findings, tags


def document_digest(file, paragraphs, findings, tags) -> str:
    return hashlib.sha256(json.dumps([list(file), [list(r) for r in paragraphs], [list(r) for r in findings],
                                      [list(r) for r in tags]], ensure_ascii=False).encode()).hexdigest()
