"""Citation keys in briefs: "@key", "@key, para. 5" and pandoc's "[@key, para. 8]" as briefdeck locators."""

from __future__ import annotations

import pytest

from briefdeck.sources.citekeys import CitationKeyError, PageCitationError, citation_to_locator, key_to_id
from briefdeck.sources.locators import parse_locator


@pytest.mark.parametrize("written, locator", [
    ("@king-2019", "king-2019"),
    ("@king-2019, para. 5", "king-2019:p5"),
    ("[@tip-2017-dprk, para. 8]", "tip-2017-dprk:p8"),
    (" [ @tip-2017-dprk ,  par. 8 ] ", "tip-2017-dprk:p8"),
    ("[@tip-2017-dprk, ¶ 8]", "tip-2017-dprk:p8"),
    ("[@tip-2017-dprk]", "tip-2017-dprk"),
    ("@King2019State, paragraph 12", "king2019state:p12"),
    ("@{tip_2017:dprk}, para. 3", "tip_2017-dprk:p3"),
])
def test_citation_keys_become_locators(written, locator):
    assert citation_to_locator(written) == locator
    assert parse_locator(citation_to_locator(written)) is not None  # a locator the rest of briefdeck reads


def test_pandoc_form_and_locator_form_name_the_same_place():
    assert citation_to_locator("[@tip-2017-dprk, para. 8]") == str(parse_locator("tip-2017-dprk:p8"))


def test_plain_locators_are_not_citation_keys():
    assert citation_to_locator("tip-2017-dprk:p8") is None
    assert citation_to_locator("king-2019") is None


@pytest.mark.parametrize("written, words", [
    ("[@tip-2017-dprk, p. 212]", "page locators are accepted only for paginated sources: "
                                 "write [@tip-2017-dprk, para. N]"),
    ("@king-2019, chap. 3", "unknown locator label 'chap.'"),
    ("[@king-2019, para. 5", "is not a citation"),
    ("@", "is not a citation"),
])
def test_what_cannot_be_a_locator_says_what_to_write(written, words):
    with pytest.raises(CitationKeyError) as caught:
        citation_to_locator(written)
    assert words in str(caught.value)


def test_a_page_citation_carries_its_source_and_page_for_paginated_sources():
    with pytest.raises(PageCitationError) as caught:
        citation_to_locator("[@tip-2017-dprk, pp. 212]")
    assert (caught.value.source, caught.value.page) == ("tip-2017-dprk", 212)


def test_keys_become_ids_as_the_bibliography_readers_make_them():
    assert key_to_id("King2019State") == "king2019state"
    assert key_to_id("tip_2017:dprk") == "tip_2017-dprk"
    assert key_to_id("http://zotero.org/users/local/Ex4mple/items/KQ2M7ZD3") == \
        "http-zotero.org-users-local-ex4mple-items-kq2m7zd3"
