"""Figures parsed from the seed sentences (verbatim) and from neutral example phrases."""

from __future__ import annotations

import pytest

from briefdeck.findings.figures import figures_agree, parse_figures, parse_number
from briefdeck.findings.model import Figure

M = 1_000_000

# (seed sentence, the figures it states as (text, low, high, unit)), every figure listed.
SEED_FIGURES = [
    ("The DPRK holds an estimated 80,000 to 120,000 prisoners in political prison camps in "
     "remote areas of the country.",
     [("80,000 to 120,000", 80_000, 120_000, None)]),
    ("An estimated 20,000 to 30,000 children born to women from the DPRK live in China, and reports "
     "show some are unable to be registered upon birth, rendering them stateless and vulnerable to "
     "possible exploitation.",
     [("20,000 to 30,000", 20_000, 30_000, None)]),
    ("Human rights groups estimate that such work brigades include some 400,000 people.",
     [("400,000", 400_000, 400_000, None)]),
    ("Many of the estimated 10,000 North Korean women and girls who have migrated illegally to China "
     "to flee abuse and human rights violations are particularly vulnerable to trafficking, and "
     "traffickers reportedly lure, drug, detain, or kidnap some North Korean women upon their arrival.",
     [("10,000", 10_000, 10_000, None)]),
    ("It comes as no surprise that North Korea is a Tier 3 country—one of only 22 countries in the "
     "entire world which are making no significant effort to prevent trafficking of its own citizens.",
     [("22", 22, 22, None)]),
    ("Other reports note these laborers work on average between 12 and 16 hours a day, and sometimes "
     "up to 20 hours per day, and are allowed only one or two rest days per month.",
     [("between 12 and 16", 12, 16, None), ("20", 20, 20, None), ("one", 1, 1, None),
      ("two", 2, 2, None)]),
    # "1 out of every 10" is a ratio: two plain counts, not a range.
    ("The recently released Global Slavery Index states that as many as 2.6 million people—1 out of "
     "every 10 North Koreans—are victims of forced labor or modern slavery.",
     [("2.6 million", 2.6 * M, 2.6 * M, None), ("1", 1, 1, None), ("10", 10, 10, None)]),
    ("The value of such unpaid labor is estimated to total nearly one billion dollars annually.",
     [("one billion dollars", 1e9, 1e9, "USD")]),
    ("One survivor of exploitation said, “I was deceived by a broker and sold into marriage for "
     "¥5,000 Chinese Yuan ($720 United States Dollars).",
     [("¥5,000 Chinese Yuan", 5000, 5000, "CNY"), ("$720 United States Dollars", 720, 720, "USD")]),
    ("The report estimates that overall this “complex and interconnected network of criminality "
     "accrues an estimated $105,000,000 United States Dollars annually from the sale of female North "
     "Korean bodies.”",
     [("$105,000,000 United States Dollars", 105 * M, 105 * M, "USD")]),
    ("The Korea Future Initiative report says North Korean women are in great demand because of the "
     "low price charged for their bodies, which can be as little as $4 for prostitution services and "
     "$146 to purchase a wife.”",
     [("$4", 4, 4, "USD"), ("$146", 146, 146, "USD")]),
    ("Some 70 percent of North Korean defectors who have successfully fled to China as the first step "
     "in their effort to leave the North are women, and they are particularly vulnerable to sex "
     "trafficking.",
     [("70 percent", 70, 70, "percent")]),
    ("On average the government withheld 70 percent of the workers’ earnings.",
     [("70 percent", 70, 70, "percent")]),
    ("The UN Commission of Inquiry on North Korea human rights in 2014 estimated that such brigades "
     "number 20,000 to 100,000 in each municipality depending on size.",
     [("20,000 to 100,000", 20_000, 100_000, None)]),
    ("An unconfirmed NGO report indicated traffickers are sentenced based on the number of people "
     "they exploit: one to three victims results in 10 years or more in forced labor camps, four to "
     "six victims results in an unlimited period in forced labor camps, and seven or more victims "
     "results in the death penalty.",
     [("one to three", 1, 3, None), ("10", 10, 10, None), ("four to six", 4, 6, None),
      ("seven", 7, 7, None)]),
    ("After a vacancy of 21 months, John Cotton Richmond was confirmed to that post and sworn in on "
     "October 1, 2018.",
     [("21", 21, 21, None)]),
    ("At the direction of the government, schools force students older than 14 years of age, "
     "including those in universities, to work without pay on farms for periods up to a month, twice "
     "a year; students who do not meet work quotas set out by the schools face physical abuse.",
     [("14", 14, 14, None)]),
]

