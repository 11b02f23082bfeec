"""The handout's Jinja2 templates: found along the layout chain, strict, autoescaped.

A layout's ``handout/`` folder is searched first, then the folders of the
layouts it extends, ending with the bundled default layout's. A layout can
also name a template of a layout in its chain explicitly, as
``{% extends "default/reading.html" %}``, to change one block of it.

Templates never see user text as template source: user text only arrives as
values, autoescaped, and cleaned of control characters by ``finalize``.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from briefdeck.errors import BriefdeckError, Location, Problem, display_path
from briefdeck.layouts import DEFAULT, Layout, bundled_layouts_dir

from .text import clean_text

HANDOUT_DIR = "handout"
STYLESHEET = "handout.css"


def template_dirs(layout: Layout) -> list[Path]:
    """Where handout templates are looked up, most specific first.

    The bundled default layout's folder always comes last, so a project's own
    layout without templates (even one called ``default``) still renders.
    """
    dirs = layout.search_dirs(HANDOUT_DIR)
    bundled = bundled_layouts_dir() / DEFAULT / HANDOUT_DIR
    if bundled.resolve() not in [d.resolve() for d in dirs]:
        dirs.append(bundled)
    return dirs


def handout_environment(layout: Layout) -> jinja2.Environment:
    """The Jinja environment for ``layout``'s handout templates."""
    dirs = template_dirs(layout)
    by_name = {}
    for item in layout.chain:
        if (item.folder / HANDOUT_DIR).is_dir():
            by_name.setdefault(item.name, jinja2.FileSystemLoader(item.folder / HANDOUT_DIR))
    by_name.setdefault(DEFAULT, jinja2.FileSystemLoader(dirs[-1]))
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(dirs), jinja2.PrefixLoader(by_name)])
    return jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _finalize(value: Any) -> Any:
    """Every ``{{ value }}`` passes here: strip what no handout can show."""
    if isinstance(value, Markup):
        return Markup(clean_text(str(value)))
    if isinstance(value, str):
        return clean_text(value)
    return value


def read_stylesheet(env: jinja2.Environment, dirs: list[Path]) -> Markup:
    """The layout's stylesheet, inlined as it is (it is layout text, not a template)."""
    try:
        source, filename, _ = env.loader.get_source(env, STYLESHEET)  # type: ignore[union-attr]
    except jinja2.TemplateNotFound:
        raise BriefdeckError(_not_found(STYLESHEET, dirs)) from None
    if "</style" in source.lower():
        raise BriefdeckError(Problem("the handout stylesheet contains '</style', which would end it early",
                                     Location(display_path(filename or STYLESHEET)),
                                     "remove it from the stylesheet", code="handout-template"))
    return Markup(source)


def render_template(env: jinja2.Environment, name: str, dirs: list[Path], **context: Any) -> str:
    """Render template ``name``; a template mistake becomes a BriefdeckError naming its file and line."""
    try:
        template = env.get_template(name)
        return template.render(**context)
    except jinja2.TemplateNotFound as exc:
        raise BriefdeckError(_not_found(exc.name or name, dirs)) from None
    except jinja2.TemplateSyntaxError as exc:
        where = Location(display_path(exc.filename or exc.name or name), exc.lineno)
        raise BriefdeckError(Problem(f"handout template syntax error: {exc.message}", where,
                                     "fix the template at that line", code="handout-template")) from None
    except jinja2.UndefinedError as exc:
        raise BriefdeckError(Problem(f"handout template uses an undefined name: {exc.message}",
                                     _template_location(exc, dirs) or Location(name),
                                     "check the spelling; templates see 'doc' (the handout), 'stylesheet' and 'language'",
                                     code="handout-template")) from None


def _template_location(exc: BaseException, dirs: list[Path]) -> Location | None:
    """The innermost template frame of a rendering error (Jinja rewrites its traceback
    so that template frames carry the template's file name and line)."""
    roots = [d.resolve() for d in dirs]
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        path = Path(frame.filename)
        if path.suffix in (".html", ".css", ".j2") or any(_inside(path, root) for root in roots):
            return Location(display_path(path), frame.lineno)
    return None


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except OSError:
        return False


def _not_found(name: str, dirs: list[Path]) -> Problem:
    return Problem(f"no handout template '{name}'", None,
                   "searched " + ", ".join(display_path(d) for d in dirs), code="handout-template")
