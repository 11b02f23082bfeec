"""Typographic conventions shared by the citation styles.

Records are typed by people, so they carry straight quotes, hyphens in page
ranges and stray whitespace. Styles print curly quotes and en dashes; this
module is the one place that converts them.
"""

from __future__ import annotations

import re

_OPENING_CONTEXT = " \t\n([{<“‘—–-/"  # a quote after one of these opens


def fold_whitespace(text: str) -> str:
    """Runs of whitespace (and line breaks) become one space; ends are trimmed."""
    return " ".join(text.split())


def curly(text: str) -> str:
    """Straight quotes and apostrophes turned typographic by context.

    A quote at the start or after a space or opening bracket opens (“ ‘); any
    other closes (” ’), which is also the apostrophe ("People's" → "People’s").
    A single quote before a digit after a space is an elision ('90s → ’90s).
    """
    if '"' not in text and "'" not in text:  # most text: nothing to turn, and this runs on every record field
        return text
    out: list[str] = []
    for i, char in enumerate(text):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if char == '"':
            out.append("“" if before in _OPENING_CONTEXT else "”")
        elif char == "'":
            opens = before in _OPENING_CONTEXT and not after.isdigit() and not after.isspace()
            out.append("‘" if opens else "’")
        else:
            out.append(char)
    return "".join(out)


def nest_quotes(text: str) -> str:
    """Double quotation marks inside a quoted title become single ones.

    Chicago and APA: “The So-Called ‘X’ Problem”. Existing single quotes are
    left alone: they cannot be told apart from apostrophes.
    """
    return text.replace("“", "‘").replace("”", "’")


def en_dash_ranges(pages: str) -> str:
    """Hyphens in a page range ("45-67", "45 - 67") become an en dash ("45–67")."""
    return re.sub(r"\s*[-‐‑‒–]+\s*", "–", pages)


def ends_sentence(text: str) -> bool:
    """True when the text already ends in a mark that makes a following period redundant."""
    stripped = text.rstrip("”’")
    return stripped.endswith((".", "?", "!"))



def quoted(text: str) -> str:
    """``text`` in curly quotation marks, unless it already has them."""
    text = text.strip()
    if text[:1] in "“\"‘'" and text[-1:] in "”\"’'":
        return text
    return f"\u201c{text}\u201d"
