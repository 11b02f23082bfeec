"""`find` on a query that matches very many sentences: a sample spread over the corpus, shortest first."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefdeck.findings import search as search_module
from briefdeck.project import Workspace

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _project(root: Path, copies: int) -> Path:
    folder = root / "seeds"
    folder.mkdir(parents=True)
    for n in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copy(seed, folder / f"copy-{n:02d}-{seed.name}")
    return root


def _in_source_order(index, findings):
    order = {source: k for k, source in enumerate(index.source_ids())}
    return sorted(findings, key=lambda f: (order[f.source], f.paragraph, f.sentence))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return _project(tmp_path / "project", 4)


def test_a_common_query_answers_from_the_whole_corpus_shortest_first(project, monkeypatch):
    index, _ = Workspace.at(project).open_index()
    every = index.search("forced labor", limit=1000)  # fewer matches than RANKED_MATCHES: all ranked (BM25)
    assert 8 < len(every) < search_module.RANKED_MATCHES
    monkeypatch.setattr(search_module, "RANKED_MATCHES", 8)
    monkeypatch.setattr(search_module, "STRATA", 4)  # 2 matches from each quarter of the corpus
    sample = index.search("forced labor", limit=8)
    assert len(sample) == 8
    assert [len(f.text) for f in sample] == sorted(len(f.text) for f in sample)  # shortest first
    assert index.search("forced labor", limit=3) == sample[:3]
    # Not only the first documents: every quarter of the corpus (8 documents in source order) is heard.
    order = index.source_ids()
    quarters = {order.index(f.source) * 4 // len(order) for f in sample}
    assert quarters == {0, 1, 2, 3}, [f.source for f in sample]
    # Each one a real match, from the full ranking's set.
    assert {f.locator for f in sample} <= {f.locator for f in every}
    index.close()


def test_a_common_query_gives_the_same_findings_however_the_index_was_built(project, tmp_path, monkeypatch):
    monkeypatch.setattr(search_module, "RANKED_MATCHES", 8)
    monkeypatch.setattr(search_module, "STRATA", 4)
    workspace = Workspace.at(project)
    workspace.open_index()[0].close()
    # Re-reading the first document writes its findings after all the others.
    changed = sorted((project / "seeds").glob("copy-00-*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA closing paragraph added for the test.\n",
                       encoding="utf-8")
    updated, report = workspace.open_index()
    assert len(report.read) == 1
    fresh_root = tmp_path / "fresh"
    shutil.copytree(project / "seeds", fresh_root / "seeds")
    fresh, _ = Workspace.at(fresh_root).open_index()
    for query in ("forced labor", "trafficking", "North Korea"):
        assert updated.search(query, limit=5) == fresh.search(query, limit=5)
    # The first document, written last, still stands first in source order: it is in the first quarter.
    assert updated.source_ids()[0] in {f.source for f in updated.search("trafficking", limit=8)}
    updated.close()
    fresh.close()


def test_a_common_query_narrowed_to_sources_ranks_only_theirs(project, monkeypatch):
    monkeypatch.setattr(search_module, "RANKED_MATCHES", 8)
    index, _ = Workspace.at(project).open_index()
    last = index.source_ids()[-1]
    found = index.search("trafficking", sources=[last], limit=5)
    index.close()
    assert found and {f.source for f in found} == {last}
