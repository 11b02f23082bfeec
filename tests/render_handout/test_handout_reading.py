"""The classroom reading sheet of the DESIGN.md example, read from its PDF."""

from __future__ import annotations

from briefdeck.citations import get_style
from briefdeck.citations.text import plain

from .decks import CONTENT_NOTE, KING, POLICY_ONLY, QUESTION, TIP, example_deck


def _footnotes_by_number(deck):
    return {f.handout_number: f for f in deck.footnotes}


def _note(footnote) -> str:
    return plain(get_style("chicago-note").note(footnote.citation, first=footnote.first))


def test_the_reading_sheet_opens_with_the_content_note(classroom):
    first_page = classroom.pages[0]
    assert first_page.startswith("North Korea and Human Trafficking")
    note_at = first_page.index("Content note. " + CONTENT_NOTE)
    # Nothing of the lesson comes before the content note.
    assert first_page.index("The ranking") > note_at
    assert first_page.index("Tier 3, the lowest ranking") > note_at


def test_footnote_1_is_the_full_note_on_the_page_of_its_marker(classroom):
    deck = example_deck("classroom")
    first = _footnotes_by_number(deck)[1]
    assert first.first and first.citation.locator == "tip-2017-dprk:p1.s1"
    full = _note(first)
    assert "Trafficking in Persons Report 2017" in full  # the full note names the report
    [page] = [p for p in classroom.pages if "North Korea stayed on Tier 3 in 2017.1" in p]
    assert "1. " + full in page


def test_a_later_citation_of_the_same_source_is_a_short_note(classroom):
    deck = example_deck("classroom")
    second = _footnotes_by_number(deck)[2]
    assert second.citation.source_id == TIP and not second.first
    short = _note(second)
    assert "Trafficking in Persons Report 2017" not in short
    assert len(short) < len(_note(_footnotes_by_number(deck)[1]))
    [page] = [p for p in classroom.pages if "prevention measures.2" in p]
    assert "2. " + short in page
    # Every note is printed once, on the page of its marker.
    for number, footnote in _footnotes_by_number(deck).items():
        pages = [p for p in classroom.pages if f"{number}. {_note(footnote)}" in p]
        assert len(pages) == 1, number


def test_the_bibliography_lists_exactly_the_cited_sources(classroom):
    style = get_style("chicago-note")
    deck = example_deck("classroom")
    assert [r.id for r in deck.bibliography] == [TIP, KING]
    text = classroom.text
    tail = text[text.index("Bibliography"):]
    entries = [plain(style.bibliography_entry(r)) for r in style.sort_bibliography(deck.bibliography)]
    positions = [tail.index(entry) for entry in entries]
    assert positions == sorted(positions)
    assert len(classroom.html.split('<ul class="entries">')[1].split("</ul>")[0].split("<li>")) - 1 == 2


def test_an_uncited_source_is_not_in_the_bibliography():
    from .conftest import render
    from .decks import P, S, make_deck, AUDIENCES, cite, PRISONERS_TIP

    deck = make_deck([S("bullets", "Only the report", [P(PRISONERS_TIP, (cite(TIP, 8, 5, PRISONERS_TIP),))])],
                     audience=AUDIENCES["classroom"])
    text = render(deck).text
    assert "Bibliography" in text
    assert "King" not in text and "The Peninsula" not in text


def test_the_reading_sheet_has_sections_figures_questions_and_space_for_notes(classroom):
    text = classroom.text
    order = ["The ranking", "Tier 3, the lowest ranking", "Prison camps in the reporting",
             "Key figures", "80,000–120,000", "Discuss", QUESTION, "Notes", "Bibliography"]
    positions = [text.index(words) for words in order]
    assert positions == sorted(positions)
    assert classroom.html.count('class="rule"') >= 12


def test_the_classroom_version_lacks_the_policy_only_point(classroom):
    assert POLICY_ONLY not in classroom.text
    assert "Forced labour is built into how the economy works." in classroom.text


def test_pages_are_numbered_and_carry_the_title_after_the_first(classroom):
    pages = classroom.pages
    assert len(pages) >= 2
    for n, page in enumerate(pages, start=1):
        assert f"Page {n} of {len(pages)}" in page
    assert pages[1].count("North Korea and Human Trafficking") == 1  # the running header
