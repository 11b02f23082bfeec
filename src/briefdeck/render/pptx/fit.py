"""Fitting text into boxes: wrap to a width, measure, shrink, paginate, split.

Pure functions over plain data (no python-pptx): a `Para` is a paragraph as it
will be written, with its size and exact line pitch; `wrap` breaks it into
lines the way PowerPoint and LibreOffice do, measured with the shipped
metrics (`metrics.py`). Every paragraph is written with an exact line spacing
(``a:lnSpc/a:spcPts``) equal to `Para.pitch`, so the height measured here is
the height drawn, whatever font the viewer substitutes.

Line breaking is conservative: lines break only at spaces (or inside a word
longer than the line), superscript markers are measured at full size, a
change between East Asian and Latin script costs `AUTOSPACE`, and only
`WIDTH_SAFETY` of the box width is used. A renderer that may also break
after hyphens or between Hangul syllables, kerns, or draws markers smaller,
can only fit more on a line than measured here, never less.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Sequence

from briefdeck.render.pptx.clean import EAST_ASIAN_RUN, is_east_asian
from briefdeck.render.pptx.metrics import FontMetrics

WIDTH_SAFETY = 0.97  # the share of a line's width that text may fill
# LibreOffice adds space where East Asian and Latin text meet (PowerPoint does not):
# allow a quarter em for each such change of script on a line.
AUTOSPACE = 0.25


@dataclass(frozen=True)
class Run:
    """A stretch of text with one look. ``\\n`` in ``text`` is a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    superscript: bool = False  # a footnote marker
    url: str | None = None  # a live link
    colour: str | None = None  # hex RGB; None: the paragraph's colour

    def with_text(self, text: str) -> "Run":
        """The same look with other words (faster than dataclasses.replace, which wrapping calls a lot)."""
        return Run(text, self.bold, self.italic, self.superscript, self.url, self.colour)


@dataclass(frozen=True)
class Para:
    """A paragraph as written: runs, size (pt) and exact line pitch (pt).

    ``space_before`` applies only when the paragraph is not the first in its
    box (the writer omits it there too). ``indent`` is the left margin of the
    text; a ``bullet`` ("•", or "1." for automatic numbering) hangs in it.
    """

    runs: tuple[Run, ...]
    size: float
    pitch: float
    space_before: float = 0.0
    indent: float = 0.0
    bullet: str | None = None
    align: str = "l"  # l | ctr | r
    colour: str | None = None

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


Line = tuple[Run, ...]


def line_pitch(metrics: FontMetrics, size: float, spacing: float) -> float:
    """The exact line pitch (pt, to 1/100 pt as the file stores it) for ``size``."""
    return round(metrics.line_em * size * spacing, 2)


_TOKEN = re.compile(r"\n| +|[^ \n]+")


class _Atom:
    """An unbreakable stretch (a word, maybe across runs) and the spaces after it.

    Once the runs are read, ``units``/``changes`` hold the word's width in
    font units and its changes of script (`_measured_atoms`), and
    ``space_units``/``space_changes`` those of its spaces: a width at any
    size is then ``units * scale + changes * autospace``, the very sum
    measuring the text gives, so pagination can re-wrap a paragraph at each
    size without measuring its words again.
    """

    __slots__ = ("parts", "spaces", "newline", "units", "changes", "space_units", "space_changes", "first_ea",
                 "last_ea")

    def __init__(self, parts: list[tuple[int, str]], spaces: list[tuple[int, str]], newline: bool = False):
        self.parts = parts
        self.spaces = spaces
        self.newline = newline
        self.units = self.changes = self.space_units = self.space_changes = 0
        self.first_ea = self.last_ea = False  # whether the word starts, ends in East Asian script


def _atoms(runs: Sequence[Run]) -> list[_Atom]:
    atoms: list[_Atom] = []
    open_atom: _Atom | None = None  # the atom a following word would join
    for index, run in enumerate(runs):
        for match in _TOKEN.finditer(run.text):
            token = match.group()
            if token == "\n":
                atoms.append(_Atom([(index, token)], [], newline=True))
                open_atom = None
            elif token[0] == " " and open_atom is not None:
                open_atom.spaces.append((index, token))
            elif open_atom is not None and not open_atom.spaces:
                open_atom.parts.append((index, token))  # a word glued to the last (e.g. a marker)
            else:
                # spaces opening a line take room, so they count as part of a word
                open_atom = _Atom([(index, token)], [])
                atoms.append(open_atom)
    return atoms


@lru_cache(maxsize=20_000)
def _measured_atoms(runs: tuple[Run, ...], metrics: FontMetrics) -> tuple[_Atom, ...]:
    """``runs``' atoms with their widths in font units (cached: a paragraph is wrapped at many sizes)."""
    atoms = _atoms(runs)
    for atom in atoms:
        if not atom.newline:
            atom.units, atom.changes = _units(atom.parts, runs, metrics)
            atom.space_units, atom.space_changes = _units(atom.spaces, runs, metrics)
            first, last = atom.parts[0][1][0], atom.parts[-1][1][-1]
            atom.first_ea = not first.isascii() and is_east_asian(first)
            atom.last_ea = not last.isascii() and is_east_asian(last)
    return tuple(atoms)


