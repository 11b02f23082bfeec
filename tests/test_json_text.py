"""`indented_json` writes the very characters ``json.dumps(..., indent=N, ensure_ascii=False)`` writes."""

from __future__ import annotations

import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from briefdeck.json_text import indented_json

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                       | st.dictionaries(st.text(), inner, max_size=4), max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(_VALUES, st.sampled_from([1, 2, 4]), st.booleans())
def test_the_text_is_json_dumps_text(value, indent, sort_keys):
    assert indented_json(value, indent, sort_keys=sort_keys) == json.dumps(value, indent=indent, sort_keys=sort_keys,
                                                                           ensure_ascii=False)


def test_odd_values_are_written_as_json_dumps_writes_them():
    odd = {"nan": math.nan, "inf": [math.inf, -math.inf], "quote": 'a "b" \\ c\n\u2028', "lone": "\ud800",
           "empty": [{}, [], ""], "korean": "북한", 3: "an int key", "nested": {"x": [True, False, None, 1.5, -0]}}
    assert indented_json(odd) == json.dumps(odd, indent=2, ensure_ascii=False)


def test_a_value_json_cannot_write_fails_as_json_dumps_fails():
    for bad in ({"set": {1, 2}}, {(1, 2): "tuple key"}):
        try:
            json.dumps(bad, indent=2, ensure_ascii=False)
        except TypeError as exc:
            expected = str(exc)
        try:
            indented_json(bad)
        except TypeError as exc:
            assert str(exc) == expected
        else:
            raise AssertionError(f"{bad!r} was written")
