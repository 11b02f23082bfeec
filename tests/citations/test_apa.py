"""Golden tests: APA 7 author-date citations and reference list, exact words and italics."""

from __future__ import annotations

from briefdeck.citations import get_style, plain

from .records import cite, italics, links, synthetic

apa = get_style("apa")

# A blog post's source is the blog: no publisher (APA 7 10.1); the report's genre is a bracketed
# description after the report it is part of (9.21), and its publisher is its author (9.29).
KING_ENTRY = ("King, R. R. (2019, July 24). State Department Report finds North Korea Policies Encourage Human "
              "Trafficking. The Peninsula.")
TIP_ENTRY = ("U.S. Department of State. (2017). Democratic People’s Republic of Korea. In Trafficking in Persons "
             "Report 2017 [Country narrative].")


# --- the corpus ---------------------------------------------------------------------------

def test_reference_entry_of_the_blog_post(seeds):
    entry = apa.bibliography_entry(seeds["king-2019"])
    assert plain(entry) == KING_ENTRY
    assert italics(entry) == ["The Peninsula"]
    assert links(entry) == []


def test_reference_entry_of_the_report_chapter_omits_the_publisher_that_is_the_author(seeds):
    entry = apa.bibliography_entry(seeds["tip-2017-dprk"])
    assert plain(entry) == TIP_ENTRY
    assert italics(entry) == ["Trafficking in Persons Report 2017"]


def test_in_text_citations(tip, king):
    assert plain(apa.in_text(tip)) == "(U.S. Department of State, 2017, para. 1)"
    assert plain(apa.in_text(king)) == "(King, 2019, para. 17)"
    assert italics(apa.in_text(king)) == []


def test_note_is_the_in_text_citation_without_parentheses(king):
    assert plain(apa.note(king, first=True)) == "King, 2019, para. 17"
    assert apa.note(king, first=False) == apa.note(king, first=True)


def test_short_note_is_the_narrative_citation(tip, king):
    assert plain(apa.short_note(king)) == "King (2019, para. 17)"
    assert plain(apa.short_note(tip)) == "U.S. Department of State (2017, para. 1)"


def test_full_note_is_the_citation_and_the_reference_entry(king):
    note = apa.full_note(king)
    assert plain(note) == "(King, 2019, para. 17) " + KING_ENTRY
    assert italics(note) == ["The Peninsula"]


def test_relayed_speaker_is_as_cited_in(king_cnn):
    assert plain(apa.in_text(king_cnn)) == "(CNN, as cited in King, 2019, para. 9)"
    assert plain(apa.note(king_cnn, first=True)) == "CNN, as cited in King, 2019, para. 9"
    assert plain(apa.short_note(king_cnn)) == "CNN, as cited in King (2019, para. 9)"


def test_locators(seeds):
    assert apa.locator_label(cite(seeds["king-2019"], 8)) == "para. 8"
    assert apa.locator_label(cite(seeds["king-2019"], 8, 2)) == "para. 8"  # a sentence cites its paragraph
    assert apa.locator_label(cite(seeds["king-2019"])) == ""
    assert plain(apa.in_text(cite(seeds["king-2019"]))) == "(King, 2019)"


def test_style_facts():
    assert apa.name == "apa"
    assert apa.author_date is True
    assert apa.bibliography_heading == "References"


# --- synthetic records --------------------------------------------------------------------

def test_journal_article_with_volume_issue_pages_and_link():
    url = "https://example.org/articles?id=12&format=full"
    entry = apa.bibliography_entry(synthetic("example-journal"))
    assert plain(entry) == f"Author, E. (2020). A Study of Examples. Journal of Examples, 12(3), 45–67. {url}"
    assert italics(entry) == ["Journal of Examples", "12"]
    assert links(entry) == [(url, url)]
    assert entry[-1].url == url  # nothing after the link: APA puts no period after a URL


