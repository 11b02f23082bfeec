"""Nothing overflows: text measured against its box, the band, and the slide; continuation slides."""

from __future__ import annotations

import re

import pytest

from briefdeck.errors import BriefdeckError
from briefdeck.layouts import find_layout
from briefdeck.render.pptx import check_pptx, deck_to_pptx
from briefdeck.render.pptx.flow import continued_title
from briefdeck.sources.model import Citation

from .decks import (EXAMPLE, EXAMPLE_CITE, LOREM, example_deck, huge_point_deck, korean_deck, long_deck, make_deck,
                    make_slide)
from .readback import assert_nothing_overflows, notes, open_pptx, shape, superscripts, titles

# Chicago's short note of a stand-alone report: its title in italics, not in quotation marks
SHORT_NOTES = {"example-source:p2": "Example Organisation, Example Source, par. 2.",
               "example-source:p5": "Example Organisation, Example Source, par. 5."}


@pytest.fixture(scope="module")
def layout():
    return find_layout("default", project=None)


def test_forty_long_points_continue_on_cont_slides_and_nothing_overflows(layout):
    data = deck_to_pptx(long_deck(40), layout=layout)
    assert check_pptx(data) == []
    assert_nothing_overflows(data)
    prs = open_pptx(data)
    names = titles(prs)
    assert len(names) > 3
    assert names == ["Many long points", "Many long points (cont.)"] + [
        f"Many long points (cont. {k})" for k in range(2, len(names))]
    texts = [p.text for s in prs.slides for p in shape(s, "Body").text_frame.paragraphs]
    assert [re.match(r"Point (\d+)\.", t).group(1) for t in texts] == [str(i) for i in range(1, 41)]
    sizes = {r.font.size.pt for s in prs.slides for p in shape(s, "Body").text_frame.paragraphs for r in p.runs}
    assert sizes == {24.0}  # continued at full size, not shrunk


def test_each_continuation_slide_carries_its_own_footnotes_renumbered_from_1(layout):
    prs = open_pptx(deck_to_pptx(long_deck(40), layout=layout))
    for slide in prs.slides:
        body = shape(slide, "Body").text_frame.paragraphs
        markers = [m for p in body for m in superscripts(p)]
        numbers = sorted({int(m) for m in markers})
        assert numbers == [1, 2] or (numbers == [1] and len(body) == 1)
        band = [p.text for p in shape(slide, "Band").text_frame.paragraphs]
        assert [b.split(" ", 1)[0] for b in band] == [str(n) for n in numbers]
        for paragraph in body:  # each marker's band note is the citation the point was given
            point = int(re.match(r"Point (\d+)\.", paragraph.text).group(1))
            locator = "example-source:p2" if point % 2 == 1 else "example-source:p5"
            marker = superscripts(paragraph)[0]
            assert band[int(marker) - 1] == f"{marker} {SHORT_NOTES[locator]}"
            assert f"[{marker}] Example Organisation, Example Source" in notes(slide)
            assert f"Locator: {locator}" in notes(slide)
        assert notes(slide).count("Locator: ") == len(numbers)


def test_a_slide_slightly_too_full_shrinks_instead_of_continuing(layout):
    def body_sizes(prs):
        return {r.font.size.pt for s in prs.slides for p in shape(s, "Body").text_frame.paragraphs for r in p.runs}
    fits = open_pptx(deck_to_pptx(long_deck(3), layout=layout))
    assert titles(fits) == ["Many long points"] and body_sizes(fits) == {24.0}
    shrunk = deck_to_pptx(long_deck(5), layout=layout)
    assert titles(open_pptx(shrunk)) == ["Many long points"]
    size = body_sizes(open_pptx(shrunk)).pop()
    assert 18 <= size < 24  # within the floor of layouts/default/layout.yaml
    assert_nothing_overflows(shrunk)
    continued = open_pptx(deck_to_pptx(long_deck(7), layout=layout))
    assert len(continued.slides) > 1 and body_sizes(continued) == {24.0}
    counts = [len(shape(s, "Body").text_frame.paragraphs) for s in continued.slides]
    assert max(counts) - min(counts) <= 1  # spread evenly, not 3 + 3 + 1


