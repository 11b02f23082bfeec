"""A point citing neighbouring paragraphs of one work: one marker, one note "pars. 3–4", every passage kept."""

from __future__ import annotations

import json
from pathlib import Path

from pptx import Presentation

from render_pptx.readback import shape, superscripts

BRIEF = """\
title: Merged notes
date: 2026-11-22
citations: {{style: {style}}}
slides:
  - title: Prosecution
    points:
      - text: No known law-enforcement efforts, and no known investigations of traffickers.
        evidence:
          - quote: The government made no known anti-trafficking law enforcement efforts
          - source: tip-2017-dprk:p4
      - text: Nor did the government report efforts to identify victims.
        evidence:
          - source: tip-2017-dprk:p3
          - source: tip-2017-dprk:p5
"""
P3_WORDS = "The government made no known anti-trafficking law enforcement efforts"
WORK = "U.S. Department of State, “Democratic People’s Republic of Korea,”"


def write(project: Path, style: str) -> None:
    (project / "briefs" / "deck.yaml").write_text(BRIEF.format(style=style), encoding="utf-8")


def test_check_json_gives_the_point_one_marker_whose_note_lists_both_passages(project, cli):
    write(project, "chicago-note")
    result = cli(project, "check", "briefs/deck.yaml", "--json")
    assert result.exit_code == 0, result.output
    slide = next(s for s in json.loads(result.stdout)["audiences"]["all"]["slides"] if s["title"] == "Prosecution")
    merged, p3, p5 = slide["footnotes"]
    assert [p["footnotes"] for p in slide["points"]] == [[1], [2, 3]]  # paragraphs 3 and 5 are not neighbours
    assert merged["locator"] == "tip-2017-dprk:p3.s1" and merged["quoted"] == P3_WORDS
    assert [p["locator"] for p in merged["passages"]] == ["tip-2017-dprk:p3.s1", "tip-2017-dprk:p4"]
    assert merged["passages"][1]["quoted"].startswith("During the reporting period, there were no known")
    assert [p["locator"] for p in p3["passages"]] == ["tip-2017-dprk:p3"]
    assert [p["locator"] for p in p5["passages"]] == ["tip-2017-dprk:p5"]


def test_check_lists_each_passage_under_the_one_marker(project, cli):
    write(project, "chicago-note")
    result = cli(project, "check", "briefs/deck.yaml")
    assert result.exit_code == 0, result.output
    assert f"[1] tip-2017-dprk:p3.s1 “{P3_WORDS}”" in result.stdout
    assert "[1] tip-2017-dprk:p4 “During the reporting period" in result.stdout


def test_the_band_prints_pars_3_4_and_the_speaker_notes_keep_each_locator(project, cli):
    write(project, "chicago-note")
    result = cli(project, "build", "briefs/deck.yaml", "--format", "pptx")
    assert result.exit_code == 0, result.output
    prs = Presentation(project / "build" / "deck-all.pptx")
    slide = next(s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == "Prosecution")
    first = shape(slide, "Body").text_frame.paragraphs[0]
    assert superscripts(first) == ["1"]
    band = [p.text for p in shape(slide, "Band").text_frame.paragraphs]
    assert band[0] == f"1 {WORK} pars. 3–4."
    assert band[1:] == [f"2 {WORK} par. 3.", f"3 {WORK} par. 5."]
    notes = slide.notes_slide.notes_text_frame.text
    assert "Locator: tip-2017-dprk:p3.s1" in notes and "Locator: tip-2017-dprk:p4" in notes
    assert f"Quoted: “{P3_WORDS}”" in notes


def test_apa_puts_paras_3_4_in_one_parenthetical(project, cli):
    write(project, "apa")
    result = cli(project, "build", "briefs/deck.yaml", "--format", "html")
    assert result.exit_code == 0, result.output
    html = (project / "build" / "deck-all-handout.html").read_text(encoding="utf-8")
    assert "no known investigations of traffickers (U.S. Department of State, 2017, paras. 3–4)" in html
