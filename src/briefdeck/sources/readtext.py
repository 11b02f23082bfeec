"""What a reader gives back: the document as text, and for laid-out documents its blocks.

A plain-text reader returns only text; the shared cutting into blocks finds
paragraphs and headings in it. Readers of PDF, HTML and Word files know the
structure already (a heading style, a list item, the page a paragraph is on)
and say so in ``blocks``, each pointing into ``text``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Mapping


@dataclass(frozen=True)
class ReadBlock:
    kind: str  # "title" | "heading" | "body" | "item"
    start: int  # span in the reader's text
    end: int


@dataclass(frozen=True)
class ReadText:
    """The document's text, what reading noticed, and what the document says about itself."""

    text: str
    warnings: tuple[str, ...] = ()
    blocks: tuple[ReadBlock, ...] | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)  # CSL-JSON fields the file states
    pages: tuple[tuple[int, str], ...] = ()  # (offset in text, page label) where each page's text begins

    def page_at(self, offset: int) -> str | None:
        """The label of the page that ``offset`` of the text stands on; None for an unpaginated document."""
        at = bisect_right(self.pages, offset, key=lambda p: p[0]) - 1
        return self.pages[at][1] if at >= 0 else None


def joined_blocks(parts: list[tuple[str, str]], breaks: list[tuple[tuple[int, str], ...]] | None = None,
                  ) -> tuple[str, tuple[ReadBlock, ...], tuple[tuple[int, str], ...]]:
    """One text from ``(kind, text)`` parts, a blank line between each, the blocks pointing into it, and
    the pages: ``breaks`` gives each part's ``(offset in its text, page label)`` where a page begins."""
    pieces, blocks, pages, pos = [], [], [], 0
    for n, (kind, text) in enumerate(parts):
        if not text.strip():
            continue
        if pieces:
            pieces.append("\n\n")
            pos += 2
        blocks.append(ReadBlock(kind, pos, pos + len(text)))
        pages.extend((pos + offset, label) for offset, label in (breaks[n] if breaks else ())
                     if not pages or pages[-1][1] != label)
        pieces.append(text)
        pos += len(text)
    return "".join(pieces), tuple(blocks), tuple(pages)
