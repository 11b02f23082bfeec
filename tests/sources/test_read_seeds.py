"""Reading the two seed documents: paragraphs, sections, sentences and offsets as DESIGN.md defines them."""

from pathlib import Path

import pytest

from briefdeck.sources.corpus import list_sources, read_all
from briefdeck.sources.text import fold

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def sources():
    return {s.id: s for s in read_all(list_sources(SEEDS))}


def test_king_has_26_body_paragraphs_with_its_four_sections(sources):
    king = sources["king-2019"]
    assert len(king.paragraphs) == 26
    assert king.paragraphs[0].text.startswith("On June 20, 2019, the U.S. Department of State released")
    assert king.paragraphs[-1].text.startswith("Although North Korea is a signatory")
    assert king.paragraph(4).section is None
    assert king.paragraph(5).section == "North Korea’s Record on Trafficking"
    assert king.paragraph(7).section == "North Korean Defectors are Frequent Victims of Sex Trafficking"
    assert king.paragraph(13).section == "Chinese Policy Contributes to Sex Trafficking of North Korean Refugees"
    assert king.paragraph(16).section == "Forced Labor in North Korea"
    assert king.paragraph(26).section == "Forced Labor in North Korea"


def test_tip_has_11_paragraphs_in_the_narratives_known_sections(sources):
    tip = sources["tip-2017-dprk"]
    sections = [p.section for p in tip.paragraphs]
    assert sections == ["Summary", "Recommendations", "Prosecution", "Prosecution", "Protection", "Protection",
                        "Prevention", "Trafficking profile", "Trafficking profile", "Trafficking profile",
                        "Trafficking profile"]


@pytest.mark.parametrize("line", ["Search All Site Content", "Total Index", "Subscribe to our Mailing List!",
                                  "Sign up for our mailing list", "Return to the Peninsula", "Stay Informed",
                                  "Register to receive updates", "Picture courtesy",
                                  "Robert R. King is a Non-Resident Fellow"])
def test_no_boilerplate_or_authors_note_is_a_paragraph(sources, line):
    for source in sources.values():
        assert not any(line in p.text for p in source.paragraphs)


def test_title_masthead_and_byline_are_not_paragraphs(sources):
    texts = [p.text for p in sources["king-2019"].paragraphs]
    assert "The Peninsula" not in texts
    assert not any(t.startswith(("Published July 24, 2019", "By Robert R. King", "State Department Report finds"))
                   for t in texts)


def test_sentences_survive_abbreviations_initials_and_ellipses(sources):
    king = sources["king-2019"]
    all_sentences = [s.text for p in king.paragraphs for s in p.sentences]
    assert "On June 20, 2019, the U.S. Department of State released the 2019 Trafficking in Persons Report." \
        in all_sentences
    assert not any(s.endswith(("U.S.", " R.")) for s in all_sentences)
    p5 = king.paragraph(5)
    assert any(". . . [and] it did not protect" in s.text for s in p5.sentences)
    p11 = [s.text for s in king.paragraph(11).sentences]
    assert any("$4 for prostitution services and $146" in s for s in p11)
    assert any("¥5,000 Chinese Yuan ($720 United States Dollars). I spent six years as a slave.”" in s for s in p11)
    p17 = king.paragraph(17).sentences
    assert "as many as 2.6 million people" in p17[0].text


def test_locator_numbering_matches_design(sources):
    tip = sources["tip-2017-dprk"]
    assert tip.paragraph(1).sentences[0].text.endswith("therefore, the DPRK remained on Tier 3.")
    assert tip.paragraph(1).sentences[1].text.startswith("The government did not demonstrate any efforts")
    assert "80,000 to 120,000" in tip.paragraph(8).text
    assert "80,000 to 120,000" in sources["king-2019"].paragraph(23).text


def test_offsets_point_back_to_the_original_text(sources):
    for source in sources.values():
        original = (SEEDS / source.path).read_text(encoding="utf-8")
        for paragraph in source.paragraphs:
            assert fold(original, paragraph.start, paragraph.end).text == paragraph.text
            for sentence in paragraph.sentences:
                assert paragraph.start <= sentence.start < sentence.end <= paragraph.end
                assert fold(original, sentence.start, sentence.end).text == sentence.text
