"""The command line: the only module that prints or exits.

Exit status: 0 success, 1 the brief or a source has errors, 2 wrong usage.
Every `BriefdeckError` is printed as its list of problems; anything else is
reported as an internal error without a traceback (set BRIEFDECK_DEBUG=1 to
see it).
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import Callable, Optional

import click
from click.exceptions import Exit

from briefdeck.cli_parts import PATH, Group, argument, brief_argument, json_option, sources_option, verify_option
from briefdeck.cli_text import build_summary, describe_deck, plural, wrapped
from briefdeck.errors import BriefdeckError, Problem, choices_hint, display_path
from briefdeck.json_text import indented_json  # json.dumps(indent=2, ensure_ascii=False)'s text, faster
from briefdeck.reports import check_json, find_json, sources_json, unloadable_json

# Plain click, and every heavier module imported inside the command that uses it, so that `--help`
# and `find` start in a fraction of what the check, deck and rendering stacks cost to import.
app = Group(
    name="briefdeck",
    no_args_is_help=True,
    help="Briefing decks and handouts in which every claim cites the exact words of its source.",
)

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def reports_errors(command: Callable) -> Callable:
    """Wrap a command so every error becomes a message and an exit status, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except Exit:
            raise
        except BriefdeckError as exc:
            _fail(exc.problems, EXIT_USAGE if exc.usage else EXIT_ERRORS)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            raise Exit(130)
        except BrokenPipeError:  # output piped into `head` and the like: stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise Exit(EXIT_OK)
        except Exception as exc:  # a bug in briefdeck: say so plainly; the traceback is there on request
            if os.environ.get("BRIEFDECK_DEBUG"):
                raise
            click.echo(f"internal error: {type(exc).__name__}: {exc}\n"
                       "  this is a bug in briefdeck; run again with BRIEFDECK_DEBUG=1 for details and report it",
                       err=True)
            raise Exit(EXIT_ERRORS)

    return wrapper


def _fail(problems: list[Problem], code: int) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)
    errors = sum(1 for p in problems if p.is_error)
    if errors > 1:
        click.echo(plural(errors, "error"), err=True)
    raise Exit(code)


def _warn(warnings) -> None:
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)


def _workspace(sources: Optional[Path]):
    from briefdeck.project import Workspace

    return Workspace.here(sources)


# -- sources, show, find ------------------------------------------------------

@app.command("sources")
@json_option()
@sources_option()
@verify_option()
@reports_errors
def sources_command(as_json: bool, sources: Optional[Path], verify: bool) -> None:
    """List the documents: metadata, paragraph counts, warnings."""
    from briefdeck.sources.bibliography import record_origins

    workspace = _workspace(sources)
    summaries, report = workspace.with_index(lambda index: index.summaries(), verify=verify)
    origins = record_origins(workspace.sources)
    if as_json:
        click.echo(indented_json(sources_json(summaries, origins)))
        _warn(report.warnings)
        return
    for s in summaries:
        click.echo(f"{s.id}  ({s.path}): {s.paragraphs} paragraphs, {s.sentences} sentences")
        click.echo(f"  {_describe(s.record)}")
        click.echo(f"  record: {origins.get(s.id) or 'guessed from the text'}")
        if s.headings:
            click.echo(f"  sections: {'; '.join(s.headings)}")
        for warning in s.warnings:
            click.echo(f"  warning: {warning}")
    _warn(report.warnings)


def _describe(record) -> str:
    from briefdeck.citations.work import author_names

    parts = [author_names(record), f"“{record.title}”", record.csl.get("container-title"), record.issued_text]
    return ", ".join(p for p in parts if p)


@app.command("show")
@argument("locator", "SOURCE:pN or SOURCE:pN.sM, e.g. tip-2017-dprk:p8")
@sources_option()
@verify_option()
@reports_errors
def show_command(locator: str, sources: Optional[Path], verify: bool) -> None:
    """Print a passage or sentence with its locator and section."""
    from briefdeck.findings.lookup import look_up

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
        click.echo(f"{passage.locator}: {_describe(record)}")
        click.echo(f"{count} paragraphs; show one with {passage.locator}:pN")
        return
    page = f", page {paragraph.page}" if paragraph.page else ""
    click.echo(f"{passage.locator}  [{paragraph.section or 'no section'}{page}]")
    click.echo(_describe(record))
    click.echo("")
    click.echo(wrapped(passage.text))
    if passage.finding is not None:
        _finding_details(passage.finding)


