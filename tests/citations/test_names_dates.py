"""Names, dates, quotation marks and short titles as the citation styles print them."""

from __future__ import annotations

import datetime as dt

import pytest

from briefdeck.citations import get_style, plain
from briefdeck.citations.compose import Line, join, sentence
from briefdeck.citations.dates import Date, long_date, parse_date, year_first_date, year_only
from briefdeck.citations.names import Name, and_list, apa_name, display_name, initials, inverted_name
from briefdeck.citations.typography import curly, en_dash_ranges, nest_quotes
from briefdeck.citations.work import short_title, work_of
from briefdeck.errors import BriefdeckError
from briefdeck.sources.model import SourceRecord

from .records import cite, synthetic

KING = Name(family="King", given="Robert R.")
STATE = Name(literal="U.S. Department of State")


# --- names --------------------------------------------------------------------------------

def test_person_with_a_middle_initial():
    assert display_name(KING) == "Robert R. King"
    assert inverted_name(KING) == "King, Robert R."
    assert apa_name(KING) == "King, R. R."
    assert KING.surname == "King"


def test_corporate_author_is_never_inverted_or_abbreviated():
    for form in (display_name, inverted_name, apa_name):
        assert form(STATE) == "U.S. Department of State"
    assert STATE.surname == "U.S. Department of State"


def test_initials():
    assert initials("Robert R.") == "R. R."
    assert initials("Example") == "E."
    assert initials("Jean-Example") == "J.-E."
    assert initials("E.X.") == "E. X."


def test_suffix_and_particles():
    suffixed = Name(family="Example", given="Sample", suffix="Jr.")
    assert display_name(suffixed) == "Sample Example Jr."
    assert inverted_name(suffixed) == "Example, Sample, Jr."
    assert apa_name(suffixed) == "Example, S., Jr."
    particle = Name(family="Example", given="Sample", dropping_particle="de")
    assert display_name(particle) == "Sample de Example"
    assert inverted_name(particle) == "Example, Sample de"
    kept = Name(family="Example", given="Sample", non_dropping_particle="van")
    assert inverted_name(kept) == "van Example, Sample"
    assert kept.surname == "van Example"


def test_and_list_uses_the_serial_comma():
    assert and_list(["A"]) == "A"
    assert and_list(["A", "B"]) == "A and B"
    assert and_list(["A", "B", "C"]) == "A, B, and C"
    assert and_list(["A", "B"], "&") == "A & B"


def test_name_fields_are_cleaned_from_the_record():
    record = SourceRecord("x", {"title": "Example", "author": [{"family": "O'Example", "given": " Sample\n  R. "}]})
    (name,) = work_of(record).authors
    assert name == Name(family="O’Example", given="Sample R.")


def test_malformed_author_is_a_clear_error():
    record = SourceRecord("example-bad", {"title": "Example", "author": [42]})
    with pytest.raises(BriefdeckError) as caught:
        work_of(record)
    problem = caught.value.problems[0]
    assert problem.code == "bad-record"
    assert problem.message.startswith("source 'example-bad': field 'author':")


def test_title_of_the_wrong_kind_is_a_clear_error():
    with pytest.raises(BriefdeckError) as caught:
        get_style("apa").bibliography_entry(SourceRecord("example-bad", {"title": ["a", "list"]}))
    assert caught.value.problems[0].message == "source 'example-bad': field 'title': expected text, found list"


# --- dates --------------------------------------------------------------------------------

@pytest.mark.parametrize("parts, chicago, apa_precise, apa_year", [
    ([2019, 7, 24], "July 24, 2019", "2019, July 24", "2019"),
    ([2017, 6], "June 2017", "2017, June", "2017"),
    ([2017], "2017", "2017", "2017"),
])
def test_dates_at_each_precision(parts, chicago, apa_precise, apa_year):
    date = parse_date({"date-parts": [parts]}, source_id="x", field="issued")
    assert long_date(date) == chicago
    assert year_first_date(date, precise=True) == apa_precise
    assert year_first_date(date, precise=False) == apa_year
    assert year_only(date) == apa_year


def test_missing_date_is_n_d():
    assert parse_date(None, source_id="x", field="issued") is None
    assert long_date(None) == "n.d."
    assert year_first_date(None, precise=True) == "n.d."
    assert year_only(None) == "n.d."


