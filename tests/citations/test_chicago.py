"""Golden tests: Chicago notes and bibliography, exact words and italics."""

from __future__ import annotations

import pytest

from briefdeck.citations import STYLES, get_style, plain, to_html
from briefdeck.errors import BriefdeckError

from .records import SEED_QUOTES, SEEDS, cite, italics, links, synthetic

chicago = get_style("chicago-note")


# --- the corpus: the TIP 2017 country narrative and King 2019 -----------------------------

def test_report_chapter_full_note(tip):
    note = chicago.full_note(tip)
    assert plain(note) == ("U.S. Department of State, “Democratic People’s Republic of Korea,” in "
                           "Trafficking in Persons Report 2017, Country narrative (U.S. Department of State, 2017), par. 1.")
    # the genre follows the report; publication facts give the year
    assert italics(note) == ["Trafficking in Persons Report 2017"]
    assert links(note) == []  # the record has no URL, and none is invented


def test_report_chapter_short_note_keeps_a_title_of_four_significant_words(tip):
    note = chicago.short_note(tip)
    assert plain(note) == "U.S. Department of State, “Democratic People’s Republic of Korea,” par. 1."
    assert italics(note) == []


def test_blog_post_full_note(king):
    note = chicago.full_note(king)
    assert plain(note) == ("Robert R. King, “State Department Report Finds North Korea Policies Encourage Human "
                           "Trafficking,” The Peninsula (blog), Korea Economic Institute of America, "
                           "July 24, 2019, par. 17.")  # headline style (8.159): "finds" → "Finds"
    assert italics(note) == ["The Peninsula"]


def test_blog_post_short_note_shortens_the_title(king):
    assert plain(chicago.short_note(king)) == "King, “State Department Report,” par. 17."


def test_note_is_full_the_first_time_and_short_after(king):
    assert chicago.note(king, first=True) == chicago.full_note(king)
    assert chicago.note(king, first=False) == chicago.short_note(king)


def test_sentence_locator_cites_its_paragraph(seeds):
    citation = cite(seeds["king-2019"], 17, 1, quoted=SEED_QUOTES[("king-2019", 17)])
    assert chicago.locator_label(citation) == "par. 17"
    assert plain(chicago.short_note(citation)) == "King, “State Department Report,” par. 17."


def test_whole_source_citation_has_no_locator(seeds):
    citation = cite(seeds["king-2019"])
    assert chicago.locator_label(citation) == ""
    assert plain(chicago.short_note(citation)) == "King, “State Department Report.”"
    assert plain(chicago.full_note(citation)).endswith("Korea Economic Institute of America, July 24, 2019.")


def test_relayed_speaker_is_quoted_in_the_source(king_cnn):
    assert plain(chicago.full_note(king_cnn)) == (
        "CNN, quoted in Robert R. King, “State Department Report Finds North Korea Policies Encourage Human "
        "Trafficking,” The Peninsula (blog), Korea Economic Institute of America, July 24, 2019, par. 9.")
    assert plain(chicago.short_note(king_cnn)) == "CNN, quoted in King, “State Department Report,” par. 9."


def test_notes_style_has_no_in_text_citation(king):
    assert chicago.in_text(king) == ()
    assert chicago.author_date is False
    assert chicago.bibliography_heading == "Bibliography"


def test_bibliography_entries_of_the_seeds(seeds):
    king = chicago.bibliography_entry(seeds["king-2019"])
    assert plain(king) == ("King, Robert R. “State Department Report Finds North Korea Policies Encourage Human "
                           "Trafficking.” The Peninsula (blog), Korea Economic Institute of America, July 24, 2019.")
    assert italics(king) == ["The Peninsula"]
    tip = chicago.bibliography_entry(seeds["tip-2017-dprk"])
    assert plain(tip) == ("U.S. Department of State. “Democratic People’s Republic of Korea.” In Trafficking in "
                          "Persons Report 2017, Country narrative. U.S. Department of State, 2017.")
    assert italics(tip) == ["Trafficking in Persons Report 2017"]


def test_seed_fixture_words_are_in_the_seed_texts():
    texts = {"king-2019": (SEEDS / "000_5d0627c7a3221be2.txt").read_text(encoding="utf-8"),
             "tip-2017-dprk": (SEEDS / "001_8626f1c1c84b5475.txt").read_text(encoding="utf-8")}
    for (source_id, _), words in SEED_QUOTES.items():
        assert words in texts[source_id]


# --- synthetic records for the types the corpus lacks --------------------------------------

