"""From the measured lines of a PDF to its headings and paragraphs, each with its page.

Page furniture is what stands in the top or bottom margin on many pages (digits
aside: "212   TRAFFICKING IN PERSONS REPORT 2030" and "213 …" are one running
header), or a bare page number there. Two-column pages are read column by
column: lines entirely left or right of the middle belong to a column, and a
line across the middle (a title over both columns) closes the columns above it.
A paragraph ends at a wider gap than the line pitch, an indented first line,
a heading or a list item; at a column or page break it goes on when its last
line is full or does not close a sentence. A line-end hyphen is dropped only
when the joined word is a word (see `briefdeck.sources.capture.is_word`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from briefdeck.sources.capture import is_upper_heading, is_word
from briefdeck.sources.pdf_lines import PdfLine, PdfPages

_MARGIN_SHARE = 0.12  # the top and bottom eighth of a page hold running headers and footers
_RUNNING_SHARE = 0.4  # on at least this share of pages (two at least)
_PAGE_NUMBER = re.compile(r"(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,7})(?:\s+(?:of|/)\s+\d{1,4})?", re.IGNORECASE)
_MARKER = re.compile(r"[•●▪◦‣■□➢➤∙·*–-]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]")
_INLINE_BULLET = re.compile(r"[•●▪◦‣■□➢➤∙]\s*")
_HYPHENS = ("-", "\u2010", "\u00ad")
_CLOSES = (".", "!", "?", ":", ";", "”", "\"", "’", ")")
_HEAD = re.compile(r"([A-Za-z]+)[-\u2010\u00ad]$")
_TAIL = re.compile(r"[a-z]+")
_WORDS = re.compile(r"[A-Za-z]+")
_LONGEST_WORD = 64  # looking further back for the word before a line-end hyphen is never needed


@dataclass
class _Paragraph:
    kind: str  # "heading" | "body" | "item"
    lines: list[PdfLine] = field(default_factory=list)
    text: str = ""
    breaks: list[tuple[int, str]] = field(default_factory=list)  # (offset in text, page label) of each page


def layout_blocks(pages: PdfPages) -> list[tuple[str, str, tuple[tuple[int, str], ...]]]:
    """``(kind, text, page breaks)`` of each heading, paragraph and list item, in reading order.

    The page breaks are ``(offset in text, page label)`` where each of its pages begins (the first at 0).
    """
    furniture = _furniture(pages)
    body = [line for line in pages.lines if id(line) not in furniture]
    markers, body = _attach_markers(body)
    ordered = [line for page in _by_page(body, len(pages.sizes)) for line in _reading_order(page, pages)]
    if not ordered:
        return []
    size, weight = _most_used(ordered, "size"), _most_used(ordered, "weight")
    pitch = _line_pitch(ordered, size)
    vocabulary = _Vocabulary(ordered)
    columns = {id(line): _column(line, pages.sizes[line.page][0]) for line in ordered}
    right_edges = _column_right_edges(ordered, columns)
    paragraphs: list[_Paragraph] = []
    for line in ordered:
        heading = _is_heading(line, size, weight)
        kind = "heading" if heading else "item" if id(line) in markers else "body"
        current = paragraphs[-1] if paragraphs else None
        if current is None or not _goes_on(current, line, kind, pitch, (columns, right_edges)):
            bullet = _INLINE_BULLET.match(line.text) if kind == "body" else None  # "• Screen migrant workers…"
            text = line.text[bullet.end():] if bullet else line.text
            paragraphs.append(_Paragraph("item" if bullet else kind, [line], text, [(0, pages.labels[line.page])]))
            continue
        current.text = _join(current.text, line.text, vocabulary)
        if line.page != current.lines[-1].page:
            current.breaks.append((len(current.text) - len(line.text), pages.labels[line.page]))
        current.lines.append(line)
    _mark_title(paragraphs)
    return [(p.kind, p.text, tuple(p.breaks)) for p in paragraphs]


def _most_used(lines: list[PdfLine], attribute: str):
    """The body text's font size or weight: the one most characters are set in."""
    chars: Counter = Counter()
    for line in lines:
        chars[getattr(line, attribute)] += len(line.text)
    return chars.most_common(1)[0][0]


class _Vocabulary:
    """The words the document spells whole (not the pieces of words hyphenated at line ends), gathered
    the first time a line-end hyphen asks: most pages have none."""

    def __init__(self, lines: list[PdfLine]) -> None:
        self._lines: list[PdfLine] | None = lines
        self._words: set[str] = set()

    def __contains__(self, word: str) -> bool:
        if self._lines is not None:
            after_hyphen = False
            for line in self._lines:
                found = _WORDS.findall(line.text)
                if after_hyphen and found:
                    found = found[1:]
                after_hyphen = line.text.endswith(_HYPHENS)
                if after_hyphen and found:
                    found = found[:-1]
                self._words.update(w.lower() for w in found)
            self._lines = None
        return word in self._words


def _mark_title(paragraphs: list[_Paragraph]) -> None:
    """A first heading above all text, in the largest type of its page, is the document's title."""
    first = paragraphs[0]
    sizes = [line.size for p in paragraphs for line in p.lines if line.page == first.lines[0].page]
    if first.kind == "heading" and first.lines[0].size >= max(sizes):
        first.kind = "title"


