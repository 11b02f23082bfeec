"""Property tests: whatever the text, loading gives an Outline or located problems.

Never another exception, and every problem carries a line (≥ 1) and a code
documented in ``src/briefdeck/outline/codes.md``.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import briefdeck.outline
from briefdeck.errors import BriefdeckError
from briefdeck.outline.fields import (
    ALL_SLIDE_KEYS, AUDIENCE_KEYS, CITATION_KEYS, POINT_KEYS, SELECT_KEYS, TOP_KEYS,
)
from briefdeck.outline.load import outline_from_text
from briefdeck.outline.model import Outline
from briefdeck.yamlfile import DEFAULT_LOADER

EXAMPLE = (Path(__file__).parent / "fixtures" / "design_example.yaml").read_text(encoding="utf-8")
CODES_MD = Path(briefdeck.outline.__file__).parent / "codes.md"
DOCUMENTED = set(re.findall(r"^\| `([a-z0-9-]+)` \|", CODES_MD.read_text(encoding="utf-8"), re.MULTILINE))
KEYS = sorted(set(TOP_KEYS + CITATION_KEYS + AUDIENCE_KEYS + ALL_SLIDE_KEYS + POINT_KEYS + SELECT_KEYS))
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_outcome(text: str) -> None:
    try:
        outline = outline_from_text(text, filename="fuzz.yaml", known_tags=["sexual-violence", "children"])
    except BriefdeckError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.location is not None and problem.location.file == "fuzz.yaml", problem
            assert problem.location.line is not None and problem.location.line >= 1, problem
            assert problem.location.column is None or problem.location.column >= 1, problem
            assert problem.code in DOCUMENTED, f"undocumented code {problem.code}"
            assert problem.message
    else:
        assert isinstance(outline, Outline)
        assert outline.title and outline.slides and outline.audiences


def test_codes_table_is_found():
    assert {"point-no-evidence", "yaml-alias", "file-too-large", "unknown-key"} <= DOCUMENTED


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.dates(),
    st.text(max_size=20), st.sampled_from(["no", "NO", "yes", "on", "true", "~", "", "tip-2017-dprk:p1.s2",
                                           "bullets", "quote", "policy", "classroom", "default", "3", "lots"]),
)
keys = st.one_of(st.sampled_from(KEYS), st.text(max_size=12))
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)),
    max_leaves=25,
)


@FUZZ
@given(documents, st.booleans(), st.booleans())
def test_random_yaml_documents(document, flow, unicode):
    check_outcome(yaml.safe_dump(document, default_flow_style=flow, allow_unicode=unicode))


@FUZZ
@given(st.dictionaries(st.sampled_from(TOP_KEYS), documents, min_size=1, max_size=6))
def test_random_documents_with_brief_keys(document):
    check_outcome(yaml.safe_dump(document, allow_unicode=True))


def _paths(node, path=()):
    """Every place in a loaded YAML value: (path to the container, key or index)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield path, key
            yield from _paths(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield path, index
            yield from _paths(value, path + (index,))


def _get(node, path):
    for step in path:
        node = node[step]
    return node


BASE = yaml.load(EXAMPLE, Loader=DEFAULT_LOADER)  # the parser the loader uses (see briefdeck.yamlfile.nodes)
PLACES = list(_paths(BASE))


@FUZZ
@given(st.data())
def test_mutations_of_the_design_example(data):
    document = copy.deepcopy(BASE)
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        path, key = data.draw(st.sampled_from(PLACES), label="place")
        try:
            container = _get(document, path)
            container[key]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this place
        if not isinstance(container, (dict, list)):
            continue  # an earlier mutation put text here
        action = data.draw(st.sampled_from(["delete", "rename", "replace", "swap"]), label="action")
        if action == "delete":
            del container[key]
        elif action == "rename" and isinstance(container, dict):
            new_key = data.draw(keys, label="new key")
            container[new_key] = container.pop(key)
        elif action == "replace":
            container[key] = data.draw(documents, label="value")
        else:
            other_path, other_key = data.draw(st.sampled_from(PLACES), label="other")
            try:
                container[key] = copy.deepcopy(_get(document, other_path)[other_key])
            except (KeyError, IndexError, TypeError):
                continue
    check_outcome(yaml.safe_dump(document, allow_unicode=True, sort_keys=False))


def test_the_unmutated_example_loads():
    check_outcome(yaml.safe_dump(BASE, allow_unicode=True, sort_keys=False))
    assert outline_from_text(EXAMPLE, filename="fuzz.yaml").slides


YAMLISH = st.lists(st.sampled_from(list(":-[]{}#&*!|>'\"\n\t %@`,?~.\\") + [
    "title", "slides", "points", "text", "quote", "a", "1", "é", "  ", "\n  - ", ": "]), max_size=60).map("".join)


@FUZZ
@given(st.one_of(st.text(max_size=300), YAMLISH))
def test_random_text(text):
    check_outcome(text)


@FUZZ
@given(st.data())
def test_example_with_random_edits_to_its_text(data):
    text = EXAMPLE
    for _ in range(data.draw(st.integers(1, 3), label="edits")):
        at = data.draw(st.integers(0, len(text)), label="at")
        cut = data.draw(st.integers(0, 10), label="cut")
        insert = data.draw(st.one_of(YAMLISH, st.text(max_size=5)), label="insert")
        text = text[:at] + insert + text[at + cut:]
    check_outcome(text)
