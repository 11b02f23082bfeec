"""The title slide and section slides: a few lines of large type, placed with care.

`cover_page` stacks the deck's title, subtitle, audience and date and keeps
the stack on the slide (shrinking every part together, within its floor);
`section_page` centres a section's title on a full-bleed colour. With an
organisation's template, the title goes where its title placeholder is and
the template's own background stays.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from briefdeck.deck.model import Deck, Slide
from briefdeck.errors import BriefdeckError, Problem
from briefdeck.render.pptx.clean import one_line
from briefdeck.render.pptx.fit import Run, para_lines, paras_height
from briefdeck.render.pptx.frames import Frames
from briefdeck.render.pptx.pages import Bar, Page, Rect, TextBox
from briefdeck.render.pptx.speaker import speaker_notes

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
LEFT_BAR = 14.0  # width (pt) of the title slide's bar at the left edge
TITLE_MAX_LINES = 3  # lines the deck's title may take before it shrinks


def format_date(date: dt.date) -> str:
    """"22 November 2026": the same on every machine, whatever its locale."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def cover_page(slide: Slide, deck: Deck, frames: Frames, *, where: str = "") -> Page:
    """The title slide: title, subtitle, audience and date, stacked and kept on the slide.

    The audience label is left out for the implicit audience of a brief that
    names none (key "all"). Every part shrinks together, a step at a time,
    until the title takes at most `TITLE_MAX_LINES` and the stack fits.
    """
    s = frames.settings
    c, area, custom = s.colours, frames.content, frames.base.custom
    slot = frames.base.slots["title"].title if custom else None
    placed = slot.rect if slot is not None else None  # the template's title placeholder
    x = area.x if custom else area.x + 24.0
    width = area.right - x if custom else (area.right - x) * 0.88
    title_rect = placed or Rect(x, 0.0, width, 0.0)
    subtitle = slide.subtitle or deck.subtitle
    date = format_date(deck.date) if deck.date else (deck.date_text or "")
    label = "" if deck.audience.key == "all" else deck.audience.label
    steps = max(s.sizes[r].steps for r in ("cover_title", "cover_subtitle", "cover_label"))

    def box_height(paras, w):
        return paras_height(paras, w - 2 * s.inset, s.metrics) + 2 * s.inset if paras else 0.0

    for step in range(steps + 1):
        title = frames.para((Run(one_line(slide.title or deck.title), bold=True),), "cover_title", step,
                            c["title"])
        under_title = [frames.para((Run(one_line(subtitle)),), "cover_subtitle", step, c["text"])] if subtitle else []
        who_when = [frames.para((Run(one_line(label), bold=True),), "cover_label", step, c["accent"])] if label else []
        if date:
            who_when.append(replace(frames.para((Run(one_line(date)),), "cover_label", step, c["muted"]),
                                    space_before=0.0))
        lines = len(para_lines(title, title_rect.w - 2 * s.inset, s.metrics))
        title_h = max(title_rect.h, lines * title.pitch + 2 * s.inset)
        sub_h, label_h = box_height(under_title, width), box_height(who_when, width)
        gap_sub, gap_label = 0.35 * title.size, 0.9 * title.size
        total = title_h + (gap_sub + sub_h if sub_h else 0.0) + (gap_label + label_h if label_h else 0.0)
        if placed is not None:
            top, fits = placed.y, placed.y + total <= area.bottom + 1e-6
        else:  # a little above the middle
            top, fits = area.y + max(0.0, (area.h - total) * 0.42), total <= area.h + 1e-6
        if fits and (lines <= TITLE_MAX_LINES or step == steps):
            break
    else:
        raise BriefdeckError(Problem(f"{where}the title slide's text does not fit on the slide "
                                     "even at the smallest sizes", hint="shorten the title or subtitle",
                                     code="slide-title-too-long"))
    shapes: list = [] if custom else [Bar("accent", Rect(0.0, 0.0, LEFT_BAR, frames.height), c["title"])]
    shapes.append(TextBox("title", Rect(title_rect.x, top, title_rect.w, title_h), (title,), s.inset,
                          anchor=None if placed is not None else "t"))
    y = top + title_h
    if sub_h:
        y += gap_sub
        shapes.append(TextBox("subtitle", Rect(x, y, width, sub_h), tuple(under_title), s.inset))
        y += sub_h
    if label_h:
        if not custom:
            shapes.append(Bar("accent", Rect(x + s.inset, y + gap_label / 2 - 2.0, 72.0, 4.0), c["accent"]))
        y += gap_label
        shapes.append(TextBox("audience", Rect(x, y, width, label_h), tuple(who_when), s.inset))
    return Page("title", title.text, tuple(shapes), notes=speaker_notes(slide.notes),
                background=None if custom else c["background"])


def section_page(slide: Slide, frames: Frames, *, where: str = "") -> Page:
    """A section slide: its title alone, on a full-bleed colour in briefdeck's own design."""
    s = frames.settings
    c = s.colours
    custom = frames.base.custom
    colour = c["title"] if custom else c["section_text"]
    title = frames.title_box("section", one_line(slide.title), role="section_title", colour=colour,
                             max_lines=3, where=where)
    shapes: list = []
    if not custom:  # centred vertically on the full-bleed colour, an accent rule above
        area = frames.content
        top = area.y + max(0.0, (area.h - title.rect.h) / 2)
        title = replace(title, rect=Rect(title.rect.x, top, title.rect.w, title.rect.h))
        shapes.append(Bar("accent", Rect(title.rect.x + s.inset, top - 18.0, 72.0, 4.0), c["section_text"]))
    shapes.append(title)
    return Page("section", title.paras[0].text, tuple(shapes), notes=speaker_notes(slide.notes),
                background=None if custom else c["section_background"])
