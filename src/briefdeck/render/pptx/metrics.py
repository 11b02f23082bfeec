"""Font metrics that ship with briefdeck, so every machine measures text alike.

``font_metrics.json`` (made by ``tools/make_metrics.py`` from Liberation Sans,
which has Arial's advance widths) gives each code point's advance width.
Nothing here looks at the fonts installed on the machine.

A character the table lacks (Korean, Chinese, Japanese, emoji…) measures
1 em: East Asian glyphs are full width, so this is right for them and
generous for the rest.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

METRICS_FILE = "font_metrics.json"
STYLES = ("regular", "bold", "italic", "bold-italic")


@dataclass(frozen=True, eq=False)
class FontMetrics:
    """One font family's advance widths (font units) and line metrics."""

    family: str
    units_per_em: int
    ascent: int
    descent: int
    widths: dict[str, dict[int, int]] = field(repr=False)  # style -> code point -> advance

    @property
    def line_em(self) -> float:
        """A single line's height in em: the font's ascent plus descent."""
        return (self.ascent + self.descent) / self.units_per_em

    def text_units(self, text: str, *, bold: bool = False, italic: bool = False) -> int:
        """The advance width of ``text`` in font units (missing characters: 1 em)."""
        return _text_units(self, text, _style(bold, italic))

    def text_width(self, text: str, size: float, *, bold: bool = False, italic: bool = False) -> float:
        """The advance width of ``text`` in points at ``size`` points."""
        return self.text_units(text, bold=bold, italic=italic) * size / self.units_per_em


def _style(bold: bool, italic: bool) -> str:
    return STYLES[(1 if bold else 0) + (2 if italic else 0)]


@lru_cache(maxsize=200_000)
def _text_units(metrics: FontMetrics, text: str, style: str) -> int:
    table, em = metrics.widths[style], metrics.units_per_em
    return sum(table.get(ord(char), em) for char in text)


@cache
def _load_all() -> dict[str, FontMetrics]:
    raw = json.loads(resources.files(__package__).joinpath(METRICS_FILE).read_text(encoding="utf-8"))
    families = {}
    for family, data in raw["fonts"].items():
        widths = {}
        for style, runs in data["styles"].items():
            table: dict[int, int] = {}
            for first, advances in runs:
                table.update(zip(range(first, first + len(advances)), advances))
            widths[style] = table
        families[family] = FontMetrics(family, data["units_per_em"], data["ascent"], data["descent"], widths)
    return families


def metric_families() -> list[str]:
    """The font families briefdeck can measure (the ``fonts.latin`` choices)."""
    return sorted(_load_all())


def font_metrics(family: str) -> FontMetrics:
    """The shipped metrics of ``family``; KeyError when briefdeck has none for it."""
    return _load_all()[family]
