"""What the preview shows beside the slides: where each problem belongs, and each note's evidence.

Problems carry the brief's line; a slide of the brief spans the lines from
its own to the next slide's, so a problem belongs to the deck slide made
from that span, and to every page of it. A footnote's panel shows the cited
paragraph with the cited words marked, its locator, section, page (when the
reader knows it) and speaker, and the checks the point's evidence passed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from html import escape
from typing import Sequence

from briefdeck.deck.model import Deck, Footnote
from briefdeck.errors import Problem
from briefdeck.findings.index import FindingsIndex
from briefdeck.outline.model import Outline
from briefdeck.render.pptx.flow import continued_title
from briefdeck.render.pptx.pages import Page
from briefdeck.sources.locators import parse_locator

# Deck slides made from no slide of the brief.
_MADE = ("title", "content-note", "sources")


def slides_by_line(outline: Outline, deck: Deck) -> tuple[list[int], list[int | None]]:
    """The first line of each brief slide, and the deck slide each became (None: not in this deck).

    Brief slides shown to the audience become deck slides in order, except
    one left empty by the audience's choices (its title then does not match).
    """
    made = [i for i, s in enumerate(deck.slides) if s.kind not in _MADE]
    lines, targets, cursor = [], [], 0
    for spec in outline.slides:
        lines.append(spec.location.line or 0)
        target = None
        if spec.shown_to(deck.audience.key) and cursor < len(made):
            title = spec.title_for(deck.audience.key) or ""
            if deck.slides[made[cursor]].title == title:
                target, cursor = made[cursor], cursor + 1
        targets.append(target)
    return lines, targets


def slide_of_problem(problem: Problem, lines: list[int], targets: list[int | None]) -> int | None:
    """The deck slide a problem belongs to, or None (a problem of the whole brief, or another audience's)."""
    line = problem.location.line if problem.location is not None else None
    if line is None or not lines or line < lines[0]:
        return None
    return targets[bisect_right(lines, line) - 1]


def pages_by_slide(deck: Deck, pages: Sequence[Page]) -> list[int | None]:
    """For each page, the deck slide it shows: a slide's first page, then its continuations.

    Continuations are titled as the planner titles them (`continued_title`: "(cont.)", "(cont. 2)"…).
    """
    owners: list[int | None] = [None] * len(pages)
    shown = [i for i, s in enumerate(deck.slides) if s.kind != "sources"]
    at = 0
    for slide in shown:
        if at >= len(pages):
            break
        owners[at] = slide
        title = pages[at].title
        at += 1
        k = 1
        while at < len(pages) and pages[at].title == continued_title(title, k):
            owners[at] = slide
            at, k = at + 1, k + 1
    return owners


def about_locator(problems: Sequence[Problem], locator: str) -> list[Problem]:
    """The problems whose message names ``locator`` (a number mismatch, a lock warning)."""
    pattern = re.compile(re.escape(locator) + r"(?![\w.])")
    return [p for p in problems if pattern.search(p.message)]


def evidence_panel(footnote: Footnote, index: FindingsIndex, problems: Sequence[Problem], *,
                   brief: str, locked: bool) -> str:
    """The panel of one footnote: each passage it cites, the cited words marked, and its checks.

    A note that merges neighbouring paragraphs of one work ("pars. 3–4") shows every passage.
    """
    blocks = []
    for c in footnote.cited:
        rows = [("Locator", c.locator), ("Source", c.record.title), ("Section", c.section or ""),
                ("Speaker", c.speaker or "")]
        passage, page = _passage(index, c.locator)
        if page is not None:
            rows.insert(2, ("Page", str(page)))
        table = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows if v)
        text = _marked(passage, c.quoted) if passage else "<p class='whole'>The whole source is cited.</p>"
        blocks.append(f'<table>{table}</table><blockquote class="passage">{text}</blockquote>')
    checks = [("pass", "the cited words are in the source, at this locator")]
    for problem in problems:
        where = f"{brief}:{problem.location.line}: " if problem.location and problem.location.line else ""
        checks.append(("fail" if problem.is_error else "warn", where + problem.message))
    numbers = [p for p in problems if p.code == "number-mismatch"]
    if not numbers:
        checks.append(("pass", "the numbers in the point are stated by its evidence"))
    if not any(p.code.startswith("lock-") for p in problems):
        checks.append(("pass", "unchanged since the evidence lock") if locked
                      else ("none", "no evidence lock yet: 'briefdeck check' writes it"))
    listed = "".join(f'<li class="{k}">{escape(t)}</li>' for k, t in checks)
    return f'<h2>Note {footnote.number}</h2>{"".join(blocks)}<h3>Checks</h3><ul class="checks">{listed}</ul>'


def _passage(index: FindingsIndex, locator: str) -> tuple[str, int | None]:
    """The paragraph a locator is in ("" for a whole source), and its page when the reader knows it."""
    parsed = parse_locator(locator)
    if parsed is None or parsed.paragraph is None:
        return "", None
    paragraph = index.paragraph(parsed.source, parsed.paragraph)
    if paragraph is None:
        return "", None
    return paragraph.text, getattr(paragraph, "page", None)


def _marked(passage: str, quoted: str) -> str:
    """``passage`` escaped, with ``quoted`` in ``<mark>`` where it stands (the whole when it is the passage)."""
    at = passage.find(quoted) if quoted else -1
    if at < 0:
        return f"<p>{escape(passage)}</p>"
    end = at + len(quoted)
    return f"<p>{escape(passage[:at])}<mark>{escape(passage[at:end])}</mark>{escape(passage[end:])}</p>"