def _units(parts: Sequence[tuple[int, str]], runs: Sequence[Run], metrics: FontMetrics) -> tuple[int, int]:
    """The width of ``parts`` in font units, and how often their script changes."""
    if len(parts) == 1:  # most words: one piece of one run
        index, text = parts[0]
        return metrics.text_units(text, bold=runs[index].bold, italic=runs[index].italic), _script_changes(text)
    text = "".join(t for _, t in parts)
    return (sum(metrics.text_units(t, bold=runs[i].bold, italic=runs[i].italic) for i, t in parts),
            _script_changes(text))


def wrap(runs: Sequence[Run], width: float, size: float, metrics: FontMetrics) -> list[Line]:
    """``runs`` broken into lines no wider than ``width`` points at ``size`` points.

    Joining every line's text gives back the runs' text exactly (a line keeps
    the spaces it broke at; a forced break keeps its ``\\n``). There is always
    at least one line.
    """
    return [_merge(runs, parts) for parts in _wrap_parts(tuple(runs), width, size, metrics)]


@lru_cache(maxsize=50_000)
def line_count(runs: tuple[Run, ...], width: float, size: float, metrics: FontMetrics) -> int:
    """How many lines `wrap` makes of ``runs`` (cached: pagination asks again and again)."""
    return len(_wrap_parts(runs, width, size, metrics))


def _wrap_parts(runs: tuple[Run, ...], width: float, size: float,
                metrics: FontMetrics) -> list[list[tuple[int, str]]]:
    scale = size / metrics.units_per_em
    autospace = AUTOSPACE * size
    limit = width + 1e-9
    lines: list[list[tuple[int, str]]] = []
    line: list[tuple[int, str]] = []
    used = pending = 0.0  # width of the line so far; of the spaces after its last word
    last_ea = False  # whether the line so far ends in East Asian script
    for atom in _measured_atoms(runs, metrics):
        if atom.newline:
            lines.append(line + atom.parts)
            line, used, pending = [], 0.0, 0.0
            continue
        parts = atom.parts
        w = plain = atom.units * scale + atom.changes * autospace
        if line and atom.first_ea != last_ea:
            w += autospace
        if line and used + pending + w > limit:
            lines.append(line)
            line, used, pending = [], 0.0, 0.0
            w = plain
        if not line and w > limit:
            *full, parts = _break_word(parts, width, runs, scale, metrics)
            lines.extend(full)
            units, changes = _units(parts, runs, metrics)
            w = units * scale + changes * autospace
        line.extend(parts + atom.spaces)
        used += pending + w
        pending = atom.space_units * scale + atom.space_changes * autospace
        last_ea = atom.last_ea
    lines.append(line)
    return lines


def _script_changes(text: str) -> int:
    """How often ``text`` switches between East Asian and other script."""
    if not text.isascii():
        runs = EAST_ASIAN_RUN.findall(text)
        if runs:
            joined = sum(len(r) for r in runs)
            edges = 2 * len(runs) - (1 if is_east_asian(text[0]) else 0) - (1 if is_east_asian(text[-1]) else 0)
            return edges if joined < len(text) else 0
    return 0


def _break_word(parts: list[tuple[int, str]], width: float, runs: Sequence[Run], scale: float,
                metrics: FontMetrics) -> list[list[tuple[int, str]]]:
    """A word wider than the line, cut between characters (at least one per line)."""
    chunks: list[list[tuple[int, str]]] = [[]]
    used = 0.0
    for index, text in parts:
        for char in text:
            w = metrics.text_units(char, bold=runs[index].bold, italic=runs[index].italic) * scale
            if chunks[-1] and used + w > width + 1e-9:
                chunks.append([])
                used = 0.0
            chunks[-1].append((index, char))
            used += w
    return chunks


def _merge(runs: Sequence[Run], parts: Sequence[tuple[int, str]]) -> Line:
    groups: list[tuple[int, list[str]]] = []
    for index, text in parts:
        if groups and groups[-1][0] == index:
            groups[-1][1].append(text)
        else:
            groups.append((index, [text]))
    return tuple(runs[index].with_text("".join(texts)) for index, texts in groups)


def text_width(para: Para, box_width: float) -> float:
    """The width lines of ``para`` may fill in a box whose inner width is ``box_width``."""
    return (box_width - para.indent) * WIDTH_SAFETY


def para_lines(para: Para, box_width: float, metrics: FontMetrics) -> list[Line]:
    """``para`` wrapped in a box whose inner width (insets removed) is ``box_width``."""
    return wrap(para.runs, text_width(para, box_width), para.size, metrics)


def paras_height(paras: Sequence[Para], box_width: float, metrics: FontMetrics) -> float:
    """The height (pt) of ``paras`` stacked in one box of inner width ``box_width``."""
    height = 0.0
    for i, para in enumerate(paras):
        if i:
            height += para.space_before
        height += line_count(para.runs, text_width(para, box_width), para.size, metrics) * para.pitch
    return height


