"""CSL names as the styles print them.

A CSL name is either a person, ``{family, given}`` (optionally with
``dropping-particle``, ``non-dropping-particle`` and ``suffix``), or an
organization, ``{literal: "U.S. Department of State"}``, which is never
inverted or abbreviated.

A name in its own order, family name first (CSL ``static-ordering: true``,
or any name written in Hangul, kana or hanzi), is printed that way
everywhere, without the comma of an inverted name (CMOS 17):
"Kim Min-ji"; a name in East Asian script also without the space, as it is
written and as citeproc prints it: "김민지", "山田花子".
"""

from __future__ import annotations

import re
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
    family_first: bool = False  # static-ordering, or an East Asian script: "Kim Min-ji", "김민지"

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
    if name.family_first:
        return _own_order(name)
    return _words(name.given, name.dropping_particle, name.non_dropping_particle, name.family, name.suffix)


def is_east_asian(text: str) -> bool:
    """True when the text is written in Hangul, kana or hanzi (CJK ideographs)."""
    return any(unicodedata.name(c, "").split(" ")[0] in _EAST_ASIAN_SCRIPTS for c in text if not c.isascii())


# What `fold_for_sorting` drops: all but str.isalnum() and str.isspace() characters (\w is isalnum or "_").
_NOT_LETTER_DIGIT_OR_SPACE = re.compile(r"[^\w\s]|_")
_EAST_ASIAN_SCRIPTS = frozenset({"HANGUL", "HIRAGANA", "KATAKANA", "CJK"})  # first word of the character's name


def _own_order(name: Name) -> str:
    """Family name first: "Kim Min-ji"; in East Asian script without a space: "김민지"."""
    joiner = "" if is_east_asian(name.family + name.given) else " "
    return joiner.join(p for p in (name.family, name.given) if p)


def inverted_name(name: Name, *, demote_particle: bool = False) -> str:
    """Family name first, as in a Chicago bibliography: "King, Robert R.".

    ``demote_particle`` moves a non-dropping particle after the given name,
    as Chicago files Dutch and similar names ("Berg, Jan van der", CMOS 17).
    """
    if name.literal or not name.family or name.family_first:
        return display_name(name)
    if demote_particle:
        given = _words(name.given, name.dropping_particle, name.non_dropping_particle)
        surname = name.family
    else:
        given, surname = _words(name.given, name.dropping_particle), name.surname
    parts = [surname] + [p for p in (given, name.suffix) if p]
    return ", ".join(parts)


def initials(given: str) -> str:
    """Given names as initials, as APA prints them: "Robert R." → "R. R.", "Min-ji" → "M.-J."."""
    out = []
    for word in given.split():
        pieces = []
        for part in word.split("-"):
            letters = [c for c in part.split(".") if c] if "." in part.rstrip(".") else [part]
            pieces.append(" ".join(f"{chunk[0].upper()}." for chunk in letters if chunk))
        out.append("-".join(p for p in pieces if p))
    return " ".join(p for p in out if p)


def apa_name(name: Name) -> str:
    """Family name and initials, as in an APA reference list: "King, R. R."; "김민지" in its own script."""
    if name.literal or not name.family or (name.family_first and is_east_asian(name.family + name.given)):
        return display_name(name)
    given = _words(initials(name.given), name.dropping_particle)
    parts = [name.surname] + [p for p in (given, name.suffix) if p]
    return ", ".join(parts)


def and_list(items: Sequence[str], conjunction: str = "and") -> str:
    """"A", "A and B", "A, B, and C" (serial comma, as Chicago and APA both use)."""
    if len(items) <= 2:
        return f" {conjunction} ".join(items)
    return ", ".join(items[:-1]) + f", {conjunction} " + items[-1]


def sort_key(name: Name, *, particle_first: bool = False) -> tuple[str, str]:
    """How a name files in a bibliography: surname, then given name, letters only.

    A non-dropping particle files after the family name ("Berg, Jan van der", Chicago), or, with
    ``particle_first``, as printed ("van der Berg, J.", APA 7: alphabetize the surname as written).
    """
    if name.literal:
        return (fold_for_sorting(name.literal), "")
    family = name.surname if particle_first else _words(name.family, name.non_dropping_particle)
    return (fold_for_sorting(family), fold_for_sorting(name.given))


def fold_for_sorting(text: str) -> str:
    """Lower case without accents or punctuation, so "Émile" files with "Emile"."""
    kept = _NOT_LETTER_DIGIT_OR_SPACE.sub("", unicodedata.normalize("NFKD", text))
    return " ".join(kept.casefold().split())


def _words(*parts: str) -> str:
    return " ".join(p for p in parts if p)
