"""A chart slide's chart: its values checked against their evidence, and its text alternative.

A chart's value is a claim like a bullet's number: the passage it cites must
state it ("2.5 million" cited to "as many as 2.6 million people" is
reported, an error with ``--strict``). The text alternative read out in
place of the chart lists every value, so no one needs to see the bars:

    Bar chart: Estimates of forced labour. Global Slavery Index: 2.6 million; …
"""

from __future__ import annotations

from typing import Sequence

from briefdeck.deck.model import Chart, Point
from briefdeck.errors import Problem
from briefdeck.findings.figures import figures_agree, parse_figures, parse_number
from briefdeck.findings.model import Figure
from briefdeck.outline.model import ChartSpec, DatumSpec
from briefdeck.outline.resolve import Evidence

CHART_NAMES = {"bar": "Bar chart", "column": "Column chart", "line": "Line chart"}


def make_chart(spec: ChartSpec, title: str, points: Sequence[Point]) -> Chart:
    """The deck's chart of a chart slide whose data ``points`` (label, value as written) are shown.

    Each point's value is read back from its ``figure`` (checked a number when the brief loaded).
    """
    values = tuple(parse_number(p.figure or "") or 0.0 for p in points)
    return Chart(spec.type, values, spec.alt or chart_alt(spec, title, points), spec.x_label, spec.y_label)


def chart_alt(spec: ChartSpec, title: str, points: Sequence[Point]) -> str:
    """"Bar chart: <title> (<y label> by <x label>). <label>: <value>; …" from the chart's own data."""
    axes = " by ".join(a for a in (spec.y_label, spec.x_label) if a)
    head = f"{CHART_NAMES[spec.type]}: {title.strip()}" + (f" ({axes})" if axes else "")
    data = "; ".join(f"{p.text}: {p.figure}" for p in points)
    return f"{head}. {data}." if data else f"{head}."


def value_problem(datum: DatumSpec, evidence: Sequence[Evidence], audience: str) -> Problem | None:
    """A warning when no cited passage states ``datum``'s value (None when one does, or none is cited)."""
    if not evidence:
        return None
    stated = [g for e in evidence for g in e.figures]
    value = _as_figure(datum)
    if any(figures_agree(value, g) for g in stated):
        return None
    cited = ", ".join(e.citation.locator for e in evidence)
    states = "; ".join(dict.fromkeys(g.text for g in stated)) or "no numbers"
    return Problem(f"the value {datum.value_text} of '{datum.label}' (audience '{audience}') is not stated "
                   f"by its evidence ({cited} states: {states})", datum.location,
                   "chart the number the source states, or cite the passage that states this one",
                   severity="warning", code="number-mismatch")


def _as_figure(datum: DatumSpec) -> Figure:
    parsed = parse_figures(datum.value_text)  # keeps a unit ("70 percent", "$105 million")
    if len(parsed) == 1 and parsed[0].low == parsed[0].high == datum.value:
        return parsed[0]
    return Figure(datum.value_text, datum.value, datum.value, None, 0, len(datum.value_text))
