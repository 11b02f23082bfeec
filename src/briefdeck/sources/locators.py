"""Locators: ``SOURCE``, ``SOURCE:pN`` (body paragraph N) and ``SOURCE:pN.sM`` (sentence M of it).

N and M are at most `MAX_NUMBER`: no document has a billion paragraphs, and
a larger number would not fit the index's integers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_NUMBER = 999_999_999
LOCATOR = re.compile(r"(?P<source>[a-z0-9][a-z0-9._-]*)(?::p(?P<paragraph>[0-9]+)(?:\.s(?P<sentence>[0-9]+))?)?")


@dataclass(frozen=True)
class Locator:
    source: str
    paragraph: int | None = None
    sentence: int | None = None

    def __str__(self) -> str:
        text = self.source
        if self.paragraph is not None:
            text += f":p{self.paragraph}"
            if self.sentence is not None:
                text += f".s{self.sentence}"
        return text


def parse_locator(text: str) -> Locator | None:
    """The locator ``text`` spells, or None when it is not of the form SOURCE[:pN[.sM]]
    with N and M at most `MAX_NUMBER`."""
    match = LOCATOR.fullmatch(text.strip())
    if not match:
        return None
    numbers = [int(n) if n else None for n in (match.group("paragraph"), match.group("sentence"))]
    if any(n is not None and n > MAX_NUMBER for n in numbers):
        return None
    return Locator(match.group("source"), *numbers)
