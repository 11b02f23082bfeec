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

The keys and their types are the chart slide's and the point's places in
`briefdeck.outline.fields`; the brief reader (`read_brief.py`) calls
`chart_spec` for a chart slide and `chart_datum` for every point, so that
``label:``/``value:`` on any other slide's point is reported. Each point cites
evidence exactly as a bullet does; `briefdeck.evidence.checks` checks that the
evidence states the value.
"""

from __future__ import annotations

from typing import Any, Protocol

from briefdeck.errors import Location
from briefdeck.findings.figures import parse_number
from briefdeck.outline.fields import POINT, SLIDES, Field
from briefdeck.outline.model import CHART_TYPES, ChartSpec, DatumSpec, PointSpec
from briefdeck.yamlfile import MapNode, Node, SeqNode

CHART = SLIDES["chart"]
CHART_POINT_KEYS = ("label", "value")


class _Reader(Protocol):
    def error(self, message: str, location: Location, hint: str | None = None, *, code: str) -> None: ...
    def text(self, node: Node | None, what: str, *, required: bool = False) -> str | None: ...
    def read_field(self, field: Field, node: Node | None) -> Any: ...


def chart_spec(reader: _Reader, fields: dict[str, Node], node: MapNode,
               points: tuple[PointSpec, ...]) -> ChartSpec | None:
    """The chart of a ``kind: chart`` slide, or None (reported) when it is not usable."""
    if "chart" not in fields:
        reader.error("a chart slide needs 'chart:', the kind of chart", node.location,
                     f"write 'chart: bar' (or {', '.join(CHART_TYPES[1:])})", code="missing-key")
        return None
    listed = fields.get("points")
    if listed is None or (isinstance(listed, SeqNode) and not listed.items):
        reader.error("a chart slide needs points: one per bar or point of the line",
                     node.location if listed is None else listed.location,
                     "add 'points:' with '- label: …', 'value: …' and the evidence that states the value",
                     code="empty-slide")
    kind, x_label, y_label, alt = (reader.read_field(CHART.field(key), fields.get(key))
                                   for key in ("chart", "x_label", "y_label", "alt"))
    if kind is None or not points:
        return None
    return ChartSpec(kind, x_label, y_label, alt, node.location)


def chart_datum(reader: _Reader, fields: dict[str, Node], node: MapNode, slide_kind: str) -> DatumSpec | None:
    """A chart point's label and value; on another slide's point, ``label:``/``value:`` are errors."""
    if slide_kind != "chart":
        for key in CHART_POINT_KEYS:
            if key in fields:
                reader.error(f"'{key}:' belongs to a point of a chart slide", fields[key].location,
                             "remove it, or give the slide 'kind: chart'", code="misplaced-key")
        return None
    if "text" in fields:
        reader.error("a chart point has a 'label:' (its category) and a 'value:', not 'text:'",
                     fields["text"].location, "write 'label: …' instead of 'text: …'", code="misplaced-key")
    label = reader.text(fields.get("label"), POINT.field("label").what, required=True)
    value_text = reader.text(fields.get("value"), POINT.field("value").what, required=True)
    for key in CHART_POINT_KEYS:
        if key not in fields:
            reader.error(f"a chart point needs '{key}:'", node.location,
                         "write '- label: …' (the category) and 'value: …' (the number its evidence states)",
                         code="missing-key")
    if label is None or value_text is None:
        return None
    value = parse_number(value_text)
    if value is None:
        reader.error(f"value: expected one number, like 22 or 2.6 million; found {value_text!r}",
                     fields["value"].location, "write the number the evidence states, without other words",
                     code="bad-number")
        return None
    return DatumSpec(label, value, value_text, fields["value"].location)
