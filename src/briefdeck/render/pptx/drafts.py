"""The records the planner passes around before a page is placed: blocks to flow and page drafts."""

from __future__ import annotations

from dataclasses import dataclass

from briefdeck.deck.model import Footnote
from briefdeck.render.pptx.fit import Para, Run
from briefdeck.render.pptx.pages import Rect, TextBox

QUOTE_BAR = 6.0  # width (pt) of the bar beside a pull quote
QUOTE_PAD = 26.0  # pt from the bar to the quote's text
PANEL_INSETS = 3  # the content-note panel's padding, in text-box insets


@dataclass(frozen=True)
class Block:
    """A paragraph to flow, before its size is known."""

    runs: tuple[Run, ...]
    role: str
    colour: str
    footnotes: tuple[int, ...] = ()  # the slide's footnote numbers its markers call
    bullet: str | None = None  # "•", or "1." for a numbered list
    indent: float = 0.0
    keep_with_next: bool = False
    trailer: bool = False  # ends the last page, after everything else (a quote's attribution)


@dataclass(frozen=True)
class FlowBox:
    """How a kind's body box sits in its region: left padding, inner padding, hugging its text."""

    pad: float  # room on the left (a pull quote's bar)
    inset: float
    hug: bool  # the box is as tall as its text (else it fills the region above the band)

    @classmethod
    def of(cls, kind: str, inset: float) -> "FlowBox":
        if kind == "quote":
            return cls(QUOTE_BAR + QUOTE_PAD, inset, True)
        if kind == "content-note":
            return cls(0.0, inset * PANEL_INSETS, True)
        return cls(0.0, inset, False)

    def text_width(self, region: Rect) -> float:
        return region.w - self.pad - 2 * self.inset


@dataclass(frozen=True)
class Draft:
    """One page of flowing text, measured: what it holds and how tall each part is.

    ``footnotes`` are the slide's footnotes the page carries (its band and
    speaker notes), with the slide's own numbers; ``author_notes`` is true on
    the first page of a slide, which carries the author's speaker notes.
    """

    title: TextBox
    region: Rect
    paras: tuple[Para, ...]
    body_h: float  # the body box's height, insets included
    band: tuple[Para, ...] = ()
    band_h: float = 0.0
    footnotes: tuple[Footnote, ...] = ()
    author_notes: bool = False

    def band_room(self, gap: float) -> float:
        """The height the band takes from the region, with the gap above it (0 without a band)."""
        return self.band_h + gap if self.band else 0.0

    def fits(self, gap: float) -> bool:
        return self.body_h + self.band_room(gap) <= self.region.h + 1e-6
