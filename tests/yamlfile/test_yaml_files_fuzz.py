"""Fuzzing sources.yaml, layout.yaml and the lexicon through the one YAML loader.

Whatever the text, reading it gives a result or a `BriefdeckError` whose every
problem names the file and a line: never another exception.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import briefdeck.outline
from briefdeck.errors import BriefdeckError
from briefdeck.findings.tags import load_lexicon
from briefdeck.layouts import find_layout
from briefdeck.render.pptx.settings import pptx_settings
from briefdeck.sources.records import load_records

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
CODES_MD = Path(briefdeck.outline.__file__).parent / "codes.md"
# Every code named in the first cell of a table row of codes.md.
DOCUMENTED = {code for cell in re.findall(r"^\| ([^|]+) \|", CODES_MD.read_text(encoding="utf-8"), re.MULTILINE)
              for code in re.findall(r"`([a-z0-9-]+)`", cell)}
FUZZ = settings(max_examples=120, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Fragments that reach the loader's corners: anchors, aliases, tags, odd numbers and dates, deep brackets, tabs.
PIECES = ["- ", "id: ", "file: ", "issued: ", "accessed: ", "date-parts: [[", "]]", "2020-02-30", "9" * 30, ".nan",
          "-.inf", "&a ", "*a", "!!binary ", "!!set ", "42: ", "true: ", '"\\0"', "\t", "\n", "  ", "[", "]", "{",
          "}", ", ", "? ", "---\n", "~", "'", '"', "000_5d0627c7a3221be2.txt", "king-2019", "colours:", "text: ",
          "1F2933", "sizes:", "body:", "size: ", "floor: ", "template: ", "x.pptx", "extends: ", "default",
          "slide:", "width: ", "language: ", "ranking:", "/(a+)+$/", "/a{99999}/", "/x/", "lorem*", "\x00", "é"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map("".join)


def _assert_located(error: BriefdeckError, name: str) -> None:
    assert error.problems
    for problem in error.problems:
        assert problem.location is not None and problem.location.file.endswith(name), problem
        assert problem.message
        assert problem.code in DOCUMENTED, f"undocumented code {problem.code}"


@FUZZ
@given(text=texts)
def test_fuzzed_sources_yaml(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("seeds")
    shutil.copy(SEEDS / "000_5d0627c7a3221be2.txt", folder)
    (folder / "sources.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_records(folder)
    except BriefdeckError as error:
        _assert_located(error, "sources.yaml")


@FUZZ
@given(text=texts)
def test_fuzzed_layout_yaml(tmp_path_factory, text):
    project = tmp_path_factory.mktemp("project")
    folder = project / "layouts" / "fuzz"
    folder.mkdir(parents=True)
    (folder / "layout.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        pptx_settings(find_layout("fuzz", project=project))
    except BriefdeckError as error:
        _assert_located(error, "layout.yaml")


@FUZZ
@given(text=texts)
def test_fuzzed_lexicon(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("lexicon") / "lexicon.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_lexicon(path)
    except BriefdeckError as error:
        _assert_located(error, "lexicon.yaml")


def _values():
    leaves = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.dates(),
                       st.text(max_size=10))
    return st.recursive(leaves, lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=12)


@FUZZ
@given(records=st.lists(st.dictionaries(st.sampled_from(["id", "file", "title", "issued", "accessed", "author",
                                                         "volume", "URL"]), _values(), max_size=6), max_size=4))
def test_well_formed_yaml_records_of_any_shape(tmp_path_factory, records):
    folder = tmp_path_factory.mktemp("seeds")
    (folder / "sources.yaml").write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
    try:
        load_records(folder)
    except BriefdeckError as error:
        _assert_located(error, "sources.yaml")
