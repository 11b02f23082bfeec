"""One bullets slide of 14 selected findings, continued over several .pptx pages: every output
shows the same marker numbers for the same notes (`briefdeck.deck.notes` decides them once).

The layering this rests on: citations come before deck in the pipeline (tests/test_layers.py),
because deck/ words the notes through a citation style and renderers only lay them out.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html
from pptx import Presentation

from briefdeck.render.pptx.flow import continued_title

from render_pptx.readback import notes, shape, superscripts, titles

TITLE = "What the reports say about forced labour"
BRIEF = f"""\
title: North Korea and Human Trafficking
date: 2026-11-22
audiences:
  staff:
    label: Staff
    handout: slides
slides:
  - title: {TITLE}
    select: {{query: forced labor, sources: [tip-2017-dprk, king-2019], limit: 14}}
"""


def expand(label: str) -> list[int]:
    """A band line's markers ("8, 11", "1–3") as numbers."""
    out: list[int] = []
    for part in label.split(", "):
        first, _, last = part.partition("–")
        out += list(range(int(first), int(last or first) + 1))
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The brief checked (--json) and built (pptx, html), from a scratch copy of the seeds."""
    import os
    import shutil

    from click.testing import CliRunner

    from briefdeck.cli import app
    root = tmp_path_factory.mktemp("notes") / "project"
    shutil.copytree(Path(__file__).resolve().parents[2] / "seeds", root / "seeds")
    (root / "briefs").mkdir()
    (root / "briefs" / "many.yaml").write_text(BRIEF, encoding="utf-8")
    old = os.getcwd()
    os.chdir(root)
    try:
        check = CliRunner().invoke(app, ["check", "--json", "briefs/many.yaml"], catch_exceptions=False)
        build = CliRunner().invoke(app, ["build", "--format", "pptx,html", "briefs/many.yaml"],
                                   catch_exceptions=False)
    finally:
        os.chdir(old)
    assert check.exit_code == 0, check.output
    assert build.exit_code == 0, build.output
    return root, json.loads(check.stdout), build.stdout


@pytest.fixture(scope="module")
def checked(built):
    """From `check --json`: each point's (text, markers) and each marker's locator."""
    _, report, _ = built
    slide = next(s for s in report["audiences"]["staff"]["slides"] if s["title"] == TITLE)
    points = [(p["text"], p["footnotes"]) for p in slide["points"]]
    locators = {f["number"]: f["locator"] for f in slide["footnotes"]}
    assert len(points) == 14 and [n for _, ns in points for n in ns] == list(range(1, 15))
    return points, locators


def short_note_matches(text: str, locator: str) -> bool:
    """Whether a short note names the work and paragraph of ``locator`` ("king-2019:p23.s4")."""
    source, paragraph = re.fullmatch(r"([\w-]+):p(\d+)(?:\.s\d+)?", locator).groups()
    work = "King" if source == "king-2019" else "Democratic People’s Republic of Korea"
    return work in text and text.rstrip(".").endswith(f"par. {paragraph}")


def test_every_continuation_page_shows_the_slides_own_markers_in_body_band_and_notes(built, checked):
    root, _, _ = built
    points, locators = checked
    prs = Presentation(root / "build" / "many-staff.pptx")
    pages = [s for s, t in zip(prs.slides, titles(prs)) if t == TITLE or t.startswith(f"{TITLE} (cont.")]
    names = [t for t in titles(prs) if t == TITLE or t.startswith(f"{TITLE} (cont.")]
    assert len(pages) >= 3 and names == [TITLE] + [continued_title(TITLE, k) for k in range(1, len(pages))]
    shown = []
    for page in pages:
        body = [(p.text, superscripts(p)) for p in shape(page, "Body").text_frame.paragraphs]
        markers = [int(m) for _, marks in body for m in marks]
        for text, marks in body:  # the point's words, then its marker, as check shows them
            assert (text[:-len(marks[0])], [int(marks[0])]) in points
        band = {}
        for line in shape(page, "Band").text_frame.paragraphs:
            label = superscripts(line)[0]
            for n in expand(label):
                band[n] = line.text[len(label):].strip()
        assert sorted(band) == markers  # the band holds exactly the notes this page calls
        for n, note in band.items():
            assert short_note_matches(note, locators[n]), (n, note, locators[n])
        speaker = notes(page)
        assert [int(n) for n in re.findall(r"^\[(\d+)\]", speaker, re.M)] == markers
        assert re.findall(r"^Locator: (.+)$", speaker, re.M) == [locators[n] for n in markers]
        shown += markers
    assert shown == list(range(1, 15))


def test_the_slides_handout_shows_the_same_markers_and_notes(built, checked):
    root, _, _ = built
    points, locators = checked
    doc = lxml_html.fromstring((root / "build" / "many-staff-handout.html").read_text(encoding="utf-8"))
    marks = [int(m.text_content()) for m in doc.xpath("//sup[@class='mark']")]
    assert marks == [n for _, ns in points for n in ns]
    band = [p.text_content() for p in doc.xpath("//div[@class='box-band']/p")]
    assert [int(line.split(" ", 1)[0]) for line in band] == list(range(1, 15))
    for line in band:
        number, note = line.split(" ", 1)
        assert short_note_matches(note, locators[int(number)]), line


def test_build_prints_the_slide_count_python_pptx_reads_back(built):
    root, _, stdout = built
    written = len(Presentation(root / "build" / "many-staff.pptx").slides)
    assert written > 3  # title, the slide and its continuations, sources
    assert stdout.splitlines()[-1].startswith(f"1 audience, {written} slides, 14 footnotes, ")
