"""Keeping the index up to date: every document once, deletes only for what was stored, reading bounded."""

from __future__ import annotations

import concurrent.futures
import shutil
import sqlite3
from pathlib import Path

import pytest

from briefdeck.findings import sync
from briefdeck.project import Workspace
from briefdeck.sources.corpus import list_sources

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def many(tmp_path: Path) -> Path:
    """A project of 40 documents: enough for the reader processes and for more than one chunk in flight."""
    folder = tmp_path / "many" / "seeds"
    folder.mkdir(parents=True)
    for n in range(20):
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copy(seed, folder / f"copy-{n:02d}-{seed.name}")
    return folder.parent


def test_a_cold_build_indexes_every_document_once_in_folder_order(many, monkeypatch):
    deletes = []
    real_delete = sync._delete
    monkeypatch.setattr(sync, "_delete", lambda db, source: (deletes.append(source), real_delete(db, source)))
    workspace = Workspace.at(many)
    index, report = workspace.open_index()
    expected = [f.id for f in list_sources(many / "seeds").files]
    assert index.source_ids() == expected and len(expected) == 40
    assert sorted(report.read) == sorted(expected)
    paragraphs = index.db.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
    index.close()
    assert paragraphs == 20 * (26 + 11)
    assert deletes == []  # nothing was stored, so nothing is deleted
    index, report = workspace.open_index()
    index.close()
    assert report.read == ()


def test_a_changed_document_is_deleted_and_read_alone(many, monkeypatch):
    workspace = Workspace.at(many)
    workspace.open_index()[0].close()
    deletes = []
    real_delete = sync._delete
    monkeypatch.setattr(sync, "_delete", lambda db, source: (deletes.append(source), real_delete(db, source)))
    changed = next((many / "seeds").glob("copy-07-001_*.txt"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA closing paragraph added for the test.\n",
                       encoding="utf-8")
    index, report = workspace.open_index()
    assert report.read == (deletes[0],) and len(deletes) == 1
    assert any(f.source == deletes[0] for f in index.search("closing paragraph added for the test"))
    index.close()


@pytest.mark.parametrize("table, column", [("finding_tags", "finding"), ("findings", "source"),
                                           ("paragraphs", "source"), ("files", "source")])
def test_deletes_use_an_index(tmp_path, table, column):
    db = sqlite3.connect(tmp_path / "x.sqlite")
    db.executescript(sync._SCHEMA)
    plan = " ".join(str(row[-1]) for row in db.execute(f"EXPLAIN QUERY PLAN DELETE FROM {table} WHERE {column} = 1"))
    assert "USING" in plan and f"SCAN {table}" not in plan, plan


def test_reading_ahead_is_bounded(many, monkeypatch):
    submitted = []

    class CountingPool(concurrent.futures.ProcessPoolExecutor):
        def submit(self, *args, **kwargs):
            submitted.append(args)
            return super().submit(*args, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", CountingPool)
    workspace = Workspace.at(many)
    jobs = [(f, "stamp") for f in list_sources(many / "seeds").files] * 4  # 160 documents, 20 chunks
    reading = sync._read_many(jobs, workspace.lexicon(), workers=2)
    first = next(reading)
    assert first.source == jobs[0][0].id
    assert len(submitted) <= 2 * sync._IN_FLIGHT_PER_WORKER + 1 < len(jobs) // sync._CHUNK
    rest = list(reading)
    assert [r.source for r in [first, *rest]] == [f.id for f, _ in jobs]
