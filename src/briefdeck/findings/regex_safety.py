"""Refusing lexicon regular expressions that could hang or exhaust memory.

A lexicon may come from elsewhere, and Python's backtracking engine takes
exponential time on a nested quantifier such as ``(a+)+$`` and allocates for a
repeat such as ``a{99999999999}``. `check_regex` parses a /regex/ pattern
(with the standard library's own parser) and refuses, before compiling it:

- a pattern longer than `MAX_REGEX_LENGTH` characters;
- a repeat count over `MAX_REPEAT_COUNT`;
- a repeated part (``*``, ``+``, ``{n,}`` or a bound over `MAX_NESTED_BOUND`)
  holding another repeat, the shape of catastrophic backtracking. A small
  bounded repeat of words, like ``(\\w+ ){0,4}``, stays allowed.
"""

from __future__ import annotations

import re

try:  # Python 3.11+; sre_parse, its old name, warns when imported there
    from re import _constants as sre_constants, _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

MAX_REGEX_LENGTH = 500
MAX_REPEAT_COUNT = 1000
MAX_NESTED_BOUND = 4
_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}
_REPEATS |= {getattr(sre_constants, "POSSESSIVE_REPEAT")} if hasattr(sre_constants, "POSSESSIVE_REPEAT") else set()


def check_regex(regex: str) -> None:
    """Raise ValueError, saying what to change, when ``regex`` could hang or blow up."""
    if len(regex) > MAX_REGEX_LENGTH:
        raise ValueError(f"the regular expression is {len(regex)} characters long; the limit is {MAX_REGEX_LENGTH}")
    try:
        parsed = sre_parse.parse(regex, re.IGNORECASE)
    except (re.error, OverflowError, RecursionError) as error:
        raise ValueError(f"not a valid regular expression: {error}") from None
    _check_items(list(parsed), inside_unbounded=False)


def _check_items(items: list, *, inside_unbounded: bool) -> None:
    for op, av in items:
        if op in _REPEATS:
            low, high, body = av
            unbounded = high is sre_constants.MAXREPEAT
            if low > MAX_REPEAT_COUNT or (not unbounded and high > MAX_REPEAT_COUNT):
                raise ValueError(f"a repeat count over {MAX_REPEAT_COUNT} (found "
                                 f"{{{low},{'' if unbounded else high}}}) would make the pattern huge")
            if inside_unbounded and (unbounded or high > 1):
                raise ValueError("a repeated part holds another repeat (as in (a+)+), which can make "
                                 "matching take practically forever")
            _check_items(list(body), inside_unbounded=inside_unbounded or unbounded or high > MAX_NESTED_BOUND)
        else:
            for sub in _subpatterns(op, av):
                _check_items(list(sub), inside_unbounded=inside_unbounded)


def _subpatterns(op, av) -> list:
    """The nested patterns of one parsed item (groups, alternatives, lookarounds)."""
    if op is sre_constants.SUBPATTERN:
        return [av[-1]]
    if op is sre_constants.BRANCH:
        return list(av[1])
    if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return [av[1]]
    if op is sre_constants.GROUPREF_EXISTS:
        return [part for part in av[1:] if part is not None]
    if getattr(sre_constants, "ATOMIC_GROUP", None) is not None and op is sre_constants.ATOMIC_GROUP:
        return [av]
    return []
