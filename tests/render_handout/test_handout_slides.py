"""The "slides" handout: each slide drawn in the page, three a page, lines for notes."""

from __future__ import annotations

import re

from briefdeck.citations import get_style
from briefdeck.citations.text import plain

from .conftest import render_example
from .decks import example_deck


def test_three_slides_a_page_with_lines_beside_them():
    rendered = render_example("policy", handout="slides")
    deck = example_deck("policy", handout="slides")
    drawn = [s for s in deck.slides if s.kind not in ("sources", "content-note")]
    assert rendered.html.count('<div class="slide-row">') == len(drawn)
    titles = [s.title for s in drawn]
    pages = rendered.pages
    for page_number, chunk in enumerate([titles[i:i + 3] for i in range(0, len(titles), 3)]):
        for title in chunk:
            assert title in pages[page_number], (title, page_number)
    assert "Recommendations of the 2017 report" not in pages[0]
    assert len(re.findall(r'<div class="slide-notes"><div class="rules"', rendered.html)) == len(drawn)


def test_each_slide_box_carries_its_own_footnotes():
    rendered = render_example("policy", handout="slides")
    deck = example_deck("policy", handout="slides")
    style = get_style("chicago-note")
    tier = next(s for s in deck.slides if s.title == "Tier 3, the lowest ranking")
    page = next(p for p in rendered.pages if "Tier 3, the lowest ranking" in p)
    # The slide's own numbering, restarting at 1, with the note inside the box.
    assert "North Korea stayed on Tier 3 in 2017.1" in page
    for footnote in tier.footnotes:
        assert f"{footnote.number} {plain(style.short_note(footnote.citation))}" in page
    prison = next(s for s in deck.slides if s.title == "Prison camps in the reporting")
    assert [f.number for f in prison.footnotes] == [1, 2]


def test_the_content_note_heads_a_slides_handout():
    rendered = render_example("classroom", handout="slides")
    first = rendered.pages[0]
    assert first.index("Content note.") < first.index("Tier 3, the lowest ranking")


def test_an_apa_slides_handout_cites_in_the_box_and_has_no_band():
    rendered = render_example("policy", style="apa", handout="slides")
    page = next(p for p in rendered.pages if "Tier 3, the lowest ranking" in p)
    assert re.search(r"North Korea stayed on Tier 3 in 2017 \(U\.S\. Department of State, 2017[^)]*\)\.", page)
    assert 'class="box-band"' not in rendered.html
    assert "References" in rendered.pages[-1]
