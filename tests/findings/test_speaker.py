"""Reported speakers of the seed sentences (verbatim) and of neutral example sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefdeck.findings.speaker import reported_speaker

SEED_SPEAKERS = [
    ("Just a few days ago, CNN reported on some of these victims forced into the cybersex industry in "
     "northeast China, one had spent five years and another eight years in cybersex slavery: “For "
     "five years, Lee—whose name has been changed for her safety—says she had been imprisoned with a "
     "handful of other girls in a tiny apartment in northeast China, after the broker she trusted to "
     "plan her escape from North Korea sold her to a cybersex operator.",
     "CNN"),
    ("The report estimates that overall this “complex and interconnected network of criminality "
     "accrues an estimated $105,000,000 United States Dollars annually from the sale of female North "
     "Korean bodies.”",
     "The report"),
    ("The recently released Global Slavery Index states that as many as 2.6 million people—1 out of "
     "every 10 North Koreans—are victims of forced labor or modern slavery.",
     "Global Slavery Index"),
    ("South China Morning Post reported that China’s booming economy has “fueled a prostitution boom.”",
     "South China Morning Post"),
    ("Reuters reported on one mobilization in January this year.", "Reuters"),
    ("The Korea Future Initiative report says North Korean women are in great demand because of the "
     "low price charged for their bodies, which can be as little as $4 for prostitution services and "
     "$146 to purchase a wife.”",
     "Korea Future Initiative"),
    ("Human rights groups estimate that such work brigades include some 400,000 people.",
     "Human rights groups"),
    ("The UN Commission of Inquiry on North Korea human rights in 2014 estimated that such brigades "
     "number 20,000 to 100,000 in each municipality depending on size.",
     "UN Commission of Inquiry"),
    ("One survivor of exploitation said, “I was deceived by a broker and sold into marriage for "
     "¥5,000 Chinese Yuan ($720 United States Dollars).",
     "One survivor of exploitation"),
    ("A report of the Congressional-Executive Commission on China concluded that in the case of "
     "China, “The government of the Democratic People’s Republic of Korea (DPRK) reportedly continued "
     "to generate revenue by sending DPRK nationals to work in China under conditions that may "
     "constitute forced labor.”",
     "Congressional-Executive Commission on China"),
    ("North Korean defectors reported instances of the government executing trafficking victims "
     "forcibly repatriated from China.",
     "North Korean defectors"),
    ("An unconfirmed NGO report indicated traffickers are sentenced based on the number of people "
     "they exploit: one to three victims results in 10 years or more in forced labor camps, four to "
     "six victims results in an unlimited period in forced labor camps, and seven or more victims "
     "results in the death penalty.",
     "An unconfirmed NGO report"),
    ("The report declares that the North Korean government had the “weakest response to slavery” of "
     "all countries covered in the survey, and that the Pyongyang government is directly involved in "
     "forced labor both inside and outside the country.",
     "The report"),
    ("The State Department report noted that Seoul “continued to demonstrate serious and sustained "
     "efforts . . . including funding and operating facilities to assist trafficking victims, training "
     "government officials to address sex trafficking, and cooperating with foreign law enforcement "
     "in the investigation of trafficking cases.”",
     "State Department"),
    ("The 2019 Trafficking in Persons Report identified North Korea as a country that uses forced "
     "labor as part of an established system of political repression and a pillar of its economic "
     "system.",
     "Trafficking in Persons Report"),
    ("Other reports note these laborers work on average between 12 and 16 hours a day, and sometimes "
     "up to 20 hours per day, and are allowed only one or two rest days per month.",
     "Other reports"),
    ("Credible reports show many North Koreans working under these contracts are subjected to "
     "conditions indicative of forced labor, such as working excessively long hours in hazardous "
     "temperatures with restricted pay, for up to three years at a time.",
     "Credible reports"),
    # the reporting clause follows a semicolon
    ("Estimates of the number of overseas workers dispatched and the amount of revenue those workers "
     "generated for the DPRK government vary widely; some estimates indicate the number of workers is "
     "in the tens of thousands in total.",
     "some estimates"),
]

# Seed sentences that relay no one.
SEED_NO_SPEAKER = [
    "The DPRK holds an estimated 80,000 to 120,000 prisoners in political prison camps in remote "
    "areas of the country.",
    # negated: the government as an actor that did not report
    "The government did not report any efforts to identify or assist trafficking victims.",
    "The government did not report whether it provided any anti-trafficking training to its "
    "officials.",
    # "examines" is not a reporting verb; "report" here is a noun
    "The State Department trafficking report examines all countries and categorizes them into three "
    "“tiers” according to how they are meeting standards to eliminate trafficking.",
    # passive: the labour is what was estimated
    "The value of such unpaid labor is estimated to total nearly one billion dollars annually.",
    # "an estimated" is an adjective
    "An estimated 80,000 to 120,000 political prisoners are held in segregated prison camps, and in "
    "these camps, all prisoners, including children, are subject to forced labor.",
    # no subject
    "As reported over the past five years, the DPRK is a source country for men, women, and children "
    "who are subjected to forced labor and sex trafficking.",
    "Authorities reportedly send people to such centers if they are suspected of engaging in simple "
    "trading schemes or are unemployed.",
    "The UN Commission of Inquiry in 2014 provided details of conditions in these political prison "
    "camps where individuals are forced to work long hours in physically demanding jobs while they are "
    "given insufficient food, forced to live in unhygienic conditions, and subjected to beatings, "
    "torture, and rape.",
    "On June 20, 2019, the U.S. Department of State released the 2019 Trafficking in Persons Report.",
]


@pytest.mark.parametrize("sentence, speaker", SEED_SPEAKERS, ids=[s[:40] for s, _ in SEED_SPEAKERS])
def test_seed_sentence_speakers(sentence, speaker):
    assert reported_speaker(sentence) == speaker


@pytest.mark.parametrize("sentence", SEED_NO_SPEAKER, ids=[s[:40] for s in SEED_NO_SPEAKER])
def test_seed_sentences_without_a_speaker(sentence):
    assert reported_speaker(sentence) is None


def test_examples_are_verbatim_seed_sentences(seed_text):
    for sentence in [s for s, _ in SEED_SPEAKERS] + SEED_NO_SPEAKER:
        assert sentence in seed_text


@pytest.mark.parametrize("sentence, speaker", [
    ("According to the Example Agency, lorem ipsum rose.", "Example Agency"),
    ("Lorem ipsum rose, according to officials.", "officials"),
    ("Lorem ipsum went according to plan.", None),
    ("Example Agency has reported that lorem ipsum rose.", "Example Agency"),
    ("The Example Agency’s annual report found that lorem ipsum rose.", "Example Agency"),
    ("The family said it would leave.", "The family"),
    ("It said so.", None),
    ("The agency failed to report the figures.", None),
    ("The agency didn’t say.", None),
    ("If found, the items are returned.", None),
    ("“Lorem ipsum,” said the agency.", None),
    ("", None),
])
def test_example_sentences(sentence, speaker):
    assert reported_speaker(sentence) == speaker


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120) | st.lists(st.sampled_from(
    ["The", "report", "reports", "said", "says", "estimated", "not", "did", "According", "to", "Example",
     "Agency", "of", "the", ",", ";", "“", "is", "One", "North", "Korean", "lorem"]), max_size=20).map(" ".join))
def test_random_text_never_raises_and_the_speaker_is_its_words(text):
    speaker = reported_speaker(text)
    assert speaker is None or (speaker and speaker in text)
