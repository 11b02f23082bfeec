"""The layout.yaml settings a handout shares with the deck: colours and language.

Values are checked before they reach the page: a colour must be six hex digits
and a language a language tag, so a layout cannot slip CSS or HTML in.
"""

from __future__ import annotations

from markupsafe import Markup

from briefdeck.errors import BriefdeckError, Problem
from briefdeck.layouts import LANGUAGE_TAG, Layout, hex_colour

# layout.yaml colour → the stylesheet's custom property.
COLOUR_PROPERTIES = {
    "text": "--ink",
    "title": "--accent",
    "accent": "--highlight",
    "muted": "--muted",
    "rule": "--rule",
    "panel": "--panel",
}


def layout_colours_css(layout: Layout) -> Markup:
    """A ``:root`` rule setting the stylesheet's colours from the layout's ``colours``."""
    colours = layout.merged().get("colours") or {}
    declarations = []
    for key, prop in COLOUR_PROPERTIES.items():
        value = colours.get(key) if isinstance(colours, dict) else None
        if value is None:
            continue
        colour = hex_colour(value)
        if colour is None:
            raise BriefdeckError(Problem(f"layout colour '{key}' must be six hex digits, found '{value}'",
                                         layout.location(("colours", key)), "write it like 1F2933",
                                         code="layout-setting"))
        declarations.append(f"{prop}: #{colour.lower()};")
    return Markup(":root { " + " ".join(declarations) + " }") if declarations else Markup("")


def layout_language(layout: Layout) -> str:
    """The language tag of the handout's text (``language`` in layout.yaml; "en" if unset)."""
    value = str(layout.setting("language") or "en")
    if not LANGUAGE_TAG.fullmatch(value):
        raise BriefdeckError(Problem(f"layout language must be a language tag like en-GB, found '{value}'",
                                     layout.location(("language",)), code="layout-setting"))
    return value