def test_date_written_other_ways_in_yaml():
    def parse(value):
        return parse_date(value, source_id="x", field="issued")
    assert parse("2019-07-24") == Date(2019, 7, 24)
    assert parse(2019) == Date(2019)
    assert parse(dt.date(2019, 7, 24)) == Date(2019, 7, 24)
    assert parse({"date-parts": [["2017", "6"]]}) == Date(2017, 6)
    assert long_date(parse({"literal": "Spring 2020"})) == "Spring 2020"


@pytest.mark.parametrize("value, why", [
    ({"date-parts": [[2019, 13]]}, "month must be 1 to 12"),
    ({"date-parts": [[2019, 2, 30]]}, "no such day"),
    ({"date-parts": [["July"]]}, ""),
    ({"date-parts": "2019"}, ""),
    ([2019], ""),
])
def test_bad_date_is_a_clear_error(value, why):
    with pytest.raises(BriefdeckError) as caught:
        parse_date(value, source_id="example-bad", field="issued")
    problem = caught.value.problems[0]
    assert problem.code == "bad-date"
    assert problem.message.startswith("source 'example-bad': field 'issued' is not a date")
    assert why in problem.message
    assert "date-parts" in problem.hint


# --- quotation marks and ranges ----------------------------------------------------------

def test_straight_quotes_become_curly():
    assert curly("Democratic People's Republic of Korea") == "Democratic People’s Republic of Korea"
    assert curly('The So-Called "Example" Problem') == "The So-Called “Example” Problem"
    assert curly("'Example' in the '90s") == "‘Example’ in the ’90s"
    assert curly("already “curly”") == "already “curly”"


def test_quotes_inside_a_quoted_title_become_single():
    assert nest_quotes("The So-Called “Example” Problem") == "The So-Called ‘Example’ Problem"


def test_page_ranges_get_an_en_dash():
    assert en_dash_ranges("45-67") == "45–67"
    assert en_dash_ranges("45 - 67") == "45–67"
    assert en_dash_ranges("45") == "45"


# --- punctuation across elements -----------------------------------------------------------

def test_comma_and_period_go_inside_the_closing_quotation_marks():
    assert plain(join([Line().quoted("Example"), "Example Blog"], ", ").spans()) == "“Example,” Example Blog"
    assert plain(sentence([Line().quoted("Beyond “Example”")])) == "“Beyond ‘Example.’”"


def test_period_is_not_doubled_after_an_abbreviation_or_question():
    assert plain(sentence(["King, Robert R.", "Example"], ". ")) == "King, Robert R. Example."
    assert plain(sentence([Line(), Line().quoted("Why Examples?")], ". ")) == "“Why Examples?”"


def test_colon_and_other_marks_stay_outside_quotation_marks():
    assert plain(join([Line().quoted("Example"), "45"], ": ").spans()) == "“Example”: 45"


def test_url_is_one_link_span_kept_exactly():
    url = "https://example.org/page?a=1&b=2"
    spans = sentence(["Example", Line().link(url)])
    assert [s.url for s in spans if s.url] == [url]
    assert plain(spans) == f"Example, {url}."


# --- short titles --------------------------------------------------------------------------

@pytest.mark.parametrize("title, short", [
    ("State Department Report finds North Korea Policies Encourage Human Trafficking", "State Department Report"),
    ("Democratic People's Republic of Korea", "Democratic People’s Republic of Korea"),
    ("A Book of Examples: Notes on Nothing in Particular", "Book of Examples"),
    ("The Study of Example Cases in Ordinary Practice", "Study of Example Cases in Ordinary"),
    ("Examples", "Examples"),
])
def test_short_title(title, short):
    assert short_title(work_of(synthetic("example-journal", title=title))) == short


def test_record_title_short_wins():
    record = synthetic("example-journal", **{"title-short": "Examples"})
    assert short_title(work_of(record)) == "Examples"


def test_speaker_name_is_printed_as_given(seeds):
    citation = cite(seeds["king-2019"], 9, speaker="Example  News")
    assert plain(get_style("apa").in_text(citation)) == "(Example News, as cited in King, 2019, para. 9)"