def _finding_details(finding) -> None:
    if finding.tags:
        click.echo(f"tags: {', '.join(finding.tags)}")
    if finding.figures:
        click.echo("figures: " + "; ".join(f.text for f in finding.figures))
    if finding.speaker:
        click.echo(f"speaker: {finding.speaker}")


@app.command("find")
@argument("query", "Words to look for.")
@click.option("--source", multiple=True, help="Only this source id (repeatable).")
@click.option("--section", help="Only sections whose name contains this.")
@click.option("--tag", multiple=True, help="Only findings with this tag (repeatable).")
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True,
              help="At most this many findings.")
@json_option()
@sources_option()
@verify_option()
@reports_errors
def find_command(query: str, source: tuple[str, ...], section: Optional[str], tag: tuple[str, ...], limit: int,
                 as_json: bool, sources: Optional[Path], verify: bool) -> None:
    """Search the findings (sentences) of every source.

    Findings are ranked by how well they match (BM25). A query that matches more than 1,000
    sentences (without --section or --tag) shows the shortest of a sample of 1,000: the first
    100 matches of each tenth of the corpus, in source order. Add words or --source to narrow it.
    """
    def search(index):
        _check_choices("source", source, index.source_ids())
        _check_choices("tag", tag, index.tags() or [])
        return index.search(query, sources=source, section=section, tags=tag, limit=limit)

    found, report = _workspace(sources).with_index(search, verify=verify)
    _warn(report.warnings)
    if as_json:
        click.echo(indented_json(find_json(found)))
        return
    if not found:
        click.echo("no findings match", err=True)
        return
    for f in found:
        extra = f"  ({', '.join(f.tags)})" if f.tags else ""
        click.echo(f"{f.locator}  [{f.section or 'no section'}]{extra}")
        click.echo(wrapped(f.text, "  "))


def _check_choices(what: str, given: list[str], valid: list[str]) -> None:
    bad = [g for g in given if g not in valid]
    if bad:
        _fail([Problem(f"unknown {what} '{b}'", hint=choices_hint(b, valid, f"{what}s"), code=f"unknown-{what}")
               for b in bad], EXIT_USAGE)


# -- check, build, new, layouts -------------------------------------------------

@app.command("check")
@brief_argument()
@click.option("--audience", help="Check for this audience only.")
@click.option("--strict", is_flag=True, help="Treat warnings (such as a number mismatch) as errors.")
@json_option()
@click.option("--update-lock", is_flag=True, help="Accept the sources as they are now into the evidence lock.")
@click.option("--review", is_flag=True, help="Also write build/BRIEF-AUDIENCE-review.html: every point beside "
              "its evidence, for a human to read.")
@sources_option()
@verify_option()
@reports_errors
def check_command(brief: Path, audience: Optional[str], strict: bool, as_json: bool, update_lock: bool,
                  review: bool, sources: Optional[Path], verify: bool) -> None:
    """Verify every point's evidence; show what each point cites and what is wrong."""
    from briefdeck.check import check_brief

    try:
        result = check_brief(brief, audience=audience, strict=strict, sources=sources, verify=verify,
                             update_lock=update_lock, worded=False)  # check shows no note's words
    except BriefdeckError as exc:
        if not as_json:
            raise
        # A brief that does not load is still answered in JSON.
        click.echo(indented_json(unloadable_json(str(brief), exc.problems)))
        raise Exit(EXIT_USAGE if exc.usage else EXIT_ERRORS)
    if as_json:
        click.echo(indented_json(check_json(result)))
    else:
        for key, deck in result.decks.items():
            click.echo(f"== {key} ({deck.audience.label})")
            for line in describe_deck(deck):
                click.echo(line)
        for problem in result.problems:
            click.echo(str(problem), err=True)
        click.echo(f"{plural(len(result.errors), 'error')}, {plural(len(result.warnings), 'warning')}", err=True)
    if review:
        from briefdeck.evidence.review import write_review_pages
        for path in write_review_pages(result.outline, result.resolution, result.problems,
                                       result.workspace.root / "build"):
            click.echo(f"review: {display_path(path)}", err=True)
    if result.errors:
        raise Exit(EXIT_ERRORS)


