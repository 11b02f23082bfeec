"""A layout's ``layout.yaml``, read and checked for the PowerPoint renderer.

`pptx_settings` turns the merged settings of a `Layout` (the layout and the
ones it extends) into a `PptxSettings` with lengths in points, or raises a
`BriefdeckError` naming every bad key with the file, line and column that set
it. The keys are documented at the top of ``layouts/default/layout.yaml``.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from briefdeck.contrast import layout_contrast_problems
from briefdeck.deck.model import SLIDE_KINDS
from briefdeck.errors import Location, Problems, choices_hint, display_path
from briefdeck.layouts import LANGUAGE_TAG, Layout, hex_colour, inside_allowed
from briefdeck.render.pptx.metrics import FontMetrics, font_metrics, metric_families

POINTS_PER_INCH = 72.0
ROLES = ("title", "cover_title", "cover_subtitle", "cover_label", "section_title", "body", "question",
         "content_note", "figure", "caption", "quote", "attribution", "footnote", "end_notes",
         "bibliography", "slide_number")
COLOURS = ("background", "text", "title", "accent", "muted", "link", "rule", "section_background",
           "section_text", "panel")
MAPPABLE_KINDS = (*SLIDE_KINDS, "notes")  # "notes": the end-notes slides
# Every key of layout.yaml, and the keys of those that are mappings of fixed keys
# (None: a value, or a mapping checked where it is read).
LAYOUT_KEYS: dict[str, tuple[str, ...] | None] = {
    "description": None, "extends": None, "language": None, "slide": ("width", "height"),
    "margins": ("left", "right", "top", "bottom"), "fonts": ("latin", "east_asian", "han_lang"),
    "colours": COLOURS, "sizes": ROLES,
    "spacing": ("line", "paragraph", "bullet_indent", "title_gap", "band_gap", "inset"),
    "title_lines": None, "figures_per_slide": None, "slide_numbers": None, "template": None,
    "template_layouts": None,
}


@dataclass(frozen=True)
class Role:
    """A text role's size (pt) and the floor it may shrink to."""

    size: float
    floor: float

    @property
    def steps(self) -> int:
        """How many 1-pt shrink steps lie between size and floor."""
        return int(self.size - self.floor)

    def at(self, step: int) -> float:
        """The size after ``step`` 1-pt shrink steps, never below the floor."""
        return max(self.size - step, self.floor)


@dataclass(frozen=True)
class PptxSettings:
    """Everything the renderer reads from a layout; lengths in points."""

    layout_name: str
    folder: Path
    language: str
    slide_width: float
    slide_height: float
    margin_left: float
    margin_right: float
    margin_top: float
    margin_bottom: float
    latin: str
    east_asian: str
    han_lang: str
    colours: Mapping[str, str]
    sizes: Mapping[str, Role]
    line_spacing: float
    paragraph_spacing: float
    bullet_indent: float
    title_gap: float
    band_gap: float
    inset: float
    title_lines: int
    figures_per_slide: int
    slide_numbers: bool
    template: Path | None
    template_layouts: Mapping[str, str]
    template_layout_locations: Mapping[str, Location]  # where each kind's mapping is written

    @property
    def metrics(self) -> FontMetrics:
        return font_metrics(self.latin)


