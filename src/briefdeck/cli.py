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
import sys
import textwrap
from pathlib import Path
from typing import Callable, Optional

import typer

from briefdeck.check import check_brief
from briefdeck.citations.work import author_names
from briefdeck.errors import BriefdeckError, Problem, choices_hint, display_path
from briefdeck.findings.lookup import look_up
from briefdeck.project import Workspace
from briefdeck.sources.bibliography import record_origins
from briefdeck.reports import check_json, find_json, sources_json, unloadable_json

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Briefing decks and handouts in which every claim cites the exact words of its source.",
)

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
WIDTH = 88

SourcesOption = typer.Option(None, "--sources", help="The sources folder (default: the brief's 'sources:', "
                             "else the nearest seeds/ above the brief or the current folder).")
VerifyOption = typer.Option(False, "--verify", help="Compare every source's bytes with the index, not only "
                            "its size and time, and check the index database whole (slower).")


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
        except BrokenPipeError:  # output piped into `head` and the like: stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(EXIT_OK)
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
        typer.echo(_count(errors, "error"), err=True)
    raise typer.Exit(code)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _warn(warnings) -> None:
    for warning in warnings:
        typer.echo(f"warning: {warning}", err=True)


def _workspace(sources: Optional[Path]) -> Workspace:
    return Workspace.here(sources)


# -- sources, show, find ------------------------------------------------------

@app.command("sources")
@reports_errors
def sources_command(
    as_json: bool = typer.Option(False, "--json", help="Print JSON (see README, 'JSON output')."),
    sources: Optional[Path] = SourcesOption,
    verify: bool = VerifyOption,
) -> None:
    """List the documents: metadata, paragraph counts, warnings."""
    workspace = _workspace(sources)
    summaries, report = workspace.with_index(lambda index: index.summaries(), verify=verify)
    origins = record_origins(workspace.sources)
    if as_json:
        typer.echo(json.dumps(sources_json(summaries, origins), indent=2, ensure_ascii=False))
        _warn(report.warnings)
        return
    for s in summaries:
        typer.echo(f"{s.id}  ({s.path}): {s.paragraphs} paragraphs, {s.sentences} sentences")
        typer.echo(f"  {_describe(s.record)}")
        typer.echo(f"  record: {origins.get(s.id) or 'guessed from the text'}")
        if s.headings:
            typer.echo(f"  sections: {'; '.join(s.headings)}")
        for warning in s.warnings:
            typer.echo(f"  warning: {warning}")
    _warn(report.warnings)


def _describe(record) -> str:
    parts = [author_names(record), f"“{record.title}”", record.csl.get("container-title"), record.issued_text]
    return ", ".join(p for p in parts if p)


@app.command("show")
@reports_errors
def show_command(
    locator: str = typer.Argument(..., help="SOURCE:pN or SOURCE:pN.sM, e.g. tip-2017-dprk:p8"),
    sources: Optional[Path] = SourcesOption,
    verify: bool = VerifyOption,
) -> None:
    """Print a passage or sentence with its locator and section."""
    def passage_of(index):
        passage = look_up(index, locator)
        if isinstance(passage, Problem):
            return passage, None, 0
        source = passage.locator.source
        return passage, index.records()[source], index.paragraph_count(source)

    (passage, record, count), report = _workspace(sources).with_index(passage_of, verify=verify)
    _warn(report.warnings)
    if isinstance(passage, Problem):
        _fail([passage], EXIT_ERRORS)
    paragraph = passage.paragraph
    if paragraph is None:
        typer.echo(f"{passage.locator}: {_describe(record)}")
        typer.echo(f"{count} paragraphs; show one with {passage.locator}:pN")
        return
    page = f", page {paragraph.page}" if paragraph.page else ""
    typer.echo(f"{passage.locator}  [{paragraph.section or 'no section'}{page}]")
    typer.echo(_describe(record))
    typer.echo("")
    typer.echo(textwrap.fill(passage.text, WIDTH, break_on_hyphens=False))
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
    verify: bool = VerifyOption,
) -> None:
    """Search the findings (sentences) of every source."""
    def search(index):
        _check_choices("source", source, index.source_ids())
        _check_choices("tag", tag, index.tags() or [])
        return index.search(query, sources=source, section=section, tags=tag, limit=limit)

    found, report = _workspace(sources).with_index(search, verify=verify)
    _warn(report.warnings)
    if as_json:
        typer.echo(json.dumps(find_json(found), indent=2, ensure_ascii=False))
        return
    if not found:
        typer.echo("no findings match", err=True)
        return
    for f in found:
        extra = f"  ({', '.join(f.tags)})" if f.tags else ""
        typer.echo(f"{f.locator}  [{f.section or 'no section'}]{extra}")
        typer.echo(textwrap.indent(textwrap.fill(f.text, WIDTH - 2, break_on_hyphens=False), "  "))


