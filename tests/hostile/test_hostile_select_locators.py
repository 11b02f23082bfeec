"""``select:`` blocks and locators from a hostile brief: each gives a located error or a working result,
never "internal error"."""

from __future__ import annotations

import pytest

from briefdeck.sources.locators import MAX_NUMBER, Locator, parse_locator

from .helpers import assert_no_traceback, write_brief

HEAD = "title: Example briefing\ndate: 2026-11-22\nslides:\n"


def check(cli, project, slides: str):
    write_brief(project, text=HEAD + slides)
    result = cli(project, "check", "briefs/b.yaml")
    assert_no_traceback(result.output)
    return result


def test_a_select_that_finds_nothing_is_a_located_error(project, cli):
    result = check(cli, project, "  - title: Nothing\n    select: {query: zzzqqq xylophone}\n")
    assert result.exit_code == 1
    assert "briefs/b.yaml:5:13: error: select finds nothing for “zzzqqq xylophone”" in result.stderr


def test_a_select_naming_an_unknown_source_is_a_located_error(project, cli):
    result = check(cli, project, "  - title: Camps\n    select: {query: prison camps, sources: [tip-2017-dprk, nobody]}\n")
    assert result.exit_code == 1
    assert "briefs/b.yaml:5:13: error: unknown source 'nobody' in select" in result.stderr
    assert "valid sources: king-2019, tip-2017-dprk" in result.stderr


def test_two_failing_selects_and_a_good_one_report_both_errors(project, cli):
    result = check(cli, project, "  - title: A\n    select: {query: zzzqqq}\n"
                                 "  - title: B\n    select: {query: prison camps, sources: [nobody]}\n"
                                 "  - title: C\n    select: {query: prison camps, limit: 1}\n")
    assert result.exit_code == 1
    assert "briefs/b.yaml:5:13: error: select finds nothing" in result.stderr
    assert "briefs/b.yaml:7:13: error: unknown source 'nobody' in select" in result.stderr
    assert "2 errors" in result.stderr


@pytest.mark.parametrize("query", ['"', "NEAR(", "prison AND", "*", "^camps", "col:prison", "(", "OR OR"])
def test_full_text_syntax_in_a_select_query_is_words_not_syntax(project, cli, query):
    quoted = query.replace("'", "''")
    result = check(cli, project, f"  - title: Q\n    select:\n      query: '{quoted} prison camps'\n")
    assert result.exit_code in (0, 1)
    assert "prison camps" in result.stdout or "select finds nothing" in result.stderr


@pytest.mark.parametrize("key, locator, message", [
    ("source", "tip-2017-dprk:p99999999999999999999999",
     "7:17: error: source: malformed locator 'tip-2017-dprk:p99999999999999999999999'"),
    ("finding", "tip-2017-dprk:p1.s99999999999999999999999999",
     "7:18: error: finding: malformed locator 'tip-2017-dprk:p1.s99999999999999999999999999'"),
    ("source", "tip-2017-dprk:p٣", "7:17: error: source: malformed locator 'tip-2017-dprk:p٣'"),
    ("source", "tip-2017-dprk:p0", "7:17: error: tip-2017-dprk has no paragraph 0"),
    ("source", "tip-2017-dprk:p999999999", "7:17: error: tip-2017-dprk has no paragraph 999999999"),
    ("source", "tip-2017-dprk:p1.s0", "7:17: error: tip-2017-dprk:p1 has no sentence 0"),
])
def test_an_odd_locator_is_a_located_error(project, cli, key, locator, message):
    result = check(cli, project, f"  - title: L\n    points:\n      - text: x\n        {key}: '{locator}'\n")
    assert result.exit_code == 1
    assert f"briefs/b.yaml:{message}" in result.stderr
    assert "did you mean" not in result.stderr


@pytest.mark.parametrize("locator", ["tip-2017-dprk:p99999999999999999999999", "tip-2017-dprk:p1.s1" + "9" * 30])
def test_show_with_an_over_large_locator_is_an_error(project, cli, locator):
    result = cli(project, "show", locator)
    assert result.exit_code == 1
    assert f"error: '{locator}' is not a locator" in result.stderr
    assert_no_traceback(result.output)


def test_locator_numbers_are_bounded_and_ascii():
    assert parse_locator(f"tip:p{MAX_NUMBER}.s{MAX_NUMBER}") == Locator("tip", MAX_NUMBER, MAX_NUMBER)
    assert parse_locator(f"tip:p{MAX_NUMBER + 1}") is None
    assert parse_locator("tip:p٣") is None and parse_locator("tip:p００1") is None


def test_a_brief_dated_after_2107_still_builds_a_deck(project, cli):
    write_brief(project, text=HEAD.replace("2026-11-22", "9999-12-31")
                + "  - title: A\n    points:\n      - text: x\n        quote: the DPRK remained on Tier 3\n")
    result = cli(project, "build", "briefs/b.yaml", "--format", "pptx")
    assert result.exit_code == 0, result.output
