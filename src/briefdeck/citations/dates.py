"""CSL dates read and printed: "July 24, 2019", "June 2017", "2017", "n.d.".

A CSL date is ``{"date-parts": [[year, month, day]]}`` with as many parts as
are known, or ``{"literal": "Spring 2019"}`` for a date that is not a
calendar date. YAML records also arrive as a bare year (``2019``), an ISO
string (``"2019-07-24"``) or a YAML date; all are accepted. Anything else is
an error naming the source and the field.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from briefdeck.errors import BriefdeckError, Problem

NO_DATE = "n.d."

MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")


@dataclass(frozen=True)
class Date:
    """A date known to the year, the month or the day; or a literal phrase."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    literal: str = ""

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year or 0, self.month or 0, self.day or 0)


def parse_date(value: Any, *, source_id: str, field: str) -> Date | None:
    """The CSL date in ``value``, None when absent; a bad date is a BriefdeckError."""
    if value is None or value == {} or value == "":
        return None
    if isinstance(value, dt.date):
        return Date(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool):
        return _checked([value], source_id, field)
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*", value)
        if match:
            return _checked([int(p) for p in match.groups() if p], source_id, field)
        return Date(literal=" ".join(value.split()))
    if isinstance(value, dict):
        parts = value.get("date-parts")
        if parts:
            if not isinstance(parts, list) or not isinstance(parts[0], list):
                raise _bad(source_id, field, value)
            return _checked(parts[0], source_id, field)
        if isinstance(value.get("literal"), str) and value["literal"].strip():
            return Date(literal=" ".join(value["literal"].split()))
        if isinstance(value.get("raw"), str):
            return parse_date(value["raw"], source_id=source_id, field=field)
    raise _bad(source_id, field, value)


def long_date(date: Date | None) -> str:
    """Month spelled out, as Chicago prints dates: "July 24, 2019", "June 2017", "2017"."""
    if date is None:
        return NO_DATE
    if date.literal:
        return date.literal
    if date.month and date.day:
        return f"{MONTHS[date.month - 1]} {date.day}, {date.year}"
    if date.month:
        return f"{MONTHS[date.month - 1]} {date.year}"
    return str(date.year)


def year_first_date(date: Date | None, *, precise: bool, suffix: str = "") -> str:
    """As APA prints dates inside parentheses: "2019, July 24", "2017, June", "2017".

    ``precise`` False gives the year alone (APA: books, reports, journals).
    ``suffix`` is a year letter ("a" → "2019a, July 24", "n.d.-a"; APA 7 9.47).
    """
    year = year_only(date, suffix=suffix)
    if date is None or date.literal or not precise or not date.month:
        return year
    if date.day:
        return f"{year}, {MONTHS[date.month - 1]} {date.day}"
    return f"{year}, {MONTHS[date.month - 1]}"


def year_only(date: Date | None, *, suffix: str = "") -> str:
    """The year alone, or "n.d." (APA in-text citations), with its letter: "2019a", "n.d.-a"."""
    if date is None:
        return f"{NO_DATE}-{suffix}" if suffix else NO_DATE
    return (date.literal if date.literal else str(date.year)) + suffix


def _checked(parts: list[Any], source_id: str, field: str) -> Date:
    try:
        numbers = [int(p) for p in parts]
    except (TypeError, ValueError):
        raise _bad(source_id, field, parts) from None
    if not 1 <= len(numbers) <= 3:
        raise _bad(source_id, field, parts)
    year, month, day = (numbers + [None, None])[:3]
    if month is not None and not 1 <= month <= 12:
        raise _bad(source_id, field, parts, "month must be 1 to 12")
    if day is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            raise _bad(source_id, field, parts, "no such day") from None
    return Date(year, month, day)


def _bad(source_id: str, field: str, value: Any, why: str = "") -> BriefdeckError:
    detail = f" ({why})" if why else ""
    return BriefdeckError(Problem(
        f"source '{source_id}': field '{field}' is not a date: {value!r}{detail}",
        hint="write it as date-parts: [[year, month, day]] (month and day may be left out)",
        code="bad-date",
    ))
