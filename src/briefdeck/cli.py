"""The command line: the only module that prints or exits.

Exit status: 0 success, 1 the brief or a source has errors, 2 wrong usage.
Every `BriefdeckError` is printed as its list of problems; anything else is
reported as an internal error without a traceback (set BRIEFDECK_DEBUG=1 to
see it).
"""

from __future__ import annotations

import functools
import json
import os
import textwrap
from pathlib import Path
from typing import Callable, Optional

import typer

from briefdeck.errors import BriefdeckError, Problem
from briefdeck.findings.lookup import look_up
from briefdeck.project import Workspace

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Briefing decks and handouts in which every claim cites the exact words of its source.",
)

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
WIDTH = 88

SourcesOption = typer.Option(None, "--sources", help="The sources folder (default: the project's seeds/).")


def reports_errors(command: Callable) -> Callable:
    """Wrap a command so every error becomes a message and an exit status, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except typer.Exit:
            raise
        except BriefdeckError as exc:
            _fail(exc.problems, EXIT_USAGE if exc.usage else EXIT_ERRORS)
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            raise typer.Exit(130)
        except Exception as exc:  # a bug in briefdeck: say so plainly; the traceback is there on request
            if os.environ.get("BRIEFDECK_DEBUG"):
                raise
            typer.echo(f"internal error: {type(exc).__name__}: {exc}\n"
                       "  this is a bug in briefdeck; run again with BRIEFDECK_DEBUG=1 for details and report it",
                       err=True)
            raise typer.Exit(EXIT_ERRORS)

    return wrapper


def _fail(problems: list[Problem], code: int) -> None:
    for problem in problems:
        typer.echo(str(problem), err=True)
    errors = sum(1 for p in problems if p.is_error)
    if errors > 1:
        typer.echo(f"{errors} errors", err=True)
    raise typer.Exit(code)


def _warn(warnings) -> None:
    for warning in warnings:
        typer.echo(f"warning: {warning}", err=True)


def _workspace(sources: Optional[Path]) -> Workspace:
    return Workspace.at(Path.cwd(), sources)


def _index(workspace: Workspace, *, quiet: bool = False):
    index, report = workspace.open_index()
    if not quiet:
        _warn(report.warnings)
    return index, report


# -- sources, show, find ------------------------------------------------------

@app.command("sources")
@reports_errors
def sources_command(
    as_json: bool = typer.Option(False, "--json", help="Print JSON (see README, 'JSON output')."),
    sources: Optional[Path] = SourcesOption,
) -> None:
    """List the documents: metadata, paragraph counts, warnings."""
    index, report = _index(_workspace(sources), quiet=True)
    summaries = index.summaries()
    if as_json:
        typer.echo(json.dumps([_summary_json(s) for s in summaries] , indent=2, ensure_ascii=False))
        _warn(report.warnings)
        return
    for s in summaries:
        typer.echo(f"{s.id}  ({s.path}): {s.paragraphs} paragraphs, {s.sentences} sentences")
        typer.echo(f"  {_describe(s.record)}")
        if s.headings:
            typer.echo(f"  sections: {'; '.join(s.headings)}")
        for warning in s.warnings:
            typer.echo(f"  warning: {warning}")
    _warn(report.warnings)


def _summary_json(s) -> dict:
    return {"id": s.id, "file": s.path, "title": s.record.title, "record": dict(s.record.csl),
            "paragraphs": s.paragraphs, "sentences": s.sentences, "sections": list(s.headings),
            "warnings": list(s.warnings)}


def _describe(record) -> str:
    csl = record.csl
    names = ", ".join(a.get("literal") or " ".join(filter(None, [a.get("given"), a.get("family")]))
                      for a in csl.get("author", []))
    issued = "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(record.issued or ()))
    parts = [names, f"“{record.title}”", csl.get("container-title"), issued or "n.d."]
    return ", ".join(p for p in parts if p)


@app.command("show")
@reports_errors
def show_command(
    locator: str = typer.Argument(..., help="SOURCE:pN or SOURCE:pN.sM, e.g. tip-2017-dprk:p8"),
    sources: Optional[Path] = SourcesOption,
) -> None:
    """Print a passage or sentence with its locator and section."""
    index, _ = _index(_workspace(sources))
    passage = look_up(index, locator)
    if isinstance(passage, Problem):
        _fail([passage], EXIT_ERRORS)
    record = index.records()[passage.locator.source]
    paragraph = passage.paragraph
    if paragraph is None:
        typer.echo(f"{passage.locator}: {_describe(record)}")
        typer.echo(f"{index.paragraph_count(passage.locator.source)} paragraphs; show one with "
                   f"{passage.locator}:pN")
        return
    typer.echo(f"{passage.locator}  [{paragraph.section or 'no section'}]")
    typer.echo(_describe(record))
    typer.echo("")
    typer.echo(textwrap.fill(passage.text, WIDTH))
    if passage.finding is not None:
        _finding_details(passage.finding)


def _finding_details(finding) -> None:
    if finding.tags:
        typer.echo(f"tags: {', '.join(finding.tags)}")
    if finding.figures:
        typer.echo("figures: " + "; ".join(f.text for f in finding.figures))
    if finding.speaker:
        typer.echo(f"speaker: {finding.speaker}")


@app.command("find")
@reports_errors
def find_command(
    query: str = typer.Argument(..., help="Words to look for."),
    source: list[str] = typer.Option([], "--source", help="Only this source id (repeatable)."),
    section: Optional[str] = typer.Option(None, "--section", help="Only sections whose name contains this."),
    tag: list[str] = typer.Option([], "--tag", help="Only findings with this tag (repeatable)."),
    limit: int = typer.Option(10, "--limit", min=1, max=1000, help="At most this many findings."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (see README, 'JSON output')."),
    sources: Optional[Path] = SourcesOption,
) -> None:
    """Search the findings (sentences) of every source."""
    index, _ = _index(_workspace(sources))
    _check_choices("source", source, index.source_ids())
    _check_choices("tag", tag, index.tags() or [])
    found = index.search(query, sources=source, section=section, tags=tag, limit=limit)
    if as_json:
        typer.echo(json.dumps([f.to_json() for f in found], indent=2, ensure_ascii=False))
        return
    if not found:
        typer.echo("no findings match", err=True)
        return
    for f in found:
        extra = f"  ({', '.join(f.tags)})" if f.tags else ""
        typer.echo(f"{f.locator}  [{f.section or 'no section'}]{extra}")
        typer.echo(textwrap.indent(textwrap.fill(f.text, WIDTH - 2), "  "))


def _check_choices(what: str, given: list[str], valid: list[str]) -> None:
    from briefdeck.errors import choices_hint
    bad = [g for g in given if g not in valid]
    if bad:
        _fail([Problem(f"unknown {what} '{b}'", hint=choices_hint(b, valid, f"{what}s"), code=f"unknown-{what}")
               for b in bad], EXIT_USAGE)


# -- entry point ----------------------------------------------------------------

def main(argv: list[str] | None = None) -> None:
    """Run the command line (the console script)."""
    app(args=argv, prog_name="briefdeck")
