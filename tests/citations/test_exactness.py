"""What the manuals print that a record's fields alone do not say: capitals, own-order names,
year letters, report numbers, editions, archives, "n.p." and merged locators."""

from __future__ import annotations

import pytest

from briefdeck.citations import get_style, plain
from briefdeck.citations.headline import headline_case
from briefdeck.citations.ranges import inclusive, merge_locators
from briefdeck.citations.work import edition_label
from briefdeck.citations.year_letters import with_year_letters
from briefdeck.sources.model import SourceRecord

from .records import cite

chicago, apa = get_style("chicago-note"), get_style("apa")


def record(record_id: str, **csl) -> SourceRecord:
    return SourceRecord(record_id, {"id": record_id, **csl})


# --- headline style (CMOS 17 8.159–61) ------------------------------------------------------

@pytest.mark.parametrize("title, cased", [
    ("State Department Report finds North Korea Policies", "State Department Report Finds North Korea Policies"),
    ("the role of the UN in example matters: a study of NGOs", "The Role of the UN in Example Matters: A Study of NGOs"),
    ("notes on U.S. policy and the iPhone", "Notes on U.S. Policy and the iPhone"),
    ("a run-of-the-mill example", "A Run-of-the-Mill Example"),
    ("what the example is for", "What the Example Is For"),  # the last word is capitalized
    ("Examples Between Us", "Examples between Us"),  # a preposition, whatever its length
    ("so it goes, yet again", "So It Goes, Yet Again"),  # "so" and "yet" are not lowered by Chicago
    ("see https://example.org/a-page", "See https://example.org/a-page"),
    ("Democratic People’s Republic of Korea", "Democratic People’s Republic of Korea"),
])
def test_headline_case(title, cased):
    assert headline_case(title) == cased


def test_chicago_titles_are_in_headline_style_and_apa_titles_as_given():
    post = record("example-post", type="post-weblog", title="notes on an example", author=[{"literal": "Example Org"}],
                  **{"container-title": "example blog"})
    assert plain(chicago.full_note(cite(post, 2))) == \
        "Example Org, “Notes on an Example,” Example Blog, n.d., par. 2."
    assert plain(chicago.short_note(cite(post, 2))) == "Example Org, “Notes on an Example,” par. 2."
    assert plain(apa.bibliography_entry(post)) == "Example Org. (n.d.). notes on an example. example blog."


# --- names in their own order ---------------------------------------------------------------

def test_korean_name_in_hangul_is_family_name_first():
    book = record("example-kr", type="book", title="An Example Book", author=[{"family": "김", "given": "민지"}],
                  publisher="Example Press", issued={"date-parts": [[2020]]})
    assert plain(chicago.full_note(cite(book))) == "김민지, An Example Book (Example Press, 2020)."
    assert plain(chicago.short_note(cite(book))) == "김, Example Book."
    assert plain(chicago.bibliography_entry(book)).startswith("김민지. An Example Book.")
    assert plain(apa.in_text(cite(book, 3))) == "(김, 2020, para. 3)"
    assert plain(apa.bibliography_entry(book)).startswith("김민지. (2020).")


def test_static_ordering_keeps_a_romanized_name_in_its_order():
    book = record("example-kim", type="book", title="An Example Book", publisher="Example Press",
                  author=[{"family": "Kim", "given": "Min-ji", "static-ordering": True}])
    assert plain(chicago.full_note(cite(book))).startswith("Kim Min-ji, An Example Book")
    assert plain(chicago.bibliography_entry(book)).startswith("Kim Min-ji. An Example Book")
    assert plain(apa.bibliography_entry(book)).startswith("Kim, M.-J. (n.d.).")


# --- year letters (APA 7 9.47, 8.19) ----------------------------------------------------------

def test_year_letters_in_reference_list_and_citations():
    same = {"type": "article-journal", "author": [{"family": "Author", "given": "Example"}],
            "container-title": "Journal of Examples"}
    records = [record("late", title="Late Examples", issued={"date-parts": [[2019]]}, **same),
               record("early", title="Early Examples", issued={"date-parts": [[2019]]}, **same),
               record("other-year", title="Other Examples", issued={"date-parts": [[2020]]}, **same),
               record("undated-1", title="Undated B", **same), record("undated-2", title="Undated A", **same)]
    lettered = {r.id: r for r in with_year_letters(records, apa)}
    assert plain(apa.in_text(cite(lettered["early"], 2))) == "(Author, 2019a, para. 2)"
    assert plain(apa.short_note(cite(lettered["late"], 2))) == "Author (2019b, para. 2)"
    assert plain(apa.in_text(cite(lettered["other-year"]))) == "(Author, 2020)"
    assert plain(apa.bibliography_entry(lettered["late"])).startswith("Author, E. (2019b). Late Examples.")
    assert plain(apa.in_text(cite(lettered["undated-2"]))) == "(Author, n.d.-a)"
    assert plain(apa.in_text(cite(lettered["undated-1"]))) == "(Author, n.d.-b)"
    assert with_year_letters(records, chicago) == tuple(records)  # notes styles tell works apart by title


# --- numbers, genres, editions, archives, n.p., DOIs -----------------------------------------

def test_report_number_and_genre():
    report = record("example-wp", type="report", title="A Fictional Report", author=[{"literal": "Example Institute"}],
                    genre="Working Paper", number="EX/25/63", publisher="Example Institute",
                    issued={"date-parts": [[2014, 3]]})
    assert plain(chicago.full_note(cite(report, 4))) == (
        "Example Institute, A Fictional Report, Working Paper EX/25/63 (Example Institute, 2014), par. 4.")
    assert plain(chicago.bibliography_entry(report)) == (
        "Example Institute. A Fictional Report. Working Paper EX/25/63. Example Institute, 2014.")
    assert plain(apa.bibliography_entry(report)) == \
        "Example Institute. (2014). A Fictional Report (Working Paper EX/25/63)."


