"""What a user sees from the evidence checks: messages side by side, exit codes, nothing hidden."""

from __future__ import annotations

from pathlib import Path

import yaml

from briefdeck.check import check_brief


def write_brief(project: Path, slides: list[dict], name: str = "b.yaml", **top) -> Path:
    path = project / "briefs" / name
    path.write_text(yaml.safe_dump({"title": "Test", **top, "slides": slides}, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def test_attribution_message_sets_both_words_side_by_side_with_locator_and_hint(project, cli):
    write_brief(project, [{"title": "Forced labour", "points": [
        {"text": "King writes that as many as 2.6 million people are in forced labour.",
         "quote": "as many as 2.6 million people"}]}])
    loose = cli(project, "check", "briefs/b.yaml")
    assert loose.exit_code == 0
    assert "warning: attribution: the text credits “King” — king-2019:p17.s1 is Global Slavery Index's words" \
        in loose.stderr
    assert "“The recently released Global Slavery Index states that as many as 2.6 million people" in loose.stderr
    assert "credit Global Slavery Index (naming both is fine" in loose.stderr
    assert "0 errors, 1 warning" in loose.stderr
    strict = cli(project, "check", "briefs/b.yaml", "--strict")
    assert strict.exit_code == 1
    assert "briefs/b.yaml:5:5: error: attribution: the text credits “King”" in strict.stderr


def test_a_failing_quote_no_longer_hides_other_points_warnings(project, cli):
    write_brief(project, [{"title": "Two points", "points": [
        {"text": "North Korea stayed on Tier 3.", "quote": "the DPRK stayed on Tier 3"},
        {"text": "Some 60 percent of defectors who reach China are women.",
         "quote": "Some 70 percent of North Korean defectors"}]}])
    result = cli(project, "check", "briefs/b.yaml")
    assert result.exit_code == 1
    assert "the quote “the DPRK stayed on Tier 3” is not in the sources" in result.stderr
    assert "“60 percent” in the text is not stated by its evidence" in result.stderr
    assert "king-2019:p7.s4 states: 70 percent" in result.stderr
    assert "1 error, 1 warning" in result.stderr


def test_source_sentence_locator_narrows_a_quote_to_that_sentence(project):
    found = write_brief(project, [{"title": "Law", "points": [
        {"text": "North Korean laws do not prohibit all forms of trafficking.",
         "quote": "do not prohibit all forms", "source": "tip-2017-dprk:p3.s2"}]}])
    result = check_brief(found)
    assert result.errors == []
    note = result.decks["all"].slides[1].footnote(1)
    assert note.citation.locator == "tip-2017-dprk:p3.s2"
    wrong = write_brief(project, [{"title": "Law", "points": [
        {"text": "North Korean laws do not prohibit all forms of trafficking.",
         "quote": "do not prohibit all forms", "source": "tip-2017-dprk:p3.s1"}]}], "wrong.yaml")
    problems = check_brief(wrong).errors
    assert [p.code for p in problems] == ["quote-not-found"]
    assert "is not in the sources in tip-2017-dprk:p3.s1" in problems[0].message


def test_each_audience_text_is_checked_and_named(project):
    path = write_brief(project, [{"title": "Ratio", "points": [
        {"text": {"default": "Seven in ten defectors who reach China are women.",
                  "classroom": "One in seven defectors who reach China are women."},
         "quote": "Some 70 percent of North Korean defectors"}]}],
        audiences={"policy": {"label": "Policy"}, "classroom": {"label": "Class"}})
    warnings = check_brief(path).warnings
    assert [p.code for p in warnings] == ["ratio-mismatch"]
    assert "“One in seven” is 14 percent" in warnings[0].message
    assert "(text for audience 'classroom')" in warnings[0].message


def test_quote_slide_speaker_is_checked_against_who_said_the_words(project):
    path = write_brief(project, [{"title": "In their words", "kind": "quote", "speaker": "Robert R. King",
                                  "quote": "North Korean women and girls are passed through the hands of traffickers"}])
    warnings = check_brief(path).warnings
    assert [p.code for p in warnings] == ["speaker-mismatch"]
    assert "gives these words to Korea Future Initiative" in warnings[0].message


def test_a_repeated_text_is_checked_against_each_points_own_evidence(project):
    """The text checks run once per text and evidence: the same words citing other evidence are checked again."""
    claim = "Some 70 percent of North Korean defectors are women."
    path = write_brief(project, [{"title": "Defectors", "points": [
        {"text": claim, "quote": "Some 70 percent of North Korean defectors"},
        {"text": claim, "quote": "Some 70 percent of North Korean defectors"},
        {"text": claim, "source": "tip-2017-dprk:p1"}]}])
    warned = [p for p in check_brief(path, write_lock=False).warnings if p.code == "number-mismatch"]
    third = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if "- text:" in line][2]
    assert [p.location.line for p in warned] == [third]  # only the point whose evidence does not state it
    assert "“70 percent” in the text is not stated by its evidence" in warned[0].message
