"""The DESIGN.md example in APA: author-date citations in the text, a reference list, no footnotes."""

from __future__ import annotations

import re

from briefdeck.citations import get_style
from briefdeck.citations.text import plain

from .conftest import render_example
from .decks import example_deck


def test_apa_cites_author_and_date_in_the_text():
    rendered = render_example("classroom", style="apa")
    text = rendered.text
    # The citation sits inside the sentence, before its final period.
    assert re.search(r"North Korea stayed on Tier 3 in 2017 \(U\.S\. Department of State, 2017[^)]*\)\.", text)
    assert re.search(r"\(King, 2019[^)]*\)", text)
    assert 'class="fn"' not in rendered.html


def test_apa_closes_with_a_reference_list_of_the_cited_sources():
    rendered = render_example("classroom", style="apa")
    style = get_style("apa")
    deck = example_deck("classroom", style="apa")
    text = rendered.text
    assert "Bibliography" not in text
    tail = text[text.index("References"):]
    entries = [plain(style.bibliography_entry(r)) for r in style.sort_bibliography(deck.bibliography)]
    assert [tail.index(e) >= 0 for e in entries] == [True, True]
    assert tail.index(entries[0]) < tail.index(entries[1])


def test_apa_memo_has_in_text_citations_too():
    text = render_example("policy", style="apa").text
    assert re.search(r"No known investigations or prosecutions of traffickers \(U\.S\. Department of State, 2017",
                     text)
