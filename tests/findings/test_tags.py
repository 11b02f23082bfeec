"""Theme tags from the bundled lexicon on seed sentences (verbatim), and lexicon file errors."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefdeck.errors import BriefdeckError
from briefdeck.findings.tags import _Pattern, load_lexicon, pattern_to_regex

REQUIRED_TAGS = {"ranking", "forced-labor", "prison-camps", "overseas-workers", "sex-trafficking",
                 "sexual-violence", "repatriation", "children", "china", "recommendations"}

# (seed sentence, tags it must carry, tags it must not carry)
SEED_TAGS = [
    ("Political prisoners are subjected to unhygienic living conditions, beatings, torture, rape, a "
     "lack of medical care, and insufficient food.",
     {"prison-camps", "sexual-violence"}, {"sex-trafficking"}),
    ("The UN Commission of Inquiry in 2014 provided details of conditions in these political prison "
     "camps where individuals are forced to work long hours in physically demanding jobs while they are "
     "given insufficient food, forced to live in unhygienic conditions, and subjected to beatings, "
     "torture, and rape.",
     {"prison-camps", "sexual-violence", "forced-labor"}, set()),
    ("Tier 3 countries do not meet minimum anti-trafficking standards and are not making significant "
     "efforts to do so.",
     {"ranking"}, {"sexual-violence"}),
    ("The Government of the Democratic People’s Republic of Korea (DPRK or North Korea) does not fully "
     "meet the minimum standards for the elimination of trafficking and is not making significant "
     "efforts to do so; therefore, the DPRK remained on Tier 3.",
     {"ranking"}, set()),
    ("End the use of forced labor in prison camps and among North Korean workers abroad; end the use "
     "of the death penalty and other harsh sentences for victims who are forcibly repatriated from "
     "destination countries, and provide assistance to trafficking victims in the DPRK and to North "
     "Korean victims forcibly repatriated from abroad; criminalize human trafficking and recognize it "
     "as a distinct crime from human smuggling; investigate and prosecute trafficking cases, and "
     "convict traffickers; establish transparent, bilateral work contracts used to deploy North Korean "
     "laborers to neighboring countries; eliminate coercion tactics used to monitor the movements and "
     "communications of workers in these contracts; increase transparency by allowing international "
     "human rights monitors to evaluate living and working conditions of these overseas workers; forge "
     "partnerships with international organizations and NGOs to combat human trafficking; allow North "
     "Koreans to receive fair wages, choose their form of work, and leave their employment at will; "
     "and accede to the 2000 UN TIP Protocol.",
     {"recommendations", "forced-labor", "prison-camps", "overseas-workers", "repatriation"}, set()),
    ("North Koreans forcibly repatriated by Chinese authorities, including potential trafficking "
     "victims, were sent to prison camps, where they were subjected to forced labor, and possible "
     "torture and sexual abuse by prison guards.",
     {"repatriation", "china", "prison-camps", "forced-labor", "sexual-violence"}, set()),
    ("The government reportedly subjected some forcibly repatriated victims who were pregnant to "
     "forced abortions, and reports indicate infants born to forcibly repatriated victims while in "
     "prison were killed.",
     {"sexual-violence", "repatriation", "children"}, set()),
    ("Instead of moving on to find freedom and family reunion, in China they have been sold into "
     "loveless marriages, forced into brothels, or pressed into the cybersex industry.",
     {"sex-trafficking", "sexual-violence", "china"}, set()),
    ("The report gives this description of the problem: “North Korean women and girls are passed "
     "through the hands of traffickers, brokers and criminal organizations before being pulled into "
     "China’s sex trade, where they are exploited and used by men until their bodies are depleted.”",
     {"sex-trafficking", "sexual-violence", "children", "china"}, set()),
    ("These women are subjected to sexual exploitation by Chinese or Korean-Chinese men, forced "
     "prostitution in brothels or through internet sex sites, or compelled service as hostesses in "
     "nightclubs or karaoke bars.",
     {"sex-trafficking", "sexual-violence", "china"}, set()),
    ("Some 70 percent of North Korean defectors who have successfully fled to China as the first step "
     "in their effort to leave the North are women, and they are particularly vulnerable to sex "
     "trafficking.",
     {"sex-trafficking", "china"}, {"sexual-violence"}),
    # a definition names sexual exploitation as a purpose: not graphic content
    ("Government define “trafficking in persons” as recruitment, transportation and/or exploitation of "
     "persons by coercion, abduction, or deception for the purposes of sexual exploitation or forced "
     "labor and slavery.",
     {"forced-labor"}, {"sexual-violence"}),
    ("China simply returns all North Korean refugees to the North Korean government, where they are "
     "subjected to harsh imprisonment, forced labor, and all too frequently death.",
     {"repatriation", "china", "forced-labor"}, set()),
    ("The fear of being returned to North Korea makes these defectors especially vulnerable.",
     {"repatriation"}, set()),
    ("Some North Korean workers are also sent abroad under rigid government control to work on "
     "contracts with other governments and companies.",
     {"overseas-workers"}, set()),
    ("Many North Korean laborers sent by the government to work abroad under bilateral contracts with "
     "foreign governments also face conditions of forced labor.",
     {"overseas-workers", "forced-labor"}, set()),
    ("Estimates of the number of overseas workers dispatched and the amount of revenue those workers "
     "generated for the DPRK government vary widely; some estimates indicate the number of workers is "
     "in the tens of thousands in total.",
     {"overseas-workers"}, set()),
    ("One young man became a member of one of these work brigades with much fanfare and festivity when "
     "he left the orphanage where he spent his youth to become a member of the brigade.",
     {"children", "forced-labor"}, set()),
    ("At the direction of the government, schools force students older than 14 years of age, including "
     "those in universities, to work without pay on farms for periods up to a month, twice a year; "
     "students who do not meet work quotas set out by the schools face physical abuse.",
     {"children", "forced-labor"}, {"overseas-workers"}),
    ("The North Korean government operates regional, local, or sub-district level “labor training "
     "centers” and forces detainees to work for short periods doing hard labor, receiving little food, "
     "and subject to abuse, including regular beatings.",
     {"prison-camps", "forced-labor"}, set()),
    ("Wages of some North Korean workers employed abroad reportedly are withheld until the laborers "
     "return home, increasing their vulnerability to coercion and exploitation by authorities.",
     {"overseas-workers"}, {"repatriation"}),
    ("The recently released Global Slavery Index states that as many as 2.6 million people—1 out of "
     "every 10 North Koreans—are victims of forced labor or modern slavery.",
     {"forced-labor"}, set()),
    # graphic, but not sexual violence
    ("Furnaces and mass graves are used to dispose the bodies of those who die in these prison camps.",
     {"prison-camps"}, {"sexual-violence"}),
    ("The government did not report any efforts to identify or assist trafficking victims.",
     set(), REQUIRED_TAGS),
]


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.mark.parametrize("sentence, present, absent", SEED_TAGS, ids=[s[:40] for s, _, _ in SEED_TAGS])
def test_seed_sentence_tags(lexicon, sentence, present, absent):
    tags = lexicon.tags_for(sentence)
    assert present <= set(tags), f"missing {present - set(tags)}"
    assert not absent & set(tags), f"unexpected {absent & set(tags)}"
    assert list(tags) == sorted(tags)


def test_examples_are_verbatim_seed_sentences(seed_text):
    for sentence, _, _ in SEED_TAGS:
        assert sentence in seed_text


def test_bundled_lexicon_defines_the_required_tags(lexicon):
    assert REQUIRED_TAGS <= set(lexicon.tags)
    assert list(lexicon.tags) == sorted(lexicon.tags)
    assert re.fullmatch(r"[0-9a-f]{64}", lexicon.sha256)


def test_lexicon_survives_pickling(lexicon):
    # The index tags sources in worker processes.
    copy = pickle.loads(pickle.dumps(lexicon))
    sentence = "Tier 1 countries are fully meeting minimum standards."
    assert copy.tags_for(sentence) == lexicon.tags_for(sentence) == ("ranking",)


def _tags_without_quick_skip(lexicon, text):
    return tuple(tag for tag, rules in lexicon.patterns
                 if any(_Pattern.of(r).regex.search(text) for r in rules))


def test_quick_skip_never_changes_the_tags(lexicon, seed_text):
    # tags_for skips a pattern whose required word is absent; that must change nothing.
    for sentence in seed_text.split(". "):
        assert lexicon.tags_for(sentence) == _tags_without_quick_skip(lexicon, sentence)


_LEXICON_WORDS = st.sampled_from([
    "Prison", "CAMPS", "forced", "Labor", "labour", "sold", "into", "marriage", "returned", "to",
    "North", "Korea", "the", "sexual", "exploitation", "purposes", "of", "Tier", "3", "workers’",
    "earnings", "brothels", "-", "  ", "end the use", "sale", "bodies", "charged", "for", "their",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_LEXICON_WORDS, max_size=12).map(" ".join))
def test_quick_skip_never_changes_the_tags_of_random_text(text):
    lexicon = load_lexicon()
    assert lexicon.tags_for(text) == _tags_without_quick_skip(lexicon, text)


# Upper case, and the characters other than ASCII letters that equal one ignoring case (ſ, K, İ, ı).
_CASE_WORDS = st.sampled_from([
    "FORCED", "Labor", "LABOUR", "Sold", "INTO", "Marriage", "PRISON", "Camps", "ſex", "Trafficking",
    "\u212aorea", "İn", "prıson", "Forced-Labor", "x_forced", "labor_", "workers’", "WAGES", "“", "”", "é",
    "ß", "–", "Repatriated", "CHILDREN", "Brothels",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_CASE_WORDS, max_size=12).map(" ".join))
def test_casefolded_matching_never_changes_the_tags(text):
    # tags_for matches text of ASCII and caseless marks in its casefolded form; that must change nothing.
    lexicon = load_lexicon()
    folded = text.casefold()
    by_regex = tuple(tag for tag, rules in lexicon.patterns
                     if any((p.literal is None or p.literal in folded) and p.regex.search(text)
                            for p in map(_Pattern.of, rules)))
    assert lexicon.tags_for(text) == by_regex


def test_project_lexicon_replaces_the_bundled_one(tmp_path: Path):
    path = tmp_path / "lexicon.yaml"
    path.write_text("lorem-tag:\n  - lorem ipsum\n  - dolor*\n", encoding="utf-8")
    lexicon = load_lexicon(path)
    assert lexicon.tags == ("lorem-tag",)
    assert lexicon.tags_for("Lorem  Ipsum sit amet") == ("lorem-tag",)
    assert lexicon.tags_for("the dolorous example") == ("lorem-tag",)
    assert lexicon.tags_for("Tier 3") == ()
    before = lexicon.sha256
    path.write_text("lorem-tag:\n  - lorem ipsum\n", encoding="utf-8")
    assert load_lexicon(path).sha256 != before


@pytest.mark.parametrize("pattern, matches, misses", [
    ("prison camp", ["a prison camp", "PRISON CAMP", "prison-camp", "prison\n camp"], ["prison camps", "imprison camp"]),
    ("traffick*", ["trafficking", "Trafficked", "traffickers"], ["untrafficked"]),
    ("workers' earnings", ["the workers’ earnings", "workers' earnings"], ["workers earnings"]),
    ("U.S.", ["the U.S. report"], ["the US report"]),
    (r"/\btier\s*[1-3]\b/", ["Tier 2"], ["Tier 4", "frontier 2"]),
])
def test_pattern_format(pattern, matches, misses):
    regex = re.compile(pattern_to_regex(pattern), re.IGNORECASE)
    for text in matches:
        assert regex.search(text), text
    for text in misses:
        assert not regex.search(text), text


def _error(tmp_path: Path, text: str) -> BriefdeckError:
    path = tmp_path / "lexicon.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BriefdeckError) as caught:
        load_lexicon(path)
    return caught.value


def _where(problem) -> tuple:
    return (Path(problem.location.file).name, problem.location.line, problem.location.column)


def test_yaml_syntax_error_shows_line_and_column(tmp_path):
    error = _error(tmp_path, "ranking:\n  - tier 1\n  - [unclosed\nchina:\n  - China\n")
    (problem,) = error.problems
    assert problem.message.startswith("a '[' opened at line 3, column 5 is not closed where expected")
    assert _where(problem)[0] == "lexicon.yaml" and _where(problem)[1] >= 3
    assert problem.location.column is not None


def test_every_problem_is_reported_at_once_with_its_place(tmp_path):
    error = _error(tmp_path, (
        "Bad Tag:\n"             # line 1: not a tag name
        "  - lorem\n"
        "ranking: tier 1\n"      # line 3: not a list
        "china:\n"
        "  - '*lorem'\n"         # line 5: * not at the end of a word
        "  - /lorem(/\n"         # line 6: bad regex
        "  - /x*/\n"             # line 7: matches empty text
        "china:\n"               # line 8: defined twice
        "  - China\n"
    ))
    assert [(_where(p)[1], _where(p)[2]) for p in error.problems] == [
        (1, 1), (3, 10), (5, 5), (6, 5), (7, 5), (8, 1)]
    messages = "\n".join(p.message for p in error.problems)
    assert "a tag name should be lower-case words joined by hyphens, found 'Bad Tag'" in messages
    assert "tag 'ranking' should have a list of patterns, found 'tier 1'" in messages
    assert "a * may only stand at the end of a word" in messages
    assert "not a valid regular expression" in messages
    assert "matches empty text" in messages
    assert "duplicate key 'china': first at line 4, again at line 8" in messages
    assert all(p.location.file.endswith("lexicon.yaml") for p in error.problems)


@pytest.mark.parametrize("text, message", [
    ("", "should map tag names to lists of patterns, found nothing"),
    ("- lorem\n", "should map tag names to lists of patterns, found a list"),
    ("ranking: []\n", "tag 'ranking' should have a list of patterns, found an empty list"),
    ("ranking:\n  - ''\n", "a pattern of tag 'ranking' should be a word, phrase or /regex/"),
])
def test_malformed_lexicon_messages(tmp_path, text, message):
    error = _error(tmp_path, text)
    assert message in error.problems[0].message
    assert error.problems[0].location.line is not None


def test_missing_or_binary_lexicon_is_a_clear_error(tmp_path):
    with pytest.raises(BriefdeckError) as caught:
        load_lexicon(tmp_path / "absent.yaml")
    assert "lexicon not found" in str(caught.value)
    binary = tmp_path / "lexicon.yaml"
    binary.write_bytes(b"\xff\xfe\x00lorem")
    with pytest.raises(BriefdeckError) as caught:
        load_lexicon(binary)
    assert "the lexicon is UTF-16 text; briefdeck reads UTF-8" in str(caught.value)
    binary.write_bytes(b"tag:\n  - lor\xe9m\n")
    with pytest.raises(BriefdeckError) as caught:
        load_lexicon(binary)
    assert "the lexicon is not UTF-8 text: byte 0xE9" in str(caught.value)
