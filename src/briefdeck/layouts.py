"""Layouts: folders of settings and templates, found along a search path.

A layout is a folder holding ``layout.yaml`` (fonts, colours, sizes, margins,
optionally an organisation's ``.pptx``/``.potx`` template) and, optionally,
``handout/`` templates. The brief names a layout by name or by path. A name is
looked up first in the project's ``layouts/`` folder, then among the layouts
bundled with briefdeck. A layout may say ``extends: other`` and a file it does
not have is taken from the one it extends, and at last from ``default``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

import yaml

from briefdeck.errors import BriefdeckError, Location, Problem, choices_hint, display_path

LAYOUT_FILE = "layout.yaml"
DEFAULT = "default"


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

    def find_file(self, relative: str) -> Path | None:
        """A file of this layout, else of the layouts it extends, else None."""
        for layout in self.chain:
            candidate = layout.folder / relative
            if candidate.is_file():
                return candidate
        return None

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

    An unknown layout is an error that lists the layouts that exist and every
    place searched.
    """
    folder = _locate(name, project=project, base=base)
    if folder is None:
        places = [str(base / name)] if base is not None and _looks_like_path(name) else []
        places += [display_path(d / name) for d in search_path(project)]
        hint = choices_hint(name, available_layouts(project), "layouts") + "; searched " + ", ".join(places)
        raise BriefdeckError(Problem(f"unknown layout '{name}'", location, hint, code="unknown-layout"))
    settings = _read_settings(folder / LAYOUT_FILE)
    parent_name = settings.get("extends")
    if parent_name is None and folder.name != DEFAULT:
        parent_name = DEFAULT
    parent = None
    if parent_name is not None:
        if parent_name in _seen or parent_name == name:
            raise BriefdeckError(Problem(f"layout '{name}' extends itself through '{parent_name}'",
                                         Location(display_path(folder / LAYOUT_FILE)), code="layout-cycle"))
        parent = find_layout(str(parent_name), project=project, base=folder.parent,
                             _seen=_seen + (name,))
    return Layout(name=folder.name, folder=folder, settings=settings, parent=parent)


def _looks_like_path(name: str) -> bool:
    return "/" in name or "\\" in name or name.startswith(".")


def _locate(name: str, *, project: Path | None, base: Path | None) -> Path | None:
    if _looks_like_path(name):
        candidate = (base or Path.cwd()) / name
        return candidate if (candidate / LAYOUT_FILE).is_file() else None
    return available_layouts(project).get(name)


def _read_settings(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        loc = Location(display_path(path), mark.line + 1, mark.column + 1) if mark else Location(display_path(path))
        raise BriefdeckError(Problem(f"layout settings are not valid YAML: {getattr(exc, 'problem', exc)}",
                                     loc, "fix the YAML syntax at that place", code="layout-yaml")) from None
    if not isinstance(data, dict):
        raise BriefdeckError(Problem("layout settings must be a mapping of keys to values",
                                     Location(display_path(path), 1, 1), code="layout-yaml"))
    return data
