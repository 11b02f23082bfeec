"""What a briefer sees in the deck: every slide kind, markers, the band, speaker notes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefdeck.deck.model import Slide
from briefdeck.layouts import find_layout
from briefdeck.render.pptx import check_pptx, deck_to_pptx
from briefdeck.sources.model import Citation, SourceRecord

from .decks import EXAMPLE_CITE, KING, example_deck, korean_deck, make_deck, make_slide, tier3_slide
from .readback import notes, open_pptx, paragraphs, shape, shapes, superscripts, titles

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.fixture(scope="module")
def layout():
    return find_layout("default", project=None)


@pytest.fixture(scope="module")
def policy(layout):
    return open_pptx(deck_to_pptx(example_deck("policy"), layout=layout))


@pytest.fixture(scope="module")
def classroom(layout):
    return open_pptx(deck_to_pptx(example_deck("classroom"), layout=layout))


def slide_titled(prs, title):
    return next(s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == title)


def test_slide_titles_in_order_for_each_audience(policy, classroom):
    assert titles(policy) == ["North Korea and Human Trafficking", "The ranking", "Tier 3, the lowest ranking",
                              "Key figures", "In the report's words", "Sources"]
    assert titles(classroom) == ["North Korea and Human Trafficking", "Content note", "The ranking",
                                 "Tier 3, the lowest ranking", "Key figures", "In the report's words", "Discuss",
                                 "Sources"]


def test_tier3_point_ends_in_superscript_marker_1_and_band_cites_tip_par_1(policy):
    slide = slide_titled(policy, "Tier 3, the lowest ranking")
    body = shape(slide, "Body").text_frame.paragraphs
    assert [p.text for p in body] == ["North Korea stayed on Tier 3 in 2017.1",
                                      "No known investigations or prosecutions of traffickers.2",
                                      "Forced labour is a pillar of the economic system.3"]
    assert [superscripts(p) for p in body] == [["1"], ["2"], ["3"]]
    assert body[0].runs[-1].text == "1" and body[0].runs[-2].text == "North Korea stayed on Tier 3 in 2017."
    band = shape(slide, "Band").text_frame.paragraphs
    assert band[0].text == "1 U.S. Department of State, “Democratic People’s Republic of Korea,” par. 1."
    assert superscripts(band[0]) == ["1"]
    assert band[2].text == "3 King, “State Department Report,” par. 16."


def test_tier3_speaker_notes_hold_author_notes_full_citation_quote_and_locator(policy):
    text = notes(slide_titled(policy, "Tier 3, the lowest ranking"))
    assert text.startswith("Speaker notes; the quoted evidence is added below them.")
    assert ("[1] U.S. Department of State, “Democratic People’s Republic of Korea,” in Trafficking in Persons "
            "Report 2017, Country narrative (U.S. Department of State, 2017), par. 1.") in text
    assert "Quoted: “the DPRK remained on Tier 3”" in text
    assert "Locator: tip-2017-dprk:p1.s1" in text
    assert "Locator: king-2019:p16.s2" in text
    assert text.index("[1]") < text.index("[2]") < text.index("[3]")


def test_title_slide_shows_subtitle_audience_and_date(policy, classroom):
    first = policy.slides[0]
    assert first.shapes.title.text == "North Korea and Human Trafficking"
    assert paragraphs(first, "Subtitle") == ["What U.S. government and expert reporting documents"]
    assert paragraphs(first, "Audience") == ["Policy staff", "22 November 2026"]
    assert paragraphs(classroom.slides[0], "Audience")[0] == "Upper-secondary civics"


def test_title_slide_shows_a_date_written_as_text_when_there_is_no_date(layout):
    deck = replace(example_deck("policy"), date=None, date_text="Autumn term")
    prs = open_pptx(deck_to_pptx(deck, layout=layout))
    assert paragraphs(prs.slides[0], "Audience") == ["Policy staff", "Autumn term"]


def test_content_note_is_a_calm_labelled_panel(classroom):
    slide = slide_titled(classroom, "Content note")
    body = shape(slide, "Body")
    assert body.text_frame.text == "This lesson discusses forced labour and the exploitation of refugees."
    assert body.fill.fore_color.rgb is not None  # the panel behind the note
    assert superscripts(body.text_frame.paragraphs[0]) == []


def test_section_slide_has_only_its_title_on_a_full_colour_background(policy):
    slide = slide_titled(policy, "The ranking")
    assert [s.text_frame.text for s in slide.shapes if s.has_text_frame and s.text_frame.text] == ["The ranking"]
    fill = slide._element.find(".//{http://schemas.openxmlformats.org/presentationml/2006/main}bg//" + A + "srgbClr")
    assert fill.get("val") == "0B2545"


def test_figures_slide_shows_big_numbers_with_captions_and_markers(policy):
    slide = slide_titled(policy, "Key figures")
    cells = [[p.text for p in s.text_frame.paragraphs] for s in shapes(slide, "Figure 1") + shapes(slide, "Figure 2")]
    assert cells == [["80,000–120,000", "political prisoners, an estimate1"],
                     ["2.6 million", "people in forced labour or modern slavery2"]]
    figure_run = shapes(slide, "Figure 1")[0].text_frame.paragraphs[0].runs[0]
    caption_run = shapes(slide, "Figure 1")[0].text_frame.paragraphs[1].runs[0]
    assert figure_run.font.size.pt > 2 * caption_run.font.size.pt and figure_run.font.bold
    assert paragraphs(slide, "Band") == [
        "1 U.S. Department of State, “Democratic People’s Republic of Korea,” par. 8.",
        "2 King, “State Department Report,” par. 17."]


def test_more_than_four_figures_continue_on_a_cont_slide(layout):
    specs = [(f"example caption {i}", [EXAMPLE_CITE], f"{i * 10}%") for i in range(1, 7)]
    deck = make_deck([make_slide("figures", "Example figures", specs)])
    prs = open_pptx(deck_to_pptx(deck, layout=layout))
    assert titles(prs) == ["Example figures", "Example figures (cont.)"]
    per_slide = [len([s for s in slide.shapes if s.name.startswith("Figure ")]) for slide in prs.slides]
    assert per_slide == [3, 3]
    assert paragraphs(prs.slides[1], "Figure 1") == ["40%", "example caption 41"]


def test_quote_slide_shows_the_quote_in_quotation_marks_and_its_attribution(policy):
    slide = slide_titled(policy, "In the report's words")
    assert paragraphs(slide, "Body") == ["“the DPRK remained on Tier 3”1",
                                         "— U.S. Department of State, Trafficking in Persons Report 2017"]


def test_questions_are_numbered(classroom):
    slide = slide_titled(classroom, "Discuss")
    para = shape(slide, "Body").text_frame.paragraphs[0]
    assert para.text == "Why are people fleeing North Korea easy prey for brokers?"
    assert para._p.find(f"{A}pPr/{A}buAutoNum").get("type") == "arabicPeriod"


def test_sources_slide_lists_the_bibliography_in_the_styles_order(policy):
    entries = paragraphs(slide_titled(policy, "Sources"), "Body")
    assert entries == [
        "King, Robert R. “State Department Report Finds North Korea Policies Encourage Human Trafficking.” "
        "The Peninsula (blog), Korea Economic Institute of America, July 24, 2019.",
        "U.S. Department of State. “Democratic People’s Republic of Korea.” In Trafficking in Persons Report "
        "2017, Country narrative. U.S. Department of State, 2017."]
    italic = [r.text for r in shape(slide_titled(policy, "Sources"), "Body").text_frame.paragraphs[0].runs
              if r.font.italic]
    assert italic == ["The Peninsula"]


def test_apa_deck_uses_references_entries_and_apa_short_notes(layout):
    prs = open_pptx(deck_to_pptx(example_deck("policy", style="apa"), layout=layout))
    band = paragraphs(slide_titled(prs, "Tier 3, the lowest ranking"), "Band")
    assert band[0] == "1 U.S. Department of State (2017, para. 1)"
    assert paragraphs(slide_titled(prs, "Sources"), "Body")[0].startswith("King, R. R. (2019, July 24).")


def test_source_urls_are_live_hyperlinks(layout):
    deck = make_deck([make_slide("bullets", "Example", [("Lorem ipsum dolor.", [EXAMPLE_CITE])]),
                      make_slide("sources", "Sources")])
    prs = open_pptx(deck_to_pptx(deck, layout=layout))
    runs = shape(prs.slides[1], "Body").text_frame.paragraphs[0].runs
    linked = [r for r in runs if r.hyperlink.address]
    assert [r.hyperlink.address for r in linked] == ["https://example.org/report?id=1&part=2"]
    assert linked[0].text == "https://example.org/report?id=1&part=2"


def test_korean_run_gets_the_east_asian_font_and_latin_runs_do_not(layout):
    data = deck_to_pptx(korean_deck(), layout=layout)
    para = shape(open_pptx(data).slides[0], "Body").text_frame.paragraphs[0]
    runs = [(r.text, r.font._rPr.find(f"{A}ea"), r.font._rPr.get("lang")) for r in para.runs]
    assert runs[0][0] == "북한" and runs[0][1].get("typeface") == "Malgun Gothic" and runs[0][2] == "ko-KR"
    assert runs[1][0] == " (North Korea)" and runs[1][1] is None and runs[1][2] == "en-GB"
    assert check_pptx(data) == []


def test_control_characters_never_reach_the_xml(layout):
    dirty = "Lorem\x00 ipsum\x07 dolor\x1b sit\x85amet\ud800 \ufffe\uffffconsectetur\u2028adipiscing\tend"
    deck = make_deck([make_slide("bullets", "Title\x0b with\x01 controls", [(dirty, [EXAMPLE_CITE])],
                                 notes="Notes\x02 line\u2028two")])
    data = deck_to_pptx(deck, layout=layout)
    assert check_pptx(data) == []
    slide = open_pptx(data).slides[0]
    assert slide.shapes.title.text == "Title with controls"
    assert paragraphs(slide, "Body") == ["Lorem ipsum dolor sit\vamet consectetur\vadipiscing end1"]
    assert notes(slide).startswith("Notes line\ntwo")


def test_unsourced_point_has_no_marker_and_the_slide_no_band(layout):
    deck = make_deck([make_slide("bullets", "Example", [("An unsourced example point.", [])])])
    slide = open_pptx(deck_to_pptx(deck, layout=layout)).slides[0]
    assert paragraphs(slide, "Body") == ["An unsourced example point."]
    assert shape(slide, "Band") is None


def test_a_footnote_no_point_calls_still_appears_in_the_band(layout):
    slide = tier3_slide()
    whole_source = Citation(KING, "king-2019", None, None, "")
    extra = make_slide("bullets", "x", [("x", [whole_source])]).footnotes[0]
    slide = Slide(slide.kind, slide.title, slide.points[:1], (slide.footnotes[0], replace(extra, number=2)))
    prs = open_pptx(deck_to_pptx(make_deck([slide]), layout=layout))
    assert paragraphs(prs.slides[0], "Band") == [
        "1 U.S. Department of State, “Democratic People’s Republic of Korea,” par. 1.",
        "2 King, “State Department Report.”"]



def test_a_url_with_spaces_or_controls_is_cleaned_not_fatal(layout):
    odd = SourceRecord("odd-url", {"id": "odd-url", "type": "report", "title": "Example Source",
                                   "author": [{"literal": "Example Organisation"}],
                                   "URL": "https://example.org/a b\x00c\n"})
    deck = make_deck([make_slide("bullets", "Example", [("Lorem ipsum.", [Citation(odd, "odd-url", None, None,
                                                                                    "")])]),
                      make_slide("sources", "Sources")])
    data = deck_to_pptx(deck, layout=layout)
    assert check_pptx(data) == []
    runs = shape(open_pptx(data).slides[1], "Body").text_frame.paragraphs[0].runs
    assert [r.hyperlink.address for r in runs if r.hyperlink.address] == ["https://example.org/a%20bc"]
