"""Where things go on a slide: the content area, titles, body regions, the band.

`Frames` answers geometry questions for the planner in points. Without a
template everything comes from the layout's margins; with one, a kind's
title and body placeholders give their positions (the organisation's design),
and the layout's margins still bound the footnote band and slide number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefdeck.errors import BriefdeckError, Problem
from briefdeck.render.pptx.fit import Para, Run, line_pitch, para_lines
from briefdeck.render.pptx.pages import Bar, Rect, TextBox
from briefdeck.render.pptx.settings import PptxSettings
from briefdeck.render.pptx.template import Base

ACCENT_BAR = (56.0, 4.0)  # width, height (pt) of the short bar under a title
RULE = 0.75  # thickness (pt) of the rule above the footnote band


@dataclass
class Frames:
    """Geometry of one deck: the slide, its content area, and each kind's placeholders."""

    settings: PptxSettings
    base: Base
    # (role, step) -> size, line pitch and space before: pagination sets the same roles over and over
    _spacing: dict[tuple[str, int], tuple[float, float, float]] = field(default_factory=dict, init=False,
                                                                          repr=False, compare=False)

    @property
    def width(self) -> float:
        return self.base.width

    @property
    def height(self) -> float:
        return self.base.height

    @property
    def content(self) -> Rect:
        """The slide inside its margins."""
        s = self.settings
        return Rect(s.margin_left, s.margin_top, self.width - s.margin_left - s.margin_right,
                    self.height - s.margin_top - s.margin_bottom)

    def para(self, runs: tuple[Run, ...], role: str, step: int, colour: str, **style) -> Para:
        """A paragraph of ``role`` at shrink ``step``, with the layout's spacing."""
        if (role, step) not in self._spacing:
            s = self.settings
            size = s.sizes[role].at(step)
            self._spacing[role, step] = (size, line_pitch(s.metrics, size, s.line_spacing),
                                         round(s.paragraph_spacing * size, 2))
        size, pitch, before = self._spacing[role, step]
        return Para(runs, size, pitch, space_before=before, colour=colour, **style)

    def title_box(self, kind: str, text: str, *, role: str = "title", colour: str | None = None,
                  max_lines: int | None = None, where: str = "") -> TextBox:
        """The title of a slide of ``kind``: in the template's title placeholder, else at the top.

        The title shrinks until it takes at most ``max_lines`` (the layout's
        ``title_lines``), and may take one line more at its floor; longer is
        an error naming the slide (``where``).
        """
        s, m = self.settings, self.settings.metrics
        slot = self.base.slots[kind].title if self.base.custom else None
        area = self.content
        rect = slot.rect if slot is not None and slot.rect is not None else Rect(area.x, area.y, area.w, 0)
        inner = rect.w - 2 * s.inset
        limit = max_lines or s.title_lines
        runs = (Run(text, bold=True),)
        role_sizes = s.sizes[role]
        for step in range(role_sizes.steps + 1):
            para = self.para(runs, role, step, colour or s.colours["title"])
            lines = len(para_lines(para, inner, m))
            if lines <= limit or (step == role_sizes.steps and lines <= limit + 1):
                break
        else:
            raise BriefdeckError(Problem(
                f"{where}the title does not fit on the slide even at {role_sizes.floor:g} pt "
                f"({lines} lines)", hint="shorten the title", code="slide-title-too-long"))
        height = max(rect.h, lines * para.pitch + 2 * s.inset)
        anchor = None if slot is not None and slot.rect is not None else "t"
        return TextBox("title", Rect(rect.x, rect.y, rect.w, height), (para,), s.inset, anchor=anchor)

    def accent_under(self, title: TextBox) -> tuple[Bar, ...]:
        """The short accent bar under a title (only in briefdeck's own design)."""
        if self.base.custom:
            return ()
        w, h = ACCENT_BAR
        gap = min(self.settings.title_gap / 2, 10.0)
        return (Bar("accent", Rect(title.rect.x + self.settings.inset, title.rect.bottom + gap - h / 2, w, h),
                    self.settings.colours["accent"]),)

    def body_region(self, kind: str, title: TextBox) -> Rect:
        """The area under ``title`` where a kind's body and its footnote band go."""
        s, area = self.settings, self.content
        top, bottom, x, w = title.rect.bottom + s.title_gap, area.bottom, area.x, area.w
        slot = self.base.slots[kind].body if self.base.custom else None
        if slot is not None and slot.rect is not None:
            top = max(top, slot.rect.y)
            bottom = min(bottom, slot.rect.bottom)
            x, w = slot.rect.x, slot.rect.w
        return Rect(x, top, w, max(0.0, bottom - top))

    def band(self, region: Rect, height: float) -> tuple[Bar, Rect]:
        """The rule and the box of a footnote band ``height`` tall at the foot of ``region``."""
        box = Rect(region.x, region.bottom - height, region.w, height)
        rule_y = box.y - self.settings.band_gap / 2 - RULE / 2
        return Bar("rule", Rect(region.x + self.settings.inset, rule_y, region.w - 2 * self.settings.inset, RULE),
                   self.settings.colours["rule"]), box

    def number_box(self, number: int) -> TextBox | None:
        """The slide number in the bottom margin, right-aligned; None if the margin is too small."""
        s = self.settings
        para = self.para((Run(str(number)),), "slide_number", 0, s.colours["muted"], align="r")
        h = para.pitch + 2 * s.inset
        if h > s.margin_bottom:
            return None
        w = 60.0
        area = self.content
        return TextBox("number", Rect(area.right - w, area.bottom + (s.margin_bottom - h) / 2, w, h),
                       (para,), s.inset)
