"""The policy memo of the DESIGN.md example."""

from __future__ import annotations

from .conftest import render
from .decks import POLICY_ONLY, RECOMMENDATION, example_deck


def test_the_memo_has_the_policy_only_point_the_reading_sheet_lacks(policy, classroom):
    assert POLICY_ONLY in policy.text
    assert POLICY_ONLY not in classroom.text


def test_the_memo_header_names_audience_and_date(policy):
    first = policy.pages[0]
    assert first.startswith("Briefing memo North Korea and Human Trafficking")
    assert "For Policy staff" in first
    assert "Date November 22, 2026" in first


def test_the_bottom_line_comes_first_and_is_not_repeated(policy):
    text = policy.text
    bottom, findings, recommendations = (text.index(h) for h in ("Bottom line", "Key findings", "Recommendations"))
    assert bottom < findings < recommendations
    # The first content slide's points are the bottom line, and are not shown twice.
    assert text.count("North Korea stayed on Tier 3 in 2017.") == 1
    assert bottom < text.index("North Korea stayed on Tier 3 in 2017.1") < findings
    assert recommendations < text.index(RECOMMENDATION)
    assert text.index("Prison camps in the reporting") < recommendations


def test_a_summary_in_the_brief_is_the_bottom_line():
    summary = "Lorem ipsum summary line for the example."
    text = render(example_deck("policy", summary=summary)).text
    assert text.index("Bottom line") < text.index(summary) < text.index("Key findings")
    # With a summary, the first slide stays among the findings.
    assert text.index("Key findings") < text.index("Tier 3, the lowest ranking")


def test_footnotes_run_in_order_through_the_memo(policy):
    deck = example_deck("policy")
    numbers = [int(n) for n in __import__("re").findall(r'class="fn" data-n="(\d+)"', policy.html)]
    assert numbers == [f.handout_number for f in deck.footnotes] == list(range(1, len(deck.footnotes) + 1))
