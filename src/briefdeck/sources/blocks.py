"""Cutting a captured document into blocks and saying what each block is.

A block is a run of non-blank lines. Captures of web pages carry navigation,
subscribe boxes and footers around the article; those lines are boilerplate
and never become paragraphs. Before the first body paragraph, short lines are
the masthead, the title and the byline; after it, a short line with no closing
punctuation is a heading. A closing "<Author> is a …" note is the author's
note, not a body paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefdeck.sources.capture import Line, clean_group, running_lines, vocabulary_of
from briefdeck.sources.text import LINE_BREAK, Folded, fold, fold_lines, has_text

# Lines a site wraps around every article. Matched against a whole line, case-insensitively.
BOILERPLATE = [re.compile(p, re.IGNORECASE) for p in (
    r"search( all)? site content",
    r"total index: [\d,]+ publications\.?",
    r"subscribe( to our (mailing list|newsletter))?!?",
    r"sign up for our (mailing list|newsletter).*",
    r"return to (the )?.{1,60}",
    r"stay informed",
    r"register to receive updates.*",
    r"(picture|photo|image) courtesy of .*",
    r"(share|print|email) this( (page|article))?",
    r"(skip to (main )?content|main menu|menu|back to top)",
    r"(copyright|©) .*",
    r"all rights reserved\.?",
)]

PUBLISHED = re.compile(r"(?:published|posted|released|date)[:\s]+(?P<date>.+)", re.IGNORECASE)
AUTHOR_LINE = re.compile(r"(?:author|authors|written by)[:\s]+(?P<name>.+)", re.IGNORECASE)
BY_LINE = re.compile(r"by\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})", re.IGNORECASE)

_HEADING_MAX_CHARS = 120
_HEADING_MAX_WORDS = 14


@dataclass(frozen=True)
class Block:
    """A run of non-blank lines: its folded text, its span in the original, and the blank lines before it."""

    folded: Folded
    start: int
    end: int
    blank_lines_before: int
    line_count: int
    item: bool = False  # a bullet or numbered item: always a paragraph of its own

    @property
    def text(self) -> str:
        return self.folded.text


@dataclass(frozen=True)
class Classified:
    kind: str  # "boilerplate" | "masthead" | "title" | "byline" | "heading" | "body" | "author-note"
    block: Block


def split_blocks(original: str) -> list[Block]:
    """Blocks of ``original`` separated by blank lines (lines of only whitespace or controls).

    Page furniture captured from a PDF (running headers, page numbers) is left
    out, a paragraph it interrupts goes on, and upper-case heading lines and
    bullet items become blocks of their own (see `briefdeck.sources.capture`).
    """
    lines = _lines(original)
    furniture = running_lines([original[s:e] for s, e in lines])
    groups: list[tuple[list[tuple[int, int]], int]] = []
    blanks, current, after_furniture = 0, [], False
    for i, (start, end) in enumerate(lines):
        if i in furniture:
            after_furniture = True
        elif has_text(original, start, end):
            if not current and after_furniture and groups and _goes_on(original, groups[-1][0][-1], start):
                current, blanks = groups.pop()
            current.append((start, end))
            after_furniture = False
        else:
            if current:
                groups.append((current, blanks))
                current, blanks = [], 0
            blanks += 0 if after_furniture else 1
    if current:
        groups.append((current, blanks))
    vocabulary = vocabulary_of(original) if "-\n" in original or "\u00ad" in original else frozenset()
    return [block for spans, gap in groups for block in _group_blocks(original, spans, gap, vocabulary)]


def _goes_on(original: str, last: tuple[int, int], start: int) -> bool:
    """Whether a line after a page break continues the paragraph before it: no closing mark, lower case next."""
    before = original[last[0]:last[1]].rstrip()
    after = original[start:start + 80].lstrip()
    return bool(before) and bool(after) and (before.endswith("-") or (
        before[-1] not in ".!?:;\"”’)" and after[0].islower()))


def _group_blocks(original: str, spans: list[tuple[int, int]], blanks: int,
                  vocabulary: frozenset[str]) -> list[Block]:
    out: list[Block] = []
    current: list[Line] = []
    for line in clean_group(original, spans, vocabulary) + [Line(0, 0, None)]:
        if line.joined is None and current:
            segments = [(c.start, c.end, c.joined or "") for c in current]
            out.append(Block(fold_lines(original, segments), current[0].start, current[-1].end,
                             blanks if not out else 0, len(current), current[0].item))
            current = []
        current.append(line)
    return out


def _lines(original: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for match in LINE_BREAK.finditer(original):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(original)))
    return spans


def is_boilerplate(line: str) -> bool:
    return any(p.fullmatch(line.strip()) for p in BOILERPLATE)


def is_byline(line: str) -> bool:
    line = line.strip()
    return bool(PUBLISHED.fullmatch(line) and _has_year(line)) or bool(AUTHOR_LINE.fullmatch(line)) \
        or bool(BY_LINE.fullmatch(line))


def _has_year(text: str) -> bool:
    return re.search(r"\b(1[89]|20)\d\d\b", text) is not None


def is_heading_like(text: str) -> bool:
    """A short single line without closing punctuation, starting with a capital."""
    words = text.split()
    return (0 < len(text) <= _HEADING_MAX_CHARS and len(words) <= _HEADING_MAX_WORDS
            and text[0].isupper() and text[-1] not in ".!?:;,”\"'’")


def classify(original: str, blocks: list[Block]) -> list[Classified]:
    """Say what each block is. Boilerplate is judged line by line within a block."""
    out: list[Classified] = []
    for block in blocks:
        if all(is_boilerplate(line) for line in block_lines(original, block) if line):
            out.append(Classified("boilerplate", block))
        else:
            out.append(Classified("", block))

    first_body = next((i for i, c in enumerate(out) if c.kind == "" and not _pre_body_line(original, c.block)), None)
    result: list[Classified] = []
    for i, c in enumerate(out):
        if c.kind == "boilerplate":
            result.append(c)
        elif first_body is None or i < first_body:
            result.append(Classified("byline" if _all_byline(original, c.block) else "masthead", c.block))
        elif is_heading_like(c.block.text) and c.block.line_count == 1 and not c.block.item:
            result.append(Classified("heading", c.block))
        else:
            result.append(Classified("body", c.block))
    _mark_title(result)
    _mark_author_note(original, result)
    return result


def _pre_body_line(original: str, block: Block) -> bool:
    return not block.item and is_heading_like(block.text) or _all_byline(original, block)


def _all_byline(original: str, block: Block) -> bool:
    return all(is_byline(line) for line in block_lines(original, block) if line)


def block_lines(original: str, block: Block) -> list[str]:
    """The folded text of each line of a block."""
    if block.line_count == 1:
        return [block.text]
    return [fold(original, block.start + s, block.start + e).text
            for s, e in _lines(original[block.start:block.end])]


def _mark_title(result: list[Classified]) -> None:
    """The title is the masthead line just before the byline, or else the first masthead line."""
    mastheads = [i for i, c in enumerate(result) if c.kind == "masthead"]
    if not mastheads:
        return
    bylines = [i for i, c in enumerate(result) if c.kind == "byline"]
    before_byline = [i for i in mastheads if bylines and i < bylines[0]]
    title_at = before_byline[-1] if before_byline else mastheads[0]
    result[title_at] = Classified("title", result[title_at].block)


def byline_names(original: str, result: list[Classified]) -> list[str]:
    """Author names stated by the byline lines ("Author: …", "By …")."""
    names = []
    for c in result:
        if c.kind != "byline":
            continue
        for line in block_lines(original, c.block):
            match = AUTHOR_LINE.fullmatch(line) or BY_LINE.fullmatch(line)
            if match:
                names.append(match.group("name").strip())
    return names


def _mark_author_note(original: str, result: list[Classified]) -> None:
    """A last body block that opens "<byline author> is …" describes the author."""
    bodies = [i for i, c in enumerate(result) if c.kind == "body"]
    if len(bodies) < 2:
        return
    last = result[bodies[-1]].block
    if any(last.text.startswith(f"{name} is ") for name in byline_names(original, result)):
        result[bodies[-1]] = Classified("author-note", last)
