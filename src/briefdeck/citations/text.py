"""Formatted citation text: a few runs of text, some italic, some linked.

Styles return `Formatted` rather than strings so that each renderer can show
italics and live links its own way (runs in PowerPoint, <i>/<a> in HTML)
while every renderer shows the same words.
"""

from __future__ import annotations

import html
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    text: str
    italic: bool = False
    url: str | None = None  # the span is a live link to this URL


Formatted = tuple[Span, ...]


def plain(formatted: Formatted) -> str:
    """The words alone, as a test or a plain-text notes field shows them."""
    return "".join(span.text for span in formatted)


def to_html(formatted: Formatted) -> str:
    """Escaped HTML: italics as <i>, links as <a href>."""
    out = []
    for span in formatted:
        text = html.escape(span.text, quote=False)
        if span.italic:
            text = f"<i>{text}</i>"
        if span.url:
            text = f'<a href="{html.escape(span.url, quote=True)}">{text}</a>'
        out.append(text)
    return "".join(out)