def _check_choices(what: str, given: list[str], valid: list[str]) -> None:
    bad = [g for g in given if g not in valid]
    if bad:
        _fail([Problem(f"unknown {what} '{b}'", hint=choices_hint(b, valid, f"{what}s"), code=f"unknown-{what}")
               for b in bad], EXIT_USAGE)


# -- check, build, new, layouts -------------------------------------------------

@app.command("check")
@reports_errors
def check_command(
    brief: Path = typer.Argument(..., help="The outline, e.g. briefs/dprk-trafficking.yaml"),
    audience: Optional[str] = typer.Option(None, "--audience", help="Check for this audience only."),
    strict: bool = typer.Option(False, "--strict", help="Treat warnings (such as a number mismatch) as errors."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (see README, 'JSON output')."),
    update_lock: bool = typer.Option(False, "--update-lock",
                                     help="Accept the sources as they are now into the evidence lock."),
    review: bool = typer.Option(False, "--review", help="Also write build/BRIEF-AUDIENCE-review.html: every "
                                "point beside its evidence, for a human to read."),
    sources: Optional[Path] = SourcesOption,
    verify: bool = VerifyOption,
) -> None:
    """Verify every point's evidence; show what each point cites and what is wrong."""
    try:
        result = check_brief(brief, audience=audience, strict=strict, sources=sources, verify=verify,
                             update_lock=update_lock)
    except BriefdeckError as exc:
        if not as_json:
            raise
        # A brief that does not load is still answered in JSON.
        typer.echo(json.dumps(unloadable_json(str(brief), exc.problems), indent=2, ensure_ascii=False))
        raise typer.Exit(EXIT_USAGE if exc.usage else EXIT_ERRORS)
    if as_json:
        typer.echo(json.dumps(check_json(result), indent=2, ensure_ascii=False))
    else:
        for key, deck in result.decks.items():
            typer.echo(f"== {key} ({deck.audience.label})")
            for line in describe_deck(deck):
                typer.echo(line)
        for problem in result.problems:
            typer.echo(str(problem), err=True)
        typer.echo(f"{_count(len(result.errors), 'error')}, {_count(len(result.warnings), 'warning')}", err=True)
    if review:
        from briefdeck.evidence.review import write_review_pages
        for path in write_review_pages(result.outline, result.resolution, result.problems,
                                       result.workspace.root / "build"):
            typer.echo(f"review: {display_path(path)}", err=True)
    if result.errors:
        raise typer.Exit(EXIT_ERRORS)


@app.command("build")
@reports_errors
def build_command(
    brief: Path = typer.Argument(..., help="The outline, e.g. briefs/dprk-trafficking.yaml"),
    audience: Optional[str] = typer.Option(None, "--audience", help="Build for this audience only."),
    formats: str = typer.Option("pptx,html,pdf", "--format", help="Comma-separated: pptx, html, pdf."),
    out: Optional[Path] = typer.Option(None, "--out", help="The output folder (default: the project's build/)."),
    strict: bool = typer.Option(False, "--strict", help="Treat warnings as errors."),
    sources: Optional[Path] = SourcesOption,
    verify: bool = VerifyOption,
) -> None:
    """Write each audience's deck (.pptx) and handout (.html, .pdf)."""
    from briefdeck.outputs import build_outputs, parse_formats, planned_outputs

    chosen = parse_formats(formats)
    result = check_brief(brief, audience=audience, strict=strict, sources=sources, verify=verify)
    for problem in result.problems:
        typer.echo(str(problem), err=True)
    if result.errors:
        typer.echo(f"{_count(len(result.errors), 'error')}: nothing was built", err=True)
        raise typer.Exit(EXIT_ERRORS)
    out_dir = out or result.workspace.root / "build"
    planned = planned_outputs(result, chosen, out_dir)
    shown = len(result.problems)
    if sys.stderr.isatty():
        from rich.progress import BarColumn, Progress, TextColumn  # only where a bar can be drawn

        with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                      transient=True) as bar:
            task = bar.add_task("building", total=len(planned))
            written = build_outputs(result, formats=chosen, out_dir=out_dir,
                                    progress=lambda o: bar.update(task, advance=1, description=o.path.name))
    else:  # no terminal to draw a bar on (a pipe, CI): the printed paths say what was done
        written = build_outputs(result, formats=chosen, out_dir=out_dir)
    for problem in result.problems[shown:]:  # what rendering noticed (a template's external links)
        typer.echo(str(problem), err=True)
    for output in written:
        typer.echo(display_path(output.path))
    typer.echo(build_summary(result, written))


