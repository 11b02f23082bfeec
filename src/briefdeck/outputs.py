"""Rendering each audience's deck to files: the deck (.pptx) and the handout (.html, .pdf).

Every file of every audience is rendered in memory first, then all are
written to temporary files beside their final names, and only when all are
written are they renamed into place together. An error while rendering or
writing (a full disk) leaves every earlier output as it was. Temporary files
left by a build that was killed are removed by the next build of the same
folder.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from briefdeck.check import CheckResult
from briefdeck.deck.model import Deck
from briefdeck.errors import BriefdeckError, Problem, choices_hint
from briefdeck.files import Staged, commit, discard, remove_stale_parts, stage
from briefdeck.layouts import Layout, find_layout

FORMATS = ("pptx", "html", "pdf")
SUFFIXES = {"pptx": ".pptx", "html": "-handout.html", "pdf": "-handout.pdf"}  # of every output's file name


@dataclass(frozen=True)
class Output:
    audience: str
    format: str
    path: Path


def parse_formats(text: str) -> tuple[str, ...]:
    """``"pptx,pdf"`` as a tuple in canonical order; an unknown format is a usage error."""
    asked = [f.strip().lower() for f in text.split(",") if f.strip()]
    bad = [f for f in asked if f not in FORMATS]
    if bad or not asked:
        raise BriefdeckError([Problem(f"unknown format '{f}'", hint=choices_hint(f, FORMATS, "formats"),
                                      code="unknown-format") for f in bad]
                             or [Problem("no format given", hint="valid formats: pptx, html, pdf",
                                         code="unknown-format")], usage=True)
    return tuple(f for f in FORMATS if f in asked)


def planned_outputs(result: CheckResult, formats: tuple[str, ...], out_dir: Path) -> list[Output]:
    name = result.outline.name
    return [Output(key, fmt, out_dir / f"{name}-{key}{SUFFIXES[fmt]}") for key in result.decks for fmt in formats]


def build_outputs(result: CheckResult, *, formats: tuple[str, ...], out_dir: Path,
                  progress: Callable[[Output], None] | None = None) -> list[Output]:
    """Render every planned output, then write them all into place; returns them in order.

    Warnings found while rendering (a template's external links) are added
    to ``result.problems``.
    """
    started = time.time()
    brief_dir = Path(result.outline.path).resolve().parent
    layout = find_layout(result.outline.layout, project=result.workspace.root, base=brief_dir)
    outputs = planned_outputs(result, formats, out_dir)
    html_cache: dict[str, str] = {}
    warnings: list[Problem] = []
    rendered = []
    for output in outputs:
        deck = result.decks[output.audience]
        rendered.append(_render(output, deck, layout, result, html_cache, warnings))
        if progress:
            progress(output)
    result.problems.extend(dict.fromkeys(warnings))  # the template is read once per deck: say it once
    remove_stale_parts(out_dir, started, tuple(SUFFIXES.values()))
    staged: list[Staged] = []
    try:
        for output, data in zip(outputs, rendered):
            staged.append(stage(output.path, data))
    except BaseException:
        discard(staged)
        raise
    commit(staged)
    return outputs


def _render(output: Output, deck: Deck, layout: Layout, result: CheckResult, html_cache: dict[str, str],
            warnings: list[Problem]) -> bytes:
    if output.format == "pptx":
        from briefdeck.render.pptx import deck_to_pptx
        return deck_to_pptx(deck, layout=layout, warnings=warnings)
    from briefdeck.render.handout import deck_to_html, html_to_pdf
    if output.audience not in html_cache:
        html_cache[output.audience] = deck_to_html(deck, layout=layout)
    html = html_cache[output.audience]
    if output.format == "html":
        return html.encode("utf-8")
    return html_to_pdf(html, deck=deck, root=result.workspace.root)
