"""The layout.yaml settings a handout shares with the deck: colours and language.

Values are checked before they reach the page: a colour must be six hex digits
and a language a language tag, so a layout cannot slip CSS or HTML in.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from briefdeck.errors import BriefdeckError, Location, Problem, display_path
from briefdeck.layouts import LAYOUT_FILE, Layout

# layout.yaml colour → the stylesheet's custom property.
COLOUR_PROPERTIES = {
    "text": "--ink",
    "title": "--accent",
    "accent": "--highlight",
    "muted": "--muted",
    "rule": "--rule",
    "panel": "--panel",
}
_HEX = re.compile(r"[0-9A-Fa-f]{6}")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def layout_colours_css(layout: Layout) -> Markup:
    """A ``:root`` rule setting the stylesheet's colours from the layout's ``colours``."""
    colours = layout.merged().get("colours") or {}
    declarations = []
    for key, prop in COLOUR_PROPERTIES.items():
        value = colours.get(key) if isinstance(colours, dict) else None
        if value is None:
            continue
        value = str(value).lstrip("#")
        if not _HEX.fullmatch(value):
            raise BriefdeckError(Problem(f"layout colour '{key}' must be six hex digits, found '{value}'",
                                         _settings_file(layout), "write it like 1F2933",
                                         code="layout-setting"))
        declarations.append(f"{prop}: #{value.lower()};")
    return Markup(":root { " + " ".join(declarations) + " }") if declarations else Markup("")


def layout_language(layout: Layout) -> str:
    """The language tag of the handout's text (``language`` in layout.yaml; "en" if unset)."""
    value = str(layout.setting("language") or "en")
    if not _LANGUAGE.fullmatch(value):
        raise BriefdeckError(Problem(f"layout language must be a language tag like en-GB, found '{value}'",
                                     _settings_file(layout), code="layout-setting"))
    return value


def _settings_file(layout: Layout) -> Location:
    return Location(display_path(layout.folder / LAYOUT_FILE))
