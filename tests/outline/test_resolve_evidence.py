"""Evidence checks: numbers against the cited passage, reported speech, quote matching rules."""

import json

import pytest

from briefdeck.check import check_brief

HEAD = "title: Example\nsources: ../seeds\nslides:\n  - title: S\n    points:\n"


def check(project, points: str, **options):
    path = project / "briefs" / "b.yaml"
    path.write_text(HEAD + points, encoding="utf-8")
    return check_brief(path, **options)


@pytest.mark.parametrize("number", ["2.6 million", "2,600,000", "2.6m"])
def test_the_same_number_written_differently_agrees(project, number):
    result = check(project, f"      - text: As many as {number} people are in modern slavery.\n"
                            "        quote: as many as 2.6 million people\n")
    assert result.problems == []


def test_a_different_number_is_a_warning_and_an_error_under_strict(project):
    points = ("      - text: As many as 2.5 million people are in modern slavery.\n"
              "        quote: as many as 2.6 million people\n")
    result = check(project, points)
    (warning,) = result.warnings
    assert warning.code == "number-mismatch" and "2.5 million" in warning.message
    assert "2.6 million" in warning.message and warning.location.line == 6
    strict = check(project, points, strict=True)
    assert [p.code for p in strict.errors] == ["number-mismatch"] and strict.decks == {}


def test_reported_speech_records_the_original_speaker(project):
    # Words inside CNN's quotation marks are CNN's; King's own sentence around them is King's.
    result = check(project, "      - text: One victim was held for five years.\n"
                            "        quote: she had been imprisoned with a handful of other girls\n"
                            "      - text: CNN reported on victims held in cybersex operations.\n"
                            "        quote: CNN reported on some of these victims\n")
    (deck,) = result.decks.values()
    quoted, framing = deck.slides[1].footnotes
    assert quoted.citation.speaker == "CNN" and quoted.citation.locator == "king-2019:p9.s1"
    assert framing.citation.speaker is None and framing.citation.locator == "king-2019:p9.s1"


@pytest.mark.parametrize("quote", [
    "THE DPRK REMAINED ON TIER 3",
    "the  DPRK\tremained on Tier 3",
    "Government of the Democratic People's Republic of Korea (DPRK or North Korea)",
    "state-sponsored human trafficking through forced labor",
    "state–sponsored human trafficking through forced labor",
    "to fund government functions ... it did not protect",
    "to fund government functions … it did not protect",
])
def test_quotes_match_regardless_of_case_spacing_quotes_dashes_and_ellipses(project, quote):
    result = check(project, f"      - text: x\n        quote: {json.dumps(quote)}\n")
    assert result.errors == [], [str(p) for p in result.errors]


def test_a_quote_spanning_sentences_cites_the_paragraph(project):
    result = check(project, "      - text: x\n        quote: remained on Tier 3. The government did not\n")
    (deck,) = result.decks.values()
    assert deck.slides[1].footnotes[0].citation.locator == "tip-2017-dprk:p1"


def test_source_narrows_an_ambiguous_quote(project):
    result = check(project, "      - text: x\n        quote: 80,000 to 120,000\n        source: king-2019\n")
    (deck,) = result.decks.values()
    assert deck.slides[1].footnotes[0].citation.locator == "king-2019:p23.s2"


def test_ambiguous_quote_lists_every_place(project):
    result = check(project, "      - text: x\n        quote: 80,000 to 120,000\n")
    (error,) = result.errors
    assert error.code == "ambiguous-quote"
    assert "tip-2017-dprk:p8" in error.message and "king-2019:p23" in error.message


def test_missing_quote_lists_three_closest_passages(project):
    result = check(project, "      - text: x\n        quote: political prison camps hold many people\n")
    (error,) = result.errors
    assert error.code == "quote-not-found"
    assert error.hint.count(":p") == 3


def test_two_sources_for_one_claim_give_two_footnotes(project):
    result = check(project, "      - text: 80,000 to 120,000 political prisoners\n        evidence:\n"
                            "          - quote: 80,000 to 120,000\n            source: tip-2017-dprk\n"
                            "          - quote: 80,000 to 120,000\n            source: king-2019\n")
    (deck,) = result.decks.values()
    slide = deck.slides[1]
    assert slide.points[0].footnotes == (1, 2)
    assert [f.citation.locator for f in slide.footnotes] == ["tip-2017-dprk:p8.s5", "king-2019:p23.s2"]


def test_an_outline_without_audiences_has_one(project):
    result = check(project, "      - text: x\n        unsourced: true\n")
    assert list(result.decks) == ["all"]


@pytest.mark.parametrize("sifted_up_to", [0, 128])  # 0: every document is looked in through the full-text index
@pytest.mark.parametrize("quote, source, locator", [
    ("THE DPRK REMAINED ON TIER 3", "tip-2017-dprk", "tip-2017-dprk:p1.s1"),
    ("state–sponsored human trafficking through forced labor", "king-2019", "king-2019:p5.s3"),
    ("to fund government functions … it did not protect", "king-2019", "king-2019:p5.s3"),
    ("80,000 to 120,000", "king-2019", "king-2019:p23.s2"),
])
def test_a_quote_in_a_named_source_is_found_in_short_and_long_documents_alike(project, monkeypatch, sifted_up_to,
                                                                                quote, source, locator):
    monkeypatch.setattr("briefdeck.outline.resolve._SIFTED_UP_TO", sifted_up_to)
    result = check(project, f"      - text: x\n        quote: {json.dumps(quote)}\n        source: {source}\n")
    assert result.errors == [], [str(p) for p in result.errors]
    (deck,) = result.decks.values()
    assert deck.slides[1].footnotes[0].citation.locator == locator


@pytest.mark.parametrize("sifted_up_to", [0, 128])
def test_a_quote_not_in_the_named_source_is_not_found_in_short_or_long_documents(project, monkeypatch, sifted_up_to):
    monkeypatch.setattr("briefdeck.outline.resolve._SIFTED_UP_TO", sifted_up_to)
    result = check(project, "      - text: x\n        quote: the DPRK remained on Tier 3\n        source: king-2019\n")
    (error,) = result.errors
    assert error.code == "quote-not-found" and "in king-2019" in error.message
