"""A record guessed from what a document's text states, for a document ``sources.yaml`` does not describe."""

from __future__ import annotations

import datetime as dt
from typing import Any

from briefdeck.sources.blocks import PUBLISHED, Classified, block_lines, byline_names
from briefdeck.sources.model import SourceRecord, iso_date
from briefdeck.sources.records import RECORDS_FILE

_DATE_FORMATS = ("%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%Y-%m-%d", "%B %Y")


def guess_record(source_id: str, original: str, classified: list[Classified]) -> tuple[SourceRecord, list[str]]:
    """A record from what the text states: title, author ("By …", "Author: …") and date ("Published …")."""
    csl: dict[str, Any] = {"id": source_id, "type": "document"}
    guessed = []
    title = next((c.block.text for c in classified if c.kind == "title"), None)
    if title:
        csl["title"] = title
        guessed.append(f"title '{title}'")
    names = byline_names(original, classified)
    if names:
        name = max(names, key=len)  # "Robert R. King" over "Robert King"
        given, _, family = name.rpartition(" ")
        csl["author"] = [{"family": family, "given": given} if given else {"literal": name}]
        guessed.append(f"author '{name}'")
    issued = _published_date(original, classified)
    if issued:
        csl["issued"] = {"date-parts": [issued]}
        guessed.append(f"date {iso_date(issued)}")
    what = ", ".join(guessed) if guessed else "nothing (no title, byline or date found)"
    warning = (f"{source_id}: no record in {RECORDS_FILE}; guessed {what} from the text. "
               f"Add a record to {RECORDS_FILE} to state them.")
    return SourceRecord(source_id, csl), [warning]


def _published_date(original: str, classified: list[Classified]) -> list[int] | None:
    for c in classified:
        if c.kind != "byline":
            continue
        for line in block_lines(original, c.block):
            match = PUBLISHED.fullmatch(line)
            if match:
                parsed = _parse_date(match.group("date").strip())
                if parsed:
                    return parsed
    return None


def _parse_date(text: str) -> list[int] | None:
    for fmt in _DATE_FORMATS:
        try:
            when = dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        return [when.year, when.month] if fmt == "%B %Y" else [when.year, when.month, when.day]
    return None