# Seed sentences whose numbers are dates, years or identifiers: no figures at all.
SEED_NO_FIGURES = [
    "On June 20, 2019, the U.S. Department of State released the 2019 Trafficking in Persons Report.",
    "The DPRK is not a party to the 2000 UN TIP Protocol.",
    "Article 30 of the criminal code partially suspends civil rights of prison camp inmates; "
    "government officials used this provision to abuse victims in prison camps.",
    "Tier 3 countries do not meet minimum anti-trafficking standards and are not making significant "
    "efforts to do so.",
    "The Government of the Democratic People’s Republic of Korea (DPRK or North Korea) does not fully "
    "meet the minimum standards for the elimination of trafficking and is not making significant "
    "efforts to do so; therefore, the DPRK remained on Tier 3.",
    "One survivor",  # a lone "one" is a word, not a count
]


def _as_tuples(figures):
    return [(f.text, f.low, f.high, f.unit) for f in figures]


@pytest.mark.parametrize("sentence, expected", SEED_FIGURES, ids=[s[:40] for s, _ in SEED_FIGURES])
def test_seed_sentence_figures(sentence, expected):
    figures = parse_figures(sentence)
    assert _as_tuples(figures) == [(t, float(lo), float(hi), u) for t, lo, hi, u in expected]
    for figure in figures:
        assert sentence[figure.start:figure.end] == figure.text


@pytest.mark.parametrize("sentence", SEED_NO_FIGURES)
def test_dates_years_and_identifiers_are_not_figures(sentence):
    assert parse_figures(sentence) == ()


def test_examples_are_verbatim_seed_sentences(seed_text):
    for sentence in [s for s, _ in SEED_FIGURES] + SEED_NO_FIGURES[:-1]:
        assert sentence in seed_text


def test_a_range_is_one_figure():
    (figure,) = parse_figures("The DPRK holds an estimated 80,000 to 120,000 prisoners")
    assert figure.is_range
    assert (figure.low, figure.high) == (80_000, 120_000)
    assert figure.to_json() == {"text": "80,000 to 120,000", "low": 80000.0, "high": 120000.0,
                                "unit": None}


@pytest.mark.parametrize("phrase, expected", [
    ("Example: 80,000–120,000 items", ("80,000–120,000", 80_000, 120_000, None)),
    ("Example: 12-16 items", ("12-16", 12, 16, None)),
    ("Example: from 12 to 16 items", ("12 to 16", 12, 16, None)),
    ("Example: between 1,000 and 2,000 items", ("between 1,000 and 2,000", 1000, 2000, None)),
    ("Example: 2 to 3 million items", ("2 to 3 million", 2 * M, 3 * M, None)),
    ("Example: 500,000 to 1 million items", ("500,000 to 1 million", 500_000, M, None)),
    ("Example: 20 to 30 percent", ("20 to 30 percent", 20, 30, "percent")),
    ("Example: 20%–30%", ("20%–30%", 20, 30, "percent")),
    ("Example: $10 to 20", ("$10 to 20", 10, 20, "USD")),
])
def test_ranges(phrase, expected):
    assert _as_tuples(parse_figures(phrase)) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("Example: 2.6m items", ("2.6m", 2.6 * M, 2.6 * M, None)),
    ("Example: $105m a year", ("$105m", 105 * M, 105 * M, "USD")),
    ("Example: 1.5bn items", ("1.5bn", 1.5e9, 1.5e9, None)),
    ("Example: $105 million", ("$105 million", 105 * M, 105 * M, "USD")),
    ("Example: US$ 5 million", ("US$ 5 million", 5 * M, 5 * M, "USD")),
    ("Example: a million items", ("a million", M, M, None)),
    ("Example: two hundred thousand items", ("two hundred thousand", 200_000, 200_000, None)),
    ("Example: one hundred and five items", ("one hundred and five", 105, 105, None)),
    ("Example: twenty-one items", ("twenty-one", 21, 21, None)),
    ("Example: 70%", ("70%", 70, 70, "percent")),
    ("Example: 70 per cent", ("70 per cent", 70, 70, "percent")),
    ("Example: ¥5,000 in fees", ("¥5,000", 5000, 5000, "JPY")),
    ("Example: ¥5,000 RMB in fees", ("¥5,000 RMB", 5000, 5000, "CNY")),
    ("Example: RMB 300 in fees", ("RMB 300", 300, 300, "CNY")),
    ("Example: €5 in fees", ("€5", 5, 5, "EUR")),
    ("Example: 40 euros in fees", ("40 euros", 40, 40, "EUR")),
    ("Example: a 14-year-old", ("14", 14, 14, None)),
])
def test_scales_currencies_and_percentages(phrase, expected):
    assert _as_tuples(parse_figures(phrase)) == [expected]


