"""Chart slides in a brief: the chart's type and axis labels, and each point's label and value.

    - kind: chart
      title: Estimates of people in forced labour
      chart: bar                # bar | column | line
      x_label: Estimate         # optional axis titles
      y_label: People
      alt: …                    # optional; else generated from the data
      points:
        - label: Global Slavery Index
          value: 2.6 million    # a number, stated by the point's evidence
          quote: as many as 2.6 million people

Each point cites evidence exactly as a bullet does; `briefdeck.deck.build`
checks that the evidence states the value. The loader (`load.py`) calls
`chart_spec` for a chart slide and `chart_datum` for every point, so that
``label:``/``value:`` on any other slide's point is reported.
"""

from __future__ import annotations

from typing import Protocol

from briefdeck.errors import Location
from briefdeck.findings.figures import parse_number
from briefdeck.outline.model import ChartSpec, DatumSpec, PointSpec
from briefdeck.outline.yaml_nodes import MapNode, Node, SeqNode

CHART_TYPES = ("bar", "column", "line")
CHART_SLIDE_KEYS = ("points", "chart", "x_label", "y_label", "alt")
CHART_POINT_KEYS = ("label", "value")


class _Loader(Protocol):
    def error(self, message: str, location: Location, hint: str | None = None, *, code: str) -> None: ...
    def text(self, node: Node | None, what: str, *, required: bool = False) -> str | None: ...
    def choice(self, node: Node | None, what: str, choices: tuple[str, ...], noun: str, *,
               code: str = "bad-choice") -> str | None: ...


def chart_spec(loader: _Loader, fields: dict[str, Node], node: MapNode,
               points: tuple[PointSpec, ...]) -> ChartSpec | None:
    """The chart of a ``kind: chart`` slide, or None (reported) when it is not usable."""
    if "chart" not in fields:
        loader.error("a chart slide needs 'chart:', the kind of chart", node.location,
                     f"write 'chart: bar' (or {', '.join(CHART_TYPES[1:])})", code="missing-key")
        return None
    listed = fields.get("points")
    if listed is None or (isinstance(listed, SeqNode) and not listed.items):
        loader.error("a chart slide needs points: one per bar or point of the line",
                     node.location if listed is None else listed.location,
                     "add 'points:' with '- label: …', 'value: …' and the evidence that states the value",
                     code="empty-slide")
    kind = loader.choice(fields["chart"], "chart", CHART_TYPES, "chart types")
    x_label = loader.text(fields.get("x_label"), "x_label")
    y_label = loader.text(fields.get("y_label"), "y_label")
    alt = loader.text(fields.get("alt"), "alt")
    if kind is None or not points:
        return None
    return ChartSpec(kind, x_label, y_label, alt, node.location)


def chart_datum(loader: _Loader, fields: dict[str, Node], node: MapNode, slide_kind: str) -> DatumSpec | None:
    """A chart point's label and value; on another slide's point, ``label:``/``value:`` are errors."""
    if slide_kind != "chart":
        for key in CHART_POINT_KEYS:
            if key in fields:
                loader.error(f"'{key}:' belongs to a point of a chart slide", fields[key].location,
                             "remove it, or give the slide 'kind: chart'", code="misplaced-key")
        return None
    if "text" in fields:
        loader.error("a chart point has a 'label:' (its category) and a 'value:', not 'text:'",
                     fields["text"].location, "write 'label: …' instead of 'text: …'", code="misplaced-key")
    label = loader.text(fields.get("label"), "label", required="label" in fields)
    value_text = loader.text(fields.get("value"), "value", required="value" in fields)
    for key in CHART_POINT_KEYS:
        if key not in fields:
            loader.error(f"a chart point needs '{key}:'", node.location,
                         "write '- label: …' (the category) and 'value: …' (the number its evidence states)",
                         code="missing-key")
    if label is None or value_text is None:
        return None
    value = parse_number(value_text)
    if value is None:
        loader.error(f"value: expected one number, like 22 or 2.6 million; found {value_text!r}",
                     fields["value"].location, "write the number the evidence states, without other words",
                     code="bad-number")
        return None
    return DatumSpec(label, value, value_text, fields["value"].location)
