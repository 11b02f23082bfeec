"""What each handout kind shows, decided before the templates run (no PDF needed)."""

from __future__ import annotations

import dataclasses
import re

import pytest

from briefdeck.errors import BriefdeckError
from briefdeck.render.handout import deck_to_html
from briefdeck.render.handout.view import deck_to_view

from .conftest import default_layout, render
from .decks import AUDIENCES, NO_EFFORTS, P, PRISONERS_TIP, S, TIP, cite, example_deck, long_deck, make_deck


def _tip(n: int = 8, s: int = 5) -> tuple:
    return (cite(TIP, n, s, PRISONERS_TIP),)


def test_reading_sections_follow_section_slides_and_slide_sections():
    deck = make_deck([
        S("bullets", "Before any section", [P("Lorem ipsum.", _tip())]),
        S("section", "First"),
        S("bullets", "One", [P("Lorem ipsum.", _tip())], section="First"),
        S("bullets", "Two", [P("Lorem ipsum.", _tip())], section="First"),
        S("bullets", "Three", [P("Lorem ipsum.", _tip())], section="Second"),
    ], audience=AUDIENCES["classroom"])
    view = deck_to_view(deck)
    assert [(s.title, [v.title for v in s.slides]) for s in view.sections] == [
        (None, ["Before any section"]), ("First", ["One", "Two"]), ("Second", ["Three"])]


def test_memo_recommendations_are_found_by_section_or_title_and_keep_deck_order():
    deck = make_deck([
        S("bullets", "Opening", [P("Lorem ipsum.", _tip(1, 2))]),
        S("bullets", "What we recommend", [P("Lorem ipsum.", _tip(2, 1))]),
        S("bullets", "Middle", [P("Lorem ipsum.", _tip())]),
        S("section", "Recommendations"),
        S("bullets", "Close", [P("Lorem ipsum.", _tip())], section="Recommendations"),
    ], audience=AUDIENCES["policy"])
    view = deck_to_view(deck)
    assert [p.number for p in view.bottom_line[0].notes] == [1]
    assert [(part.heading, [v.title for s in part.sections for v in s.slides]) for part in view.memo_parts] == [
        ("Recommendations", ["What we recommend"]),
        ("Key findings", ["Middle"]),
        ("Recommendations (continued)", ["Close"]),
    ]
    html = deck_to_html(deck, layout=default_layout())
    assert re.findall(r'class="fn" data-n="(\d+)"', html) == ["1", "2", "3", "4"]


def test_the_first_slide_stays_in_place_when_notes_come_before_it():
    deck = make_deck([
        S("questions", "Warm-up", [P("Lorem ipsum?", _tip())]),
        S("bullets", "First content", [P("Lorem ipsum.", _tip())]),
    ], audience=AUDIENCES["policy"])
    view = deck_to_view(deck)
    assert view.bottom_line == ()
    assert [part.heading for part in view.memo_parts] == ["Questions", "Key findings"]


def test_prose_only_when_every_point_is_a_sentence():
    deck = make_deck([
        S("bullets", "Sentences", [P("Lorem ipsum.", _tip()), P(NO_EFFORTS, _tip(1, 2))]),
        S("bullets", "Fragments", [P("Lorem ipsum", _tip()), P("Dolor sit.", _tip())]),
    ], audience=AUDIENCES["classroom"])
    view = deck_to_view(deck)
    assert [v.prose for v in view.sections[0].slides] == [True, False]
    html = deck_to_html(deck, layout=default_layout())
    assert '<p class="prose">' in html and '<ul class="points">' in html


def test_an_unknown_handout_kind_is_an_error_with_the_choices():
    deck = example_deck("classroom")
    deck = dataclasses.replace(deck, audience=dataclasses.replace(deck.audience, handout="poster"))
    with pytest.raises(BriefdeckError) as caught:
        deck_to_html(deck, layout=default_layout())
    [problem] = caught.value.problems
    assert "unknown handout kind 'poster'" in problem.message
    assert "memo, reading, slides" in problem.hint


def test_a_date_the_brief_wrote_in_words_is_shown_as_written():
    deck = dataclasses.replace(example_deck("classroom"), date=None, date_text="Autumn term")
    assert "Upper-secondary civics · Autumn term" in deck_to_html(deck, layout=default_layout())


def test_in_a_browser_each_note_is_readable_in_place(classroom):
    """Screen media cannot float notes to a page foot: the stylesheet shows each
    note right after its point, as small text in brackets with its number."""
    html = classroom.html
    screen = html[html.index("@media screen"):]
    assert '.fn::before { content: " [" attr(data-n) ": "; }' in screen
    assert re.search(r'in 2017\.<span class="fn" data-n="1">U\.S\. Department of State, “Democratic', html)


def test_every_footnote_of_a_long_handout_sits_on_the_page_of_its_marker():
    rendered = render(long_deck(4))
    pages = rendered.pages
    assert len(pages) >= 6
    deck = long_deck(4)
    from briefdeck.citations import get_style
    from briefdeck.citations.text import plain

    style = get_style(deck.style)
    for footnote in deck.footnotes:
        note = f"{footnote.handout_number}. {plain(style.note(footnote.citation, first=footnote.first))}"
        holding = [i for i, page in enumerate(pages) if re.search(r"(?:^| )" + re.escape(note), page)]
        assert len(holding) == 1, footnote.handout_number
        # The marker, set close after its point's words, is on that same page.
        assert re.search(rf"(?<=[^\d\s]){footnote.handout_number}(?![\d.])", pages[holding[0]]), \
            footnote.handout_number
