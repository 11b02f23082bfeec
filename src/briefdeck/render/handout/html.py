"""Deck → one self-contained handout HTML file."""

from __future__ import annotations

import weakref

import jinja2

from briefdeck.deck.model import Deck
from briefdeck.errors import BriefdeckError, Problem, choices_hint
from briefdeck.layouts import Layout
from briefdeck.outline.model import HANDOUT_KINDS

from .settings import layout_colours_css, layout_language
from .svg_chart import SvgColours
from .templates import handout_environment, read_stylesheet, render_template, template_dirs
from .view import deck_to_view

# Each layout's template environment, while the layout lives: a build's audiences share the templates
# compiled for the first (Jinja still reloads a template whose file changed).
_ENVIRONMENTS: weakref.WeakKeyDictionary[Layout, jinja2.Environment] = weakref.WeakKeyDictionary()


def deck_to_html(deck: Deck, *, layout: Layout) -> str:
    """The handout of ``deck`` as one HTML file: stylesheet inlined, no external resources.

    The kind (``reading``, ``memo``, ``slides``) is the audience's; its
    template is ``<kind>.html``, found first in ``layout`` and then in the
    layouts it extends. Print media get paged footnotes; a browser shows each
    note as small bracketed text right after its point.
    """
    kind = deck.audience.handout
    if kind not in HANDOUT_KINDS:
        raise BriefdeckError(Problem(f"unknown handout kind '{kind}' for audience '{deck.audience.key}'",
                                     hint=choices_hint(kind, HANDOUT_KINDS, "handout kinds"),
                                     code="unknown-handout"))
    dirs = template_dirs(layout)
    env = _ENVIRONMENTS.get(layout)
    if env is None:
        env = _ENVIRONMENTS[layout] = handout_environment(layout)
    colours_css = layout_colours_css(layout)  # checks the colours the charts are drawn in, too
    view = deck_to_view(deck, chart_colours=SvgColours.of(layout.merged().get("colours")))
    return render_template(env, f"{kind}.html", dirs, doc=view,
                           stylesheet=read_stylesheet(env, dirs) + "\n" + colours_css,
                           language=deck.language or layout_language(layout))