def _furniture(pages: PdfPages) -> set[int]:
    """Lines in the margins that repeat on many pages, and page numbers there."""
    def zone(line: PdfLine) -> str | None:
        height = pages.sizes[line.page][1]
        if line.y > height * (1 - _MARGIN_SHARE):
            return "top"
        if line.top < height * _MARGIN_SHARE:
            return "bottom"
        return None

    shapes: dict[tuple[str, str], set[int]] = {}
    zoned = [(line, zone(line)) for line in pages.lines]
    for line, where in zoned:
        if where:
            shapes.setdefault((where, _shape(line.text)), set()).add(line.page)
    needed = max(2, _RUNNING_SHARE * len(pages.sizes))
    return {id(line) for line, where in zoned if where and (
        len(shapes[(where, _shape(line.text))]) >= needed or _PAGE_NUMBER.fullmatch(line.text)
        or line.text == pages.labels[line.page])}


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()))


def _attach_markers(lines: list[PdfLine]) -> tuple[set[int], list[PdfLine]]:
    """List markers set apart from their items ("•", "1."): the line just right of each starts an item."""
    marks = [line for line in lines if len(line.text) <= 5 and _MARKER.fullmatch(line.text)]
    if not marks:
        return set(), lines
    items, rest = set(), [line for line in lines if not (len(line.text) <= 5 and _MARKER.fullmatch(line.text))]
    by_page: dict[int, list[PdfLine]] = {}
    for line in rest:
        by_page.setdefault(line.page, []).append(line)
    for mark in marks:
        beside = [line for line in by_page.get(mark.page, ())
                  if abs(line.y - mark.y) < 0.5 * mark.size and 0 <= line.x0 - mark.x1 < 4 * mark.size]
        if beside:
            items.add(id(min(beside, key=lambda line: line.x0)))
    return items, rest


def _by_page(lines: list[PdfLine], count: int) -> list[list[PdfLine]]:
    pages: list[list[PdfLine]] = [[] for _ in range(count)]
    for line in lines:
        pages[line.page].append(line)
    return pages


def _column(line: PdfLine, width: float) -> int:
    """0 left, 1 right, -1 across the middle."""
    middle = width / 2
    if line.x1 <= middle + 2:
        return 0
    if line.x0 >= middle - 2:
        return 1
    return -1


def _reading_order(lines: list[PdfLine], pages: PdfPages) -> list[PdfLine]:
    if not lines:
        return []
    width = pages.sizes[lines[0].page][0]
    out: list[PdfLine] = []
    band: list[PdfLine] = []
    for line in sorted(lines, key=lambda line: (-round(line.y, 1), line.x0)):
        if _column(line, width) == -1:
            out.extend(sorted(band, key=lambda b: _column(b, width)))  # stable: top to bottom within each
            out.append(line)
            band = []
        else:
            band.append(line)
    out.extend(sorted(band, key=lambda b: _column(b, width)))
    return out


def _line_pitch(lines: list[PdfLine], size: float) -> float:
    steps = [a.y - b.y for a, b in zip(lines, lines[1:])
             if a.page == b.page and a.size == b.size == size and 0 < a.y - b.y < 3 * size]
    return median(steps) if steps else 1.2 * size


def _column_right_edges(lines: list[PdfLine], columns: dict[int, int]) -> dict[tuple[int, int], float]:
    """The right edge of each column of each page (its longest line's end)."""
    edges: dict[tuple[int, int], float] = {}
    for line in lines:
        key = (line.page, columns[id(line)])
        edges[key] = max(edges.get(key, 0.0), line.x1)
    return edges


def _is_heading(line: PdfLine, size: float, weight: int) -> bool:
    short = len(line.text) <= 120 and not line.text.endswith((".", ",", ";"))
    return short and (line.size >= size * 1.15 or (line.weight >= 600 > weight)
                      or (is_upper_heading(line.text) and line.size >= size))


def _goes_on(current: _Paragraph, line: PdfLine, kind: str, pitch: float,
             geometry: tuple[dict[int, int], dict[tuple[int, int], float]]) -> bool:
    """Whether ``line`` continues the paragraph (or heading) ``current``."""
    last = current.lines[-1]
    if kind == "heading" or current.kind == "heading":
        return kind == current.kind == "heading" and line.page == last.page and line.size == last.size \
            and 0 < last.y - line.y < 2 * line.size
    if kind == "item":
        return False
    columns, right_edges = geometry
    same_column = line.page == last.page and line.y < last.y and columns[id(line)] == columns[id(last)]
    if same_column:
        if last.y - line.y > pitch * 1.3:
            return False
        if current.kind == "item":
            return line.x0 > last.x0 - 0.8 * line.size  # a line back at the margin has left the list
        return line.x0 <= last.x0 + 0.8 * line.size  # an indented line starts a paragraph
    # A column or page break: the paragraph goes on unless its last line closes it short of the edge.
    edge = right_edges[(last.page, columns[id(last)])]
    full = last.x1 >= edge - 1.5 * last.size
    return full or not last.text.endswith(_CLOSES) or line.text[:1].islower()


def _join(text: str, tail_line: str, vocabulary: _Vocabulary) -> str:
    """Two lines of one paragraph as one text: a line-end hyphen is dropped only inside a word."""
    head = _HEAD.search(text, max(0, len(text) - _LONGEST_WORD)) if text.endswith(_HYPHENS) else None
    if not head or not tail_line[:1].isalnum():
        return f"{text} {tail_line}"
    tail = _TAIL.match(tail_line)
    if tail and (text.endswith("\u00ad") or is_word((head.group(1) + tail.group()).lower(), tail.group(), vocabulary)):
        return text[:-1] + tail_line
    return text[:-1] + "-" + tail_line  # "Korean-Chinese", "state-sponsored", "2010-2015"
