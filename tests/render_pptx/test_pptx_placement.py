"""Where the notes go: in the band (footnote), on "Notes" slides (end), or only in the speaker notes."""

from __future__ import annotations

import pytest

from briefdeck.layouts import find_layout
from briefdeck.render.pptx import check_pptx, deck_to_pptx
from briefdeck.render.pptx.flow import continued_title

from .decks import example_deck, long_deck
from .readback import notes, open_pptx, paragraphs, shape, superscripts, titles


@pytest.fixture(scope="module")
def layout():
    return find_layout("default", project=None)


def test_end_puts_markers_on_slides_and_notes_on_notes_slides_before_the_sources(layout):
    data = deck_to_pptx(example_deck("policy", on_slides="end"), layout=layout)
    assert check_pptx(data) == []
    prs = open_pptx(data)
    assert titles(prs) == ["North Korea and Human Trafficking", "The ranking", "Tier 3, the lowest ranking",
                           "Key figures", "In the report's words", "Notes", "Sources"]
    tier3 = prs.slides[2]
    assert superscripts(shape(tier3, "Body").text_frame.paragraphs[0]) == ["1"]
    assert all(shape(slide, "Band") is None for slide in prs.slides)
    assert paragraphs(prs.slides[5], "Body") == [
        "Slide 3: Tier 3, the lowest ranking",
        "1 U.S. Department of State, “Democratic People’s Republic of Korea,” par. 1.",
        "2 U.S. Department of State, “Democratic People’s Republic of Korea,” par. 4.",
        "3 King, “State Department Report,” par. 16.",
        "Slide 4: Key figures",
        "1 U.S. Department of State, “Democratic People’s Republic of Korea,” par. 8.",
        "2 King, “State Department Report,” par. 17.",
        "Slide 5: In the report's words",
        "1 U.S. Department of State, “Democratic People’s Republic of Korea,” par. 1."]
    assert "Quoted: “the DPRK remained on Tier 3”" in notes(tier3)


def test_end_notes_continue_over_slides_and_follow_continued_slides(layout):
    prs = open_pptx(deck_to_pptx(long_deck(40, on_slides="end"), layout=layout))
    names = titles(prs)
    content = sum(1 for name in names if name.startswith("Many long points"))
    assert names[content:] == ["Notes"] + [continued_title("Notes", k) for k in range(1, len(names) - content)]
    headings = [p for slide in list(prs.slides)[content:] for p in paragraphs(slide, "Body") if p.startswith("Slide ")]
    assert headings == ["Slide 1: Many long points"] + [f"Slide {n}: {continued_title('Many long points', n - 1)}"
                                                        for n in range(2, content + 1)]
    for slide in list(prs.slides)[content:]:  # a heading never ends a notes slide
        assert not paragraphs(slide, "Body")[-1].startswith("Slide ")
    listed: dict[int, list[str]] = {}  # the end notes under each "Slide n:" heading, by their numbers
    for line in [p for slide in list(prs.slides)[content:] for p in paragraphs(slide, "Body")]:
        if line.startswith("Slide "):
            page = int(line.split()[1].rstrip(":"))
            listed[page] = []
        else:
            listed[page].append(line.split(" ", 1)[0])
    for page, slide in enumerate(list(prs.slides)[:content], 1):  # the slide's own numbers on every page
        markers = [m for p in shape(slide, "Body").text_frame.paragraphs for m in superscripts(p)]
        assert sorted(set(markers), key=int) == listed[page]


def test_notes_keeps_markers_on_slides_and_the_notes_only_in_speaker_notes(layout):
    data = deck_to_pptx(example_deck("policy", on_slides="notes"), layout=layout)
    prs = open_pptx(data)
    assert "Notes" not in titles(prs)
    tier3 = prs.slides[2]
    assert superscripts(shape(tier3, "Body").text_frame.paragraphs[2]) == ["3"]
    assert shape(tier3, "Band") is None
    assert "[3] Robert R. King, “State Department Report Finds North Korea Policies Encourage Human " \
           "Trafficking,” The Peninsula (blog), Korea Economic Institute of America, July 24, 2019, par. 16." \
           in notes(tier3)
    assert "Locator: king-2019:p16.s2" in notes(tier3)
