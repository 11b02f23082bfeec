"""Pages: what each PowerPoint slide shows and where, before any XML is written.

The planner (`plan.py`) turns a `Deck` into `Page`s — one per slide of the
file, continuation slides included — whose text boxes carry measured
paragraphs and positions in points. The writer (`draw.py`) only draws them.
A test can check any page's geometry without opening a .pptx.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefdeck.deck.model import Chart, Footnote, Picture
from briefdeck.render.pptx.fit import Para


@dataclass(frozen=True)
class Rect:
    """A rectangle in points from the slide's top-left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def overlaps(self, other: "Rect") -> bool:
        """True when the two share some area (touching edges do not count)."""
        return (min(self.right, other.right) - max(self.x, other.x) > 0.01
                and min(self.bottom, other.bottom) - max(self.y, other.y) > 0.01)


@dataclass(frozen=True)
class TextBox:
    """A text box: ``role`` names it ("title", "body", "band"…); "title" and
    "body" go into the template's placeholders when its layout has them.

    ``anchor`` None leaves the vertical anchoring to the template.
    """

    role: str
    rect: Rect
    paras: tuple[Para, ...]
    inset: float
    anchor: str | None = "t"
    fill: str | None = None


@dataclass(frozen=True)
class Bar:
    """A filled rectangle with no text: accent bars and rules."""

    role: str
    rect: Rect
    colour: str


@dataclass(frozen=True)
class ChartStyle:
    """How a chart looks, from the layout: its data colour, text colour and size, gridlines, font."""

    data: str
    text: str
    grid: str
    font: str
    size: float  # pt, axis and data labels
    language: str


@dataclass(frozen=True)
class ChartBox:
    """A native PowerPoint chart: ``categories`` (with their footnote markers) and ``chart``'s values."""

    role: str
    rect: Rect
    chart: Chart
    categories: tuple[str, ...]
    style: ChartStyle


@dataclass(frozen=True)
class PictureBox:
    """A picture fitted in ``rect`` (its aspect kept by the planner)."""

    role: str
    rect: Rect
    picture: Picture


Shape = TextBox | Bar | ChartBox | PictureBox


@dataclass(frozen=True)
class Page:
    """One slide of the file.

    ``kind`` picks the template layout (a slide kind, or "notes" for the
    end-notes slides). ``notes`` are the speaker notes, one string per
    paragraph. ``background`` None keeps the layout's own background.
    """

    kind: str
    title: str
    shapes: tuple[Shape, ...]
    notes: tuple[str, ...] = ()
    background: str | None = None
    numbered: bool = False  # gets a slide number when the layout wants them
    footnotes: tuple[Footnote, ...] = ()  # the footnotes it carries, with their slide's numbers

    @property
    def text_boxes(self) -> tuple[TextBox, ...]:
        return tuple(s for s in self.shapes if isinstance(s, TextBox))

    def box(self, role: str) -> TextBox | None:
        return next((b for b in self.text_boxes if b.role == role), None)