def test_edition():
    assert [edition_label(e) for e in ("2", "3rd", "11", "21", "Revised edition")] == \
        ["2nd ed.", "3rd ed.", "11th ed.", "21st ed.", "Revised edition"]
    book = record("example-ed", type="book", title="The Example Manual", edition=2, publisher="Example Press",
                  author=[{"family": "Writer", "given": "Other"}], issued={"date-parts": [[2016]]})
    assert plain(chicago.full_note(cite(book))) == "Other Writer, The Example Manual, 2nd ed. (Example Press, 2016)."
    assert plain(apa.bibliography_entry(book)) == "Writer, O. (2016). The Example Manual (2nd ed.). Example Press."


def test_book_without_place_or_publisher_is_n_p():
    book = record("example-np", type="book", title="An Example Pamphlet", issued={"date-parts": [[1901]]},
                  author=[{"family": "Author", "given": "Example"}])
    assert plain(chicago.full_note(cite(book))) == "Example Author, An Example Pamphlet (n.p., 1901)."
    assert plain(chicago.bibliography_entry(book)) == "Author, Example. An Example Pamphlet. N.p., 1901."


def test_archive_of_an_unpublished_work():
    letter = record("example-letter", type="manuscript", title="Example Letter to Nobody",
                    author=[{"family": "Writer", "given": "Other"}], issued={"date-parts": [[1950, 2, 1]]},
                    archive="Example Archive", **{"archive-place": "Example City", "archive_location": "Box 3"})
    assert plain(chicago.full_note(cite(letter))) == (
        "Other Writer, “Example Letter to Nobody,” February 1, 1950, Box 3, Example Archive, Example City.")
    assert plain(chicago.bibliography_entry(letter)) == (
        "Writer, Other. “Example Letter to Nobody.” February 1, 1950. Box 3. Example Archive, Example City.")


def test_doi_is_the_link():
    article = record("example-doi", type="article-journal", title="Examples", DOI="10.5555/example.1",
                     URL="https://example.org/elsewhere", **{"container-title": "Journal of Examples"})
    assert plain(apa.bibliography_entry(article)).endswith(" https://doi.org/10.5555/example.1")


# --- merged locators ----------------------------------------------------------------------------

def test_neighbouring_paragraphs_and_pages_merge():
    assert merge_locators([4, 3], "chicago-note") == "pars. 3–4"
    assert merge_locators([3, 4, 7], "apa") == "paras. 3–4, 7"
    assert merge_locators([5], "apa") == "para. 5"
    assert merge_locators([212, 213], "apa", "page") == "pp. 212–213"
    assert merge_locators([212, 213], "chicago-note", "page") == "212–13"
    assert merge_locators([], "apa") == ""


@pytest.mark.parametrize("first, last, text", [  # CMOS 17 9.61's own examples
    (3, 10, "3–10"), (71, 72, "71–72"), (96, 117, "96–117"), (100, 104, "100–104"), (1100, 1113, "1100–1113"),
    (101, 108, "101–8"), (808, 833, "808–33"), (1103, 1104, "1103–4"), (321, 328, "321–28"),
    (498, 532, "498–532"), (1087, 1089, "1087–89"), (1496, 1500, "1496–1500"), (11564, 11615, "11564–615"),
    (12991, 13001, "12991–13001"),
])
def test_chicago_inclusive_numbers(first, last, text):
    assert inclusive(first, last, shorten=True) == text
    assert inclusive(first, last, shorten=False) == f"{first}–{last}"


def test_editors_of_a_chapter_and_of_an_edited_book():
    chapter = record("example-ch", type="chapter", title="An Example Chapter",
                     author=[{"family": "Author", "given": "Example"}],
                     editor=[{"family": "Writer", "given": "Other"}, {"family": "Name", "given": "Fourth"}],
                     publisher="Example Press", page="45-67", issued={"date-parts": [[2017]]},
                     **{"container-title": "The Collected Examples"})
    assert plain(chicago.full_note(cite(chapter, 2))) == (
        "Example Author, “An Example Chapter,” in The Collected Examples, ed. Other Writer and Fourth Name "
        "(Example Press, 2017), par. 2.")
    assert plain(chicago.bibliography_entry(chapter)) == (
        "Author, Example. “An Example Chapter.” In The Collected Examples, edited by Other Writer and Fourth Name, "
        "45–67. Example Press, 2017.")
    assert plain(apa.bibliography_entry(chapter)) == (
        "Author, E. (2017). An Example Chapter. In O. Writer & F. Name (Eds.), The Collected Examples (pp. 45–67). "
        "Example Press.")
    book = record("example-eds", type="book", title="The Collected Examples", publisher="Example Press",
                  editor=[{"family": "Writer", "given": "Other"}], issued={"date-parts": [[2017]]})
    assert plain(chicago.full_note(cite(book))) == "Other Writer, ed., The Collected Examples (Example Press, 2017)."
    assert plain(chicago.bibliography_entry(book)) == "Writer, Other, ed. The Collected Examples. Example Press, 2017."
    assert plain(apa.bibliography_entry(book)) == "Writer, O. (Ed.). (2017). The Collected Examples. Example Press."
    assert plain(apa.in_text(cite(book))) == "(Writer, 2017)"