def pptx_settings(layout: Layout) -> PptxSettings:
    """The checked PowerPoint settings of ``layout`` (its own keys over those it extends)."""
    reader = _Reader(layout)
    _unknown_keys(layout, reader.problems)
    merged = layout.merged()
    inch = lambda *key: reader.number(merged, key, minimum=0.0) * POINTS_PER_INCH  # noqa: E731
    template = _template(layout, reader)
    mapping = reader.mapping(merged, ("template_layouts",))
    for kind, name in mapping.items():
        if kind not in MAPPABLE_KINDS:
            reader.problems.error(f"template_layouts has an unknown slide kind '{kind}'",
                                  reader.location(("template_layouts", kind)),
                                  hint=choices_hint(str(kind), MAPPABLE_KINDS, "slide kinds"),
                                  code="layout-setting")
        elif not isinstance(name, str) or not name.strip():
            reader.problems.error(f"template_layouts.{kind} must be a layout name (text)",
                                  reader.location(("template_layouts", kind)), code="layout-setting")
    settings = PptxSettings(
        layout_name=layout.name,
        folder=layout.folder,
        language=reader.language(merged),
        slide_width=inch("slide", "width"),
        slide_height=inch("slide", "height"),
        margin_left=inch("margins", "left"),
        margin_right=inch("margins", "right"),
        margin_top=inch("margins", "top"),
        margin_bottom=inch("margins", "bottom"),
        latin=reader.font(merged),
        east_asian=reader.text(merged, ("fonts", "east_asian")),
        han_lang=reader.text(merged, ("fonts", "han_lang")),
        colours={name: reader.colour(merged, ("colours", name)) for name in COLOURS},
        sizes={name: reader.role(merged, name) for name in ROLES},
        line_spacing=reader.number(merged, ("spacing", "line"), minimum=0.8, maximum=3.0),
        paragraph_spacing=reader.number(merged, ("spacing", "paragraph"), minimum=0.0, maximum=5.0),
        bullet_indent=inch("spacing", "bullet_indent"),
        title_gap=inch("spacing", "title_gap"),
        band_gap=inch("spacing", "band_gap"),
        inset=inch("spacing", "inset"),
        title_lines=int(reader.number(merged, ("title_lines",), minimum=1, maximum=4, integer=True)),
        figures_per_slide=int(reader.number(merged, ("figures_per_slide",), minimum=1, maximum=4,
                                            integer=True)),
        slide_numbers=reader.flag(merged, ("slide_numbers",)),
        template=template,
        template_layouts={str(k): str(v) for k, v in mapping.items()},
        template_layout_locations={str(k): reader.location(("template_layouts", str(k))) for k in mapping},
    )
    if settings.slide_width < 72 or settings.slide_height < 72:
        reader.problems.error("the slide must be at least 1 inch wide and high", reader.location(("slide",)),
                              code="layout-setting")
    # Text too faint on its background is an error at the layout.yaml line of its colour (WCAG 2.2).
    reader.problems.extend(layout_contrast_problems(
        settings.colours, {name: reader.location(("colours", name)) for name in COLOURS}))
    reader.problems.raise_if_errors()
    return settings


def _unknown_keys(layout: Layout, problems: Problems) -> None:
    """Report every key of every layout.yaml in the chain that briefdeck does not read (a misspelling)."""
    for each in layout.chain:
        for key, value in each.settings.items():
            if key not in LAYOUT_KEYS:
                problems.error(f"unknown key '{key}' in layout.yaml", each.location((key,)),
                               hint=choices_hint(key, LAYOUT_KEYS, "keys"), code="unknown-key")
                continue
            allowed = LAYOUT_KEYS[key]
            for sub in value if allowed is not None and isinstance(value, dict) else ():
                if sub not in allowed:
                    problems.error(f"unknown key '{sub}' in {key}", each.location((key, sub)),
                                   hint=choices_hint(sub, allowed, "keys"), code="unknown-key")
            if key == "sizes" and isinstance(value, dict):
                for role, size in value.items():
                    for sub in size if isinstance(size, dict) else ():
                        if sub not in ("size", "floor"):
                            problems.error(f"unknown key '{sub}' in sizes.{role}", each.location((key, role, sub)),
                                           hint=choices_hint(sub, ("size", "floor"), "keys"), code="unknown-key")


def _template(layout: Layout, reader: "_Reader") -> Path | None:
    """The template file, relative to the folder of the layout that names it.

    It must be a .pptx or .potx regular file that stays, after symbolic links,
    inside the layout's folder, the project or the bundled layouts.
    """
    for each in layout.chain:
        if "template" in each.settings:
            value = each.settings["template"]
            if value is None:
                return None
            location = reader.location(("template",))
            if not isinstance(value, str) or not value.strip():
                reader.problems.error(f"template must be the name of a .pptx or .potx file, not {value!r}",
                                      location, code="layout-template")
                return None
            path = each.folder / value
            problem = _template_problem(path, value, each.folder)
            if problem:
                reader.problems.error(problem, location, hint="put the file in the layout folder or fix the name",
                                      code="layout-template")
            return path
    return None


def _template_problem(path: Path, value: str, folder: Path) -> str | None:
    """What is wrong with a template path, or None."""
    if path.suffix.lower() not in (".pptx", ".potx"):
        return f"template must be a .pptx or .potx file, not '{value}'"
    if not inside_allowed(path, folder, folder.parent.parent):
        return f"template '{value}' leads to {path.resolve()}, outside the layout's folder and project"
    try:
        mode = path.stat().st_mode
    except OSError:
        return f"template '{value}' does not exist (looked for {display_path(path)})"
    if not stat.S_ISREG(mode):
        what = "a folder" if stat.S_ISDIR(mode) else "a device, pipe or socket"
        return f"template '{value}' is {what}, not a regular file"
    return None


