"""Layouts: folders of settings and templates, found along a search path.

A layout is a folder holding ``layout.yaml`` (fonts, colours, sizes, margins,
optionally an organisation's ``.pptx``/``.potx`` template) and, optionally,
``handout/`` templates. The brief names a layout by name or by path. A name is
looked up first in the project's ``layouts/`` folder, then among the layouts
bundled with briefdeck. A layout may say ``extends: other`` and a file it does
not have is taken from the one it extends, and at last from ``default``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

from briefdeck.errors import BriefdeckError, Location, Problem, Problems, choices_hint, display_path
from briefdeck.yamlfile import LAYOUT, MapNode, ScalarNode, node_to_data, read_yaml_file

LAYOUT_FILE = "layout.yaml"
DEFAULT = "default"
_HEX_COLOUR = re.compile(r"#?([0-9A-Fa-f]{6})")
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")  # en, en-GB, zh-Hant-TW


def hex_colour(value: Any) -> str | None:
    """A layout colour as six upper-case hex digits (``1F2933``, ``#1f2933``), or None when it is not one.

    The one check of a colour, for the deck and the handout alike: nothing
    else may reach a slide or a stylesheet.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:06d}" if value >= 0 else ""  # 000000 written unquoted is read as a number
    match = _HEX_COLOUR.fullmatch(value) if isinstance(value, str) else None
    return match.group(1).upper() if match else None


def bundled_layouts_dir() -> Path:
    """The layouts that ship with briefdeck (the repository's ``layouts/``)."""
    return Path(str(resources.files("briefdeck.bundled_layouts")))


@dataclass(frozen=True)
class Layout:
    """A found layout: its folder, its settings, and the layout it extends."""

    name: str
    folder: Path
    settings: Mapping[str, Any] = field(hash=False)
    parent: "Layout | None" = field(default=None, hash=False)
    node: MapNode | None = field(default=None, hash=False, compare=False)  # where each setting is written

    @property
    def chain(self) -> list["Layout"]:
        """This layout, then the ones it extends, most specific first."""
        out, layout = [], self
        while layout is not None:
            out.append(layout)
            layout = layout.parent
        return out

    def setting(self, key: str, default: Any = None) -> Any:
        """A top-level setting, from the most specific layout that has it."""
        for layout in self.chain:
            if key in layout.settings:
                return layout.settings[key]
        return default

    def merged(self) -> dict[str, Any]:
        """All settings, nested mappings merged, the most specific layout winning."""
        merged: dict[str, Any] = {}
        for layout in reversed(self.chain):
            merged = _deep_merge(merged, dict(layout.settings))
        return merged

    def location(self, key: tuple[str, ...]) -> Location:
        """File, line and column where the most specific layout.yaml sets ``key`` (or its nearest parent key)."""
        for layout in self.chain:
            if _has_key(layout.settings, key):
                return _key_location(layout, key)
        return Location(display_path(self.folder / LAYOUT_FILE))

    def search_dirs(self, relative: str) -> list[Path]:
        """The folders a template loader should search, most specific first."""
        return [layout.folder / relative for layout in self.chain if (layout.folder / relative).is_dir()]


def _deep_merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def _has_key(settings: Mapping, key: tuple[str, ...]) -> bool:
    value: Any = settings
    for part in key:
        if not isinstance(value, Mapping) or part not in value:
            return False
        value = value[part]
    return True


def _key_location(layout: Layout, key: tuple[str, ...]) -> Location:
    node: Any = layout.node
    where = Location(display_path(layout.folder / LAYOUT_FILE))
    for part in key:
        if not isinstance(node, MapNode) or node.key(part) is None:
            break
        where, node = node.key(part).location, node.get(part)
    return where


def search_path(project: Path | None) -> list[Path]:
    """Where layout names are looked up, in order."""
    dirs = []
    if project is not None and (project / "layouts").is_dir():
        dirs.append(project / "layouts")
    bundled = bundled_layouts_dir()
    if bundled.resolve() not in [d.resolve() for d in dirs]:
        dirs.append(bundled)
    return dirs


