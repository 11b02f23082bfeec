"""A deck's chart as inline SVG for the handout: drawn here, so the same deck gives the same bytes.

The SVG is ``role="img"`` with the chart's text alternative as its
``<title>`` (screen readers read it; WeasyPrint tags it a Figure with that
Alt text in the PDF). Bars and points are labelled with their values as the
brief writes them; the footnote markers go in the data list the template
prints under the chart. Every user string is escaped; colours are the
layout's, already checked six-digit hex.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Mapping, Sequence

from markupsafe import Markup

from briefdeck.deck.model import Chart
from briefdeck.layouts import hex_colour
from briefdeck.render.markup import xml_attr, xml_text

WIDTH = 640.0
FONT = 13.0  # px, in the SVG's own units: the SVG scales to the column width
LINE = FONT * 1.3
_DEFAULTS = {"accent": "1D5FA8", "text": "1F2933", "rule": "C3CDD8"}


@dataclass(frozen=True)
class SvgColours:
    data: str
    text: str
    grid: str

    @classmethod
    def of(cls, colours: Mapping[str, object] | None) -> "SvgColours":
        """The layout's ``colours`` (accent, text, rule), briefdeck's defaults for any missing."""
        given = colours if isinstance(colours, Mapping) else {}
        pick = {k: hex_colour(given.get(k)) or v for k, v in _DEFAULTS.items()}  # never markup
        return cls(pick["accent"], pick["text"], pick["rule"])


def chart_svg(chart: Chart, labels: Sequence[str], values_text: Sequence[str], colours: SvgColours,
              ident: str) -> Markup:
    """The SVG of ``chart``: ``labels`` are its categories, ``values_text`` the values as written."""
    draw = {"bar": _bars, "column": _columns, "line": _line}[chart.type]
    height, body = draw(chart.values, labels, values_text, colours)
    title_id = f"{ident}-title"
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" role="img" aria-labelledby="{title_id}" '
        f'viewBox="0 0 {_n(WIDTH)} {_n(height)}" width="100%" font-family="inherit" font-size="{_n(FONT)}">'
        f'<title id="{title_id}">{xml_text(chart.alt)}</title>{body}</svg>')


def _bars(values, labels, texts, c: SvgColours) -> tuple[float, str]:
    """Horizontal bars, each under its label (labels may be long), its value at its end."""
    top, out = 4.0, []
    room = WIDTH - 110.0  # the longest bar leaves space for its value
    scale = room / max(max(values, default=0.0), 1e-9)
    for value, label, text in zip(values, labels, texts):
        lines = textwrap.wrap(label, 90) or [""]
        out.append(_text(0.0, top + FONT, lines, c.text))
        top += len(lines) * LINE + 2
        w = max(value, 0.0) * scale
        out.append(f'<rect x="0" y="{_n(top)}" width="{_n(w)}" height="{_n(LINE * 1.4)}" fill="#{c.data}"/>')
        out.append(_text(w + 6, top + LINE, [text], c.text, bold=True))
        top += LINE * 1.4 + 10
    return top, "".join(out)


def _columns(values, labels, texts, c: SvgColours) -> tuple[float, str]:
    return _vertical(values, labels, texts, c, line=False)


def _line(values, labels, texts, c: SvgColours) -> tuple[float, str]:
    return _vertical(values, labels, texts, c, line=True)


def _vertical(values, labels, texts, c: SvgColours, *, line: bool) -> tuple[float, str]:
    """Columns, or points joined by a line, on a baseline: values above, labels wrapped below."""
    plot_h, slot = 220.0, WIDTH / max(len(values), 1)
    top = LINE + 6
    base = top + plot_h
    scale = plot_h / max(max(values, default=0.0), 1e-9)
    tops = [(i * slot + slot / 2, base - max(v, 0.0) * scale) for i, v in enumerate(values)]
    out = [f'<line x1="0" y1="{_n(base)}" x2="{_n(WIDTH)}" y2="{_n(base)}" stroke="#{c.grid}"/>']
    if line:
        out.append(f'<polyline points="{" ".join(f"{_n(x)},{_n(y)}" for x, y in tops)}" fill="none" '
                   f'stroke="#{c.data}" stroke-width="2.5"/>')
    deepest = 0
    for (x, y), label, text in zip(tops, labels, texts):
        if line:
            out.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="4" fill="#{c.data}"/>')
        else:
            out.append(f'<rect x="{_n(x - slot * 0.3)}" y="{_n(y)}" width="{_n(slot * 0.6)}" '
                       f'height="{_n(base - y)}" fill="#{c.data}"/>')
        out.append(_text(x, y - 6, [text], c.text, anchor="middle", bold=True))
        lines = textwrap.wrap(label, max(8, int(slot / (FONT * 0.55)))) or [""]
        out.append(_text(x, base + LINE, lines, c.text, anchor="middle"))
        deepest = max(deepest, len(lines))
    return base + deepest * LINE + 8, "".join(out)


def _text(x: float, y: float, lines: Sequence[str], colour: str, *, anchor: str = "start",
          bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    spans = "".join(f'<tspan x="{_n(x)}" dy="{_n(0 if i == 0 else LINE)}">{xml_text(line)}</tspan>'
                    for i, line in enumerate(lines))
    return (f'<text x="{_n(x)}" y="{_n(y)}" fill="#{colour}" text-anchor={xml_attr(anchor)}{weight}>'
            f'{spans}</text>')


def _n(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros: the same text on every machine."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
