"""Properties of parse_figures on random text and on random numbers written the usual ways."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from briefdeck.findings.figures import parse_figures, parse_number

# Text rich in what the parser reacts to, so random examples exercise it.
_PIECES = st.sampled_from([
    "0", "1", "7", "12", "2019", "80,000", "2.6", "1,0", ",", ".", ":", "/", "-", "–", "—", " ", "  ",
    "$", "¥", "€", "US$", "RMB", "%", "m", "bn", "k", "st", "million", "billion", "hundred",
    "percent", "per cent", "to", "and", "between", "from", "or", "out of every", "one", "two",
    "twenty", "a", "Tier", "Article", "June", "dollars", "Chinese Yuan", "United States Dollars",
    "Example", "lorem", "(", ")", "“", "”", "’", "x",
])
_TEXT = st.one_of(
    st.text(max_size=80),
    st.lists(_PIECES, max_size=25).map("".join),
    st.lists(_PIECES, max_size=25).map(" ".join),
)


@settings(max_examples=800, deadline=None)
@given(_TEXT)
def test_random_text_gives_consistent_figures(text):
    figures = parse_figures(text)
    previous_end = 0
    for figure in figures:
        assert text[figure.start:figure.end] == figure.text
        assert figure.low <= figure.high
        assert figure.start >= previous_end, "figures overlap"
        previous_end = figure.end
    parse_number(text)  # never raises either


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_counts_with_thousands_separators_round_trip(n):
    written = f"{n:,}"
    sentence = f"Example source counts {written} items."
    (figure,) = parse_figures(sentence)
    assert figure.text == written
    assert (figure.low, figure.high, figure.unit) == (float(n), float(n), None)
    assert parse_number(written) == float(n)


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=1, max_value=999_999), st.integers(min_value=0, max_value=2),
       st.sampled_from([("thousand", 10**3), ("million", 10**6), ("billion", 10**9)]))
def test_numbers_with_scale_words_round_trip(digits, decimals, scale):
    number = Decimal(digits).scaleb(-decimals)  # 1234 with 2 decimals → 12.34
    word, factor = scale
    written = f"{number} {word}"
    (figure,) = parse_figures(f"Example source counts {written} items.")
    assert figure.text == written
    assert figure.low == float(number * factor)
    assert parse_number(written) == float(number * factor)


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.booleans())
def test_dollar_amounts_round_trip(n, with_words):
    written = f"${n:,}" + (" United States Dollars" if with_words else "")
    (figure,) = parse_figures(f"Example source costs {written} a year.")
    assert figure.text == written
    assert (figure.low, figure.unit) == (float(n), "USD")


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=10**9))
def test_ranges_round_trip(a, b):
    low, high = min(a, b), max(a, b)
    written = f"{low:,} to {high:,}"
    (figure,) = parse_figures(f"Example source holds {written} items.")
    assert figure.text == written
    assert (figure.low, figure.high) == (float(low), float(high))
