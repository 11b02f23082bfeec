"""The plain records a read source is made of.

Offsets are character offsets into the *decoded original text* of the file
(before line endings are normalised), so that ``original[start:end]`` gives
back the passage as it stands in the file, with its original line endings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping


@dataclass(frozen=True)
class Sentence:
    """One sentence of a body paragraph: the unit a finding is made from."""

    number: int  # 1-based within its paragraph
    text: str  # normalised text: whitespace folded, control characters removed
    start: int  # offset of the first character in the original file text
    end: int  # offset one past the last character
    page: str | None = None  # the page label it starts on, for paginated sources


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph: headings, titles, bylines and boilerplate are not paragraphs."""

    number: int  # 1-based among body paragraphs
    text: str
    start: int
    end: int
    section: str | None  # the heading it stands under, or the known structure's name
    sentences: tuple[Sentence, ...]
    page: str | None = None  # the page label it starts on ("212"), for paginated sources


def iso_date(parts) -> str:
    """Date parts (year, month, day; as many as known) as ISO text: "2019-07-24", "2017-06"."""
    return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts or ()))


@dataclass(frozen=True)
class SourceRecord:
    """A bibliographic record with CSL-JSON field names.

    ``csl`` holds the fields as in ``sources.yaml`` (``id``, ``type``,
    ``title``, ``author`` as a list of ``{family, given}`` or ``{literal}``,
    ``container-title``, ``publisher``, ``issued`` as
    ``{"date-parts": [[y, m, d]]}``, ``URL``, ``accessed``…).
    """

    id: str
    csl: Mapping[str, Any] = field(hash=False, compare=True)

    @property
    def title(self) -> str:
        return str(self.csl.get("title") or self.id)

    @property
    def type(self) -> str:
        return str(self.csl.get("type") or "document")

    @property
    def issued(self) -> tuple[int, ...] | None:
        """The date of issue as (year, month, day) parts, as many as are known."""
        parts = (self.csl.get("issued") or {}).get("date-parts") or [[]]
        return tuple(int(p) for p in parts[0]) or None

    @property
    def issued_text(self) -> str:
        """The date of issue as ISO text ("2019-07-24", "2017-06", "2017"), or "n.d."."""
        return iso_date(self.issued) or "n.d."

    @property
    def url(self) -> str | None:
        return self.csl.get("URL")


@dataclass(frozen=True)
class Citation:
    """What a footnote points at: a source and a place in it, not yet formatted.

    ``locator`` is ``SOURCE``, ``SOURCE:pN`` or ``SOURCE:pN.sM`` (the located
    span of a quote is the sentence that holds it; a quote spanning sentences
    cites the paragraph). ``quoted`` is the exact words of the source that the
    point rests on: the matched quote, or the sentence or paragraph cited ("" for
    a whole source). ``speaker`` names another party whose words the source
    relays ("CNN"), so a style can say "quoted in".
    """

    record: SourceRecord
    locator: str
    paragraph: int | None
    sentence: int | None
    quoted: str
    section: str | None = None
    speaker: str | None = None
    page: str | None = None  # the page label the cited words start on, for paginated sources

    @property
    def source_id(self) -> str:
        return self.record.id


@dataclass(frozen=True)
class Source:
    """A read document: its record, its body paragraphs and what reading noticed."""

    id: str
    path: str  # the file, relative to the sources folder
    record: SourceRecord
    paragraphs: tuple[Paragraph, ...]
    sha256: str  # of the file's bytes: the index is rebuilt when it changes
    headings: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    def paragraph(self, number: int) -> Paragraph | None:
        if 1 <= number <= len(self.paragraphs):
            return self.paragraphs[number - 1]
        return None
