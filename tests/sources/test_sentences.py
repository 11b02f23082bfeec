"""The sentence splitter: the endings it must find, the ones it must not, and its speed on long paragraphs."""

import time

import pytest

from briefdeck.sources.sentences import split_sentences


@pytest.mark.parametrize("text, expected", [
    ("Shelters, clinics, etc. The government did nothing.", ["Shelters, clinics, etc.", "The government did nothing."]),
    ("Workers were sent to the U.S. The move was not voluntary.",
     ["Workers were sent to the U.S.", "The move was not voluntary."]),
    ("They worked 16 hours a day... Overtime was unpaid.", ["They worked 16 hours a day...", "Overtime was unpaid."]),
    ("They worked 16 hours a day… Overtime was unpaid.", ["They worked 16 hours a day…", "Overtime was unpaid."]),
])
def test_sentences_end_after_abbreviations_and_ellipses_that_close_them(text, expected):
    assert split_sentences(text) == expected


@pytest.mark.parametrize("text", [
    "The U.S. Government acted.",
    "Shelters, clinics, etc. Government officials did not visit.",
    "Robert R. King wrote it.",
    "It said “funds . . . The camps” were used.",
    "It said “funds … The camps” were used.",
    "Dr. Smith and Mr. Jones met.",
])
def test_abbreviations_initials_and_omissions_do_not_end_sentences(text):
    assert split_sentences(text) == [text]


def test_a_400000_character_paragraph_splits_in_linear_time():
    unit = ("The government reported no efforts, etc. The U.S. Government acted. “He said. Yes.” "
            "Robert R. King wrote . . . that workers stayed 16 hours a day... Then they left. ")
    small, large = unit * 500, unit * 4000  # 400,000+ characters
    assert len(large) > 400_000
    started = time.perf_counter()
    assert len(split_sentences(small)) == 500 * 5
    small_time = time.perf_counter() - started
    started = time.perf_counter()
    assert len(split_sentences(large)) == 4000 * 5
    large_time = time.perf_counter() - started
    # Generous bounds (the machine is shared): the old splitter took over two minutes here.
    assert large_time < 2.0
    assert large_time < small_time * 8 * 4 + 0.5  # 8 times the text: linear, with room for a busy machine
