"""``briefdeck build`` end to end, reading the written files back as a user would see them."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from briefdeck.check import check_brief
from render_pptx.readback import shape, superscripts

REPO = Path(__file__).resolve().parents[2]
DESIGN_EXAMPLE = REPO / "tests" / "outline" / "fixtures" / "design_example.yaml"


def slide_titled(prs, title):
    return next(s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == title)


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def example(tmp_path_factory, request):
    """The DESIGN.md example built for both audiences, every format."""
    root = tmp_path_factory.mktemp("design") / "project"
    shutil.copytree(REPO / "seeds", root / "seeds")
    (root / "briefs").mkdir()
    shutil.copy(DESIGN_EXAMPLE, root / "briefs" / "example.yaml")
    from click.testing import CliRunner
    from briefdeck.cli import app
    import os
    old = os.getcwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(app, ["build", "briefs/example.yaml"], catch_exceptions=False)
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    return root, result


def test_build_prints_every_path_and_a_summary(example):
    root, result = example
    lines = result.stdout.splitlines()
    for audience in ("policy", "classroom"):
        for suffix in (".pptx", "-handout.html", "-handout.pdf"):
            assert f"build/example-{audience}{suffix}" in lines
            assert (root / "build" / f"example-{audience}{suffix}").stat().st_size > 0
    assert lines[-1].startswith("2 audiences, ") and "footnotes" in lines[-1] and "2 sources cited" in lines[-1]


def test_tier3_slide_marker_band_and_notes(example):
    root, _ = example
    prs = Presentation(root / "build" / "example-policy.pptx")
    slide = slide_titled(prs, "Tier 3, the lowest ranking")
    first = shape(slide, "Body").text_frame.paragraphs[0]
    assert first.text == "North Korea stayed on Tier 3 in 2017.1" and superscripts(first) == ["1"]
    band = shape(slide, "Band").text_frame.paragraphs[0]
    # markers 1 and 2 cite two sentences of one paragraph: the band gives their note one line
    assert band.text == "1, 2 U.S. Department of State, “Democratic People’s Republic of Korea,” par. 1."
    assert superscripts(band) == ["1, 2"]
    notes = slide.notes_slide.notes_text_frame.text
    assert "Speaker notes; the quoted evidence is added below them." in notes
    assert "the DPRK remained on Tier 3" in notes and "tip-2017-dprk:p1.s1" in notes
    assert "in Trafficking in Persons Report 2017" in notes  # the full citation


def test_classroom_deck_has_content_note_and_questions_but_not_the_policy_point(example):
    root, _ = example
    classroom = Presentation(root / "build" / "example-classroom.pptx")
    policy = Presentation(root / "build" / "example-policy.pptx")
    text = lambda prs: "\n".join(s.text_frame.text for sl in prs.slides for s in sl.shapes if s.has_text_frame)
    assert "This lesson discusses forced labour and the exploitation of refugees." in text(classroom)
    assert "Why are people fleeing North Korea easy prey for brokers?" in text(classroom)
    assert "No known investigations or prosecutions of traffickers." in text(policy)
    assert "No known investigations or prosecutions of traffickers." not in text(classroom)
    assert "Forced labour is built into how the economy works." in text(classroom)


def test_classroom_handout_opens_with_the_content_note_and_footnotes_sit_with_their_markers(example):
    root, _ = example
    pages = pdf_pages(root / "build" / "example-classroom-handout.pdf")
    first = pages[0]
    assert first.index("Content note") < first.index("Tier 3, the lowest ranking")
    full = "U.S. Department of State, “Democratic People’s Republic of Korea,” in Trafficking in Persons Report 2017"
    holding = [i for i, page in enumerate(pages) if full in page.replace("\n", " ")]
    assert len(holding) == 1
    assert "North Korea stayed on Tier 3 in 2017.1" in pages[holding[0]].replace("\n", " ")
    everything = " ".join(p.replace("\n", " ") for p in pages)
    assert "U.S. Department of State, “Democratic People’s Republic of Korea,” par. 1." in everything  # a short note


def test_bibliography_lists_exactly_the_cited_sources(example):
    root, _ = example
    text = " ".join(p.replace("\n", " ") for p in pdf_pages(root / "build" / "example-policy-handout.pdf"))
    tail = text[text.rindex("Bibliography"):]
    assert "King, Robert R." in tail and "U.S. Department of State." in tail
    assert tail.count("“") == 2  # two entries, each with one quoted title


def test_policy_memo_has_the_policy_point_and_the_reading_sheet_does_not(example):
    root, _ = example
    policy = " ".join(pdf_pages(root / "build" / "example-policy-handout.pdf")).replace("\n", " ")
    classroom = " ".join(pdf_pages(root / "build" / "example-classroom-handout.pdf")).replace("\n", " ")
    assert "No known investigations or prosecutions of traffickers." in policy
    assert "No known investigations or prosecutions of traffickers." not in classroom


def test_building_twice_gives_identical_bytes(example, cli):
    root, _ = example
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (root / "build").iterdir()}
    result = cli(root, "build", "briefs/example.yaml")
    assert result.exit_code == 0
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (root / "build").iterdir()}
    assert after == before


def test_apa_style_gives_author_date_citations_and_a_reference_list(project, cli):
    text = DESIGN_EXAMPLE.read_text(encoding="utf-8").replace("style: chicago-note", "style: apa")
    (project / "briefs" / "apa.yaml").write_text(text, encoding="utf-8")
    result = cli(project, "build", "briefs/apa.yaml", "--audience", "policy", "--format", "pdf,pptx")
    assert result.exit_code == 0, result.output
    pdf = " ".join(pdf_pages(project / "build" / "apa-policy-handout.pdf")).replace("\n", " ")
    assert "(U.S. Department of State, 2017, para. 1)" in pdf
    assert "References" in pdf and "King, R. R. (2019" in pdf
    prs = Presentation(project / "build" / "apa-policy.pptx")
    band = shape(slide_titled(prs, "Tier 3, the lowest ranking"), "Band").text_frame.paragraphs[0].text
    assert "U.S. Department of State (2017, para. 1)" in band


def test_unknown_format_is_wrong_usage(project, cli):
    shutil.copy(DESIGN_EXAMPLE, project / "briefs" / "example.yaml")
    result = cli(project, "build", "briefs/example.yaml", "--format", "pptx,docx")
    assert result.exit_code == 2 and "unknown format 'docx'" in result.stderr


# -- the example brief of the README ------------------------------------------------------

@pytest.fixture(scope="module")
def dprk(tmp_path_factory):
    root = tmp_path_factory.mktemp("dprk") / "project"
    shutil.copytree(REPO / "seeds", root / "seeds")
    (root / "briefs").mkdir()
    shutil.copy(REPO / "briefs" / "dprk-trafficking.yaml", root / "briefs")
    result = check_brief(root / "briefs" / "dprk-trafficking.yaml", strict=True)
    assert result.ok, [str(p) for p in result.errors]
    from briefdeck.outputs import build_outputs
    build_outputs(result, formats=("pptx",), out_dir=root / "build")
    return root, result


def test_every_example_brief_passes_check_strict_for_every_audience():
    for brief in (REPO / "briefs" / "dprk-trafficking.yaml", REPO / "briefs" / "tip-2017-recommendations.yaml"):
        result = check_brief(brief, strict=True, write_lock=False)  # never write into the repository
        assert result.ok and not result.warnings, (brief.name, [str(p) for p in result.problems])
        assert len(result.decks) == len(result.outline.audiences)


def test_classroom_deck_has_the_content_note_the_questions_and_nothing_tagged_sexual_violence(dprk):
    root, result = dprk
    deck = result.decks["classroom"]
    assert all("sexual-violence" not in p.tags for s in deck.slides for p in s.points)
    assert any("sexual-violence" in p.tags for s in result.decks["policy"].slides for p in s.points)
    prs = Presentation(root / "build" / "dprk-trafficking-classroom.pptx")
    titles = [s.shapes.title.text for s in prs.slides if s.shapes.title is not None]
    assert titles[1] == "Content note" and "Discuss" in titles and "Key terms" in titles
    text = "\n".join(s.text_frame.text for sl in prs.slides for s in sl.shapes if s.has_text_frame)
    assert "brothels" not in text and "rape" not in text


def test_policy_figures_are_each_footnoted_to_their_paragraph_and_the_shared_one_twice(dprk):
    root, result = dprk
    slide = next(s for s in result.decks["policy"].slides if s.kind == "figures")
    for point in slide.points:
        assert point.figure and point.footnotes
        for n in point.footnotes:
            assert slide.footnote(n).citation.paragraph is not None
    shared = next(p for p in slide.points if p.figure == "80,000–120,000")
    assert [slide.footnote(n).citation.source_id for n in shared.footnotes] == ["tip-2017-dprk", "king-2019"]
    prs = Presentation(root / "build" / "dprk-trafficking-policy.pptx")
    figures = slide_titled(prs, "Key figures")
    band = [p.text for p in shape(figures, "Band").text_frame.paragraphs]
    assert band[0].endswith("par. 8.") and band[1].startswith("2 King") and band[1].endswith("par. 23.")


def test_every_big_figure_stands_on_one_line(dprk):
    from briefdeck.render.pptx.metrics import font_metrics

    root, _ = dprk
    metrics = font_metrics("Arial")
    prs = Presentation(root / "build" / "dprk-trafficking-policy.pptx")
    seen = 0
    for slide in prs.slides:
        for box in slide.shapes:
            if not box.name.startswith("Figure "):
                continue
            number = box.text_frame.paragraphs[0]
            size = number.runs[0].font.size.pt
            inner = (box.width - box.text_frame.margin_left - box.text_frame.margin_right) / 12700
            assert metrics.text_width(number.text, size, bold=True) <= inner, number.text
            seen += 1
    assert seen == 5


def test_apa_handout_says_a_repeated_citation_once_per_point(tmp_path):
    from briefdeck.outputs import build_outputs

    result = check_brief(REPO / "briefs" / "tip-2017-recommendations.yaml", strict=True, write_lock=False)
    (html_out,) = build_outputs(result, formats=("html",), out_dir=tmp_path)
    html = html_out.path.read_text(encoding="utf-8")
    point = html[html.index("Make bilateral work contracts transparent"):]
    point = point[:point.index("</li>")]
    assert point.count("U.S. Department of State, 2017, para. 2") == 1
