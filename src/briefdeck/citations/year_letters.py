"""Year letters: "2019a", "2019b" for works of the same authors and year (APA 7 9.47, 8.19).

An author-date citation names authors and a year; two works of one author
from one year would be cited alike, so each gets a letter, in the order the
reference list gives them (which the style decides: by date, then title).
Undated works get "n.d.-a", "n.d.-b". The letter is kept in the record as
CSL's ``year-suffix``, so the reference list and every citation of the
work print the same one.

Call it on a deck's records before citing them (the deck builder decides;
notes styles such as Chicago do not use letters, and the style says so with
``author_date``).
"""

from __future__ import annotations

import string
from collections import defaultdict
from typing import Iterable

from briefdeck.citations.names import sort_key
from briefdeck.citations.work import work_of
from briefdeck.sources.model import SourceRecord


def with_year_letters(records: Iterable[SourceRecord], style) -> tuple[SourceRecord, ...]:
    """The records, those sharing authors and year with another given a ``year-suffix``.

    ``style`` supplies the reference-list order (`sort_bibliography`) and says
    whether it is an author-date style; for a notes style the records come
    back unchanged.
    """
    records = tuple(records)
    if not style.author_date:
        return records
    groups: dict[tuple, list[str]] = defaultdict(list)
    for record in style.sort_bibliography(records):
        work = work_of(record)
        authors = tuple(sort_key(n) for n in work.creators) or (("", work.title.casefold()),)
        year = (work.issued.year, work.issued.literal) if work.issued else None
        groups[(authors, year)].append(record.id)
    letters: dict[str, str] = {}
    for ids in groups.values():
        if len(ids) > 1:
            letters.update((rid, _letter(i)) for i, rid in enumerate(ids))
    return tuple(SourceRecord(r.id, {**r.csl, "year-suffix": letters[r.id]}) if r.id in letters else r
                 for r in records)


def _letter(index: int) -> str:
    """a … z, then aa, ab …: a reference list rarely needs more than a few."""
    letters = string.ascii_lowercase
    return letters[index] if index < len(letters) else _letter(index // len(letters) - 1) + letters[index % 26]
