"""The PowerPoint renderer: a `Deck` to the bytes of a .pptx a briefer can present as it is.

    data = deck_to_pptx(deck, layout=find_layout(outline.layout, project=root))
    assert check_pptx(data) == []

The work is done in steps, each in its own module: the layout's settings are
read (`settings.py`) and the template opened (`template.py`); the deck is
planned into measured pages (`plan.py`: text in `flow.py`, figures in
`grid.py`, footnotes in `notes.py`, measured by `fit.py` with the shipped
`metrics.py`); the pages are written as slide XML (`draw.py`) into a
package zipped deterministically (`package.py`). `check.py` checks the result.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefdeck.deck.model import Deck
    from briefdeck.errors import Problem
    from briefdeck.layouts import Layout

__all__ = ["check_pptx", "deck_to_pptx"]


# The steps (the planner and the package writer) are imported when a deck is written, so that
# `check`, which reads this package's settings to validate a layout, does not pay for them; python-pptx
# is imported only for a chart (chart_part.py).
def __getattr__(name: str):
    if name == "check_pptx":
        from briefdeck.render.pptx.check import check_pptx
        return check_pptx
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def deck_to_pptx(deck: Deck, *, layout: Layout, warnings: list[Problem] | None = None) -> bytes:
    """The .pptx of ``deck`` laid out with ``layout``: the same bytes for the same inputs.

    Raises `BriefdeckError` for a bad layout (settings, template, layout
    names) or text that cannot fit even at the smallest sizes (a title too
    long for its slide, a point with more footnotes than a slide holds).
    What was left out of the template (external links) is added to ``warnings``.
    """
    from briefdeck.render.pptx.draw import Fonts
    from briefdeck.render.pptx.frames import Frames
    from briefdeck.render.pptx.language import mark_language
    from briefdeck.render.pptx.package import pages_to_pptx
    from briefdeck.render.pptx.plan import deck_to_pages
    from briefdeck.render.pptx.settings import pptx_settings
    from briefdeck.render.pptx.template import load_base

    settings = pptx_settings(layout)
    if deck.language:  # the brief's lang: over the layout's
        settings = replace(settings, language=deck.language)
    base = load_base(settings)
    if warnings is not None:
        warnings.extend(base.warnings)
    pages = deck_to_pages(deck, Frames(settings, base))
    mark_language(base, settings.language)
    return pages_to_pptx(pages, base, Fonts.of(settings), title=deck.title, date=deck.date)
