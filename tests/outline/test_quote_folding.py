"""Folding a paragraph for quote matching: the fast paths give what the plain definitions give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefdeck.outline.quotes import _FOLD, _normalised, _one_for_one, fold_marks

# Words, the marks folding touches, and every kind of space (tab, no-break space, line separator …).
_ALPHABET = st.sampled_from(list("aZ9ßİﬁ .,'\"…") + [chr(c) for c in _FOLD]
                            + ["\t", "\n", "\u00a0", "\u2028", "\u3000", "\x1c", "  "])
_TEXTS = st.lists(_ALPHABET, max_size=40).map("".join)
_ODD_SPACE = re.compile(r"^\s|\s$|\s\s|[^\S ]")  # the definition: anything but single spaces between words


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_marks_fold_as_translate_folds_them(text):
    assert fold_marks(text) == text.translate(_FOLD)


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_one_for_one_folding_is_taken_exactly_when_the_definition_allows_it(text):
    quick = text.translate(_FOLD).casefold()
    expected = quick if len(quick) == len(text) and not _ODD_SPACE.search(text) else None
    got = _one_for_one(text)
    assert (got.text if got else None) == expected
    if got is not None:
        assert list(got.offsets) == list(range(len(text)))
        assert got.text == _normalised(text).text  # the slow path agrees where both apply

