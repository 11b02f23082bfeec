"""Rendering each audience's deck to files: the deck (.pptx) and the handout (.html, .pdf).

Every file of every audience is rendered in memory first, then all are
written to temporary files beside their final names, and only when all are
written are they renamed into place together. An error while rendering or
writing (a full disk) leaves every earlier output as it was. Temporary files
left by a build that was killed are removed by the next build of the same
folder.

With more than one idle core, each deck and each audience's handout (its .html
and the .pdf made from it) render in forked processes of their own, which
read the checked brief from memory; the bytes are those of a serial build.
"""

from __future__ import annotations

import gc
import math
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
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
                  progress: Callable[[Output], None] | None = None, workers: int | None = None) -> list[Output]:
    """Render every planned output, then write them all into place; returns them in order.

    ``workers``: at most this many processes render at once (default: one per idle core; 1 renders here).

    Warnings found while rendering (a template's external links) are added
    to ``result.problems``.
    """
    started = time.time()
    brief_dir = Path(result.outline.path).resolve().parent
    layout = find_layout(result.outline.layout, project=result.workspace.root, base=brief_dir)
    outputs = planned_outputs(result, formats, out_dir)
    rendered, warnings = _render_all(outputs, result, layout, progress, _idle_cores() if workers is None else workers)
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


# What forked workers render from: set before the pool forks, so only the results are pickled.
_SHARED: tuple[list[Output], CheckResult, Layout] | None = None


def _idle_cores() -> int:
    """Cores that other processes are not already using: on a busy machine forking only adds CPU time."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except OSError:  # no load average on this system
        busy = 0.0
    return max(1, min(cores, math.ceil(cores - busy)))


def _jobs(outputs: list[Output]) -> list[list[int]]:
    """Indexes of the outputs rendered together: each deck alone; an audience's .html and .pdf together."""
    groups: dict[tuple[str, bool], list[int]] = {}
    for i, output in enumerate(outputs):
        groups.setdefault((output.audience, output.format == "pptx"), []).append(i)
    return list(groups.values())


def _render_job(job: list[int]) -> tuple[list[bytes], list[Problem]]:
    outputs, result, layout = _SHARED
    html_cache: dict[str, str] = {}
    warnings: list[Problem] = []
    return [_render(outputs[i], result.decks[outputs[i].audience], layout, result, html_cache, warnings)
            for i in job], warnings


def _render_all(outputs: list[Output], result: CheckResult, layout: Layout,
                progress: Callable[[Output], None] | None, workers: int) -> tuple[list[bytes], list[Problem]]:
    """Every output's bytes in order, and the warnings rendering found, jobs in order whoever ran them."""
    global _SHARED
    jobs = _jobs(outputs)
    # fork copies the checked brief instead of pickling it; it is unsafe once threads run (the preview's)
    forking = (workers > 1 and len(jobs) > 1 and threading.active_count() == 1
               and "fork" in multiprocessing.get_all_start_methods())
    _SHARED = (outputs, result, layout)
    try:
        if forking:
            _import_renderers({o.format for o in outputs})
            gc.freeze()  # the workers' collections then leave the parent's objects (and its pages) alone
            heavy_first = sorted(jobs, key=lambda job: not any(outputs[i].format == "pdf" for i in job))
            with ProcessPoolExecutor(min(workers, len(jobs)), mp_context=multiprocessing.get_context("fork")) as pool:
                futures = {tuple(job): pool.submit(_render_job, job) for job in heavy_first}
                done = [futures[tuple(job)].result() for job in jobs]
        else:
            done = [_render_job(job) for job in jobs]
    finally:
        _SHARED = None
        gc.unfreeze()
    rendered: list[bytes] = [b""] * len(outputs)
    warnings: list[Problem] = []
    for job, (data, found) in zip(jobs, done):
        for i, blob in zip(job, data):
            rendered[i] = blob
            if progress:
                progress(outputs[i])
        warnings += found
    return rendered, warnings


def _import_renderers(formats: set[str]) -> None:
    """Import python-pptx and WeasyPrint once, before forking, rather than once in each worker (CPU time)."""
    if "pptx" in formats:
        from briefdeck.render.pptx import package, plan  # noqa: F401
    if "pdf" in formats:
        from briefdeck.render.handout import pdf  # noqa: F401


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
