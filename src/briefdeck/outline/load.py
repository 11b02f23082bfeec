"""Loading a brief (``briefs/*.yaml``) into a validated `Outline`.

The file is read as UTF-8 (at most `MAX_BRIEF_BYTES`), composed into nodes
that keep their line and column (`briefdeck.yamlfile`), and checked
against the description of the brief's fields (`briefdeck.outline.fields`,
read by `briefdeck.outline.read_brief`). Every problem is collected;
if there is any, one `BriefdeckError` carries them all. The problem codes are
listed, with what to do about each, in ``codes.md`` beside this file.

Reading rules worth knowing:

- Every value is text as written: ``title: no`` is the title "no". Only
  ``unsourced`` (``true``/``false``), ``limit`` (a whole number) and ``date``
  are read as anything else.
- An empty value (``key:`` or ``key: ~``) means the key was not given.
- ``date: 2026-11-22`` (``YYYY-MM-DD``) is a calendar date, which fixes file
  timestamps; any other text (``date: Autumn term 2026``) is shown as written
  and fixes nothing (`Outline.date` is None, `Outline.date_text` the text).
- Where a list of names is expected (``audiences``, ``omit_tags``,
  ``sources``, ``tags``), a single name may be written without brackets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Collection

from briefdeck.errors import BriefdeckError, Location, Problem, Problems, display_path
from briefdeck.outline.model import Outline
from briefdeck.outline.read_brief import NO_EVIDENCE, BriefReader
from briefdeck.yamlfile import BRIEF, compose
from briefdeck.yamlfile.read import MAX_YAML_BYTES, check_text_size, decode_yaml, read_yaml_bytes

__all__ = ["MAX_BRIEF_BYTES", "NO_EVIDENCE", "load_outline", "outline_from_text", "read_brief_text"]

MAX_BRIEF_BYTES = MAX_YAML_BYTES


def load_outline(path: Path, *, known_tags: Collection[str] | None = None) -> Outline:
    """The validated outline of the brief at ``path``.

    ``known_tags`` (the findings lexicon's tags), when given, is what
    ``omit_tags`` and ``select`` tags are checked against. Raises
    `BriefdeckError` listing every problem found, each with file, line and
    column.
    """
    path = Path(path)
    shown = display_path(path)
    text = read_brief_text(path, shown)
    return _outline_from_text(text, path=str(path), filename=shown, known_tags=known_tags)


def outline_from_text(text: str, *, filename: str, known_tags: Collection[str] | None = None) -> Outline:
    """The validated outline of brief ``text``; ``filename`` is used in locations and as its path."""
    return _outline_from_text(text, path=filename, filename=filename, known_tags=known_tags)


def read_brief_text(path: Path, shown: str) -> str:
    """The brief's text: refused before reading when too large or not a regular file, and when not UTF-8."""
    return decode_yaml(read_yaml_bytes(path, shown, BRIEF), shown, BRIEF)


def _outline_from_text(text: str, *, path: str, filename: str, known_tags: Collection[str] | None) -> Outline:
    check_text_size(text, filename, BRIEF)  # before parsing, so a huge text costs nothing
    if not text.strip():
        raise BriefdeckError(Problem("the brief is empty", Location(filename, 1, 1),
                                     "start with 'title: …' and 'slides:'; 'briefdeck new' writes a starter brief",
                                     code="empty-brief"))
    composed = compose(text, filename)
    if not composed.usable:
        raise BriefdeckError(composed.problems)
    if composed.root is None:
        raise BriefdeckError(composed.problems + [Problem(
            "the brief has only comments, no content", Location(filename, 1, 1),
            "start with 'title: …' and 'slides:'; 'briefdeck new' writes a starter brief", code="empty-brief")])
    problems = Problems(list(composed.problems))
    reader = BriefReader(filename, known_tags, problems)
    outline = reader.outline(composed.root, path)
    # Reported in file order, as the author reads the brief (the sort is stable).
    problems.items.sort(key=lambda p: (p.location.line or 0, p.location.column or 0) if p.location else (0, 0))
    problems.raise_if_errors()
    if outline is None:  # every path to None records an error; this guards that promise
        raise BriefdeckError(Problem("the brief could not be read", composed.root.location, code="invalid-brief"))
    return outline