def test_book_with_two_authors_has_no_place():
    citation = cite(synthetic("example-book"), 3)
    entry = apa.bibliography_entry(citation.record)
    assert plain(entry) == ("Author, E., & Writer, O. (2018). A Book of Examples: Notes on Nothing in Particular. "
                            "Example Press.")
    assert italics(entry) == ["A Book of Examples: Notes on Nothing in Particular"]
    assert plain(apa.in_text(citation)) == "(Author & Writer, 2018, para. 3)"
    assert plain(apa.short_note(citation)) == "Author and Writer (2018, para. 3)"


def test_newspaper_with_three_authors_and_a_quotation_in_the_title():
    url = "https://news.example.com/story?id=7&section=world"
    citation = cite(synthetic("example-news"))
    entry = apa.bibliography_entry(citation.record)
    assert plain(entry) == ("Author, E., Writer, O., & Person, T. (2021, March 4). The So-Called “Example” Problem. "
                            f"The Example Times. {url}")
    assert italics(entry) == ["The Example Times"]
    assert plain(apa.in_text(citation)) == "(Author et al., 2021)"


def test_report_with_four_authors_and_its_own_publisher():
    entry = apa.bibliography_entry(synthetic("example-report"))
    assert plain(entry) == ("Author, E., Writer, O., Person, T., & Name, F. (2016). Report on Example Matters. "
                            "Example Institute.")
    assert italics(entry) == ["Report on Example Matters"]


def test_twenty_one_authors_show_nineteen_an_ellipsis_and_the_last():
    authors = [{"family": f"Author{n}", "given": "Example"} for n in range(1, 22)]
    entry = plain(apa.bibliography_entry(synthetic("example-journal", author=authors)))
    assert entry.startswith("Author1, E., Author2, E., ")
    assert "Author19, E., . . . Author21, E. (2020). A Study of Examples." in entry
    assert "Author20" not in entry


def test_missing_date_is_n_d():
    citation = cite(synthetic("example-post"), 4)
    assert plain(apa.in_text(citation)) == "(Author, n.d., para. 4)"
    entry = apa.bibliography_entry(citation.record)
    assert plain(entry) == "Author, E. (n.d.). Lorem Ipsum Dolor. Example Blog."
    assert italics(entry) == ["Example Blog"]


def test_undated_web_page_by_an_organization_with_a_quotation_ending_its_title():
    url = "https://example.org/page?a=1&b=2"
    entry = apa.bibliography_entry(synthetic("example-page"))
    assert plain(entry) == f"Example Organization. (n.d.). Beyond “Example”. Example Site. {url}"
    assert italics(entry) == ["Beyond “Example”"]  # a web page's title is italic in APA
    assert links(entry) == [(url, url)]
    assert plain(apa.in_text(cite(synthetic("example-page")))) == "(Example Organization, n.d.)"
    unsigned = synthetic("example-page", author=None)
    assert plain(apa.in_text(cite(unsigned))) == "(Beyond “Example”, n.d.)"
    assert italics(apa.in_text(cite(unsigned))) == ["Beyond “Example”"]


def test_work_without_author_is_cited_by_its_title():
    citation = cite(synthetic("example-unsigned"), 2)
    assert plain(apa.in_text(citation)) == "(“Example Headline About Nothing,” 2022, para. 2)"
    assert plain(apa.short_note(citation)) == "“Example Headline About Nothing” (2022, para. 2)"
    assert plain(apa.bibliography_entry(citation.record)) == \
        "Example Headline About Nothing. (2022, May 6). The Example Times."


def test_reference_list_sorts_by_author_then_date_then_title(seeds):
    records = [seeds["tip-2017-dprk"], seeds["king-2019"], *(synthetic(i) for i in [
        "example-unsigned", "example-report", "example-journal", "example-page", "example-news",
        "example-book", "example-post", "example-journal-older"])]
    ordered = [r.id for r in apa.sort_bibliography(records)]
    assert ordered == [
        "example-post",           # Author, E. (n.d.): undated works come first
        "example-journal-older",  # Author, E. (2015)
        "example-journal",        # Author, E. (2020)
        "example-book",           # Author, E., & Writer, O.
        "example-news",
        "example-report",
        "example-unsigned",       # no author: files under its title
        "example-page",           # Example Organization
        "king-2019",
        "tip-2017-dprk",
    ]
