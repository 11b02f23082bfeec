"""Checking a brief: load it, resolve its evidence, build a deck per audience.

`check_brief` is what both ``briefdeck check`` and ``briefdeck build`` run
first. It never prints; it returns the decks and every problem found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from briefdeck.deck.build import brief_to_deck
from briefdeck.deck.model import Deck
from briefdeck.errors import BriefdeckError, Location, Problem, choices_hint, display_path
from briefdeck.findings.index import FindingsIndex
from briefdeck.findings.sync import SyncReport
from briefdeck.findings.tags import Lexicon
from briefdeck.layouts import find_layout
from briefdeck.lock import check_lock
from briefdeck.evidence.checks import check_outline
from briefdeck.evidence.support import SupportCheck
from briefdeck.links import link_warnings
from briefdeck.outline.images import picture_problems
from briefdeck.outline.load import load_outline
from briefdeck.outline.model import Outline
from briefdeck.outline.resolve import Resolution, resolve_outline
from briefdeck.project import Workspace


@dataclass
class CheckResult:
    outline: Outline
    workspace: Workspace
    decks: dict[str, Deck] = field(default_factory=dict)  # by audience key; empty when there are errors
    problems: list[Problem] = field(default_factory=list)
    resolution: Resolution | None = None  # what the evidence resolved to (the review page reads it)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


def check_brief(path: Path, *, audience: str | None = None, strict: bool = False,
                progress: Callable[[int, int], None] | None = None, sources: Path | None = None,
                verify: bool = False, update_lock: bool = False, write_lock: bool = True, worded: bool = True,
                lexicon: Lexicon | None = None,
                indexes: Callable[[Workspace, Lexicon], tuple[FindingsIndex, SyncReport]] | None = None,
                ) -> CheckResult:
    """Load, resolve and build the brief at ``path`` for one audience or all.

    Raises `BriefdeckError` when the brief cannot be loaded at all (a missing
    file, YAML errors, schema errors) or names an unknown audience; returns
    a result holding evidence errors and warnings otherwise. The evidence
    lock beside the brief (`briefdeck.lock`) is compared, and after a check
    without errors written when ``write_lock`` (``update_lock`` accepts every
    change it found). ``worded=False`` builds the decks without the words of
    their notes and reference lists (see `brief_to_deck`), for a caller that
    shows none (``check``). A caller that keeps the project's ``lexicon`` and an
    open index between checks (the preview) passes them in; an index from
    ``indexes`` is left open.
    """
    if not path.is_file():
        what = "is a folder, not a brief" if path.is_dir() else "does not exist"
        raise BriefdeckError(Problem(f"brief '{path}' {what}", hint="give the path of a .yaml outline, "
                                     "e.g. briefs/dprk-trafficking.yaml; 'briefdeck new' writes a starter",
                                     code="no-brief"), usage=True)
    base = path.resolve().parent
    if lexicon is None:
        lexicon = Workspace.at(base).lexicon()  # the project's: the same wherever the brief's sources are
    outline = load_outline(path, known_tags=lexicon.tags)
    workspace = Workspace.for_brief(path, outline.sources, sources)  # ``sources``: --sources, before the brief's
    check_layout(outline, workspace.root, base)
    keys = [a.key for a in outline.audiences]
    if audience is not None and audience not in keys:
        raise BriefdeckError(Problem(f"the brief has no audience '{audience}'",
                                     hint=choices_hint(audience, keys, "audiences"), code="unknown-audience"),
                             usage=True)

    def resolve(index):
        resolution = resolve_outline(outline, index)
        lock = check_lock(path, outline, resolution, index, workspace.sources, update=update_lock)
        # What reading noticed about the sources this brief cites ('briefdeck sources' lists the rest).
        cited = {e.citation.source_id for e in resolution.evidence.values()}
        cited |= {f.source for found in resolution.selected.values() for f, _ in found}
        folder = display_path(workspace.sources)
        noticed = [Problem(w, Location(f"{folder}/{path}"), severity="warning", code="source-warning")
                   for _, path, w in index.warnings_of(cited)]
        checked = check_outline(outline, resolution, SupportCheck(index))  # every point, even when another's quote failed
        return resolution, noticed, checked, lock

    if indexes is None:
        (resolution, noticed, checked, lock), report = workspace.with_index(resolve, progress, lexicon=lexicon,
                                                                              verify=verify)
    else:  # the preview's index, kept open between checks
        index, report = indexes(workspace, lexicon)
        resolution, noticed, checked, lock = resolve(index)
    result = CheckResult(outline, workspace, problems=list(resolution.problems) + checked + lock.problems
                         + picture_problems(outline, workspace.root), resolution=resolution)
    noticed += [Problem(w, severity="warning", code="source-warning") for w in report.warnings]
    result.problems[:0] = noticed
    if result.errors:
        return _strict(result, strict)
    for key in keys if audience is None else [audience]:
        deck, warnings = brief_to_deck(outline, resolution, key, worded=worded)
        result.decks[key] = deck
        result.problems.extend(warnings)
    result.problems.extend(link_warnings((r for d in result.decks.values() for r in d.bibliography),
                                         workspace.sources))
    result = _strict(result, strict)
    if result.ok and write_lock:
        result.problems.extend(lock.write())
    return result


def check_layout(outline: Outline, project: Path, base: Path) -> None:
    """Find the brief's layout and check every setting of it, as ``build`` will read them.

    A layout that cannot be found is reported at the brief's ``layout:`` line;
    a bad setting at its line in ``layout.yaml``.
    """
    # Imported here: the renderer's package loads python-pptx (0.4 s), which
    # the commands that never read a layout (find, show, sources) do not need.
    from briefdeck.render.pptx.settings import pptx_settings

    layout = find_layout(outline.layout, project=project, base=base, location=outline.layout_location)
    pptx_settings(layout)  # every setting, the handout's colours and language among them


def _strict(result: CheckResult, strict: bool) -> CheckResult:
    """Under ``--strict`` every warning about the brief is an error (source warnings stay warnings)."""
    if strict:
        result.problems = [p.as_error() if p.code != "source-warning" else p for p in result.problems]
        if result.errors:
            result.decks = {}
    return result
