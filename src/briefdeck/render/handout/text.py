"""Text as the handout shows it: cleaned of control characters, escaped, dated.

Everything a user or a source wrote reaches the handout through `clean_text`
(the template environment applies it to every ``{{ value }}``) and through
Jinja's autoescaping, so a source containing ``<script>`` or ``{{ 7*7 }}``
shows those characters and runs nothing.
"""

from __future__ import annotations

import datetime as dt
import re

from markupsafe import Markup

from briefdeck.citations.text import Formatted, Span, to_html
from briefdeck.links import live_link

# C0 controls except tab and newline, DEL, C1 controls, surrogates (in a Python
# str they can only be lone ones) and the non-characters U+FFFE/U+FFFF: none of
# them can be shown, and some make the HTML invalid or the PDF text garbled.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """``text`` without the characters no handout can show (line breaks become ``\\n``)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNPRINTABLE.sub("", text)


def formatted_to_html(formatted: Formatted) -> Markup:
    """A style's formatted citation as safe HTML: cleaned, escaped, only web and mail links live."""
    spans = tuple(
        Span(clean_text(span.text), span.italic, live_link(span.url))
        for span in formatted
    )
    return Markup(to_html(spans))


def date_to_text(date: dt.date | None) -> str | None:
    """The date as a reader sees it: "November 22, 2026"."""
    if date is None:
        return None
    return f"{date:%B} {date.day}, {date.year}"


def date_to_w3c(date: dt.date | None) -> str | None:
    """The date as PDF metadata wants it (W3C date-time), midnight UTC; None when unknown."""
    if date is None:
        return None
    return f"{date.isoformat()}T00:00:00Z"


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a sentence (so points can run on as prose)."""
    return bool(re.search(r"[.!?][\"'”’)]*$", text.strip()))


def split_final_period(text: str) -> tuple[str, str]:
    """``("…", ".")`` when the text ends with a plain period, else ``(text, "")``.

    An author-date citation goes before the sentence's final period:
    "North Korea stayed on Tier 3 in 2017 (U.S. Department of State, 2017)."
    """
    stripped = text.rstrip()
    if stripped.endswith(".") and not stripped.endswith(".."):
        return stripped[:-1], "."
    return text, ""