@pytest.mark.parametrize("phrase", [
    "Example in 2014.", "Example of 21st items.", "Example from the 1990s.", "Example at 10:30.",
    "Example on 6/20/2019.", "Example on 20 June.", "Example of Articles 30 and 31.",
    "Example of Section 4.", "Example of Tier 2 Watch List.", "Example of COVID-19.", "Example G20.",
    "Example of tens of thousands.", "Example of one of them.", "Example 2014-2016.",
])
def test_things_that_only_look_like_numbers(phrase):
    assert parse_figures(phrase) == ()


def test_a_range_whose_ends_do_not_fit_is_two_figures():
    assert _as_tuples(parse_figures("Example: from 30 to 20 percent")) == [
        ("30", 30, 30, None), ("20 percent", 20, 20, "percent")]
    assert _as_tuples(parse_figures("Example: 12 and 16 items")) == [
        ("12", 12, 12, None), ("16", 16, 16, None)]


@pytest.mark.parametrize("phrase, value", [
    ("2.6 million", 2_600_000), ("2,600,000", 2_600_000), ("2.6m", 2_600_000),
    ("$105 million", 105_000_000), ("$105,000,000", 105_000_000), ("70 percent", 70),
    ("  2.5 million ", 2_500_000), ("2019", 2019), ("one", 1), ("five", 5), ("1.5bn", 1.5e9),
])
def test_parse_number(phrase, value):
    assert parse_number(phrase) == value


@pytest.mark.parametrize("phrase", ["", "about 5", "5 to 6", "two things", "2.6 million and 3", "Tier 3",
                                    "lorem"])
def test_parse_number_rejects_what_is_not_one_number(phrase):
    assert parse_number(phrase) is None


def _one(text: str) -> Figure:
    (figure,) = parse_figures(text)
    return figure


def test_figures_agree_across_spellings():
    assert figures_agree(_one("2.6 million"), _one("2,600,000"))
    assert figures_agree(_one("2.6m"), _one("2.6 million"))
    assert not figures_agree(_one("2.5 million"), _one("2.6 million"))
    assert figures_agree(_one("80,000 to 120,000"), _one("80,000–120,000"))
    assert not figures_agree(_one("80,000 to 120,000"), _one("80,000"))


def test_figures_agree_on_units():
    assert figures_agree(_one("$105,000,000 United States Dollars"), _one("$105 million"))
    # a paraphrase may drop the currency
    assert figures_agree(_one("105 million"), _one("$105,000,000"))
    assert not figures_agree(_one("¥5,000 Chinese Yuan"), _one("$5,000"))
    assert not figures_agree(_one("70 percent"), _one("70 people"))
    assert figures_agree(_one("70%"), _one("70 per cent"))


def test_seed_files_figures_keep_the_text_invariant(seed_text):
    # Every sentence-ish line of both seeds: text == sentence[start:end], no overlap, low <= high.
    for line in seed_text.split(". "):
        previous_end = 0
        for figure in parse_figures(line):
            assert line[figure.start:figure.end] == figure.text
            assert figure.low <= figure.high
            assert figure.start >= previous_end
            previous_end = figure.end
