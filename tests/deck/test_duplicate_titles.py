"""Slide titles a screen reader lists: two slides with one title are a warning (an error with --strict)."""

from __future__ import annotations

from textwrap import dedent

BRIEF = dedent("""\
    title: Titles
    slides:
      - title: Tier 3
        points:
          - text: North Korea remained on Tier 3.
            quote: the DPRK remained on Tier 3
      - title: Tier 3
        points:
          - text: North Korea remained on Tier 3.
            quote: the DPRK remained on Tier 3
    """)


def test_a_repeated_slide_title_is_a_warning_at_the_second_slide_and_an_error_with_strict(project, cli):
    (project / "briefs" / "titles.yaml").write_text(BRIEF, encoding="utf-8")
    loose = cli(project, "check", "briefs/titles.yaml")
    assert loose.exit_code == 0
    assert "titles.yaml:7:5: warning: the slide title 'Tier 3' (audience 'all') is also the title of the slide " \
           "at line 3" in loose.output
    strict = cli(project, "check", "briefs/titles.yaml", "--strict")
    assert strict.exit_code == 1 and "titles.yaml:7:5: error: the slide title 'Tier 3'" in strict.output


def test_distinct_titles_give_no_warning(project, cli):
    head, tail = BRIEF.rsplit("- title: Tier 3", 1)
    (project / "briefs" / "titles.yaml").write_text(head + "- title: Tier 3 again" + tail, encoding="utf-8")
    result = cli(project, "check", "briefs/titles.yaml", "--strict")
    assert result.exit_code == 0 and "also the title" not in result.output
