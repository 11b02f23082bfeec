"""Findings: each sentence of a source, with what the index knows of it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """A number a sentence states.

    ``text`` is the words as they stand in the sentence ("80,000 to 120,000",
    "$105,000,000", "2.6 million", "70 percent"); ``low``/``high`` are the parsed
    values (equal for a single number); ``unit`` is ``None`` for a plain count,
    or ``"percent"``, or a currency code (``"USD"``, ``"CNY"``…). ``start``/``end``
    are offsets of ``text`` within the sentence text.
    """

    text: str
    low: float
    high: float
    unit: str | None
    start: int
    end: int

    @property
    def is_range(self) -> bool:
        return self.low != self.high

    def to_json(self) -> dict:
        return {"text": self.text, "low": self.low, "high": self.high, "unit": self.unit}


@dataclass(frozen=True)
class Finding:
    """A sentence of a source as the index holds it.

    ``locator`` is ``SOURCE:pN.sM``. ``speaker`` names the other party whose
    words the sentence relays ("CNN", "The report"), or is ``None``.
    """

    source: str
    paragraph: int
    sentence: int
    section: str | None
    text: str
    tags: tuple[str, ...]
    figures: tuple[Figure, ...]
    speaker: str | None
    page: str | None = None  # the page label of its paragraph, for paginated sources

    @property
    def locator(self) -> str:
        return f"{self.source}:p{self.paragraph}.s{self.sentence}"
