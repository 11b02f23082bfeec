"""`find` on a query that matches very many sentences: its first matches in source order, shortest first."""

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


def test_a_common_query_ranks_its_first_matches_in_source_order_shortest_first(project, monkeypatch):
    index, _ = Workspace.at(project).open_index()
    every = index.search("forced labor", limit=1000)  # fewer matches than RANKED_MATCHES: all ranked
    assert 8 < len(every) < search_module.RANKED_MATCHES
    monkeypatch.setattr(search_module, "RANKED_MATCHES", 8)
    found = index.search("forced labor", limit=3)
    first = _in_source_order(index, every)[:8]
    expected = sorted(first, key=lambda f: len(f.text))[:3]  # a stable sort: ties stay in source order
    assert [f.locator for f in found] == [f.locator for f in expected]
    # The best-ranked sentence of all (in the second document) stands after the first 8 matches.
    assert every[0].locator not in [f.locator for f in found]
    assert {f.source for f in found} == {index.source_ids()[0]}
    assert found[0].text == ("Forced labor is the other major area of concern with regard to North Korea’s "
                             "abysmal trafficking record.")
    index.close()


def test_a_common_query_gives_the_same_findings_however_the_index_was_built(project, tmp_path, monkeypatch):
    monkeypatch.setattr(search_module, "RANKED_MATCHES", 8)
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
    # The first document, written last, still gives the first matches.
    assert {f.source for f in updated.search("trafficking", limit=8)} == {updated.source_ids()[0]}
    updated.close()
    fresh.close()


def test_a_common_query_narrowed_to_sources_ranks_only_theirs(project, monkeypatch):
    monkeypatch.setattr(search_module, "RANKED_MATCHES", 8)
    index, _ = Workspace.at(project).open_index()
    last = index.source_ids()[-1]
    found = index.search("trafficking", sources=[last], limit=5)
    index.close()
    assert found and {f.source for f in found} == {last}
