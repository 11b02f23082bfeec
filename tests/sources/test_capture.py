"""Plain text captured from a PDF: page furniture, hyphens, upper-case headings and bullets."""

import pytest

from briefdeck.sources.assemble import source_from_bytes
from briefdeck.sources.read import PlainTextReader

CAPTURE = """Trafficking in Persons Report 2030 - Country Narratives - Examplestan

The government increased efforts. It reported labor traffick-
ing cases and state-
sponsored forced labor, and recruit-
ers were investigated.

212   TRAFFICKING IN PERSONS REPORT 2030

PROSECUTION
The government increased law enforcement efforts. Officials investigated 12 cases of
trafficking in the
213
capital and elsewhere.

RECOMMENDATIONS
• Screen migrant workers for indicators of trafficking.
• Increase
funding for shelters.
• Train officials

TRAFFICKING PROFILE
As reported over the past five years, traffickers exploit victims in the

214   TRAFFICKING IN PERSONS REPORT 2030

country and abroad.
"""


@pytest.fixture(scope="module")
def source():
    return source_from_bytes(CAPTURE.encode(), reader=PlainTextReader(), source_id="cap", record=None,
                             name="cap.txt")


def test_running_headers_and_page_numbers_are_not_text(source):
    texts = [p.text for p in source.paragraphs]
    assert not any("TRAFFICKING IN PERSONS REPORT" in t or "212" in t or " 213 " in t for t in texts)
    assert texts[1] == ("The government increased law enforcement efforts. Officials investigated 12 cases of "
                        "trafficking in the capital and elsewhere.")


def test_a_paragraph_broken_by_a_page_header_goes_on(source):
    assert source.paragraphs[-1].text == ("As reported over the past five years, traffickers exploit victims "
                                          "in the country and abroad.")


def test_line_end_hyphens_are_rejoined_only_for_words(source):
    first = source.paragraphs[0].text
    assert "labor trafficking cases" in first  # "trafficking" is spelt whole elsewhere in the document
    assert "recruiters were" in first  # in the shipped word list only
    assert "state-sponsored" in first  # a real compound keeps its hyphen


def test_upper_case_headings_are_sections_not_text(source):
    assert source.headings == ("PROSECUTION", "RECOMMENDATIONS", "TRAFFICKING PROFILE")
    by_section = {p.section: p.text for p in source.paragraphs}
    assert by_section["PROSECUTION"].startswith("The government increased law enforcement")
    assert by_section["TRAFFICKING PROFILE"].startswith("As reported")
    assert not any(p.text.startswith(("PROSECUTION", "TRAFFICKING")) for p in source.paragraphs)


def test_each_bullet_is_a_paragraph_without_its_glyph(source):
    items = [p.text for p in source.paragraphs if p.section == "RECOMMENDATIONS"]
    assert items == ["Screen migrant workers for indicators of trafficking.", "Increase funding for shelters.",
                     "Train officials"]


def test_offsets_still_point_into_the_capture(source):
    for paragraph in source.paragraphs:
        for sentence in paragraph.sentences:
            original = CAPTURE[sentence.start:sentence.end]
            assert original.split()[0] == sentence.text.split()[0]
            assert original.split()[-1] == sentence.text.split()[-1]


def test_ordinary_text_with_dashes_and_short_lines_is_unchanged():
    text = "A title\n\nWorkers – often children – were sent abroad.\nMore lines follow here.\n"
    source = source_from_bytes(text.encode(), reader=PlainTextReader(), source_id="t", record=None, name="t.txt")
    assert [p.text for p in source.paragraphs] == [
        "Workers – often children – were sent abroad. More lines follow here."]


def test_a_heading_each_chapter_repeats_is_kept_and_a_numbered_running_footer_is_not():
    chapter = ("PROSECUTION\nThe government made no efforts.\n\nPage {n} of 9 - Narratives\n\n")
    text = "Narratives\n\nFour chapters follow.\n\n" + "".join(chapter.format(n=n) for n in range(1, 5))
    source = source_from_bytes(text.encode(), reader=PlainTextReader(), source_id="r", record=None, name="r.txt")
    assert source.headings == ("PROSECUTION",) * 4
    assert [p.text for p in source.paragraphs] == ["Four chapters follow."] + ["The government made no efforts."] * 4
