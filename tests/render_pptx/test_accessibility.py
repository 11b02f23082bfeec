"""Decks everyone can read: what PowerPoint's Accessibility Checker and a screen reader look at.

Every example deck, for every audience: each slide has a title placeholder
with text, unique in the deck, first in reading order; every content text
sits in a placeholder (so the Outline view shows it) before the footnote
band; pictures and charts carry alt text; bars and rules are decorative;
the language is set on every run and for the document.
"""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest
from pptx.enum.shapes import PP_PLACEHOLDER

from briefdeck.check import check_brief
from briefdeck.layouts import find_layout
from briefdeck.render.pptx import deck_to_pptx

from .decks import korean_deck
from .readback import open_pptx

REPO = Path(__file__).resolve().parents[2]
BRIEFS = sorted((REPO / "briefs").glob("*.yaml"))
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
DECORATIVE = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
ADEC = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
NOT_CONTENT = ("Band", "Number")  # the footnote band and the slide number: text boxes, read last


def _decks():
    for brief in BRIEFS:
        result = check_brief(brief, strict=False)
        assert result.ok, [str(p) for p in result.errors]
        layout = find_layout(result.outline.layout, project=result.workspace.root, base=brief.parent)
        for key, deck in result.decks.items():
            yield f"{brief.stem}-{key}", deck_to_pptx(deck, layout=layout)


@pytest.fixture(scope="module")
def decks() -> dict[str, bytes]:
    built = dict(_decks())
    assert len(built) >= 3  # every audience of the two example briefs
    return built


def _role(shape) -> str:
    return shape.name.rsplit(" ", 1)[0]


def _is_decorative(shape) -> bool:
    c_nv_pr = shape._element.find(f".//{P}cNvPr")
    return any(ext.get("uri") == DECORATIVE and ext[0].tag == ADEC and ext[0].get("val") == "1"
               for ext in c_nv_pr.iter(f"{A}ext"))


def _alt_text(shape) -> str:
    return (shape._element.find(f".//{P}cNvPr").get("descr") or "").strip()


def test_every_slide_has_a_unique_title_placeholder_read_first(decks):
    for name, data in decks.items():
        seen: dict[str, int] = {}
        for number, slide in enumerate(open_pptx(data).slides, 1):
            first = list(slide.shapes)[0]
            where = f"{name} slide {number}"
            assert first.is_placeholder and first.placeholder_format.type in TITLES, f"{where}: {first.name} first"
            assert first.text_frame.text.strip(), f"{where}: empty title"
            title = first.text_frame.text
            assert title not in seen, f"{where}: title {title!r} is also slide {seen[title]}'s"
            seen[title] = number


def test_content_text_is_in_placeholders_before_the_footnote_band(decks):
    checked = 0
    for name, data in decks.items():
        for number, slide in enumerate(open_pptx(data).slides, 1):
            shapes = list(slide.shapes)
            texts = [s for s in shapes if s.has_text_frame and s.text_frame.text.strip()]
            for shape in texts:
                if _role(shape) in NOT_CONTENT:
                    continue
                assert shape.is_placeholder, f"{name} slide {number}: {shape.name} is not in a placeholder"
                checked += 1
            last_content = max(i for i, s in enumerate(shapes) if s.is_placeholder)
            for i, shape in enumerate(shapes):
                if _role(shape) in NOT_CONTENT:
                    assert i > last_content, f"{name} slide {number}: {shape.name} is read before the content"
    assert checked > 60


def test_shapes_without_text_are_decorative_and_pictures_and_charts_have_alt_text(decks):
    decorative = 0
    for name, data in decks.items():
        for number, slide in enumerate(open_pptx(data).slides, 1):
            for shape in slide.shapes:
                where = f"{name} slide {number}: {shape.name}"
                if shape.has_chart:
                    assert _alt_text(shape), f"{where}: a chart without alt text"
                elif shape._element.tag == f"{P}pic":
                    assert _alt_text(shape) or _is_decorative(shape), f"{where}: a picture without alt text"
                elif not (shape.has_text_frame and shape.text_frame.text.strip()):
                    assert _is_decorative(shape), f"{where}: not marked decorative"
                    decorative += 1
                else:
                    assert not _is_decorative(shape), f"{where}: text marked decorative"
    assert decorative > 20


def test_the_language_is_set_on_every_run_and_for_the_document(decks):
    for name, data in decks.items():
        prs = open_pptx(data)
        assert prs.core_properties.language == "en-GB", name
        default = prs.part._element.find(f"{P}defaultTextStyle/{A}lvl1pPr/{A}defRPr")
        assert default.get("lang") == "en-GB", name
        for number, slide in enumerate(prs.slides, 1):
            for rpr in slide._element.iter(f"{A}rPr", f"{A}endParaRPr"):
                assert rpr.get("lang"), f"{name} slide {number}: a run without a language"


def test_korean_runs_are_marked_korean_with_the_deck_language_beside():
    prs = open_pptx(deck_to_pptx(korean_deck(), layout=find_layout("default", project=None)))
    runs = [r for slide in prs.slides for shape in slide.shapes if shape.has_text_frame
            for p in shape.text_frame.paragraphs for r in p.runs]
    korean = [r for r in runs if "북한" in r.text]
    assert korean and all(r._r.rPr.get("lang") == "ko-KR" and r._r.rPr.get("altLang") == "en-GB" for r in korean)
    assert all(r._r.rPr.get("lang") == "en-GB" for r in runs if r.text.isascii())


def test_the_example_decks_outline_view_holds_every_bullet(decks):
    """What PowerPoint's Outline view lists: the title and body placeholders' text."""
    prs = open_pptx(decks["dprk-trafficking-policy"])
    outline = [p.text for slide in prs.slides for shape in slide.placeholders for p in shape.text_frame.paragraphs]
    assert "North Korea and Human Trafficking" in outline
    assert any(text.startswith("In the 2017 report, North Korea remained on Tier 3") for text in outline)
    assert "80,000–120,000" in outline


def test_the_briefs_lang_sets_the_deck_and_handout_language(project, cli):
    (project / "briefs" / "fr.yaml").write_text(dedent("""\
        title: Langue
        lang: fr-CA
        slides:
          - title: Niveau 3
            points:
              - text: North Korea remained on Tier 3.
                quote: the DPRK remained on Tier 3
        """), encoding="utf-8")
    result = cli(project, "build", "briefs/fr.yaml", "--format", "pptx,html")
    assert result.exit_code == 0, result.output
    (deck,) = (project / "build").glob("fr*.pptx")
    prs = open_pptx(deck.read_bytes())
    assert prs.core_properties.language == "fr-CA"
    langs = {r.get("lang") for slide in prs.slides for r in slide._element.iter(f"{A}rPr")}
    assert langs == {"fr-CA"}
    (handout,) = (project / "build").glob("fr*.html")
    assert '<html lang="fr-CA">' in handout.read_text(encoding="utf-8")


def test_a_lang_that_is_not_a_language_tag_is_an_error_at_its_line(project, cli):
    (project / "briefs" / "bad.yaml").write_text("title: T\nlang: English!\nslides:\n  - title: S\n    points:\n"
                                                 "      - {text: Lorem., unsourced: true}\n", encoding="utf-8")
    result = cli(project, "check", "briefs/bad.yaml")
    assert result.exit_code == 1
    assert "bad.yaml:2:7: error: lang: expected a language tag like en, en-GB or ko; found 'English!'" in result.output
