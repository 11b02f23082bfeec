"""Citation styles: `Citation` and `SourceRecord` records turned into text.

`briefdeck.deck.notes` asks one style for every form of a note when the deck
is built, so a note reads the same on a slide, in speaker notes and in a
handout; renderers only lay the words out. Output is `Formatted` (runs of
`Span`), so titles can be italic and URLs live links.

    style = get_style(outline.citations.style)
    style.note(footnote.citation, first=footnote.first)   # handout footnote
    style.short_note(citation)                            # slide footnote band
    style.full_note(citation)                             # speaker notes
    style.in_text(citation)                               # "(King, 2019, para. 17)" or ()
    for record in style.sort_bibliography(deck.bibliography):
        style.bibliography_entry(record)

The rules each style follows are listed at the top of `chicago.py` and
`apa.py`; names and dates are printed by `names.py` and `dates.py`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Protocol

from briefdeck.citations.apa import Apa
from briefdeck.citations.chicago import ChicagoNote
from briefdeck.citations.text import Formatted, Span, plain, to_html
from briefdeck.errors import BriefdeckError, Problem, choices_hint
from briefdeck.sources.model import Citation, SourceRecord

__all__ = ["STYLES", "CitationStyle", "Formatted", "Span", "get_style", "plain", "to_html"]

STYLES: tuple[str, ...] = ("chicago-note", "apa")


class CitationStyle(Protocol):
    """What a renderer may ask of a citation style."""

    name: str
    bibliography_heading: str  # "Bibliography" (chicago-note) or "References" (apa)
    author_date: bool  # True when citations stand in the text (apa); False when notes carry them

    def note(self, citation: Citation, *, first: bool) -> Formatted:
        """The handout's footnote text (Chicago: full note when ``first``, short note after)."""
        ...

    def short_note(self, citation: Citation) -> Formatted:
        """The slide's footnote band."""
        ...

    def full_note(self, citation: Citation) -> Formatted:
        """Speaker notes: everything a reader needs to find the source."""
        ...

    def in_text(self, citation: Citation) -> Formatted:
        """A parenthetical citation after the claim; () for a notes style."""
        ...

    def bibliography_entry(self, record: SourceRecord) -> Formatted:
        """One entry of the bibliography or reference list."""
        ...

    def sort_bibliography(self, records: Iterable[SourceRecord]) -> tuple[SourceRecord, ...]:
        """The records in the order the style lists them."""
        ...

    def locator_label(self, citation: Citation) -> str:
        """ "par. 8" / "para. 8"; "" for a whole-source citation."""
        ...


_STYLES: dict[str, CitationStyle] = {"chicago-note": ChicagoNote(), "apa": Apa()}


def get_style(name: str) -> CitationStyle:
    """The style called ``name`` (one of `STYLES`, or the path of a CSL file); an unknown name is a BriefdeckError."""
    if isinstance(name, str) and name.endswith(".csl"):
        from briefdeck.citations.csl import CslStyle  # here: pandoc's wrapper, loaded only for a CSL file

        return CslStyle(Path(name))  # a new one per deck: it keeps that deck's words
    try:
        return _STYLES[name]
    except (KeyError, TypeError):
        raise BriefdeckError(Problem(
            f"unknown citation style '{name}'",
            hint=choices_hint(str(name), STYLES, "citation styles"),
            code="unknown-style",
        )) from None