def available_layouts(project: Path | None) -> dict[str, Path]:
    """Every layout name on the search path and the folder it resolves to."""
    found: dict[str, Path] = {}
    for folder in search_path(project):
        for child in sorted(folder.iterdir()):
            if (child / LAYOUT_FILE).is_file() and child.name not in found:
                found[child.name] = child
    return found


def find_layout(name: str, *, project: Path | None, base: Path | None = None,
                location: Location | None = None, _seen: tuple[str, ...] = ()) -> Layout:
    """The layout called ``name`` (or at path ``name``, relative to ``base``).

    An unknown layout is an error at ``location`` (the brief's ``layout:``
    line) that lists the layouts that exist and every place searched. A layout
    folder that resolves, after symbolic links, outside the project and the
    bundled layouts is refused naming the link and its target.
    """
    folder = _locate(name, project=project, base=base)
    if folder is None:
        places = [str(base / name)] if base is not None and _looks_like_path(name) else []
        places += [display_path(d / name) for d in search_path(project)]
        hint = choices_hint(name, available_layouts(project), "layouts") + "; searched " + ", ".join(places)
        raise BriefdeckError(Problem(f"unknown layout '{name}'", location, hint, code="unknown-layout"))
    _refuse_outside(folder, project, base, location)
    settings, node = _read_settings(folder / LAYOUT_FILE)
    parent_name = settings.get("extends")
    if parent_name is None and folder.name != DEFAULT:
        parent_name = DEFAULT
    parent = None
    if parent_name is not None:
        where = node.key("extends").location if node is not None and node.key("extends") else None
        if not isinstance(parent_name, str) or not parent_name.strip():
            raise BriefdeckError(Problem(f"extends: expected the name of a layout; found {parent_name!r}",
                                         where, code="layout-setting"))
        if parent_name in _seen or parent_name == name:
            raise BriefdeckError(Problem(f"layout '{name}' extends itself through '{parent_name}'",
                                         where or Location(display_path(folder / LAYOUT_FILE)), code="layout-cycle"))
        parent = find_layout(parent_name, project=project, base=folder.parent, location=where,
                             _seen=_seen + (name,))
    return Layout(name=folder.name, folder=folder, settings=settings, parent=parent, node=node)


def inside_allowed(path: Path, project: Path | None, base: Path | None) -> bool:
    """Whether ``path``, after symbolic links, lies in the project (or the brief's folder) or the bundled layouts."""
    roots = [bundled_layouts_dir()] + [p for p in (project, base) if p is not None]
    target = path.resolve()
    return any(target.is_relative_to(root.resolve()) for root in roots)


def _refuse_outside(folder: Path, project: Path | None, base: Path | None, location: Location | None) -> None:
    if not inside_allowed(folder, project, base):
        raise BriefdeckError(Problem(
            f"layout folder {display_path(folder.parent) + '/' + folder.name} leads to {folder.resolve()}, outside the project "
            "and the bundled layouts", location,
            "copy the layout into the project's layouts/ folder instead of linking to it",
            code="layout-outside"))


def _looks_like_path(name: str) -> bool:
    return "/" in name or "\\" in name or name.startswith(".")


def _locate(name: str, *, project: Path | None, base: Path | None) -> Path | None:
    if _looks_like_path(name):
        candidate = (base or Path.cwd()) / name
        return candidate if (candidate / LAYOUT_FILE).is_file() else None
    return available_layouts(project).get(name)


def _read_settings(path: Path) -> tuple[dict[str, Any], MapNode | None]:
    """The settings of one layout.yaml as plain data, and its node tree for locations."""
    shown = display_path(path)
    node = read_yaml_file(path, shown, LAYOUT)
    if node is None or (isinstance(node, ScalarNode) and node.is_empty):
        return {}, None
    if not isinstance(node, MapNode):
        raise BriefdeckError(Problem("layout settings must be a mapping of keys to values",
                                     node.location, code="layout-yaml"))
    problems = Problems()
    data = node_to_data(node, problems)
    problems.raise_if_errors()
    return data, node
