"""Chart slides: the chart fills the body region above the footnote band.

Each category carries its point's footnote markers (superscript digits, as
on a bullet), so every bar or point leads to the note under it. The band
shrinks, within its floor, until the chart keeps at least `MIN_CHART_HEIGHT`.
"""

from __future__ import annotations

from briefdeck.deck.model import Slide
from briefdeck.errors import BriefdeckError, Problem
from briefdeck.render.pptx.clean import one_line
from briefdeck.render.pptx.drafts import Block
from briefdeck.render.pptx.fit import Run
from briefdeck.render.pptx.flow import Flow
from briefdeck.render.pptx.pages import ChartBox, ChartStyle, Page, Rect

MIN_CHART_HEIGHT = 144.0  # pt: two inches, enough for a few bars and their labels
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def chart_pages(slide: Slide, flow: Flow) -> list[Page]:
    """The one page of a chart slide."""
    s, frames, notes = flow.settings, flow.frames, flow.notes
    if slide.chart is None or not slide.points:
        return flow.pages(slide, [], kind="chart")
    title = frames.title_box("chart", one_line(slide.title), where=flow.where)
    region = frames.body_region("chart", title)
    blocks = [Block((Run(one_line(p.text)),), "caption", s.colours["text"], p.footnotes) for p in slide.points]
    footnotes = notes.carried(slide, blocks, first=True)
    for step in range(s.sizes["footnote"].steps + 1):
        band = notes.band(footnotes, step)
        band_h = notes.band_height(band, region)
        chart_h = region.h - (band_h + s.band_gap if band else 0.0)
        if chart_h >= MIN_CHART_HEIGHT:
            break
    else:
        raise BriefdeckError(Problem(
            f"{flow.where}the chart's footnotes leave it less than {MIN_CHART_HEIGHT / 72:g} inches",
            hint="cite fewer passages for its points, or set citations.on_slides to end", code="slide-overflow"))
    style = ChartStyle(s.colours["accent"], s.colours["text"], s.colours["rule"], s.latin,
                       s.sizes["caption"].floor, s.language)
    categories = tuple(one_line(p.text) + marker_text(p.footnotes) for p in slide.points)
    shapes: list = [title, *frames.accent_under(title),
                    ChartBox("chart", Rect(region.x, region.y, region.w, chart_h), slide.chart, categories, style)]
    if band:
        shapes += flow.band_shapes(region, band, band_h)
    return [flow.page(slide, "chart", title, shapes, footnotes, author=True)]


def marker_text(numbers: tuple[int, ...]) -> str:
    """Footnote markers as superscript characters ("¹,²"), for text that cannot hold a superscript run."""
    return ",".join(str(n).translate(_SUPERSCRIPT) for n in dict.fromkeys(numbers))
