"""The numbers a sentence states: counts, ranges, percentages and money.

`parse_figures` reads a sentence in four steps, each a small function:

1. find numerals: digits ("80,000", "2.6") and spelled numbers ("five",
   "twenty-one"), and read what stands around each one: a currency sign before
   it ("$", "¥"), a scale after it ("million", "m", "bn"), a unit after that
   ("percent", "%", "United States Dollars", "Chinese Yuan");
2. drop what only looks like a number: years ("2019", "the 2000 UN TIP
   Protocol"), days of a date ("June 20"), identifiers ("Article 30",
   "Tier 3"), ordinals and numbers glued to letters ("21st", "1990s", "G20"),
   and a lone "one" (a word, not a count: "One survivor", "one of only 22");
3. join two numerals into one range when the words between them say so
   ("80,000 to 120,000", "12–16", "between 12 and 16", "2 to 3 million");
4. give each its value (exact decimal arithmetic, then a float) and unit.

Decisions the next engineer may want to know:

- ``text`` runs from the currency sign (or the first numeral) to the scale or
  unit words, trailing currency words included ("$105,000,000 United States
  Dollars" is one figure); "between" is part of a between-range's text, the
  noun counted ("children") and qualifiers ("some", "an estimated") are not.
- "1 out of every 10" gives two plain counts, 1 and 10: a ratio is not a
  range, and the outline checker then finds either number the paraphrase uses.
- "¥" is Chinese yuan when yuan/RMB words follow, Japanese yen otherwise; a
  bare "dollars" is US dollars.
- A four-digit number from 1000 to 2199 without a comma, currency or unit is a
  year, so "2000 people" is not a figure ("2,000 people" is).
- Spelled numbers are figures ("five years", "one to three victims",
  "nearly one billion dollars"), except a lone "one"/"zero" that no range,
  ratio, scale or unit makes a count. A caller that wants digits only can keep
  the figures whose ``text`` contains a digit.
- Vague quantities ("tens of thousands", "thousands of students", "half")
  are not figures.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from briefdeck.findings.model import Figure
from briefdeck.findings.numerals import SCALE_ABBREVIATIONS, SCALE_WORDS, find_numerals, numeral_value

__all__ = ["parse_figures", "parse_number", "figures_agree"]

# --- what stands around a numeral (the numerals themselves: numerals.py) ------------

# Currency signs and codes that stand before the number, longest first.
_PREFIX = re.compile(
    r"(?:(?P<sign>US\$|HK\$|A\$|C\$|\$|€|£|¥|₩)|\b(?P<code>USD|EUR|GBP|CNY|RMB|JPY|KRW|KPW))\s?$")
_PREFIX_WIDTH = 5  # "US$ 5", "RMB 300": the longest prefix and its space
_SIGN_UNITS = {"US$": "USD", "$": "USD", "HK$": "HKD", "A$": "AUD", "C$": "CAD", "€": "EUR",
               "£": "GBP", "¥": "JPY", "₩": "KRW"}
_CODE_UNITS = {"RMB": "CNY"}  # other codes are their own unit

_ABBREVIATION = re.compile(r"(?P<abbr>" + "|".join(sorted(SCALE_ABBREVIATIONS, key=len, reverse=True))
                           + r")(?![\w])", re.IGNORECASE)
_SCALE = re.compile(r"\s+(?P<scale>" + "|".join(SCALE_WORDS) + r")\b", re.IGNORECASE)
_PERCENT = re.compile(r"\s?%|\s+per\s?cent\b|\s*percent\b|\s+pct\b", re.IGNORECASE)

# Currency words after the number; the first that matches wins, so longer names come first.
_CURRENCY_WORDS = [
    (re.compile(r"\s+(?:United\s+States|U\.S\.|US|American)\s+dollars?\b", re.IGNORECASE), "USD"),
    (re.compile(r"\s+Hong\s+Kong\s+dollars?\b", re.IGNORECASE), "HKD"),
    (re.compile(r"\s+Canadian\s+dollars?\b", re.IGNORECASE), "CAD"),
    (re.compile(r"\s+Australian\s+dollars?\b", re.IGNORECASE), "AUD"),
    (re.compile(r"\s+dollars?\b", re.IGNORECASE), "USD"),
    (re.compile(r"\s+(?:Chinese\s+)?(?:yuan|renminbi)\b|\s+RMB\b|\s+CNY\b", re.IGNORECASE), "CNY"),
    (re.compile(r"\s+(?:Japanese\s+)?yen\b|\s+JPY\b", re.IGNORECASE), "JPY"),
    (re.compile(r"\s+euros?\b|\s+EUR\b", re.IGNORECASE), "EUR"),
    (re.compile(r"\s+pounds?\s+sterling\b|\s+GBP\b", re.IGNORECASE), "GBP"),
    (re.compile(r"\s+South\s+Korean\s+won\b|\s+KRW\b", re.IGNORECASE), "KRW"),
    (re.compile(r"\s+North\s+Korean\s+won\b|\s+KPW\b", re.IGNORECASE), "KPW"),
    (re.compile(r"\s+USD\b"), "USD"),
]
# A sign that only says "some dollar" or "some yen-or-yuan": the words after it decide.
_GENERIC_SIGNS = {"$": {"USD", "HKD", "CAD", "AUD"}, "¥": {"JPY", "CNY"}}

_MONTHS = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept "
    "september oct october nov november dec december".split())
_MONTH_AFTER = re.compile(
    r"\s+(?:" + "|".join(sorted((m.title() for m in _MONTHS), key=len, reverse=True)) + r")\b")
# A number right after one of these words names something ("Article 30", "Tier 3"); it counts
# nothing. Abbreviations keep their full stop ("No. 5", "p. 12").
_IDENTIFIER_WORDS = frozenset(
    "article section tier chapter paragraph clause annex appendix table figure page volume "
    "resolution grade item art. sec. para. fig. vol. no. nos. p. pp. ch. § #".split())
# What joins a list of identifiers ("Articles 30 and 31", "Tiers 2–3").
_IDENTIFIER_JOIN = re.compile(r"^\s*(?:,|and|or|to|&|-|–)\s*$", re.IGNORECASE)

# The words between two numerals that make them one range.
_RANGE_JOIN = re.compile(r"^(?:\s+to\s+|\s+through\s+|\s*[-–]\s*)$", re.IGNORECASE)
_AND_JOIN = re.compile(r"^\s+and\s+$", re.IGNORECASE)
# What lets a lone "one" be a count: another number joined to it ("one to three",
# "one or two", "one in ten", "1 out of every 10").
_COUNT_JOIN = re.compile(r"^\s*(?:to|or|and|-|–|in|out\s+of(?:\s+every)?|of\s+every)\s*$",
                         re.IGNORECASE)
_WEAK_WORDS = {"one", "zero"}


@dataclass
class _Atom:
    """One numeral with what stands around it, before ranges are formed."""

    start: int  # of the currency sign, or of the numeral
    end: int  # after the scale or unit words
    number: Decimal  # the numeral alone: 2.6 for "2.6 million"
    scale: int  # 10**6 for "million"; 1 when none
    unit: str | None
    numeral: str  # the numeral as written
    spelled: bool
    has_unit_words: bool  # a sign, "percent" or currency words stand with it

    @property
    def value(self) -> Decimal:
        return self.number * self.scale

    @property
    def bare(self) -> bool:
        """A number with nothing around it: the only kind that can be a year or a day."""
        return self.scale == 1 and not self.has_unit_words


def parse_figures(text: str) -> tuple[Figure, ...]:
    """The figures a sentence states, in order of appearance.

    Every figure's ``text`` is ``text[start:end]``, ``low <= high``, and figures
    never overlap. A range ("80,000 to 120,000") is one figure. Never raises.
    """
    atoms = _find_atoms(text)
    atoms = _drop_non_counts(text, atoms, keep_years=False, keep_weak=False)
    return tuple(_atoms_to_figures(text, atoms))


def parse_number(text: str) -> float | None:
    """The value of a lone number phrase, or None when ``text`` is not exactly one number.

    "2.6 million", "2,600,000" and "2.6m" give 2600000.0; "$105 million" gives
    105000000.0; "70 percent" gives 70.0; "2019" gives 2019.0 (alone, it is a
    number, not a year in a sentence). A range, two numbers or extra words give None.
    """
    stripped = text.strip()
    atoms = _drop_non_counts(stripped, _find_atoms(stripped), keep_years=True, keep_weak=True)
    figures = list(_atoms_to_figures(stripped, atoms))
    if len(figures) != 1:
        return None
    figure = figures[0]
    if figure.is_range or figure.start != 0 or stripped[figure.end:].strip(" .,;:") != "":
        return None
    return figure.low


def figures_agree(a: Figure, b: Figure, *, rel_tol: float = 1e-9) -> bool:
    """Whether two figures state the same quantity.

    Units must be compatible: a percentage only agrees with a percentage, two
    currencies must be the same, and a plain count (unit None) agrees with a
    count or with an amount of money, since a paraphrase may drop the currency
    ("105 million" for "$105,000,000"). Low and high must each agree within
    ``rel_tol``: "2.6 million" agrees with "2,600,000" and "2.6m", not with
    "2.5 million"; a range never agrees with a single number.
    """
    if not _units_compatible(a.unit, b.unit):
        return False
    return (math.isclose(a.low, b.low, rel_tol=rel_tol)
            and math.isclose(a.high, b.high, rel_tol=rel_tol))


def _units_compatible(a: str | None, b: str | None) -> bool:
    if a == b:
        return True
    if "percent" in (a, b):
        return False
    return a is None or b is None


# --- step 1: numerals and their surroundings --------------------------------------------

def _find_atoms(text: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    previous_end = 0
    for start, end, spelled in find_numerals(text):
        if start < previous_end:
            continue  # "one" inside "twenty-one", or a word the previous figure's unit took
        atom = _read_atom(text, start, end, spelled, previous_end)
        if atom is not None:
            atoms.append(atom)
            previous_end = atom.end
    return atoms


def _read_atom(text: str, start: int, end: int, spelled: bool, previous_end: int) -> _Atom | None:
    """The numeral at start:end with its sign, scale and unit; None when it is part of a word."""
    numeral = text[start:end]
    number = numeral_value(numeral, spelled)
    if number is None:
        return None

    # A currency sign or code right before it, but never inside the previous figure.
    unit = None
    sign = None
    prefix = None if spelled else _PREFIX.search(text, max(previous_end, start - _PREFIX_WIDTH), start)
    if prefix:
        sign = prefix.group("sign")
        unit = _SIGN_UNITS[sign] if sign else _CODE_UNITS.get(prefix.group("code"), prefix.group("code"))
        start = prefix.start()

    # Then a scale: glued letters ("2.6m", "1.5bn") or words ("2.6 million", "one billion").
    scale = 1
    abbreviation = None if spelled else _ABBREVIATION.match(text, end)
    if abbreviation:
        scale = SCALE_ABBREVIATIONS[abbreviation.group("abbr").lower()]
        end = abbreviation.end()
    elif end < len(text) and (text[end].isalnum() or text[end] == "_"):
        return None  # "21st", "1990s", "3D": not a count
    else:
        while scale_match := _SCALE.match(text, end):
            scale *= SCALE_WORDS[scale_match.group("scale").lower()]
            end = scale_match.end()

    # Then the unit: percent, or currency words (which may settle what "$" or "¥" meant).
    has_unit_words = sign is not None or unit is not None
    if percent := _PERCENT.match(text, end):
        if unit is None:
            unit, end, has_unit_words = "percent", percent.end(), True
    else:
        for pattern, code in _CURRENCY_WORDS:
            words = pattern.match(text, end)
            if words is None:
                continue
            if unit is None or unit == code or code in _GENERIC_SIGNS.get(sign or "", ()):
                unit, end, has_unit_words = code, words.end(), True
            break
    return _Atom(start, end, number, scale, unit, numeral, spelled, has_unit_words)


# --- step 2: what only looks like a number ----------------------------------------------

def _drop_non_counts(text: str, atoms: list[_Atom], *, keep_years: bool, keep_weak: bool) -> list[_Atom]:
    kept: list[_Atom] = []
    identifier_end = None  # end of the last identifier, to drop "31" in "Articles 30 and 31"
    for i, atom in enumerate(atoms):
        if (not atom.has_unit_words and _is_identifier_word(_word_before(text, atom.start)[0])) or (
                identifier_end is not None and _IDENTIFIER_JOIN.match(text[identifier_end:atom.start])):
            identifier_end = atom.end
            continue
        identifier_end = None
        if atom.bare and not atom.spelled and not keep_years and _is_year(atom):
            continue
        if atom.bare and not atom.spelled and _is_day(text, atom):
            continue
        if not keep_weak and _is_weak(text, atoms, i):
            continue
        kept.append(atom)
    return kept


def _is_year(atom: _Atom) -> bool:
    return re.fullmatch(r"[0-9]{4}", atom.numeral) is not None and 1000 <= atom.number <= 2199


def _is_day(text: str, atom: _Atom) -> bool:
    if not re.fullmatch(r"[0-9]{1,2}", atom.numeral) or not 1 <= atom.number <= 31:
        return False
    before, _ = _word_before(text, atom.start)
    if before[:1].isupper() and before.rstrip(".").lower() in _MONTHS:
        return True  # "June 20", "Oct. 1"
    return _MONTH_AFTER.match(text, atom.end) is not None  # "20 June"


def _word_before(text: str, position: int) -> tuple[str, int]:
    """The word (letters and full stops) or symbol before `position`, past spaces; and its start."""
    end = position
    while end > 0 and text[end - 1] in " \t\u00a0":
        end -= 1
    start = end
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    if start == end and end > 0:
        start -= 1  # a symbol: "§ 4", "#1"
    return text[start:end], start


def _is_identifier_word(word: str) -> bool:
    word = word.lower()
    return word in _IDENTIFIER_WORDS or (word.endswith("s") and word[:-1] in _IDENTIFIER_WORDS)


def _is_weak(text: str, atoms: list[_Atom], i: int) -> bool:
    """A lone "one" or "zero": a count only when another number is joined to it."""
    atom = atoms[i]
    if not atom.spelled or atom.numeral.lower() not in _WEAK_WORDS or not atom.bare:
        return False
    joined_before = i > 0 and _COUNT_JOIN.match(text[atoms[i - 1].end:atom.start])
    joined_after = i + 1 < len(atoms) and _COUNT_JOIN.match(text[atom.end:atoms[i + 1].start])
    return not (joined_before or joined_after)


# --- steps 3 and 4: ranges, values, figures ---------------------------------------------

def _atoms_to_figures(text: str, atoms: list[_Atom]):
    i = 0
    previous_end = 0
    while i < len(atoms):
        atom = atoms[i]
        if i + 1 < len(atoms):
            figure = _range_figure(text, atom, atoms[i + 1], previous_end)
            if figure is not None:
                yield figure
                previous_end = figure.end
                i += 2
                continue
        figure = _figure(text, atom.start, atom.end, atom.value, atom.value, atom.unit)
        if figure is not None:
            yield figure
            previous_end = figure.end
        i += 1


def _range_figure(text: str, low: _Atom, high: _Atom, previous_end: int) -> Figure | None:
    """One figure for "X to Y", "X–Y", "between X and Y"; None when the two are separate."""
    between = text[low.end:high.start]
    start = low.start
    if not _RANGE_JOIN.match(between):
        if not _AND_JOIN.match(between):
            return None
        word, start = _word_before(text, low.start)
        if word.lower() != "between" or start < previous_end:
            return None  # "12 and 16" alone is two numbers
    if low.unit != high.unit and low.unit is not None and high.unit is not None:
        return None  # "$5 to 10 percent"
    low_value = low.value
    # "2 to 3 million": the scale written once applies to both ends, unless the low end
    # is already the larger bare number ("500,000 to 1 million").
    if low.scale == 1 and high.scale != 1 and low.number < high.number:
        low_value = low.number * high.scale
    if low_value > high.value:
        return None  # "from 30 to 20" is a change, not a range
    return _figure(text, start, high.end, low_value, high.value, low.unit or high.unit)


def _figure(text: str, start: int, end: int, low: Decimal, high: Decimal, unit: str | None) -> Figure | None:
    low_float, high_float = float(low), float(high)
    if not (math.isfinite(low_float) and math.isfinite(high_float)):
        return None  # a run of hundreds of digits is not a figure anyone states
    return Figure(text[start:end], low_float, high_float, unit, start, end)
