"""What a reader gives back: the document as text, and for laid-out documents its blocks.

A plain-text reader returns only text; the shared cutting into blocks finds
paragraphs and headings in it. Readers of PDF, HTML and Word files know the
structure already (a heading style, a list item, the page a paragraph is on)
and say so in ``blocks``, each pointing into ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping


@dataclass(frozen=True)
class ReadBlock:
    kind: str  # "title" | "heading" | "body" | "item"
    start: int  # span in the reader's text
    end: int
    page: str | None = None  # the page label it starts on, for paginated documents


@dataclass(frozen=True)
class ReadText:
    """The document's text, what reading noticed, and what the document says about itself."""

    text: str
    warnings: tuple[str, ...] = ()
    blocks: tuple[ReadBlock, ...] | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)  # CSL-JSON fields the file states


def joined_blocks(parts: list[tuple[str, str, str | None]]) -> tuple[str, tuple[ReadBlock, ...]]:
    """One text from ``(kind, text, page)`` parts, a blank line between each, and the blocks pointing into it."""
    pieces, blocks, pos = [], [], 0
    for kind, text, page in parts:
        text = " ".join(text.split())
        if not text:
            continue
        if pieces:
            pieces.append("\n\n")
            pos += 2
        blocks.append(ReadBlock(kind, pos, pos + len(text), page))
        pieces.append(text)
        pos += len(text)
    return "".join(pieces), tuple(blocks)