def test_journal_article_whole_source_gives_page_range_and_link():
    record = synthetic("example-journal")
    note = chicago.full_note(cite(record))
    url = "https://example.org/articles?id=12&format=full"
    assert plain(note) == f"Example Author, “A Study of Examples,” Journal of Examples 12, no. 3 (2020): 45–67, {url}."
    assert italics(note) == ["Journal of Examples"]
    assert links(note) == [(url, url)]  # "&" intact, the span is the live link


def test_journal_article_paragraph_takes_the_place_of_the_page():
    note = chicago.full_note(cite(synthetic("example-journal"), 8))
    assert plain(note).startswith("Example Author, “A Study of Examples,” Journal of Examples 12, no. 3 (2020): "
                                  "par. 8, https://")
    assert plain(chicago.short_note(cite(synthetic("example-journal"), 8))) == \
        "Author, “Study of Examples,” par. 8."


def test_journal_article_bibliography_entry():
    entry = chicago.bibliography_entry(synthetic("example-journal"))
    assert plain(entry) == ("Author, Example. “A Study of Examples.” Journal of Examples 12, no. 3 (2020): 45–67. "
                            "https://example.org/articles?id=12&format=full.")
    assert italics(entry) == ["Journal of Examples"]
    assert links(entry)[0][1] == "https://example.org/articles?id=12&format=full"


def test_url_is_escaped_only_in_html():
    html = to_html(chicago.bibliography_entry(synthetic("example-journal")))
    assert '<a href="https://example.org/articles?id=12&amp;format=full">' in html
    assert "<i>Journal of Examples</i>" in html


def test_book_with_two_authors_and_a_place():
    citation = cite(synthetic("example-book"), 3)
    note = chicago.full_note(citation)
    assert plain(note) == ("Example Author and Other Writer, A Book of Examples: Notes on Nothing in Particular "
                           "(Example City: Example Press, 2018), par. 3.")
    assert italics(note) == ["A Book of Examples: Notes on Nothing in Particular"]
    short = chicago.short_note(citation)
    assert plain(short) == "Author and Writer, Book of Examples, par. 3."
    assert italics(short) == ["Book of Examples"]
    entry = chicago.bibliography_entry(citation.record)
    assert plain(entry) == ("Author, Example, and Other Writer. A Book of Examples: Notes on Nothing in Particular. "
                            "Example City: Example Press, 2018.")


def test_book_without_place_prints_no_place():
    record = synthetic("example-book", **{"publisher-place": None})
    assert plain(chicago.full_note(cite(record))) == ("Example Author and Other Writer, A Book of Examples: Notes "
                                                      "on Nothing in Particular (Example Press, 2018).")


def test_newspaper_with_three_authors_and_a_quotation_in_the_title():
    citation = cite(synthetic("example-news"))
    url = "https://news.example.com/story?id=7&section=world"
    note = chicago.full_note(citation)
    assert plain(note) == ("Example Author, Other Writer, and Third Person, “The So-Called ‘Example’ Problem,” "
                           f"The Example Times, March 4, 2021, {url}.")
    assert italics(note) == ["The Example Times"]
    assert links(note) == [(url, url)]
    assert plain(chicago.short_note(citation)) == "Author, Writer, and Person, “So-Called ‘Example’ Problem.”"
    assert plain(chicago.bibliography_entry(citation.record)) == (
        "Author, Example, Other Writer, and Third Person. “The So-Called ‘Example’ Problem.” "
        f"The Example Times, March 4, 2021. {url}.")


def test_four_authors_are_et_al_in_notes_and_listed_in_the_bibliography():
    citation = cite(synthetic("example-report"), 2)
    note = chicago.full_note(citation)
    assert plain(note) == "Example Author et al., Report on Example Matters (Example Institute, 2016), par. 2."
    assert italics(note) == ["Report on Example Matters"]
    assert plain(chicago.short_note(citation)) == "Author et al., Report on Example Matters, par. 2."
    assert plain(chicago.bibliography_entry(citation.record)) == (
        "Author, Example, Other Writer, Third Person, and Fourth Name. Report on Example Matters. "
        "Example Institute, 2016.")


def test_more_than_ten_authors_show_seven_in_the_bibliography():
    authors = [{"family": f"Author{n}", "given": "Example"} for n in range(1, 12)]
    entry = plain(chicago.bibliography_entry(synthetic("example-journal", author=authors)))
    assert entry.startswith("Author1, Example, Example Author2, Example Author3, Example Author4, "
                            "Example Author5, Example Author6, Example Author7, et al. “A Study of Examples.”")


