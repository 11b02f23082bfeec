"""A planned PowerPoint page as HTML: the same boxes, the same lines, in points.

The preview draws the `Page`s that `render.pptx.plan.deck_to_pages` makes for
the .pptx, so every line break and "(cont.)" page is the one the file has:
each paragraph is broken with `fit.para_lines` (the planner's own measure)
and each line is set on its own, unwrapped, at the exact pitch. CSS takes
points as they are. Every text is escaped here; footnote markers become
buttons that open the evidence panel (`evidence.py`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

from briefdeck.layouts import hex_colour
from briefdeck.render.handout.pictures import picture_html
from briefdeck.render.handout.svg_chart import SvgColours, chart_svg
from briefdeck.render.pptx.fit import Para, Run, para_lines
from briefdeck.render.pptx.metrics import FontMetrics
from briefdeck.render.pptx.pages import Bar, ChartBox, Page, PictureBox, Rect, TextBox

_MARKERS = re.compile(r"\d+(?:, ?\d+)*")  # "1", "4,5" after a point; "1, 3" in the band
_NUMBER = re.compile(r"\d+")
_ANCHOR = {"t": "flex-start", "ctr": "center", "b": "flex-end", None: "flex-start"}
_ALIGN = {"l": "left", "ctr": "center", "r": "right"}


def _rect(rect: Rect) -> str:
    return f"left:{rect.x:.2f}pt;top:{rect.y:.2f}pt;width:{rect.w:.2f}pt;height:{rect.h:.2f}pt"


def _colour(hex_rgb: str | None, default: str = "000000") -> str:
    return "#" + (hex_colour(hex_rgb) or default)


@lru_cache(maxsize=1024)
def page_to_html(page: Page, *, number: int, width: float, height: float, metrics: FontMetrics,
                 font: str, background: str) -> str:
    """One slide as an absolutely positioned ``div`` of ``width`` x ``height`` points.

    Markers carry ``data-note="<number>-<footnote>"``: the page number and the
    footnote's number on its slide, which name the panel to open. Pages are
    immutable, so a slide a save did not change is not drawn again (cached).
    """
    shapes = []
    for shape in page.shapes:
        if isinstance(shape, Bar):
            shapes.append(f'<div class="bar" style="{_rect(shape.rect)};background:{_colour(shape.colour)}"></div>')
        elif isinstance(shape, ChartBox):  # the handout's SVG of the same chart, in the chart's box
            style = shape.style
            svg = chart_svg(shape.chart, shape.categories, [f"{v:,g}" for v in shape.chart.values],
                            SvgColours(style.data, style.text, style.grid), f"chart-{number}")
            shapes.append(f'<div class="chart" style="{_rect(shape.rect)}">{svg}</div>')
        elif isinstance(shape, PictureBox):
            shapes.append(f'<div class="picture" style="{_rect(shape.rect)}">{picture_html(shape.picture)}</div>')
        else:
            shapes.append(_box(shape, (number, {f.number for f in page.footnotes}), metrics))
    fill = _colour(page.background or background, "FFFFFF")
    return (f'<div class="slide" id="slide-{number}" data-kind="{escape(page.kind)}" '
            f'style="width:{width:.2f}pt;height:{height:.2f}pt;background:{fill};'
            f'font-family:{escape(_font_family(font))}">{"".join(shapes)}</div>')


def _font_family(font: str) -> str:
    name = "".join(c for c in font if c.isalnum() or c in " -_")
    return f"'{name}', 'Liberation Sans', Arial, sans-serif" if name else "'Liberation Sans', Arial, sans-serif"


Notes = tuple[int, set[int]]  # the page's number, and the footnote numbers it carries


def _box(box: TextBox, number: Notes, metrics: FontMetrics) -> str:
    inner = box.rect.w - 2 * box.inset
    paras = "".join(_para(p, i == 0, inner, number, metrics) for i, p in enumerate(box.paras))
    fill = f";background:{_colour(box.fill)}" if box.fill else ""
    return (f'<div class="box {escape(box.role)}" style="{_rect(box.rect)};padding:{box.inset:.2f}pt;'
            f'justify-content:{_ANCHOR.get(box.anchor, "flex-start")}{fill}"><div>{paras}</div></div>')


def _para(para: Para, first: bool, inner: float, number: Notes, metrics: FontMetrics) -> str:
    before = 0.0 if first else para.space_before
    lines = para_lines(para, inner, metrics)
    out = []
    for i, line in enumerate(lines):
        bullet = ""
        if i == 0 and para.bullet:
            bullet = f'<span class="bullet" style="width:{para.indent:.2f}pt">{escape(para.bullet)}</span>'
        runs = "".join(_run(run, number) for run in line).replace("\n", "")
        out.append(f'<div class="line" style="height:{para.pitch:.2f}pt;line-height:{para.pitch:.2f}pt">'
                   f"{bullet}{runs}</div>")
    style = (f"margin-top:{before:.2f}pt;padding-left:{para.indent:.2f}pt;font-size:{para.size:.2f}pt;"
             f"color:{_colour(para.colour)};text-align:{_ALIGN.get(para.align, 'left')}")
    return f'<div class="para" style="{style}">{"".join(out)}</div>'


def _run(run: Run, notes: Notes) -> str:
    page, carried = notes
    if run.superscript and _MARKERS.fullmatch(run.text) and all(int(n) in carried for n in _NUMBER.findall(run.text)):
        marks = _NUMBER.sub(lambda m: f'<button type="button" class="marker" data-note="{page}-{int(m.group())}" '
                            f'title="Evidence for note {int(m.group())}">{int(m.group())}</button>', run.text)
        return f"<sup>{marks}</sup>"
    style = []
    if run.bold:
        style.append("font-weight:bold")
    if run.italic:
        style.append("font-style:italic")
    if run.colour:
        style.append(f"color:{_colour(run.colour)}")
    if run.url:
        style.append("text-decoration:underline")
    text = escape(run.text)
    if run.superscript:
        return f'<sup style="{";".join(style)}">{text}</sup>'
    return f'<span style="{";".join(style)}">{text}</span>' if style else text