def first_fitting(count: int, fits: Callable[[int], bool]) -> int | None:
    """The first of ``range(count)`` for which ``fits`` holds, else None."""
    return next((i for i in range(count) if fits(i)), None)


@dataclass(frozen=True)
class PageSpan:
    """Items ``start:end`` on one page at shrink ``step`` (0: full size).

    ``oversize``: the single item does not fit even at the last step, so the
    caller must split it at line boundaries (`split_para`).
    """

    start: int
    end: int
    step: int
    oversize: bool = False


def paginate(count: int, fits: Callable[[int, int, int], bool], steps: int,
             keep_with_next: Sequence[bool] = (),
             fits_all: Callable[[int], bool] | None = None) -> list[PageSpan]:
    """Items ``0:count`` spread over pages; ``fits(start, end, step)`` says if a page holds them.

    ``fits_all(step)``, when given, decides whether everything fits on a
    single page (that page may have more room than a continued one).

    The rule, in order: everything on one page at the largest size that fits
    (shrinking step by step, ``steps`` at most); else continue over pages at
    full size, each taking as many whole items as fit, never ending a page on
    an item that must stay with the next (then, if the same number of pages
    can hold the items spread evenly, they are); an item that does not fit
    alone at full size gets a page of its own, shrunk as far as it needs; if
    it does not fit even at the last step it is marked ``oversize``.
    """
    if count == 0:
        return [PageSpan(0, 0, 0)]
    fits_all = fits_all or (lambda s: fits(0, count, s))
    step = first_fitting(steps + 1, fits_all)
    if step is not None:
        return [PageSpan(0, count, step)]
    keep = list(keep_with_next) + [False] * count
    pages: list[PageSpan] = []
    start = 0
    while start < count:
        end = start
        while end < count and fits(start, end + 1, 0):
            end += 1
        while end - start > 1 and end < count and keep[end - 1]:
            end -= 1
        if end > start:
            pages.append(PageSpan(start, end, 0))
        else:
            step = first_fitting(steps + 1, lambda s: fits(start, start + 1, s))
            pages.append(PageSpan(start, start + 1, steps if step is None else step, oversize=step is None))
            end = start + 1
        start = end
    return _balanced_spans(pages, count, fits, keep) or pages


def _balanced_spans(pages: list[PageSpan], count: int, fits: Callable[[int, int, int], bool],
                    keep: Sequence[bool]) -> list[PageSpan] | None:
    """The same number of full-size pages with the items spread evenly (3+2+2, not 3+3+1), if they fit."""
    if any(p.step or p.oversize for p in pages) or len(pages) < 2:
        return None
    spans, start = [], 0
    for i in range(len(pages)):
        end = start + count // len(pages) + (1 if i < count % len(pages) else 0)
        if not fits(start, end, 0) or (end < count and keep[end - 1]):
            return None
        spans.append(PageSpan(start, end, 0))
        start = end
    return spans


def split_para(para: Para, box_width: float, metrics: FontMetrics, room: int, last_room: int) -> list[Para]:
    """``para`` cut at line boundaries into as few pieces as fit: ``room`` lines each, the last ``last_room``.

    The last piece has less room because it carries the paragraph's markers
    (they stay at its end), so its footnotes share its page. Lines are spread
    evenly over the pieces, so no page is left with a line or two. The first
    piece keeps the bullet; later pieces continue the text without one, at
    the same indent and with no space before. Both rooms must be at least 1.
    """
    lines = para_lines(para, box_width, metrics)
    counts = _balanced(len(lines), room, last_room)
    pieces: list[Para] = []
    pos = 0
    for count in counts:
        runs = _merge_runs([run for line in lines[pos:pos + count] for run in line])
        pieces.append(replace(para, runs=runs) if not pieces
                      else replace(para, runs=runs, bullet=None, space_before=0.0))
        pos += count
    return pieces


def _balanced(total: int, room: int, last_room: int) -> list[int]:
    """Line counts for the fewest pieces holding ``total`` lines, as even as the rooms allow."""
    if total <= last_room:
        return [total]
    pieces = 1 + math.ceil((total - last_room) / room)
    least_last = max(1, total - (pieces - 1) * room)
    most_last = min(last_room, total - (pieces - 1))
    last = min(max(round(total / pieces), least_last), most_last)
    rest, others = total - last, pieces - 1
    return [rest // others + (1 if i < rest % others else 0) for i in range(others)] + [last]


def _merge_runs(runs: Sequence[Run]) -> tuple[Run, ...]:
    out: list[Run] = []
    for run in runs:
        if out and replace(out[-1], text="") == replace(run, text=""):
            out[-1] = replace(out[-1], text=out[-1].text + run.text)
        else:
            out.append(run)
    return tuple(out)


def lines_in(height: float, pitch: float) -> int:
    """How many lines of ``pitch`` fit in ``height``."""
    return max(0, math.floor(height / pitch + 1e-9))
