"""Plain data (dicts, lists, text, numbers, true/false) from a node tree, every value checked.

For files whose values are data rather than text (``layout.yaml``,
``sources.yaml``), `node_to_data` reads plain scalars the way YAML's core
schema does, but refuses what a file from elsewhere could use to crash or
mislead a later step, each with its line and column:

- numbers that are not finite (``.nan``, ``.inf``) or too long to be a quantity;
- ``YYYY-MM-DD`` dates that are not in the calendar (``2020-02-30``); a valid
  one stays the text written, as JSON would carry it;
- keys that YAML would read as something other than text (``42:``, ``true:``);
- text holding a NUL character (``"\\0"``), which no file name or title contains.

Only ``true`` and ``false`` (any case) are booleans; ``yes``, ``no``, ``on``
and ``off`` stay text, so a value means what it says.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from briefdeck.errors import Problems
from briefdeck.yamlfile.nodes import Node, ScalarNode, SeqNode

MAX_DIGITS = 18  # a whole number of more digits is no size, count or year briefdeck uses

_NULL = re.compile(r"~|null|Null|NULL|")
_BOOL = re.compile(r"true|True|TRUE|false|False|FALSE")
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_NOT_FINITE = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")  # the shape; calendar_date says if it exists


def scalar_to_value(node: ScalarNode, problems: Problems) -> Any:
    """A scalar as None, a bool, an int, a float or text; a bad value is recorded and read as None."""
    text = node.value
    if "\0" in text:
        problems.error("expected text; found text holding a NUL character (\\0)", node.location,
                       hint="remove the \\0: no file name or title contains it", code="yaml-nul")
        return None
    if not node.plain:
        return text
    if _NULL.fullmatch(text):
        return None
    if _BOOL.fullmatch(text):
        return text.lower() == "true"
    if _NOT_FINITE.fullmatch(text):
        problems.error(f"expected a finite number; found {text}", node.location,
                       hint="write a number such as 12 or 0.5", code="yaml-not-finite")
        return None
    if _INT.fullmatch(text):
        if len(text.lstrip("+-")) > MAX_DIGITS:
            problems.error(f"expected a number of at most {MAX_DIGITS} digits; found one of "
                           f"{len(text.lstrip('+-'))} digits", node.location, code="yaml-not-finite")
            return None
        return int(text)
    if _FLOAT.fullmatch(text):
        value = float(text)
        if not math.isfinite(value) or len(text) > 40:
            problems.error(f"expected a finite number; found {text[:40]}", node.location,
                           hint="write a number such as 12 or 0.5", code="yaml-not-finite")
            return None
        return value
    date = ISO_DATE.fullmatch(text)
    if date and not calendar_date(text):
        problems.error(f"expected a date that exists (YYYY-MM-DD); found {text}", node.location,
                       hint="correct the month or day", code="bad-date")
        return None
    return text


def calendar_date(text: str) -> dt.date | None:
    """The date ``YYYY-MM-DD`` names, or None when it is not in the calendar."""
    try:
        return dt.date.fromisoformat(text) if ISO_DATE.fullmatch(text) else None
    except ValueError:
        return None


def node_to_data(node: Node | None, problems: Problems) -> Any:
    """Plain data from ``node``, problems recorded; keys stay text, in the order written."""
    if node is None:
        return None
    if isinstance(node, ScalarNode):
        return scalar_to_value(node, problems)
    if isinstance(node, SeqNode):
        return [node_to_data(item, problems) for item in node.items]
    out: dict[str, Any] = {}
    for key, value in node.pairs:
        if not is_text_key(key):
            problems.error(f"expected a name as key; found {key.value!r}, which YAML reads as "
                           f"{_what(key)}", key.location,
                           hint=f"use a name, or quote it ('{key.value}':) if the text is meant",
                           code="yaml-key-not-text")
            continue
        out[key.value] = node_to_data(value, problems)
    return out


def is_text_key(key: ScalarNode) -> bool:
    """Whether YAML reads ``key`` as text (``42:``, ``true:`` and ``~:`` it does not)."""
    if not key.plain:
        return "\0" not in key.value
    return not any(p.fullmatch(key.value) for p in (_NULL, _BOOL, _INT, _FLOAT, _NOT_FINITE))


def _what(key: ScalarNode) -> str:
    value = scalar_to_value(key, Problems())
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true or false"
    return "a number"
