"""Any deck, however odd its text: a sound file with nothing overflowing, or a clear error."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefdeck.errors import BriefdeckError
from briefdeck.layouts import find_layout
from briefdeck.render.pptx import check_pptx, deck_to_pptx

from .decks import EXAMPLE_CITE, EXAMPLE_CITE_2, make_deck, make_slide
from .readback import assert_nothing_overflows

LAYOUT = find_layout("default", project=None)
# letters, spaces, breaks, controls, surrogates, CJK, emoji, a very long "word"
ALPHABET = st.sampled_from(list("abc XYZ.,;–—“”’\n\t\r\x00\x07\x1b\x85\u2028\ud800\ufffe&<>\"'")
                           + ["북한", "朝鮮", "カナ", "\U0001F600", "x" * 40, "Lorem ipsum dolor sit amet "])
TEXT = st.lists(ALPHABET, max_size=60).map("".join)
POINT = st.tuples(TEXT, st.lists(st.sampled_from([EXAMPLE_CITE, EXAMPLE_CITE_2]), max_size=2),
                  st.one_of(st.none(), TEXT))
SLIDE = st.tuples(st.sampled_from(["bullets", "figures", "quote", "questions", "content-note", "section"]),
                  TEXT.filter(lambda t: len(t) < 80), st.lists(POINT, max_size=7), TEXT)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(slides=st.lists(SLIDE, min_size=1, max_size=3), on_slides=st.sampled_from(["footnote", "end", "notes"]))
def test_any_deck_gives_a_sound_file_or_a_clear_error(slides, on_slides):
    built = []
    for kind, title, points, notes in slides:
        specs = [(text, cites, figure if kind == "figures" else None) for text, cites, figure in points]
        built.append(make_slide(kind, title, specs, notes=notes,
                                subtitle=(notes or None) if kind == "quote" else None))
    built.append(make_slide("sources", "Sources"))
    deck = make_deck(built, on_slides=on_slides, title="Example deck")
    try:
        data = deck_to_pptx(deck, layout=LAYOUT)
    except BriefdeckError as error:
        assert all(p.message and p.code.startswith("slide-") for p in error.problems)
        return
    assert check_pptx(data) == []
    assert_nothing_overflows(data)
