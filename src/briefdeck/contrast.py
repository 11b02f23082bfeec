"""Colour contrast as WCAG 2.2 measures it, and the layout colours that fall short.

    contrast_ratio("767676", "FFFFFF")  # 4.54: just enough for body text

Success criterion 1.4.3 (Contrast, Minimum) asks 4.5:1 for text and 3:1 for
large text (18 pt, or 14 pt bold). `layout_contrast_problems` checks each
pair of layout colours that stands as text on a background, with the smallest
size that pair is used at, and names the layout.yaml line of the text colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from briefdeck.errors import Location, Problem
from briefdeck.layouts import hex_colour

NORMAL, LARGE = 4.5, 3.0


@dataclass(frozen=True)
class TextOn:
    """A layout colour used as text on another: ``needs`` is the ratio its smallest use requires."""

    text: str
    background: str
    needs: float
    used_for: str


# Every text colour of a layout on the background it is drawn on. Titles, section titles, big
# figures, bullets and cover labels are never smaller than 16 pt bold: large text.
TEXT_ON = (
    TextOn("text", "background", NORMAL, "body text"),
    TextOn("muted", "background", NORMAL, "footnotes, captions and slide numbers"),
    TextOn("link", "background", NORMAL, "links"),
    TextOn("text", "panel", NORMAL, "the content note's text on its panel"),
    TextOn("title", "background", LARGE, "slide titles (large text)"),
    TextOn("accent", "background", LARGE, "big figures and bullets (large text)"),
    TextOn("section_text", "section_background", LARGE, "section titles (large text)"),
)


def relative_luminance(colour: str) -> float:
    """WCAG's relative luminance of a six-digit hex sRGB colour ("1F2933" or "#1f2933"), 0 to 1."""
    digits = hex_colour(colour.strip())
    if digits is None:
        raise ValueError(f"not a six-digit hex colour: {colour!r}")
    channels = [int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """(L1 + 0.05) / (L2 + 0.05), the lighter colour's luminance over the darker's: 1 to 21."""
    a, b = relative_luminance(first), relative_luminance(second)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def layout_contrast_problems(colours: Mapping[str, str], locations: Mapping[str, Location], *,
                             severity: str = "error") -> list[Problem]:
    """A problem for each text colour of ``colours`` (layout.yaml ``colours``) too faint on its background.

    ``locations`` gives where each colour key is written (its layout.yaml
    line); a problem stands at its text colour's. Pairs with a colour that is
    missing or not hex are left to the layout's own validation.
    """
    problems = []
    for pair in TEXT_ON:
        text, background = colours.get(pair.text), colours.get(pair.background)
        if not (isinstance(text, str) and isinstance(background, str)
                and hex_colour(text.strip()) and hex_colour(background.strip())):
            continue
        ratio = contrast_ratio(text, background)
        if ratio >= pair.needs:
            continue
        problems.append(Problem(
            f"colours.{pair.text} {text.lstrip('#').upper()} on colours.{pair.background} "
            f"{background.lstrip('#').upper()} has a contrast of {_ratio(ratio)}; {pair.used_for} need "
            f"at least {pair.needs:g}:1 (WCAG 2.2, 1.4.3)",
            locations.get(pair.text), hint=f"darken or lighten colours.{pair.text} (or colours.{pair.background})",
            severity=severity, code="layout-contrast"))
    return problems


def _ratio(ratio: float) -> str:
    # rounded down, so a ratio shown as 4.5:1 is never one that fails 4.5:1
    return f"{int(ratio * 100) / 100:.2f}:1"