@app.command("preview")
@reports_errors
def preview_command(
    brief: Path = typer.Argument(..., help="The outline, e.g. briefs/dprk-trafficking.yaml"),
    audience: Optional[str] = typer.Option(None, "--audience", help="Preview this audience only."),
    port: int = typer.Option(8750, "--port", min=0, max=65535, help="The port on 127.0.0.1 (0: any free one)."),
) -> None:
    """Show the slides in a browser as the .pptx will have them, with each note's evidence; refresh on save."""
    from briefdeck.preview import serve_until_interrupted, start_preview, stop_preview

    if not brief.is_file():
        check_brief(brief)  # says why, as check does
    try:
        server = start_preview(brief, audience=audience, port=port)
    except OSError as exc:
        _fail([Problem(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}",
                       hint="choose another port with --port, or --port 0 for any free one", code="port-in-use")],
              EXIT_USAGE)
    snapshot = server.builder.first_build()
    wrong = [p for p in snapshot.problems if p.code == "unknown-audience" and p.location is None]
    if wrong:  # --audience names no audience of the brief
        stop_preview(server)
        _fail(wrong, EXIT_USAGE)
    state = "" if snapshot.ok else "; the brief does not build yet, the page shows why"
    typer.echo(f"previewing {display_path(brief)} at {server.address}  (Ctrl-C to stop){state}")
    serve_until_interrupted(server)


@app.command("new")
@reports_errors
def new_command(
    brief: Path = typer.Argument(..., help="Where to write the starter outline, e.g. briefs/my-brief.yaml"),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
    sources: Optional[Path] = SourcesOption,
) -> None:
    """Write a starter outline that passes 'check' against the project's sources."""
    from briefdeck.files import write_atomic
    from briefdeck.outline.starter import starter_outline

    if brief.exists() and not force:
        _fail([Problem(f"{brief} already exists", hint="choose another name, or add --force to overwrite it",
                       code="exists")], EXIT_USAGE)
    base = brief.resolve().parent
    workspace = Workspace.for_brief(brief, None, sources)
    text, _ = workspace.with_index(lambda index: starter_outline(index, sources=os.path.relpath(workspace.sources,
                                                                                                 base)))
    write_atomic(brief, text.encode("utf-8"))
    typer.echo(f"wrote {display_path(brief)}; next: briefdeck check {display_path(brief)}")


@app.command("layouts")
@reports_errors
def layouts_command() -> None:
    """List the layouts available to this project."""
    from briefdeck.layouts import available_layouts, find_layout

    project = Workspace.at(Path.cwd()).root
    for name, folder in available_layouts(project).items():
        description = find_layout(name, project=project).settings.get("description", "")
        typer.echo(f"{name:<12} {description}  ({display_path(folder)})")


def describe_deck(deck) -> list[str]:
    """What ``check`` shows of a deck: each slide, each point, and what each marker cites."""
    lines = []
    for number, slide in enumerate(deck.slides, start=1):
        if slide.kind in ("title", "sources"):
            continue
        lines.append(f"{number:>3}. [{slide.kind}] {slide.title}")
        for point in slide.points:
            figure = f"{point.figure} " if point.figure else ""
            markers = "".join(f"[{n}]" for n in point.footnotes)
            lines.append(f"     - {figure}{point.text} {markers}".rstrip())
        for note, cited in ((note, cited) for note in slide.footnotes for cited in note.cited):
            quoted = f" “{cited.quoted}”" if cited.quoted else ""
            lines.append(f"       [{note.number}] {cited.locator}{quoted}")
    return lines


def build_summary(result, written=()) -> str:
    """One line: audiences, the slides the written .pptx files hold (continuations included), notes, sources."""
    from briefdeck.render.pptx.check import slide_count

    decks = list(result.decks.values())
    slides = [slide_count(o.path.read_bytes()) for o in written if o.format == "pptx"]
    notes = sum(len(d.footnotes) for d in decks)
    cited = len({r.id for d in decks for r in d.bibliography})
    return (f"{_count(len(decks), 'audience')}, " + (f"{_count(sum(slides), 'slide')}, " if slides else "")
            + f"{_count(notes, 'footnote')}, "
            f"{_count(cited, 'source')} cited, {_count(len(result.warnings), 'warning')}")


# -- entry point ----------------------------------------------------------------

def main(argv: list[str] | None = None) -> None:
    """Run the command line (the console script)."""
    app(args=argv, prog_name="briefdeck")
