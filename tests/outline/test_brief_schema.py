"""The JSON Schema for editors: current, and right about the example briefs and a misspelt key."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from briefdeck.errors import Problems
from briefdeck.outline.brief_schema import SCHEMA_FILE, brief_json_schema, brief_json_schema_text
from briefdeck.outline.fields import POINT_KEYS, TOP_KEYS
from briefdeck.yamlfile import BRIEF, node_to_data, yaml_text_to_node

BRIEFS = sorted((Path(__file__).resolve().parents[2] / "briefs").glob("*.yaml"))
VALIDATOR = jsonschema.Draft7Validator(brief_json_schema())


def _data(text: str):
    """The brief as an editor's YAML language server sees it (YAML 1.2 core types)."""
    problems = Problems()
    data = node_to_data(yaml_text_to_node(text, "brief.yaml", BRIEF), problems)
    assert not problems.items
    return data


def test_shipped_schema_is_the_generated_one():
    shipped = resources.files("briefdeck.outline").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    assert shipped == brief_json_schema_text(), "run: python tools/make_brief_schema.py"


def test_schema_is_valid_draft_7():
    jsonschema.Draft7Validator.check_schema(brief_json_schema())


def test_schema_knows_every_key_the_loader_knows():
    schema = brief_json_schema()
    assert tuple(schema["properties"]) == TOP_KEYS
    assert tuple(schema["definitions"]["point"]["properties"]) == POINT_KEYS


@pytest.mark.parametrize("brief", BRIEFS, ids=[b.name for b in BRIEFS])
def test_example_briefs_are_valid(brief):
    assert len(BRIEFS) == 2
    errors = list(VALIDATOR.iter_errors(_data(brief.read_text(encoding="utf-8"))))
    assert errors == []


@pytest.mark.parametrize("text, path, words", [
    ("titel: T\nslides: []\n", [], "'titel' was unexpected"),
    ("title: T\nslides:\n  - title: S\n    points:\n      - text: x\n        qoute: words\n",
     ["slides", 0, "points", 0], "'qoute' was unexpected"),
    ("title: T\nslides:\n  - title: S\n    kind: bulets\n", ["slides", 0, "kind"], "'bulets' is not one of"),
    ("title: T\nslides:\n  - select: {query: camps, limit: 99}\n", ["slides", 0, "select", "limit"], "99"),
    ("title: T\ncitations: {style: MLA style}\nslides: []\n", ["citations", "style"], "does not match"),
])
def test_misspelt_or_wrong_values_are_rejected(text, path, words):
    errors = list(VALIDATOR.iter_errors(_data(text)))
    assert errors
    best = jsonschema.exceptions.best_match(errors)
    assert words in best.message or any(words in e.message for e in errors), [e.message for e in errors]
    assert any(list(e.absolute_path)[:len(path)] == path for e in errors)


def test_a_brief_without_slides_is_rejected():
    errors = list(VALIDATOR.iter_errors(_data("title: T\n")))
    assert ["'slides' is a required property"] == [e.message for e in errors]
