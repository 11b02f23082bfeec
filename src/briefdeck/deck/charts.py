"""A chart slide's chart: its values, and its text alternative.

A chart's value is a claim like a bullet's number: the passage it cites must
state it, which `briefdeck.evidence.checks` checks as it checks a point's
text ("2.5 million" cited to "as many as 2.6 million people" is reported, an
error with ``--strict``). The text alternative read out in
place of the chart lists every value, so no one needs to see the bars:

    Bar chart: Estimates of forced labour. Global Slavery Index: 2.6 million; …
"""

from __future__ import annotations

from typing import Sequence

from briefdeck.deck.model import Chart, Point
from briefdeck.findings.figures import parse_number
from briefdeck.outline.model import ChartSpec

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
