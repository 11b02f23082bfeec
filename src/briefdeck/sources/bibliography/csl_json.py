"""``references.json``: CSL JSON, as Zotero and Better BibTeX export it.

The file is a list of records. Each record's line is found by decoding the
list one element at a time, so every problem names the line of its record.
A record's key is its ``citation-key`` (CSL 1.0.2, Better BibTeX), else its
``id``. A ``file`` field (text or a list) names the documents it describes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from briefdeck.errors import Location, Problems
from briefdeck.sources.bibliography.reference import Reference, from_csl, line_at, malformed, read_text

_HINT = "export the collection again from Zotero as CSL JSON, or fix the JSON at that place"


class _DuplicateField(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateField(key)
        seen[key] = value
    return seen


def read_csl_json(path: Path, shown: str) -> list[Reference]:
    text = read_text(path, shown)
    decoder = json.JSONDecoder(object_pairs_hook=_no_duplicates)
    at = _skip_space(text, 0)
    if at >= len(text) or text[at] != "[":
        raise malformed(f"{path.name} must be a JSON list of records ([{{…}}, …])",
                        Location(shown, line_at(text, at)), _HINT, code="references-shape")
    at = _skip_space(text, at + 1)
    problems = Problems()
    references: list[Reference] = []
    while at < len(text) and text[at] != "]":
        where = Location(shown, line_at(text, at))
        try:
            item, end = decoder.raw_decode(text, at)
        except _DuplicateField as exc:
            raise malformed(f"record at line {where.line} has the field '{exc}' twice", where, _HINT) from None
        except json.JSONDecodeError as exc:
            raise malformed(f"{path.name} is not valid JSON: {exc.msg}", Location(shown, exc.lineno, exc.colno),
                            _HINT) from None
        except RecursionError:
            raise malformed(f"record at line {where.line} is nested too deeply to be a record", where, _HINT) from None
        reference = from_csl(item, where, problems)
        if reference:
            references.append(reference)
        at = _skip_space(text, end)
        if at < len(text) and text[at] == ",":
            at = _skip_space(text, at + 1)
        elif at < len(text) and text[at] != "]":
            raise malformed(f"{path.name} is not valid JSON: expected ',' or ']'",
                            Location(shown, line_at(text, at)), _HINT)
    if at >= len(text) or _skip_space(text, at + 1) != len(text):
        raise malformed(f"{path.name} is not valid JSON: the list is not closed with ']' or text follows it",
                        Location(shown, line_at(text, min(at, len(text)))), _HINT)
    problems.raise_if_errors()
    return references


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at

