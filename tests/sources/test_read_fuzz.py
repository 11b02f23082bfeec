"""Fuzzing the reader and the sentence splitter: whatever the text, the invariants hold.

- every paragraph's and sentence's offsets point back to its text in the original;
- every sentence lies inside its paragraph, in order, and the sentences cover it;
- reading never raises anything but a `BriefdeckError`.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefdeck.errors import BriefdeckError
from briefdeck.sources.assemble import source_from_bytes
from briefdeck.sources.read import PlainTextReader
from briefdeck.sources.sentences import sentence_spans
from briefdeck.sources.text import fold

# Pieces a capture is made of: words, abbreviations, figures, quotes, ellipses, line breaks of
# every kind, controls, Hangul in both forms, boilerplate lines.
PIECES = st.sampled_from([
    "The", "government", "U.S.", "Robert R. King", ". . .", "…", "$4", "¥5,000", "2.6 million", "80,000 to 120,000",
    "“quoted words.”", "‘single’", '"straight"', ".", "?", "!", ",", ";", ":", " ", "  ", "\n", "\n\n", "\r\n",
    "\r", "\r\n\r\n", "\t", "\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028", "\ufffe", "\ufeff",
    "\u00a0", "북한", "\u1107\u116e\u11a8", "Tier 3", "No.", "e.g.", "Search All Site Content", "Stay Informed",
    "Published July 24, 2019", "By Robert R. King", "A Heading Line", "(DPRK)", "—", "–",
])
TEXTS = st.one_of(
    st.lists(PIECES, max_size=80).map(lambda parts: " ".join(parts)),
    st.lists(PIECES, max_size=80).map("".join),
    st.text(max_size=300),
)


def read(text: str):
    data = text.encode("utf-8", errors="surrogatepass")
    try:
        return source_from_bytes(data, reader=PlainTextReader(), source_id="fuzz", record=None, name="fuzz.txt")
    except BriefdeckError:
        return None


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
def test_offsets_point_back_and_sentences_lie_inside_their_paragraph(text):
    source = read(text)
    if source is None:
        return
    original = PlainTextReader().read(text.encode("utf-8", errors="surrogatepass"), name="fuzz.txt").text
    for paragraph in source.paragraphs:
        assert paragraph.text and fold(original, paragraph.start, paragraph.end).text == paragraph.text
        previous_end = paragraph.start
        for sentence in paragraph.sentences:
            assert previous_end <= sentence.start < sentence.end <= paragraph.end
            assert fold(original, sentence.start, sentence.end).text == sentence.text
            assert sentence.text in paragraph.text
            previous_end = sentence.end
        assert " ".join(s.text for s in paragraph.sentences) == paragraph.text


@settings(max_examples=1500, deadline=None)
@given(st.lists(PIECES, max_size=60).map(" ".join))
def test_sentence_spans_cover_the_text_in_order(text):
    folded = fold(text).text
    spans = sentence_spans(folded)
    position = 0
    for start, end in spans:
        assert position <= start < end <= len(folded)
        assert folded[position:start].strip() == ""
        position = end
    assert folded[position:].strip() == ""


@pytest.mark.parametrize("text", ["He met the U.S. envoy. Then he left.", "By Robert R. King of the U.S. State Dept."])
def test_known_abbreviations_do_not_end_sentences(text):
    folded = fold(text).text
    ends = [folded[a:b] for a, b in sentence_spans(folded)]
    assert not any(s.endswith(("U.S.", " R.")) for s in ends)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.integers(0, 300), st.integers(0, 300))
def test_every_folded_character_leads_back_to_its_original(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    folded = fold(text, start, end)
    for i, char in enumerate(folded.text):
        at = folded.original_offset(i)
        assert start <= at < end
        # A space stands for whitespace, or for characters fold drops, where it leads back to one.
        assert text[at] == char or (char == " " and fold(text[at]).text == "")
    if folded.text:  # past the end: just after the last character kept
        assert text[folded.original_offset(len(folded.text)) - 1] == folded.text[-1]
