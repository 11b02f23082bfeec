"""Assembling a citation from pieces, with punctuation placed the American way.

Every style builds its notes and entries with `Line` and `join`, so the rules
that cross element boundaries live here once: a comma or period that follows a
quoted title goes inside the closing quotation marks (“Title,”), and a period
is not added after text that already ends in a period, question mark or
exclamation point ("King, Robert R." + "." stays "King, Robert R.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Union

from briefdeck.citations.text import Formatted, Span
from briefdeck.citations.typography import ends_sentence, nest_quotes


_CLOSING_QUOTES = re.compile(r"’?”$")  # compiled once: every piece of every note is searched


@dataclass
class _Piece:
    text: str
    italic: bool = False
    url: str | None = None
    closers: str = ""  # closing quotation marks; a comma or period goes before them


class Line:
    """A citation being assembled: runs of text, some italic, some quoted, some linked."""

    def __init__(self, text: str = "", *, italic: bool = False) -> None:
        self._pieces: list[_Piece] = []
        self.text(text, italic=italic)

    def text(self, text: str, *, italic: bool = False) -> "Line":
        """Add words as they are (roman, or italic for the title of a whole work).

        Roman text that ends with a quotation (an APA title: Beyond “Example”)
        keeps a following comma or period inside its closing quotes.
        """
        if text:
            closing = _CLOSING_QUOTES.search(text) if not italic else None
            closers = closing.group() if closing else ""
            self._pieces.append(_Piece(text[:len(text) - len(closers)], italic=italic, closers=closers))
        return self

    def quoted(self, title: str) -> "Line":
        """Add a title in curly double quotes; quotes inside it become single ones."""
        if not title:
            return self
        inner = nest_quotes(title)
        closers = "”"
        if title.endswith("”"):  # the title ends with a quotation: ‘X’ then ”
            inner, closers = inner[:-1], "’”"
        self._pieces.append(_Piece("“" + inner, closers=closers))
        return self

    def link(self, url: str) -> "Line":
        """Add a URL as a live link whose text is the URL itself, unchanged."""
        if url:
            self._pieces.append(_Piece(url, url=url))
        return self

    def append(self, other: "Line") -> "Line":
        """Add another line's pieces after this one's."""
        self._pieces.extend(_Piece(p.text, p.italic, p.url, p.closers) for p in other._pieces)
        return self

    def punct(self, mark: str) -> "Line":
        """Add punctuation after what is there, inside closing quotes for , and ."""
        if not self._pieces:
            return self
        last = self._pieces[-1]
        if mark == "." and last.url is None and ends_sentence(last.text):
            return self
        if mark in ",." and last.closers:
            last.text += mark
            return self
        self._pieces.append(_Piece(mark))
        return self

    def __bool__(self) -> bool:
        return any(p.text or p.closers for p in self._pieces)

    def spans(self) -> Formatted:
        """The finished text: neighbouring pieces with the same formatting merged."""
        return concat(tuple(Span(p.text + p.closers, p.italic, p.url) for p in self._pieces))


def concat(*parts: Formatted) -> Formatted:
    """Formatted texts one after another, neighbouring spans of the same kind merged.

    Links are never merged: each URL stays one span whose text is the URL.
    """
    spans: list[Span] = []
    for span in (s for part in parts for s in part if s.text):
        last = spans[-1] if spans else None
        if last and last.url is None and span.url is None and last.italic == span.italic:
            spans[-1] = Span(last.text + span.text, span.italic)
        else:
            spans.append(span)
    return tuple(spans)


Part = Union[Line, str, None]


def join(parts: Iterable[Part], separator: str) -> Line:
    """The non-empty parts in order, separated by ", ", ". ", ": " or " ".

    A separator's mark goes through `Line.punct`, so it lands inside a quoted
    title and is not doubled after an abbreviation. A plain string part is
    roman text.
    """
    mark = separator.strip()
    line = Line()
    started = False  # whether a part is in (`bool(line)`, without looking at every piece again)
    for part in parts:
        if isinstance(part, str):
            part = Line(part)
        if not part:
            continue
        if started:
            if mark:
                line.punct(mark)
            line.text(separator[len(separator.rstrip()):] if mark else separator)
        line.append(part)
        started = True
    return line


def sentence(parts: Iterable[Part], separator: str = ", ") -> Formatted:
    """The parts joined and closed with a period: a note or an entry, finished."""
    return join(parts, separator).punct(".").spans()
