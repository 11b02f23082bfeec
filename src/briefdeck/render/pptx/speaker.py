"""Speaker notes: what the briefer reads while the slide is up.

The author's notes come first (on the first page of a continued slide
only); then each footnote the page carries, as `briefdeck.deck.notes` words
it (full note, the quoted words of the source, the locator), so the briefer
can answer "where does it say that?" without leaving the deck.
"""

from __future__ import annotations

from typing import Iterable

from briefdeck.deck.model import Footnote
from briefdeck.deck.notes import speaker_entry
from briefdeck.render.pptx.clean import clean_text, one_line


def speaker_notes(author_notes: str, footnotes: Iterable[Footnote] = ()) -> tuple[str, ...]:
    """The notes' paragraphs: the author's, then each footnote's evidence."""
    lines: list[str] = []
    if author_notes.strip():
        lines += clean_text(author_notes).strip().split("\n")
    for footnote in footnotes:
        if lines:
            lines.append("")
        lines += [one_line(line) for line in speaker_entry(footnote)]
    return tuple(lines)
