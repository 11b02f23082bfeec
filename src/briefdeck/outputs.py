"""Rendering each audience's deck to files: the deck (.pptx) and the handout (.html, .pdf).

Every file of every audience is rendered in memory first, then all are
written to temporary files beside their final names, and only when all are
written are they renamed into place together. An error while rendering or
writing (a full disk) leaves every earlier output as it was. Temporary files
left by a build that was killed are removed by the next build of the same
folder.

PDFs are made in a forked worker process (render.handout.pdf_worker), which
the command line starts before it checks the brief, so that WeasyPrint loads
meanwhile; the decks are written here while it works, and with idle cores it
makes the handouts side by side. The bytes are those of a serial build.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from briefdeck.check import CheckResult
from briefdeck.errors import BriefdeckError, Problem, choices_hint
from briefdeck.files import Staged, commit, discard, remove_stale_parts, stage
from briefdeck.layouts import Layout, find_layout
from briefdeck.render.handout.pdf_worker import PdfJob, PdfWorker, idle_cores, take_started

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

    ``workers``: at most this many PDFs are made at once, in the PDF worker
    (default: one per idle core); 1 makes everything in this process.

    Warnings found while rendering (a template's external links) are added
    to ``result.problems``.
    """
    started = time.time()
    brief_dir = Path(result.outline.path).resolve().parent
    layout = find_layout(result.outline.layout, project=result.workspace.root, base=brief_dir)
    outputs = planned_outputs(result, formats, out_dir)
    rendered, warnings = _render_all(outputs, result, layout, progress, workers)
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


def _pdf_worker(started: PdfWorker | None, workers: int | None, jobs: list[PdfJob]) -> PdfWorker | None:
    """The worker that makes the PDFs: the one started early, or a new one when cores are idle; None: here."""
    if not jobs or workers == 1:
        if started is not None:
            started.close()
        return None
    side_by_side = workers or idle_cores()
    if started is None and side_by_side > 1:
        return PdfWorker.start(side_by_side)
    return started


def _handouts_html(outputs: list[Output], result: CheckResult, layout: Layout) -> dict[str, str]:
    """Each audience's handout as HTML, made once for its .html and its .pdf."""
    audiences = list(dict.fromkeys(o.audience for o in outputs if o.format != "pptx"))
    if not audiences:
        return {}  # a deck-only build does not import Jinja2 and the handout's templates
    from briefdeck.render.handout import deck_to_html

    return {audience: deck_to_html(result.decks[audience], layout=layout) for audience in audiences}


def _render_all(outputs: list[Output], result: CheckResult, layout: Layout,
                progress: Callable[[Output], None] | None, workers: int | None) -> tuple[list[bytes], list[Problem]]:
    """Every output's bytes in order, and the warnings rendering found.

    The handouts' HTML is made first and sent to the PDF worker, which makes
    the PDFs while the decks are written here.
    """
    rendered: list[bytes] = [b""] * len(outputs)
    warnings: list[Problem] = []
    worker = take_started()
    try:
        handouts = _handouts_html(outputs, result, layout)
        pdfs = [i for i, o in enumerate(outputs) if o.format == "pdf"]
        jobs = [PdfJob.of(handouts[outputs[i].audience], result.decks[outputs[i].audience], result.workspace.root)
                for i in pdfs]
        worker = _pdf_worker(worker, workers, jobs)
        if worker is not None:
            worker.send(jobs)
        for i, output in enumerate(outputs):
            if output.format == "pptx":
                from briefdeck.render.pptx import deck_to_pptx
                rendered[i] = deck_to_pptx(result.decks[output.audience], layout=layout, warnings=warnings)
            elif output.format == "html":
                rendered[i] = handouts[output.audience].encode("utf-8")
            else:
                continue
            if progress:
                progress(output)
        made = worker.receive() if worker is not None else (job.render() for job in jobs)
        for i, data in zip(pdfs, made):
            rendered[i] = data
            if progress:
                progress(outputs[i])
    finally:
        if worker is not None:
            worker.close()
    return rendered, warnings
