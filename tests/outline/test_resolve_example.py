"""The DESIGN.md example outline resolved against the seeds, per audience."""

import shutil
from pathlib import Path

import pytest

from briefdeck.check import check_brief

FIXTURE = Path(__file__).parent / "fixtures" / "design_example.yaml"


@pytest.fixture
def example(project) -> Path:
    path = project / "briefs" / "example.yaml"
    shutil.copy(FIXTURE, path)
    return path


def points(deck, title):
    slide = next(s for s in deck.slides if s.title == title)
    return slide, [p.text for p in slide.points]


def test_design_example_passes_for_both_audiences(example):
    result = check_brief(example)
    assert result.errors == [] and result.warnings == []
    assert set(result.decks) == {"policy", "classroom"}


def test_quote_is_located_to_its_sentence(example):
    deck = check_brief(example).decks["policy"]
    slide, texts = points(deck, "Tier 3, the lowest ranking")
    assert texts[0] == "North Korea stayed on Tier 3 in 2017."
    assert slide.points[0].footnotes == (1,)
    note = slide.footnote(1)
    assert note.citation.locator == "tip-2017-dprk:p1.s1"
    assert note.citation.quoted == "the DPRK remained on Tier 3"
    assert note.citation.record.id == "tip-2017-dprk"


def test_finding_point_is_the_source_sentence(example):
    deck = check_brief(example).decks["policy"]
    slide, texts = points(deck, "Tier 3, the lowest ranking")
    assert texts[1].startswith("The government did not demonstrate any efforts to address human trafficking")
    assert slide.footnote(2).citation.locator == "tip-2017-dprk:p1.s2"


def test_classroom_drops_the_policy_only_point_and_takes_its_own_text(example):
    decks = check_brief(example).decks
    _, policy = points(decks["policy"], "Tier 3, the lowest ranking")
    _, classroom = points(decks["classroom"], "Tier 3, the lowest ranking")
    assert "No known investigations or prosecutions of traffickers." in policy
    assert "No known investigations or prosecutions of traffickers." not in classroom
    assert "Forced labour is a pillar of the economic system." in policy
    assert "Forced labour is built into how the economy works." in classroom


def test_classroom_gets_the_content_note_and_the_questions(example):
    decks = check_brief(example).decks
    kinds = [s.kind for s in decks["classroom"].slides]
    assert kinds[:2] == ["title", "content-note"] and "questions" in kinds
    assert "content-note" not in [s.kind for s in decks["policy"].slides]
    assert "questions" not in [s.kind for s in decks["policy"].slides]


def test_points_tagged_sexual_violence_are_dropped_for_the_classroom_only(example):
    text = example.read_text(encoding="utf-8").replace("""  - title: Key figures""", """\
  - title: Conditions in the camps
    points:
      - text: The UN inquiry described beatings, torture and rape in the camps.
        quote: subjected to beatings, torture, and rape
      - text: Prisoners, including children, are forced to work.
        quote: all prisoners, including children, are subject to forced labor
        source: tip-2017-dprk
  - title: Key figures""")
    example.write_text(text, encoding="utf-8")
    decks = check_brief(example).decks
    _, policy = points(decks["policy"], "Conditions in the camps")
    _, classroom = points(decks["classroom"], "Conditions in the camps")
    assert len(policy) == 2 and len(classroom) == 1
    assert classroom == ["Prisoners, including children, are forced to work."]
    for deck in decks.values():
        for slide in deck.slides:
            for point in slide.points:
                if deck.audience.key == "classroom":
                    assert "sexual-violence" not in point.tags


def test_footnotes_restart_per_slide_and_run_on_for_handouts(example):
    deck = check_brief(example).decks["policy"]
    numbered = [s for s in deck.slides if s.footnotes]
    assert all([f.number for f in s.footnotes] == list(range(1, len(s.footnotes) + 1)) for s in numbered)
    handout_numbers = [f.handout_number for f in deck.footnotes]
    assert handout_numbers == list(range(1, len(handout_numbers) + 1))
    firsts = {}
    for f in deck.footnotes:
        firsts.setdefault(f.citation.source_id, f)
    assert all(f.first == (firsts[f.citation.source_id] is f) for f in deck.footnotes)


def test_bibliography_holds_exactly_the_cited_sources(example):
    deck = check_brief(example).decks["policy"]
    cited = {f.citation.source_id for f in deck.footnotes}
    assert {r.id for r in deck.bibliography} == cited == {"tip-2017-dprk", "king-2019"}
    assert deck.slides[-1].kind == "sources"


def test_figures_slide_splits_the_number_from_its_caption(example):
    deck = check_brief(example).decks["policy"]
    slide = next(s for s in deck.slides if s.kind == "figures")
    assert slide.points[0].figure == "80,000–120,000"
    assert slide.points[0].text == "political prisoners"
    assert slide.footnote(1).citation.locator == "tip-2017-dprk:p8.s5"


def test_select_pulls_ranked_findings(example):
    deck = check_brief(example).decks["policy"]
    slide = next(s for s in deck.slides if s.title == "Prison camps in the reporting")
    assert len(slide.points) == 3
    assert all("prison camps" in p.text.lower() for p in slide.points)
    assert {f.citation.source_id for f in slide.footnotes} <= {"tip-2017-dprk", "king-2019"}


def test_audience_option_builds_one_deck(example):
    assert set(check_brief(example, audience="classroom").decks) == {"classroom"}
