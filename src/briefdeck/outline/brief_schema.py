"""The JSON Schema of the brief format, for editors, made from `briefdeck.outline.fields`.

An editor with a YAML language server (VS Code's YAML extension, for one)
completes keys, shows each one's help and marks misspelt or misplaced keys
when the brief starts with::

    # yaml-language-server: $schema=<path or URL of brief.schema.json>

The schema is generated from the same description of the fields that the
loader walks, and shipped beside this module as ``brief.schema.json``
(``python tools/make_brief_schema.py`` writes it; a test checks it is current).
It knows keys and value shapes; rules across keys (a point's evidence, a
quote found in the sources) are `briefdeck check`'s.
"""

from __future__ import annotations

import json
from typing import Any

from briefdeck.outline.fields import AUDIENCE, CITATIONS, EVIDENCE, POINT, SELECT, SLIDE, TOP, Place, def_name

SCHEMA_FILE = "brief.schema.json"
_REQUIRED = {TOP.name: ("title", "slides"), SELECT.name: ("query",)}


def brief_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft-07, which editors support best) of a brief."""
    schema: dict[str, Any] = {"$schema": "http://json-schema.org/draft-07/schema#", "title": "briefdeck brief"}
    schema.update(_place_schema(TOP))
    schema["type"] = "object"
    schema["definitions"] = {def_name(place.name): _place_schema(place)
                             for place in (CITATIONS, AUDIENCE, SLIDE, POINT, EVIDENCE, SELECT)}
    return schema


def brief_json_schema_text() -> str:
    """The schema as the text of ``brief.schema.json``: sorted keys, two-space indent, final newline."""
    return json.dumps(brief_json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _place_schema(place: Place) -> dict[str, Any]:
    properties = {}
    for field in place.fields:
        prop = field.type.schema()
        prop["description"] = field.help
        properties[field.key] = prop
    # null too: an empty value ("citations:") means the key was not given.
    schema: dict[str, Any] = {"type": ["object", "null"], "properties": properties, "additionalProperties": False}
    if place.help:
        schema["description"] = place.help
    if place.name in _REQUIRED:
        schema["required"] = list(_REQUIRED[place.name])
    return schema
