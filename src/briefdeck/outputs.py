"""Rendering each audience's deck to files: the deck (.pptx) and the handout (.html, .pdf).

Everything is rendered in memory and then written atomically, so an error
while rendering leaves every earlier output as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from briefdeck.check import CheckResult
from briefdeck.deck.model import Deck
from briefdeck.errors import BriefdeckError, Problem, choices_hint
from briefdeck.files import write_atomic
from briefdeck.layouts import Layout, find_layout

FORMATS = ("pptx", "html", "pdf")


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
    suffix = {"pptx": ".pptx", "html": "-handout.html", "pdf": "-handout.pdf"}
    return [Output(key, fmt, out_dir / f"{name}-{key}{suffix[fmt]}") for key in result.decks for fmt in formats]


def build_outputs(result: CheckResult, *, formats: tuple[str, ...], out_dir: Path,
                  progress: Callable[[Output], None] | None = None) -> list[Output]:
    """Render and write every planned output; returns them in order."""
    brief_dir = Path(result.outline.path).resolve().parent
    layout = find_layout(result.outline.layout, project=result.workspace.root, base=brief_dir)
    outputs = planned_outputs(result, formats, out_dir)
    html_cache: dict[str, str] = {}
    for output in outputs:
        deck = result.decks[output.audience]
        write_atomic(output.path, _render(output, deck, layout, result, html_cache))
        if progress:
            progress(output)
    return outputs


def _render(output: Output, deck: Deck, layout: Layout, result: CheckResult, html_cache: dict[str, str]) -> bytes:
    if output.format == "pptx":
        from briefdeck.render.pptx import deck_to_pptx
        return deck_to_pptx(deck, layout=layout)
    from briefdeck.render.handout import deck_to_html, html_to_pdf
    if output.audience not in html_cache:
        html_cache[output.audience] = deck_to_html(deck, layout=layout)
    html = html_cache[output.audience]
    if output.format == "html":
        return html.encode("utf-8")
    return html_to_pdf(html, deck=deck, root=result.workspace.root)
