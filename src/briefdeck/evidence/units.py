"""Numbers, units and rates: a figure in the text must be one its evidence states, counted the same way.

- `number-mismatch`: no cited passage states the number ("2.5 million" for
  "2.6 million"); "2.6 million", "2,600,000" and "2.6m" are the same number, a
  bare "¥" may be yuan or yen, a bare "$" any dollar.
- `ratio-mismatch`: "1 in 10", "seven in ten", "one out of every ten" are
  percentages; they must equal a percentage or ratio the evidence states (to
  within one point), and a percentage may be stated as a ratio.
- `unit-mismatch`: the same number counts other things ("21 years" for "21 months").
- `rate-mismatch`: the same number per another period ("per week" for "per
  month", "a month" for "annually"), a rate the evidence does not give, or a
  scope dropped ("20,000 to 100,000" for "… in each municipality").
- `figure-needs-locator`: a figure cited to a whole source; a reader cannot
  find it without at least a paragraph.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from briefdeck.evidence.cited import Cited
from briefdeck.evidence.issue import Issue, side_by_side
from briefdeck.evidence.words import tokens, words
from briefdeck.findings.figures import figures_agree, parse_figures, parse_number
from briefdeck.findings.model import Figure

_RATIO = re.compile(r"\b(?P<a>[0-9][0-9,]*|[a-z]+(?:-[a-z]+)?)\s+(?:in|out\s+of(?:\s+every)?|of\s+every)\s+"
                    r"(?P<b>[0-9][0-9,]*|[a-z]+(?:-[a-z]+)?)\b", re.IGNORECASE)
_GENERIC_SIGNS = {"¥": {"JPY", "CNY"}, "$": {"USD", "HKD", "CAD", "AUD"}}
_WINDOW_WORDS = 6  # words after a figure that may say its unit and rate
_RATIO_TOLERANCE = 1.0  # percentage points: "one in three" is 33 percent


@dataclass(frozen=True)
class _Counted:
    """A figure with what it counts: its time unit, its rate ("month"), its scope ("in each")."""

    figure: Figure
    unit: str | None
    rate: str | None
    scope: str | None


@lru_cache(maxsize=4096)
def ratios_in(text: str) -> tuple[tuple[float, int, int, str], ...]:
    """(percentage, start, end, words) of each "a in b" ratio."""
    found = []
    for match in _RATIO.finditer(text):
        if re.fullmatch(r"1[89][0-9]{2}|2[01][0-9]{2}", match.group("b")) or _after_identifier(text, match.start()):
            continue  # "Tier 2 in 2017": an identifier and a year, not a ratio
        a, b = parse_number(match.group("a")), parse_number(match.group("b"))
        if a is not None and b and 0 < a < b:
            found.append((100.0 * a / b, match.start(), match.end(), match.group()))
    return tuple(found)


def _after_identifier(text: str, start: int) -> bool:
    before = tokens(text[max(0, start - 20):start])
    return bool(before) and before[-1] in words().identifier_words


@lru_cache(maxsize=4096)
def counted(text: str) -> tuple[_Counted, ...]:
    figures = parse_figures(text)
    known = words()
    out = []
    for k, figure in enumerate(figures):
        stop = figures[k + 1].start if k + 1 < len(figures) else len(text)
        after = re.split(r"[;.]", text[figure.end:stop], maxsplit=1)[0]
        window = tokens(after)[:_WINDOW_WORDS]
        unit = next((known.durations[w] for w in window[:2] if w in known.durations), None)
        padded = " " + " ".join(window) + " "
        rate = next((r for p, r in known.rate_words.items() if f" {p} " in padded), None)
        scope = next((s for s in known.scope_words if f" {s} " in padded), None)
        out.append(_Counted(figure, unit, rate, scope))
    return tuple(out)


def agree(text_figure: Figure, stated: Figure) -> bool:
    if figures_agree(text_figure, stated):
        return True
    sign = text_figure.text[:1]
    loose = _GENERIC_SIGNS.get(sign, set())
    return (text_figure.unit in loose and stated.unit in loose
            and math.isclose(text_figure.low, stated.low) and math.isclose(text_figure.high, stated.high))


def check_units(text: str, cited: list[Cited]) -> list[Issue]:
    text_ratios = ratios_in(text)
    text_figures = counted(text)
    if not cited or not (text_ratios or text_figures):
        return []
    issues: list[Issue] = []
    located = [c for c in cited if not c.whole_source]
    stated = [(c, s) for c in located for s in counted(c.passage)]
    whole = [(c, g) for c in cited if c.whole_source for g in c.figures]
    percents = [(c, s.figure.low) for c, s in stated if s.figure.unit == "percent"]
    percents += [(c, p) for c in located for p, *_ in ratios_in(c.passage)]
    ratio_spans = []
    for value, start, end, ratio_words in text_ratios:
        ratio_spans.append((start, end))
        if not any(abs(value - p) <= _RATIO_TOLERANCE for _, p in percents):
            c = located[0] if located else cited[0]
            issues.append(Issue("ratio-mismatch",
                                side_by_side(f"“{ratio_words}” is {value:.0f} percent, which the evidence does not "
                                             "state", ratio_words, c, c.passage or c.quoted),
                                "use the source's percentage or ratio"))
    for item in text_figures:
        figure = item.figure
        if any(a <= figure.start < b for a, b in ratio_spans):
            continue
        if figure.unit == "percent" and any(abs(figure.low - p) <= 0.5 for _, p in percents):
            continue
        matches = [(c, s) for c, s in stated if agree(figure, s.figure)]
        if not matches:
            if any(agree(figure, g) for _, g in whole):
                issues.append(_needs_locator(figure, cited))
            else:
                issues.append(_mismatch(figure, cited, stated, whole))
            continue
        issues += _compare_counting(item, matches)
    return issues


def _compare_counting(item: _Counted, matches: list[tuple[Cited, _Counted]]) -> list[Issue]:
    c, first = matches[0]
    figure = item.figure
    if item.unit and all(s.unit and s.unit != item.unit for _, s in matches):
        return [Issue("unit-mismatch",
                      side_by_side(f"“{figure.text}” counts {item.unit}s where the evidence counts {first.unit}s",
                                   f"{figure.text} {item.unit}s", c, c.quoted or c.passage),
                      f"say {first.unit}s, as the source does")]
    if item.rate and not any(s.rate == item.rate for _, s in matches):
        given = next((s.rate for _, s in matches if s.rate), None)
        what = f"per {given}" if given else "no rate"
        return [Issue("rate-mismatch",
                      side_by_side(f"“{figure.text}” is given per {item.rate} where the evidence gives {what}",
                                   f"{figure.text} … per {item.rate}", c, c.quoted or c.passage),
                      f"say per {given}, as the source does" if given else "drop the rate the source does not give")]
    if not item.scope and all(s.scope for _, s in matches):
        return [Issue("rate-mismatch",
                      side_by_side(f"“{figure.text}” drops the evidence's scope “{first.scope} …”",
                                   figure.text, c, c.quoted or c.passage),
                      f"keep “{first.scope} …”: the number is not a total")]
    return []


def _needs_locator(figure: Figure, cited: list[Cited]) -> Issue:
    c = next(c for c in cited if c.whole_source)
    return Issue("figure-needs-locator",
                 f"“{figure.text}” is cited to the whole of {c.locator}; a figure needs at least a paragraph",
                 f"cite the paragraph or sentence that states it ('briefdeck find \"{figure.text}\"')")


def _mismatch(figure: Figure, cited: list[Cited], stated, whole) -> Issue:
    numbers = "; ".join(dict.fromkeys([s.figure.text for _, s in stated] + [g.text for _, g in whole])) or "no numbers"
    where = ", ".join(dict.fromkeys(c.locator for c in cited))
    return Issue("number-mismatch",
                 f"“{figure.text}” in the text is not stated by its evidence: the text says “{figure.text}” — "
                 f"{where} states: {numbers}",
                 "use the number the source states, or cite the passage that states this one")


