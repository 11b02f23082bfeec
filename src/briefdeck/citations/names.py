"""CSL names as the styles print them.

A CSL name is either a person, ``{family, given}`` (optionally with
``dropping-particle``, ``non-dropping-particle`` and ``suffix``), or an
organization, ``{literal: "U.S. Department of State"}``, which is never
inverted or abbreviated.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Sequence


@dataclass(frozen=True)
class Name:
    """One author, already cleaned (curly apostrophes, folded whitespace)."""

    family: str = ""
    given: str = ""
    literal: str = ""  # an organization, or a name that must be printed as given
    dropping_particle: str = ""  # "de" in Charles de Gaulle: follows the given name when inverted
    non_dropping_particle: str = ""  # "van" in van Gogh: stays with the family name
    suffix: str = ""  # "Jr."

    @property
    def surname(self) -> str:
        """The family name with its non-dropping particle, or the organization."""
        if self.literal:
            return self.literal
        return _words(self.non_dropping_particle, self.family) or self.given


def display_name(name: Name) -> str:
    """Given name first, as in a note: "Robert R. King", "U.S. Department of State"."""
    if name.literal:
        return name.literal
    return _words(name.given, name.dropping_particle, name.non_dropping_particle, name.family, name.suffix)


def inverted_name(name: Name) -> str:
    """Family name first, as in a Chicago bibliography: "King, Robert R."."""
    if name.literal or not name.family:
        return display_name(name)
    given = _words(name.given, name.dropping_particle)
    parts = [name.surname] + [p for p in (given, name.suffix) if p]
    return ", ".join(parts)


def initials(given: str) -> str:
    """Given names as initials, as APA prints them: "Robert R." → "R. R.", "Jean-Paul" → "J.-P."."""
    out = []
    for word in given.split():
        pieces = []
        for part in word.split("-"):
            letters = [c for c in part.split(".") if c] if "." in part.rstrip(".") else [part]
            pieces.append(" ".join(f"{chunk[0]}." for chunk in letters if chunk))
        out.append("-".join(p for p in pieces if p))
    return " ".join(p for p in out if p)


def apa_name(name: Name) -> str:
    """Family name and initials, as in an APA reference list: "King, R. R."."""
    if name.literal or not name.family:
        return display_name(name)
    given = _words(initials(name.given), name.dropping_particle)
    parts = [name.surname] + [p for p in (given, name.suffix) if p]
    return ", ".join(parts)


def and_list(items: Sequence[str], conjunction: str = "and") -> str:
    """"A", "A and B", "A, B, and C" (serial comma, as Chicago and APA both use)."""
    if len(items) <= 2:
        return f" {conjunction} ".join(items)
    return ", ".join(items[:-1]) + f", {conjunction} " + items[-1]


def sort_key(name: Name) -> tuple[str, str]:
    """How a name files in a bibliography: surname, then given name, letters only."""
    if name.literal:
        return (fold_for_sorting(name.literal), "")
    return (fold_for_sorting(_words(name.family, name.non_dropping_particle)), fold_for_sorting(name.given))


def fold_for_sorting(text: str) -> str:
    """Lower case without accents or punctuation, so "Émile" files with "Emile"."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if c.isalnum() or c.isspace())
    return " ".join(kept.casefold().split())


def _words(*parts: str) -> str:
    return " ".join(p for p in parts if p)
