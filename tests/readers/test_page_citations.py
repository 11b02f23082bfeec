"""Page-aware citations: a paginated source's notes cite the page, others the paragraph; show prints it."""

from __future__ import annotations

import json

import pytest
import yaml

from briefdeck.citations import get_style
from briefdeck.citations.text import plain
from briefdeck.deck.model import Citation

from .documents import SEEDS, article_html, pdf_bytes, seed_sources


@pytest.mark.parametrize("style, page, expected", [
    ("chicago-note", "212", "212"), ("apa", "212", "p. 212"), ("apa", "xii", "p. xii"),
    ("chicago-note", None, "par. 8"), ("apa", None, "para. 8"),
])
def test_locator_label_cites_the_page_of_a_paginated_source(style, page, expected):
    record = seed_sources()["tip-2017-dprk"].record
    citation = Citation(record, "tip-2017-dprk:p8.s1", 8, 1, "", page=page)
    assert get_style(style).locator_label(citation) == expected
    assert expected in plain(get_style(style).full_note(citation))


def test_a_whole_source_citation_names_no_page():
    record = seed_sources()["tip-2017-dprk"].record
    assert get_style("apa").locator_label(Citation(record, "tip-2017-dprk", None, None, "", page="3")) == ""


@pytest.fixture(scope="module")
def pdf_project(tmp_path_factory):
    root = tmp_path_factory.mktemp("pages")
    folder = root / "seeds"
    folder.mkdir()
    tip = seed_sources()["tip-2017-dprk"]
    (folder / "tip.pdf").write_bytes(pdf_bytes(article_html(tip), header="TRAFFICKING IN PERSONS REPORT 2017"))
    records = [r for r in yaml.safe_load((SEEDS / "sources.yaml").read_text(encoding="utf-8"))
               if r["id"] == "tip-2017-dprk"]
    records[0]["file"] = "tip.pdf"
    (folder / "sources.yaml").write_text(yaml.safe_dump(records), encoding="utf-8")
    return root


def test_show_prints_the_page(pdf_project, cli):
    result = cli(pdf_project, "show", "tip-2017-dprk:p11")
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    assert first.startswith("tip-2017-dprk:p11  [Trafficking profile, page ") and first.endswith("]")


def test_find_json_gives_the_page_of_each_sentence(pdf_project, cli):
    result = cli(pdf_project, "find", "prison camps", "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found and all(f["page"] and f["page"].isdigit() for f in found)
    assert {f["page"] for f in found} - {"1"}, "sentences later in the report are on later pages"
