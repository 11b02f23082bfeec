"""The planted-error suite (issue 12): ≥ 90% of planted errors caught, ≤ 2 false alarms.

Tuned and held-out cases are reported apart; the held-out files were not read
while the rules were tuned. Run with ``-s`` to see the per-kind table.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import briefdeck.outline

from .suite import catch_table, load_cases, make_project, missed, run_case

MIN_CAUGHT = 0.90
MAX_FALSE_ALARMS = 2
FILES = ("controls.yaml", "heldout_controls.yaml", "planted.yaml", "heldout_errors.yaml")
CODES_MD = Path(briefdeck.outline.__file__).parent / "codes.md"


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("planted"))
    return {name: [run_case(project, c) for c in load_cases(name)] for name in FILES}


@pytest.mark.parametrize("name", ["controls.yaml", "heldout_controls.yaml"])
def test_faithful_controls_raise_at_most_two_false_alarms(outcomes, name):
    found = outcomes[name]
    alarms = [f"{o.case['id']}: {'; '.join(p.message for p in o.problems)}" for o in found if o.flagged]
    print(f"\n{name}: {len(alarms)} false alarms in {len(found)} controls")
    assert len(found) >= 10
    assert len(alarms) <= MAX_FALSE_ALARMS, "\n".join(alarms)


@pytest.mark.parametrize("name", ["planted.yaml", "heldout_errors.yaml"])
def test_planted_errors_are_caught(outcomes, name):
    found = outcomes[name]
    table = catch_table(found)
    print(f"\n{name}:\n{table}")
    rate = sum(o.flagged for o in found) / len(found)
    assert rate >= MIN_CAUGHT, f"{table}\nmissed: {missed(found)}"


def test_every_code_the_suite_sees_is_documented_with_message_and_hint(outcomes):
    documented = set(re.findall(r"^\| `([a-z0-9-]+)`", CODES_MD.read_text(encoding="utf-8"), re.MULTILINE))
    seen = {p.code for found in outcomes.values() for o in found for p in o.problems}
    assert {"attribution-mismatch", "negation-mismatch", "year-not-stated", "rate-mismatch",
            "quantifier-widened", "weak-support", "number-mismatch"} <= seen
    assert seen <= documented, f"undocumented: {seen - documented}"
    for o in (o for found in outcomes.values() for o in found):
        for p in o.problems:
            assert p.message and p.hint and p.location is not None and p.location.line, p


def test_suite_has_the_size_the_issue_asks_for():
    planted = load_cases("planted.yaml") + load_cases("heldout_errors.yaml")
    controls = load_cases("controls.yaml") + load_cases("heldout_controls.yaml")
    assert len(planted) >= 80 and len(controls) >= 40
    assert {c["kind"] for c in planted} == {"attribution", "polarity", "years", "units", "quantifiers",
                                            "support", "misquote"}
    assert len({c["id"] for c in planted + controls}) == len(planted) + len(controls)
    on_fiction = [c for c in planted if "eastmere" in str(c) or "inspect" in str(c).lower()]
    assert len(on_fiction) >= 20  # the suite is not only about the seeds
