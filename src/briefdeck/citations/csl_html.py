"""pandoc's HTML of a citation document read back: each labelled citation's words, and the bibliography.

The document `briefdeck.citations.csl` writes has one paragraph per citation,
opening with a label ("F0", "L3"). An author-date style leaves the
parenthetical in the paragraph; a note style moves it to a footnote, which
the paragraph calls. Italics and links are kept as `Span` attributes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from briefdeck.citations.text import Formatted, Span

_LABEL = re.compile(r"\s*([A-Z][0-9]+)\s*")


@dataclass(frozen=True)
class PandocCitations:
    citations: tuple[tuple[str, Formatted], ...]  # (label, words) in document order
    entries: tuple[tuple[str, Formatted], ...]  # (record id, entry) in the bibliography's order


def read_pandoc_html(html: str, *, notes: bool) -> PandocCitations:
    """The words of each labelled citation (its footnote when ``notes``) and the bibliography entries."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    citations = []
    for spans, called in reader.paragraphs:
        text = "".join(s.text for s in spans)
        label = _LABEL.match(text)
        if not label:
            continue
        if notes:
            words = reader.notes.get(called[0], ()) if called else ()
        else:
            words = _trimmed(_cut(spans, label.end()), end=".")
        citations.append((label.group(1), words))
    return PandocCitations(tuple(citations), tuple(reader.entries))


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[tuple[Formatted, list[str]]] = []
        self.notes: dict[str, Formatted] = {}
        self.entries: list[tuple[str, Formatted]] = []
        self._spans: list[Span] | None = None
        self._called: list[str] = []
        self._italic = 0
        self._url: str | None = None
        self._skip = 0  # inside a footnote call or back-link
        self._note: str | None = None  # the footnote being read
        self._entry: str | None = None  # the bibliography entry being read
        self._depth = 0  # divs open inside the entry (a numeric style's label and text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        css = attrs.get("class") or ""
        if tag == "a" and ("footnote-ref" in css or "footnote-back" in css):
            self._skip += 1
            if "footnote-ref" in css:
                self._called.append((attrs.get("href") or "").removeprefix("#"))
        elif tag == "a" and attrs.get("href", "").startswith(("http://", "https://")):
            self._url = attrs["href"]
        elif tag in ("em", "i"):
            self._italic += 1
        elif tag == "li" and (attrs.get("id") or "").startswith("fn"):
            self._note = attrs["id"]
        elif tag == "div" and self._entry is not None:
            self._depth += 1
            self._spans.append(Span(" "))
        elif tag == "div" and "csl-entry" in css:
            self._entry, self._spans, self._depth = (attrs.get("id") or "").removeprefix("ref-"), [], 0
        elif tag == "p" and self._entry is None:
            self._spans, self._called = [], []

    def handle_endtag(self, tag):
        if tag == "a" and self._skip:
            self._skip -= 1
        elif tag == "a":
            self._url = None
        elif tag in ("em", "i"):
            self._italic = max(0, self._italic - 1)
        elif tag == "p" and self._spans is not None and self._entry is None:
            spans = _trimmed(tuple(self._spans))
            if self._note is not None:
                self.notes[self._note] = spans
            else:
                self.paragraphs.append((spans, self._called))
            self._spans = None
        elif tag == "li":
            self._note = None
        elif tag == "div" and self._depth:
            self._depth -= 1
        elif tag == "div" and self._entry is not None and self._spans is not None:
            self.entries.append((self._entry, _trimmed(tuple(self._spans))))
            self._entry, self._spans = None, None

    def handle_data(self, data):
        if self._spans is None or self._skip:
            return
        self._spans.append(Span(data, italic=self._italic > 0, url=self._url))


def _cut(spans: Formatted, start: int) -> Formatted:
    """``spans`` without their first ``start`` characters."""
    out = []
    for span in spans:
        if start >= len(span.text):
            start -= len(span.text)
            continue
        out.append(Span(span.text[start:], span.italic, span.url))
        start = 0
    return tuple(out)


def _trimmed(spans: Formatted, end: str = "") -> Formatted:
    """Runs of whitespace folded to one space, the ends stripped (and ``end`` removed), like spans merged."""
    merged: list[Span] = []
    for span in spans:
        if merged and (merged[-1].italic, merged[-1].url) == (span.italic, span.url):
            merged[-1] = Span(merged[-1].text + span.text, span.italic, span.url)
        elif span.text:
            merged.append(span)
    merged = [Span(re.sub(r"\s+", " ", s.text), s.italic, s.url) for s in merged]
    if merged:
        merged[0] = Span(merged[0].text.lstrip(), merged[0].italic, merged[0].url)
        last = merged[-1].text.rstrip()
        merged[-1] = Span(last.removesuffix(end) if end else last, merged[-1].italic, merged[-1].url)
    return tuple(s for s in merged if s.text)
