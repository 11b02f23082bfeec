"""Sifting a short document for a quote's words folds case exactly as str.casefold does."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefdeck.findings.index import _casefolded, _holds_all


@given(st.text() | st.text(alphabet=st.characters(max_codepoint=127)))
def test_the_cheaper_fold_is_casefold(text):
    assert _casefolded(text) == text.casefold()


@given(st.text(alphabet="abcABCßẞﬁ ", max_size=30), st.lists(st.text(alphabet="abcsfi", min_size=1, max_size=3), max_size=4))
def test_a_paragraph_holds_the_words_exactly_when_its_casefolded_text_holds_each(text, words):
    assert _holds_all(_casefolded(text), words) == all(w in text.casefold() for w in words)