def test_a_point_too_long_for_any_slide_is_split_at_line_boundaries_at_the_floor(layout):
    deck = huge_point_deck()
    data = deck_to_pptx(deck, layout=layout)
    assert check_pptx(data) == []
    assert_nothing_overflows(data)
    prs = open_pptx(data)
    assert titles(prs) == ["One very long point"] + [continued_title("One very long point", k)
                                                     for k in range(1, len(prs.slides))]
    pieces = [shape(s, "Body").text_frame.paragraphs for s in prs.slides]
    assert all(len(p) == 1 for p in pieces)
    text = "".join(p[0].text for p in pieces)
    assert text == deck.slides[0].points[0].text + "1,2"
    assert {r.font.size.pt for p in pieces for r in p[0].runs} == {18.0}  # the body's floor
    # markers and band only where the point ends; the notes follow the footnotes
    assert [superscripts(p[0]) for p in pieces[:-1]] == [[]] * (len(pieces) - 1)
    assert superscripts(pieces[-1][0]) == ["1,2"]
    assert [shape(s, "Band") is None for s in prs.slides] == [True] * (len(pieces) - 1) + [False]
    assert "Locator" not in notes(prs.slides[0]) and notes(prs.slides[-1]).count("Locator: ") == 2


@pytest.mark.parametrize("deck", [example_deck("policy"), example_deck("classroom"), korean_deck(),
                                  example_deck("classroom", on_slides="end"), long_deck(12, on_slides="notes")],
                         ids=["policy", "classroom", "korean", "end-notes", "notes-only"])
def test_every_kind_of_slide_fits(layout, deck):
    data = deck_to_pptx(deck, layout=layout)
    assert check_pptx(data) == []
    assert_nothing_overflows(data)


def test_classroom_layout_fits_too():
    layout = find_layout("classroom", project=None)
    for deck in (example_deck("classroom"), long_deck(20)):
        assert_nothing_overflows(deck_to_pptx(deck, layout=layout))


def test_a_long_figure_caption_and_long_quote_still_fit(layout):
    deck = make_deck([
        make_slide("figures", "Example figures", [(LOREM * 3, [EXAMPLE_CITE], "1,234,567,890,123,456")] * 4),
        make_slide("quote", "Example quote", [(LOREM * 12, [EXAMPLE_CITE])], subtitle="Example Organisation"),
    ])
    data = deck_to_pptx(deck, layout=layout)
    assert check_pptx(data) == []
    assert_nothing_overflows(data)


def test_a_title_too_long_for_any_slide_is_a_clear_error(layout):
    deck = make_deck([make_slide("bullets", "Lorem ipsum " * 60, [("Example point.", [EXAMPLE_CITE])])])
    with pytest.raises(BriefdeckError) as caught:
        deck_to_pptx(deck, layout=layout)
    problem = caught.value.problems[0]
    assert problem.code == "slide-title-too-long"
    assert problem.message.startswith("slide 1 'Lorem ipsum Lorem ipsum")
    assert "does not fit" in problem.message and problem.hint == "shorten the title"


def test_long_titles_shrink_and_wrap_within_the_title_area(layout):
    title = "An example title long enough that it cannot stand on one line of the slide at full size"
    deck = make_deck([make_slide("bullets", title, [("Example point.", [EXAMPLE_CITE])])])
    data = deck_to_pptx(deck, layout=layout)
    assert_nothing_overflows(data)
    slide = open_pptx(data).slides[0]
    assert slide.shapes.title.text == title


def test_a_point_with_more_footnotes_than_a_slide_holds_is_a_clear_error(layout):
    # every other paragraph: neighbouring paragraphs of one work would share one note ("pars. 1–40")
    citations = [Citation(EXAMPLE, f"example-source:p{n}", n, None, f"Lorem {n}.") for n in range(1, 81, 2)]
    deck = make_deck([make_slide("bullets", "Example", [("One example point.", citations)])])
    with pytest.raises(BriefdeckError) as caught:
        deck_to_pptx(deck, layout=layout)
    problem = caught.value.problems[0]
    assert problem.code == "slide-overflow"
    assert problem.message == "slide 1 'Example': a point has more footnotes than fit on one slide (40)"
    assert "on_slides to end" in problem.hint
    # the same point with its notes at the end of the deck fits
    end = make_deck([make_slide("bullets", "Example", [("One example point.", citations)])], on_slides="end")
    assert_nothing_overflows(deck_to_pptx(end, layout=layout))