class _Reader:
    """Reads typed values out of the merged settings, noting where each key was set."""

    def __init__(self, layout: Layout):
        self.layout = layout
        self.problems = Problems()

    def location(self, key: tuple[str, ...]) -> Location:
        """File, line and column of the most specific layout.yaml that sets ``key``."""
        return self.layout.location(key)

    def _get(self, merged: Mapping, key: tuple[str, ...]) -> Any:
        value: Any = merged
        for part in key:
            if not isinstance(value, Mapping) or part not in value:
                self.problems.error(f"layout setting '{'.'.join(key)}' is missing", self.location(key[:-1]),
                                    hint="add it, or extend a layout that has it (see layouts/default/layout.yaml)",
                                    code="layout-setting")
                return None
            value = value[part]
        return value

    def number(self, merged: Mapping, key: tuple[str, ...], *, minimum: float, maximum: float | None = None,
               integer: bool = False) -> float:
        value = self._get(merged, key)
        if value is None:
            return max(minimum, 1.0)
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if ok and integer:
            ok = float(value).is_integer()
        if not ok or value < minimum or (maximum is not None and value > maximum):
            kind = "a whole number" if integer else "a number"
            bounds = f"from {minimum:g}" + (f" to {maximum:g}" if maximum is not None else " up")
            self.problems.error(f"layout setting '{'.'.join(key)}' must be {kind} {bounds}, not {value!r}",
                                self.location(key), code="layout-setting")
            return max(minimum, 1.0)
        return float(value)

    def text(self, merged: Mapping, key: tuple[str, ...]) -> str:
        value = self._get(merged, key)
        if value is None:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.problems.error(f"layout setting '{'.'.join(key)}' must be text, not {value!r}",
                                self.location(key), code="layout-setting")
            return ""
        return value.strip()

    def flag(self, merged: Mapping, key: tuple[str, ...]) -> bool:
        value = self._get(merged, key)
        if value is not None and not isinstance(value, bool):
            self.problems.error(f"layout setting '{'.'.join(key)}' must be true or false, not {value!r}",
                                self.location(key), code="layout-setting")
        return value is True

    def colour(self, merged: Mapping, key: tuple[str, ...]) -> str:
        value = self._get(merged, key)
        colour = hex_colour(value)
        if value is not None and colour is None:
            self.problems.error(f"layout setting '{'.'.join(key)}' must be a 6-digit hex colour like 1F2933, "
                                f"not {value!r}", self.location(key), code="layout-setting")
            return "000000"
        return colour or "000000"

    def language(self, merged: Mapping) -> str:
        value = self.text(merged, ("language",))
        if value and not LANGUAGE_TAG.fullmatch(value):
            self.problems.error(f"layout setting 'language' must be a language tag like en-GB, not {value!r}",
                                self.location(("language",)), code="layout-setting")
            return "en"
        return value

    def role(self, merged: Mapping, name: str) -> Role:
        size = self.number(merged, ("sizes", name, "size"), minimum=4, maximum=400)
        floor = self.number(merged, ("sizes", name, "floor"), minimum=4, maximum=400)
        if floor > size:
            self.problems.error(f"sizes.{name}.floor ({floor:g}) is larger than its size ({size:g})",
                                self.location(("sizes", name)), code="layout-setting")
            floor = size
        return Role(size, floor)

    def font(self, merged: Mapping) -> str:
        name = self.text(merged, ("fonts", "latin"))
        if name and name not in metric_families():
            self.problems.error(f"briefdeck has no font metrics for fonts.latin '{name}', so it cannot "
                                "measure text set in it", self.location(("fonts", "latin")),
                                hint=choices_hint(name, metric_families(), "fonts"), code="layout-font")
            return metric_families()[0]
        return name or metric_families()[0]

    def mapping(self, merged: Mapping, key: tuple[str, ...]) -> Mapping:
        value = merged.get(key[0]) if len(key) == 1 else self._get(merged, key)
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            self.problems.error(f"layout setting '{'.'.join(key)}' must be a mapping of slide kinds "
                                "to layout names", self.location(key), code="layout-setting")
            return {}
        return value
