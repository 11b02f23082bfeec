"""Numerals in running text: digits ("80,000", "2.6") and spelled numbers ("twenty-one").

Step 1 of `briefdeck.findings.figures`: where each numeral stands and what it is
worth. What stands around a numeral (signs, scales, units) is read there.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from briefdeck.findings.words import lower_words

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES = {w: i for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}

SCALE_WORDS = {"hundred": 10**2, "thousand": 10**3, "million": 10**6, "billion": 10**9,
               "trillion": 10**12}
# Abbreviations written straight after the digits: "2.6m", "$105m", "1.5bn", "10k".
SCALE_ABBREVIATIONS = {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "b": 10**9,
                       "bn": 10**9, "tn": 10**12, "trn": 10**12}

# A spelled number: "five", "twenty-one", "two hundred and five"; "a" only before a scale
# word ("a million", "a hundred").
_SIMPLE = (r"(?:(?:" + "|".join(_TENS) + r")(?:[-\s](?:" + "|".join(_UNITS[1:10]) + r"))?"
           r"|" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")")
_SPELLED = (r"(?:(?:" + _SIMPLE + r"|a)\s+hundred(?:\s+(?:and\s+)?" + _SIMPLE + r"\b)?"
            r"|" + _SIMPLE + r"|a(?=\s+(?:thousand|million|billion|trillion)\b))")
# Digits: "80,000" (groups of three after the first comma), "2.6", "105000000". The pattern
# starts with a digit, which keeps the scan fast; the checks on what stands before that digit
# come after it: not inside a word or another number ("G20", the "6" of "2.6", "COVID-19").
_DIGIT_NUMERAL = re.compile(
    r"[0-9](?<![\w][0-9])(?<![0-9][.,:/][0-9])(?<![^\W\d_]-[0-9])"
    r"(?:[0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]*(?:\.[0-9]+)?)"
    r"(?![0-9]|[.,:/][0-9])")
_SPELLED_NUMERAL = re.compile(r"\b(?:" + _SPELLED + r")\b", re.IGNORECASE)
# Spelled numbers are looked for only in sentences that have a number word, and only where
# such a word starts: scanning every sentence with the spelled pattern is many times slower.
_LETTER_WORD = re.compile(r"[^\W\d_]+")
_NUMBER_WORDS = frozenset(_UNITS + _TENS)


def find_numerals(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, spelled) of every numeral, in order."""
    found = [(m.start(), m.end(), False) for m in _DIGIT_NUMERAL.finditer(text)]
    words = lower_words(text)
    starts = set(words & _NUMBER_WORDS)
    if "a" in words and not words.isdisjoint(SCALE_WORDS):
        starts.add("a")  # "a million"
    if starts:
        spelled_end = 0
        for word in _LETTER_WORD.finditer(text):
            if word.start() >= spelled_end and word.group().lower() in starts:
                match = _SPELLED_NUMERAL.match(text, word.start())
                if match:
                    found.append((match.start(), match.end(), True))
                    spelled_end = match.end()
        found.sort()
    return found


def numeral_value(numeral: str, spelled: bool) -> Decimal | None:
    if not spelled:
        try:
            return Decimal(numeral.replace(",", ""))
        except InvalidOperation:  # the pattern admits only digits; this is a safeguard
            return None
    value = 0
    for word in re.split(r"[-\s]+", numeral.lower()):
        if word == "hundred":
            value = (value or 1) * 100
        elif word != "and":
            value += _WORD_VALUES.get(word, 1)  # "a" is one
    return Decimal(value)
