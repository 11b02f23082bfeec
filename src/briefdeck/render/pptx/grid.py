"""Figures slides: big numbers in a grid, up to the layout's figures per slide.

Figures stand side by side; in a 2 x 2 grid when they are too wide for that;
on more slides, fewer to a slide, when even that is too narrow. A figure too
big for a slide of its own even at the floor flows as text instead.
"""

from __future__ import annotations

from dataclasses import replace

from briefdeck.deck.model import Point, Slide
from briefdeck.render.pptx.clean import clean_text, one_line
from briefdeck.render.pptx.drafts import Block
from briefdeck.render.pptx.fit import WIDTH_SAFETY, Run, first_fitting, paras_height
from briefdeck.render.pptx.flow import CONTINUED_ROOM, Flow
from briefdeck.render.pptx.pages import Bar, Page, Rect, TextBox

FIGURE_GUTTER = 24.0  # pt between figure cells
CELL_BAR = (48.0, 5.0, 10.0)  # the accent bar above each figure: width, height, gap below (pt)


def figures_pages(slide: Slide, flow: Flow) -> list[Page]:
    """The pages of a figures slide."""
    points = list(slide.points)
    if not points:
        return flow.pages(slide, [], kind="figures")
    for per in range(flow.settings.figures_per_slide, 0, -1):
        groups = _distribute(len(points), per)
        planned = [_grid_page(slide, [points[i] for i in group], page_index, flow)
                   for page_index, group in enumerate(groups)]
        if all(p is not None for p in planned) or per == 1:
            break
    pages: list[Page] = []
    colours = flow.settings.colours
    for page_index, (group, page) in enumerate(zip(groups, planned)):
        if page is not None:
            pages.append(page)
            continue
        blocks = []  # one figure too big for a slide even at the floor: flow it as text
        for i in group:
            blocks.append(Block((Run(one_line(points[i].figure or ""), bold=True),), "figure", colours["accent"],
                                keep_with_next=True))
            blocks.append(Block((Run(clean_text(points[i].text)),), "caption", colours["text"],
                                points[i].footnotes))
        pages += flow.pages(slide, blocks, kind="figures", continued=page_index > 0, first=page_index == 0)
    return pages


def _grid_page(slide: Slide, points: list[Point], page_index: int, flow: Flow) -> Page | None:
    """One page of up to four big figures in a grid, or None if they do not fit."""
    s, frames, notes = flow.settings, flow.frames, flow.notes
    c, metrics = s.colours, s.metrics
    title = frames.title_box("figures", one_line(slide.title) + (CONTINUED_ROOM if page_index else ""),
                             where=flow.where)
    region = frames.body_region("figures", title)
    count = len(points)
    bar_w, bar_h, bar_gap = CELL_BAR
    captions = [Block((Run(clean_text(p.text)),), "caption", c["text"], p.footnotes) for p in points]
    footnotes = notes.carried(slide, captions, first=page_index == 0)
    steps = max(s.sizes[r].steps for r in ("figure", "caption", "footnote"))
    # A big number reads as one: it stands on one line, shrunk if need be. Only a figure alone on
    # its slide may break.
    figure_role = s.sizes["figure"]
    longest = max((metrics.text_width(one_line(p.figure or ""), 1.0, bold=True) for p in points), default=0.0)
    grids = [(count, 1)] if count <= 3 else []
    grids += [(2, (count + 1) // 2)] if 1 < count <= 4 and count != 2 else []
    for cols, rows in grids:
        cell_w = (region.w - (cols - 1) * FIGURE_GUTTER) / cols
        whole = first_fitting(figure_role.steps + 1,
                              lambda st: longest * figure_role.at(st) <= (cell_w - 2 * s.inset) * WIDTH_SAFETY)
        if whole is not None:
            break
    else:
        if count > 1:
            return None
    figure_step = whole or 0
    for step in range(steps + 1):
        band = notes.band(footnotes, step)
        band_h = notes.band_height(band, region)
        avail = region.h - (band_h + s.band_gap if band else 0.0)
        cell_h = (avail - (rows - 1) * FIGURE_GUTTER) / rows
        cells = []
        for point, caption_block in zip(points, captions):
            figure = frames.para((Run(one_line(point.figure or ""), bold=True),), "figure",
                                 max(step, figure_step), c["accent"])
            caption = notes.para(caption_block, step)
            cells.append((figure, replace(caption, space_before=round(caption.size * 0.3, 2)))
                         if point.figure else (caption,))
        heights = [paras_height(list(cell), cell_w - 2 * s.inset, metrics) + 2 * s.inset for cell in cells]
        content_h = max(heights) + bar_h + bar_gap
        if content_h > cell_h + 1e-6:
            continue
        shapes: list = [title, *frames.accent_under(title)]
        total = rows * content_h + (rows - 1) * FIGURE_GUTTER
        top = region.y + max(0.0, (avail - total) / 2)
        for i, cell in enumerate(cells):
            col, row = i % cols, i // cols
            x = region.x + col * (cell_w + FIGURE_GUTTER)
            y = top + row * (content_h + FIGURE_GUTTER)
            shapes.append(Bar("accent", Rect(x + s.inset, y, bar_w, bar_h), c["accent"]))
            shapes.append(TextBox(f"figure {i + 1}", Rect(x, y + bar_h + bar_gap, cell_w, max(heights)),
                                  cell, s.inset))
        if band:
            shapes += flow.band_shapes(region, band, band_h)
        return flow.page(slide, "figures", title, shapes, footnotes, author=page_index == 0)
    return None


def _distribute(count: int, per: int) -> list[list[int]]:
    """``range(count)`` in as few groups of at most ``per`` as possible, sizes as even as possible."""
    pages = -(-count // per)
    base, more = divmod(count, pages)
    groups, start = [], 0
    for i in range(pages):
        size = base + (1 if i < more else 0)
        groups.append(list(range(start, start + size)))
        start += size
    return groups
