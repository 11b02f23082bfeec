"""Random evidence and text through the whole check: every outcome is a deck or a reported error."""

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefdeck.check import check_brief
from briefdeck.errors import BriefdeckError

FIXTURE = Path(__file__).parent / "fixtures" / "design_example.yaml"

words = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
locators = st.one_of(
    st.from_regex(r"(tip-2017-dprk|king-2019|nobody)(:p[0-9]{1,3}(\.s[0-9]{1,2})?)?", fullmatch=True),
    words,
)
evidence = st.one_of(
    st.fixed_dictionaries({"quote": words}),
    st.fixed_dictionaries({"quote": words, "source": locators}),
    st.fixed_dictionaries({"finding": locators}),
    st.fixed_dictionaries({"source": locators}),
)
texts = st.one_of(words, st.from_regex(r"[A-Za-z ]{0,20}[0-9][0-9,.]{0,8}( million| percent|m)?", fullmatch=True))


@pytest.fixture(scope="module")
def project_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz") / "project"
    shutil.copytree(Path(__file__).resolve().parents[2] / "seeds", root / "seeds")
    (root / "briefs").mkdir()
    return root


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, proof=evidence, audiences=st.one_of(st.none(), st.lists(st.sampled_from(
    ["policy", "classroom", "nobody"]), max_size=2)))
def test_random_points_give_a_deck_or_a_located_error(project_dir, text, proof, audiences):
    brief = yaml.load(FIXTURE.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    point = {"text": text, **proof}
    if audiences is not None:
        point["audiences"] = audiences
    brief["slides"][1]["points"].append(point)
    path = project_dir / "briefs" / "fuzz.yaml"
    path.write_text(yaml.safe_dump(brief, allow_unicode=True), encoding="utf-8")
    try:
        result = check_brief(path, strict=True)
    except BriefdeckError as exc:
        assert exc.problems and all(p.message for p in exc.problems)
        return
    if result.errors:
        assert all(p.location is not None and p.location.line for p in result.errors), result.errors
        assert result.decks == {}
    else:
        assert set(result.decks) == {"policy", "classroom"}
        for deck in result.decks.values():
            for slide in deck.slides:
                numbers = [f.number for f in slide.footnotes]
                assert numbers == list(range(1, len(numbers) + 1))
                assert all(n in numbers for p in slide.points for n in p.footnotes)