def test_undated_page_with_access_date_and_title_ending_in_a_quotation():
    citation = cite(synthetic("example-page"))
    url = "https://example.org/page?a=1&b=2"
    note = chicago.full_note(citation)
    assert plain(note) == f"Example Organization, “Beyond ‘Example,’” Example Site, accessed January 15, 2024, {url}."
    assert italics(note) == []  # a website's name is roman
    assert links(note) == [(url, url)]
    assert plain(chicago.short_note(citation)) == "Example Organization, “Beyond ‘Example.’”"
    assert plain(chicago.bibliography_entry(citation.record)) == (
        f"Example Organization. “Beyond ‘Example.’” Example Site. Accessed January 15, 2024. {url}.")


def test_missing_date_is_n_d():
    citation = cite(synthetic("example-post"), 4)
    note = chicago.full_note(citation)
    assert plain(note) == "Example Author, “Lorem Ipsum Dolor,” Example Blog, n.d., par. 4."
    assert italics(note) == ["Example Blog"]  # already called a blog: no "(blog)"
    assert plain(chicago.bibliography_entry(citation.record)) == \
        "Author, Example. “Lorem Ipsum Dolor.” Example Blog, n.d."


def test_access_date_only_when_there_is_no_date_of_issue():
    record = synthetic("example-journal", accessed={"date-parts": [[2024, 2, 1]]})
    assert "accessed" not in plain(chicago.full_note(cite(record)))


def test_book_without_any_date():
    record = synthetic("example-book", issued=None)
    assert plain(chicago.full_note(cite(record))) == ("Example Author and Other Writer, A Book of Examples: Notes "
                                                      "on Nothing in Particular (Example City: Example Press, n.d.).")


def test_work_without_author_begins_with_its_title():
    citation = cite(synthetic("example-unsigned"), 1)
    assert plain(chicago.full_note(citation)) == \
        "“Example Headline about Nothing,” The Example Times, May 6, 2022, par. 1."
    assert plain(chicago.short_note(citation)) == "“Example Headline about Nothing,” par. 1."
    # the bibliography lists an unsigned article under its paper; "about" is a preposition (8.159)
    assert plain(chicago.bibliography_entry(citation.record)) == \
        "The Example Times. “Example Headline about Nothing.” May 6, 2022."


def test_title_ending_in_a_question_mark_takes_no_added_period():
    record = synthetic("example-post", title="Why Examples?")
    assert plain(chicago.short_note(cite(record))) == "Author, “Why Examples?”"
    assert plain(chicago.bibliography_entry(record)) == "Author, Example. “Why Examples?” Example Blog, n.d."


def test_record_short_title_is_used_when_given(seeds):
    record = synthetic("example-journal", **{"title-short": "Examples"})
    assert plain(chicago.short_note(cite(record, 2))) == "Author, “Examples,” par. 2."


def test_bibliography_sorts_by_author_then_title_then_date(seeds):
    records = [seeds["tip-2017-dprk"], seeds["king-2019"], *(synthetic(i) for i in [
        "example-unsigned", "example-report", "example-journal", "example-page", "example-news",
        "example-book", "example-post", "example-journal-older"])]
    ordered = [r.id for r in chicago.sort_bibliography(records)]
    assert ordered == [
        "example-journal-older",  # Author, Example: “Further Examples” (2015)
        "example-post",           # Author, Example: “Lorem Ipsum Dolor” (n.d.)
        "example-journal",        # Author, Example: “A Study of Examples” (2020), article ignored
        "example-book",           # Author, Example, and Other Writer
        "example-news",           # … Writer, and Third Person
        "example-report",         # … Third Person, and Fourth Name
        "example-page",           # Example Organization
        "example-unsigned",       # no author: files under its paper, The Example Times, article ignored
        "king-2019",
        "tip-2017-dprk",          # U.S. Department of State
    ]
    assert chicago.sort_bibliography(reversed(records)) == chicago.sort_bibliography(records)


# --- the style registry -------------------------------------------------------------------

def test_styles_are_named():
    assert STYLES == ("chicago-note", "apa")
    assert [get_style(name).name for name in STYLES] == list(STYLES)


def test_unknown_style_is_an_error_with_choices():
    with pytest.raises(BriefdeckError) as caught:
        get_style("chicago")
    problem = caught.value.problems[0]
    assert problem.message == "unknown citation style 'chicago'"
    assert problem.code == "unknown-style"
    assert problem.hint == "did you mean 'chicago-note'? valid citation styles: apa, chicago-note"
