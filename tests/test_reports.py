"""The ``--json`` report shapes, built from real results (the README documents these keys)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefdeck.check import check_brief
from briefdeck.errors import Location, Problem
from briefdeck.project import Workspace
from briefdeck.reports import check_json, find_json, sources_json, unloadable_json

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def index(project: Path):
    found, _ = Workspace.at(project).open_index()
    yield found
    found.close()


def test_a_finding_carries_its_locator_text_tags_figures_and_speaker(index):
    (shown,) = [f for f in find_json(index.search("80,000 to 120,000 prisoners", limit=5))
                if f["locator"] == "tip-2017-dprk:p8.s5"]
    assert list(shown) == ["locator", "source", "paragraph", "sentence", "section", "text", "tags", "figures",
                           "speaker", "page"]
    assert shown["page"] is None  # a text source has no pages
    assert (shown["source"], shown["paragraph"], shown["sentence"]) == ("tip-2017-dprk", 8, 5)
    assert shown["text"].startswith("The DPRK holds an estimated 80,000 to 120,000 prisoners")
    assert shown["figures"] == [{"text": "80,000 to 120,000", "low": 80000.0, "high": 120000.0, "unit": None}]
    assert "prison-camps" in shown["tags"]
    json.dumps(shown)  # plain data, nothing a JSON encoder refuses


def test_each_source_lists_its_record_counts_and_sections(index):
    listed = {s["id"]: s for s in sources_json(index.summaries())}
    tip = listed["tip-2017-dprk"]
    assert list(tip) == ["id", "file", "title", "record", "paragraphs", "sentences", "sections", "warnings",
                         "record_from"]
    assert tip["record_from"] is None  # no origins given: as for a record guessed from the text
    assert tip["file"] == "001_8626f1c1c84b5475.txt" and tip["paragraphs"] == 11
    assert tip["record"]["container-title"] == "Trafficking in Persons Report 2017"
    assert listed["king-2019"]["sections"][0] == "North Korea’s Record on Trafficking"


def test_a_checked_brief_gives_its_verdict_and_every_marker(project):
    shutil.copy(REPO / "briefs" / "dprk-trafficking.yaml", project / "briefs" / "b.yaml")
    shown = check_json(check_brief(project / "briefs" / "b.yaml"))
    assert (shown["ok"], shown["errors"]) == (True, 0)
    assert set(shown["audiences"]) == {"policy", "classroom"}
    deck = shown["audiences"]["policy"]
    assert sorted(deck["bibliography"]) == ["king-2019", "tip-2017-dprk"]
    notes = [n for s in deck["slides"] for n in s["footnotes"]]
    assert any(n["quoted"] == "the DPRK remained on Tier 3" and n["source"] == "tip-2017-dprk" for n in notes)
    markers = [m for s in deck["slides"] for p in s["points"] for m in p["footnotes"]]
    assert set(markers) <= {n["number"] for s in deck["slides"] for n in s["footnotes"]} and markers


def test_a_brief_that_does_not_load_is_answered_with_the_same_keys():
    problems = [Problem("unknown key 'titel'", Location("b.yaml", 1, 1), code="unknown-key"),
                Problem("a point has no evidence", Location("b.yaml", 9, 7), severity="warning")]
    shown = unloadable_json("b.yaml", problems)
    assert shown == {"brief": "b.yaml", "ok": False, "errors": 1, "warnings": 1,
                     "problems": [p.to_json() for p in problems], "audiences": {}}
