"""Locators: ``SOURCE``, ``SOURCE:pN`` (body paragraph N) and ``SOURCE:pN.sM`` (sentence M of it)."""

from __future__ import annotations

import re
from dataclasses import dataclass

LOCATOR = re.compile(r"(?P<source>[a-z0-9][a-z0-9._-]*)(?::p(?P<paragraph>\d+)(?:\.s(?P<sentence>\d+))?)?")


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
    """The locator ``text`` spells, or None when it is not of the form SOURCE[:pN[.sM]]."""
    match = LOCATOR.fullmatch(text.strip())
    if not match:
        return None
    paragraph, sentence = match.group("paragraph"), match.group("sentence")
    return Locator(match.group("source"), int(paragraph) if paragraph else None, int(sentence) if sentence else None)
