"""Speaker notes: what the briefer reads while the slide is up.

The author's notes come first (on the first slide of a continued slide
only); then, for each footnote of the slide as numbered on it, the style's
full citation, the quoted words of the source and the locator, so the
briefer can answer "where does it say that?" without leaving the deck.
"""

from __future__ import annotations

from typing import Sequence

from briefdeck.citations import CitationStyle
from briefdeck.citations.text import plain
from briefdeck.deck.model import Footnote
from briefdeck.render.pptx.clean import clean_text, one_line


def speaker_notes(author_notes: str, footnotes: Sequence[tuple[int, Footnote]],
                  style: CitationStyle | None) -> tuple[str, ...]:
    """The notes' paragraphs: the author's, then each (number, footnote)'s evidence."""
    lines: list[str] = []
    if author_notes.strip():
        lines += clean_text(author_notes).strip().split("\n")
    for number, footnote in footnotes:
        citation = footnote.citation
        if lines:
            lines.append("")
        lines.append(f"[{number}] {one_line(plain(style.full_note(citation)))}")
        if citation.quoted:
            lines.append(f"Quoted: {quoted(one_line(citation.quoted))}")
        lines.append(f"Locator: {citation.locator}")
    return tuple(lines)


def quoted(text: str) -> str:
    """``text`` in curly quotation marks, unless it already has them."""
    text = text.strip()
    if text[:1] in "“\"‘'" and text[-1:] in "”\"’'":
        return text
    return f"\u201c{text}\u201d"
