"""The handout's Jinja2 templates: found along the layout chain, strict, autoescaped.

A layout's ``handout/`` folder is searched first, then the folders of the
layouts it extends, ending with the bundled default layout's. A layout can
also name a template of a layout in its chain explicitly, as
``{% extends "default/reading.html" %}``, to change one block of it.

Templates never see user text as template source: user text only arrives as
values, autoescaped, and cleaned of control characters by ``finalize``.

A layout folder may come from anyone, so its templates are untrusted code:
they run in Jinja's sandbox (no attribute starting with ``_``, so no way from
a value to Python's internals), see only the view model's values and
``range``, cannot build huge strings or lists by multiplication, and are read
only from inside their layout's folder (a symlink pointing elsewhere is
refused). Whatever a template does wrong is a located error, never a crash.
"""

from __future__ import annotations

import os
import re
import traceback
from pathlib import Path
from typing import Any

import jinja2
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from markupsafe import Markup

from briefdeck.errors import BriefdeckError, Location, Problem, display_path
from briefdeck.layouts import DEFAULT, Layout, bundled_layouts_dir

from .text import clean_text

HANDOUT_DIR = "handout"
STYLESHEET = "handout.css"
MAX_TEMPLATE_BYTES = 1024 * 1024
_MAX_BUILT = 1_000_000  # items or characters a template may build with * or **
_WIDE_FORMAT = re.compile(r"%[-+ #0]*(?:\*|[0-9]{5,}|\.(?:\*|[0-9]{5,}))")  # "%099999999d", "%*d"


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
            by_name.setdefault(item.name, ContainedLoader([item.folder / HANDOUT_DIR]))
    by_name.setdefault(DEFAULT, ContainedLoader([dirs[-1]]))
    loader = jinja2.ChoiceLoader([ContainedLoader(dirs), jinja2.PrefixLoader(by_name)])
    env = _Sandbox(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals = {"range": env.globals["range"]}  # no cycler, joiner, lipsum, namespace, dict
    return env


class _Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, also refusing ``"x" * 10**10``, ``2 ** 10**8`` and ``"%099999999d" % 1``
    (memory and time bombs)."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(right, int) and abs(right) > 1000:
            raise SecurityError(f"the power {right} is too large for a handout")
        if operator == "%" and isinstance(left, str) and _WIDE_FORMAT.search(left):
            raise SecurityError("the template formats a value too wide for a handout")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int) \
                        and len(seq) * times > _MAX_BUILT:
                    raise SecurityError("the template builds a value too large for a handout")
        return super().call_binop(context, operator, left, right)


class ContainedLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that reads a template only when it resolves inside its layout's folder.

    A layout's ``handout/`` folder is in ``<layout>/handout``; a template
    there that is a symlink to a file outside ``<layout>`` (or outside the
    bundled layouts) could show any file on the machine in the handout. A
    template must also be UTF-8 and at most `MAX_TEMPLATE_BYTES`.
    """

    def get_source(self, environment, template):
        pieces = split_template_path(template)
        for searchpath in self.searchpath:
            path = Path(searchpath, *pieces)
            if path.is_file():
                break
        else:
            raise jinja2.TemplateNotFound(template)
        allowed = [Path(searchpath).parent.resolve(), bundled_layouts_dir().resolve()]
        target = path.resolve()
        if not any(target.is_relative_to(root) for root in allowed):
            link = _link_path(path)
            raise BriefdeckError(Problem(
                f"the handout template {link} is a link to {target}, outside its layout folder "
                f"{display_path(Path(searchpath).parent)}", Location(link),
                "copy the file into the layout folder instead of linking to it", code="handout-template"))
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_TEMPLATE_BYTES + 1)
            mtime = path.stat().st_mtime
        except OSError as exc:
            raise _template_file_error(path, f"cannot be read: {exc.strerror or exc}") from None
        if len(data) > MAX_TEMPLATE_BYTES:
            raise _template_file_error(path, f"is larger than {MAX_TEMPLATE_BYTES:,} bytes")
        try:
            source = data.decode(self.encoding)
        except UnicodeDecodeError as exc:
            raise _template_file_error(path, f"is not UTF-8 text (byte {exc.start})") from None

        def uptodate() -> bool:
            try:
                return path.stat().st_mtime == mtime
            except OSError:
                return False

        return source, str(path), uptodate


def _template_file_error(path: Path, what: str) -> BriefdeckError:
    return BriefdeckError(Problem(f"the handout template {display_path(path)} {what}", Location(display_path(path)),
                                  "save it as UTF-8 text in the layout folder", code="handout-template"))


def _link_path(path: Path) -> str:
    """A symlink's own path as the user should see it (`display_path` would show its target)."""
    absolute = Path(os.path.abspath(path))
    cwd = Path(os.path.abspath(Path.cwd()))
    return str(absolute.relative_to(cwd)) if absolute.is_relative_to(cwd) else str(absolute)


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
    except SecurityError as exc:
        raise BriefdeckError(Problem(f"handout template reaches outside the handout: {exc}",
                                     _template_location(exc, dirs) or Location(name),
                                     "a template may only show the values it is given ('doc', 'stylesheet', "
                                     "'language'); remove that expression", code="handout-template")) from None
    except jinja2.UndefinedError as exc:
        raise BriefdeckError(Problem(f"handout template uses an undefined name: {exc.message}",
                                     _template_location(exc, dirs) or Location(name),
                                     "check the spelling; templates see 'doc' (the handout), 'stylesheet' and 'language'",
                                     code="handout-template")) from None
    except (jinja2.TemplateError, ArithmeticError, LookupError, TypeError, ValueError, AttributeError,
            RecursionError) as exc:  # the template's own code failed: say where
        raise BriefdeckError(Problem(f"handout template failed: {type(exc).__name__}: {exc}",
                                     _template_location(exc, dirs) or Location(name),
                                     "fix the template at that line", code="handout-template")) from None


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