@app.command("build")
@brief_argument()
@click.option("--audience", help="Build for this audience only.")
@click.option("--format", "formats", default="pptx,html,pdf", show_default=True,
              help="Comma-separated: pptx, html, pdf.")
@click.option("--out", type=PATH, help="The output folder (default: the project's build/).")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@sources_option()
@verify_option()
@reports_errors
def build_command(brief: Path, audience: Optional[str], formats: str, out: Optional[Path], strict: bool,
                  sources: Optional[Path], verify: bool) -> None:
    """Write each audience's deck (.pptx) and handout (.html, .pdf)."""
    if "pdf" in formats.lower():  # WeasyPrint loads in a process of its own while the brief is checked
        from briefdeck.render.handout.pdf_worker import start_pdf_worker
        start_pdf_worker()
    from briefdeck.check import check_brief
    from briefdeck.outputs import build_outputs, parse_formats, planned_outputs

    chosen = parse_formats(formats)
    result = check_brief(brief, audience=audience, strict=strict, sources=sources, verify=verify)
    for problem in result.problems:
        click.echo(str(problem), err=True)
    if result.errors:
        click.echo(f"{plural(len(result.errors), 'error')}: nothing was built", err=True)
        raise Exit(EXIT_ERRORS)
    out_dir = out or result.workspace.root / "build"
    planned = planned_outputs(result, chosen, out_dir)
    shown = len(result.problems)
    if sys.stderr.isatty():
        with click.progressbar(length=len(planned), label="building", file=sys.stderr, show_pos=True,
                               item_show_func=lambda o: o.path.name if o else None) as bar:
            written = build_outputs(result, formats=chosen, out_dir=out_dir, progress=lambda o: bar.update(1, o))
    else:  # no terminal to draw a bar on (a pipe, CI): the printed paths say what was done
        written = build_outputs(result, formats=chosen, out_dir=out_dir)
    for problem in result.problems[shown:]:  # what rendering noticed (a template's external links)
        click.echo(str(problem), err=True)
    for output in written:
        click.echo(display_path(output.path))
    click.echo(build_summary(result, written))


@app.command("preview")
@brief_argument()
@click.option("--audience", help="Preview this audience only.")
@click.option("--port", type=click.IntRange(0, 65535), default=8750, show_default=True,
              help="The port on 127.0.0.1 (0: any free one).")
@reports_errors
def preview_command(brief: Path, audience: Optional[str], port: int) -> None:
    """Show the slides in a browser as the .pptx will have them, with each note's evidence; refresh on save."""
    from briefdeck.check import check_brief
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
    click.echo(f"previewing {display_path(brief)} at {server.address}  (Ctrl-C to stop){state}")
    serve_until_interrupted(server)


@app.command("new")
@brief_argument("Where to write the starter outline, e.g. briefs/my-brief.yaml")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@sources_option()
@reports_errors
def new_command(brief: Path, force: bool, sources: Optional[Path]) -> None:
    """Write a starter outline that passes 'check' against the project's sources."""
    from briefdeck.files import write_atomic
    from briefdeck.outline.starter import starter_outline
    from briefdeck.project import Workspace

    if brief.exists() and not force:
        _fail([Problem(f"{brief} already exists", hint="choose another name, or add --force to overwrite it",
                       code="exists")], EXIT_USAGE)
    base = brief.resolve().parent
    workspace = Workspace.for_brief(brief, None, sources)
    text, _ = workspace.with_index(lambda index: starter_outline(index, sources=os.path.relpath(workspace.sources,
                                                                                                 base)))
    write_atomic(brief, text.encode("utf-8"))
    click.echo(f"wrote {display_path(brief)}; next: briefdeck check {display_path(brief)}")


@app.command("layouts")
@reports_errors
def layouts_command() -> None:
    """List the layouts available to this project."""
    from briefdeck.layouts import available_layouts, find_layout
    from briefdeck.project import Workspace

    project = Workspace.at(Path.cwd()).root
    for name, folder in available_layouts(project).items():
        description = find_layout(name, project=project).settings.get("description", "")
        click.echo(f"{name:<12} {description}  ({display_path(folder)})")


# -- entry point ----------------------------------------------------------------

def main(argv: list[str] | None = None) -> None:
    """Run the command line (the console script)."""
    app.main(args=argv, prog_name="briefdeck")
