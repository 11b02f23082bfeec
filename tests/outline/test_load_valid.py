"""Briefs that load: the DESIGN.md example and every accepted form of a point and slide."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from briefdeck.outline.load import load_outline, outline_from_text
from briefdeck.outline.model import Outline

FIXTURES = Path(__file__).parent / "fixtures"
DESIGN_EXAMPLE = FIXTURES / "design_example.yaml"


def load(text: str, **kwargs) -> Outline:
    return outline_from_text(textwrap.dedent(text), filename="brief.yaml", **kwargs)


@pytest.fixture(scope="module")
def example() -> Outline:
    return load_outline(DESIGN_EXAMPLE)


def test_design_example_is_the_one_in_design_md():
    design = Path("/work/shared/DESIGN.md")
    if not design.is_file():
        pytest.skip("DESIGN.md is not beside this checkout")
    assert DESIGN_EXAMPLE.read_text(encoding="utf-8") in design.read_text(encoding="utf-8")


def test_design_example_top_level(example):
    assert example.title == "North Korea and Human Trafficking"
    assert example.subtitle == "What U.S. government and expert reporting documents"
    assert example.date == dt.date(2026, 11, 22)
    assert example.date_text == "2026-11-22"
    assert example.sources == "../seeds"
    assert example.layout == "default"
    assert (example.citations.style, example.citations.on_slides) == ("chicago-note", "footnote")
    assert example.summary is None
    assert example.name == "design_example"
    assert not example.implicit_audience


def test_design_example_audiences(example):
    policy, classroom = example.audiences
    assert (policy.key, policy.label, policy.handout, policy.omit_tags) == ("policy", "Policy staff", "memo", ())
    assert (classroom.key, classroom.label, classroom.handout) == ("classroom", "Upper-secondary civics", "reading")
    assert classroom.omit_tags == ("sexual-violence",)
    assert classroom.content_note == "This lesson discusses forced labour and the exploitation of refugees."
    assert policy.location.line == 10
    assert classroom.omit_tags == ("sexual-violence",)


def test_design_example_slides(example):
    assert [s.kind for s in example.slides] == ["section", "bullets", "bullets", "figures", "questions"]
    assert [s.title_for("policy") for s in example.slides] == [
        "The ranking", "Tier 3, the lowest ranking", "Prison camps in the reporting", "Key figures", "Discuss"]
    assert [s.location.line for s in example.slides] == [19, 20, 33, 35, 41]
    tier3 = example.slides[1]
    assert tier3.notes == "Speaker notes; the quoted evidence is added below them."
    assert example.slides[4].audiences == ("classroom",)
    assert not example.slides[4].shown_to("policy")


def test_design_example_points_and_evidence(example):
    quote, finding, paraphrase, per_audience = example.slides[1].points
    assert quote.text_for("policy") == "North Korea stayed on Tier 3 in 2017."
    assert [(e.kind, e.value, e.source) for e in quote.evidence] == [("quote", "the DPRK remained on Tier 3", None)]
    assert (quote.evidence[0].location.line, quote.evidence[0].location.column) == (23, 16)

    assert finding.text is None and finding.text_for("policy") is None
    assert [(e.kind, e.value) for e in finding.evidence] == [("finding", "tip-2017-dprk:p1.s2")]

    assert [(e.kind, e.value) for e in paraphrase.evidence] == [("source", "tip-2017-dprk:p4")]
    assert paraphrase.audiences == ("policy",)
    assert paraphrase.shown_to("policy") and not paraphrase.shown_to("classroom")

    assert per_audience.text_for("policy") == "Forced labour is a pillar of the economic system."
    assert per_audience.text_for("classroom") == "Forced labour is built into how the economy works."
    assert not any(p.unsourced for p in example.slides[1].points)


def test_design_example_select_figures_questions(example):
    select = example.slides[2].select
    assert (select.query, select.sources, select.section, select.tags, select.limit) == (
        "prison camps forced labor", ("tip-2017-dprk", "king-2019"), None, (), 3)
    assert example.slides[2].points == ()

    (figure,) = example.slides[3].points
    assert figure.text_for("classroom") == "80,000–120,000 political prisoners"
    assert [(e.kind, e.value, e.source) for e in figure.evidence] == [("quote", "80,000 to 120,000", "tip-2017-dprk")]

    (question,) = example.slides[4].questions
    assert question.text_for("classroom") == "Why are people fleeing North Korea easy prey for brokers?"
    assert question.evidence == () and example.slides[4].points == ()


def test_outline_is_immutable_and_hashable(example):
    with pytest.raises(AttributeError):
        example.title = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        example.slides[1].points[3].text["policy"] = "changed"  # type: ignore[index]
    assert hash(example) == hash(load_outline(DESIGN_EXAMPLE))
    assert example == load_outline(DESIGN_EXAMPLE)


def test_yaml_1_1_words_stay_text():
    outline = load("""\
        title: no
        subtitle: NO
        summary: on
        slides:
          - title: 1.0
            notes: yes
            points:
              - text: off
                unsourced: TRUE
              - text: null
                unsourced: False
                quote: 0x1F
              - text: 2026-11-22
                source: tip-2017-dprk
        """)
    assert (outline.title, outline.subtitle, outline.summary) == ("no", "NO", "on")
    slide = outline.slides[0]
    assert (slide.title_for("all"), slide.notes) == ("1.0", "yes")
    assert [p.text_for("all") for p in slide.points] == ["off", "null", "2026-11-22"]
    assert [p.unsourced for p in slide.points] == [True, False, False]
    assert slide.points[1].evidence[0].value == "0x1F"


def test_no_audiences_means_one_implicit_audience():
    outline = load("""\
        title: Example
        slides:
          - title: Lorem
            points:
              - text: Lorem ipsum dolor sit amet.
                unsourced: true
        """)
    assert outline.implicit_audience
    (audience,) = outline.audiences
    assert (audience.key, audience.label, audience.handout) == ("all", "All audiences", "reading")
    assert audience.omit_tags == () and audience.content_note is None
    assert outline.slides[0].points[0].text_for("all") == "Lorem ipsum dolor sit amet."
    assert outline.date is None and outline.date_text is None
    assert outline.citations.style == "chicago-note" and outline.layout == "default"


def test_date_in_words_is_shown_but_fixes_nothing():
    outline = load("""\
        title: Example
        date: Autumn term 2026
        slides: [{section: Lorem}]
        """)
    assert outline.date is None
    assert outline.date_text == "Autumn term 2026"


def test_every_point_form():
    outline = load("""\
        title: Example
        citations: {style: apa, on_slides: notes}
        audiences:
          policy: {label: Policy staff, handout: memo}
          classroom:
        summary: |
          The bottom line.
        slides:
          - title: Forms
            audiences: policy
            points:
              - text: Two sources agree.
                evidence:
                  - quote: the DPRK remained on Tier 3
                    source: tip-2017-dprk:p1
                  - finding: king-2019:p2.s1
                  - source: king-2019
              - text: A paraphrase of one sentence.
                source: tip-2017-dprk:p4.s2
              - text: The author's own framing.
                unsourced: true
          - title: Selected
            select:
              query: overseas workers
              sources: tip-2017-dprk
              section: protection
              tag: overseas-workers
              tags: [forced-labor, overseas-workers]
              limit: 50
          - kind: quote
            title: In the report's words
            quote: the DPRK remained on Tier 3
            source: tip-2017-dprk
            speaker: U.S. Department of State
          - kind: quote
            points:
              - quote: a pillar of its economic system
              - finding: tip-2017-dprk:p1.s2
          - kind: questions
            questions:
              - Lorem ipsum?
              - text: {default: Dolor sit amet?, classroom: Consectetur?}
                audiences: [classroom]
          - kind: section
            title: Closing
        """, known_tags=["forced-labor", "overseas-workers"])
    assert outline.citations.style == "apa" and outline.citations.on_slides == "notes"
    assert outline.summary == "The bottom line."
    classroom = outline.audience("classroom")
    assert (classroom.label, classroom.handout) == ("classroom", "reading")

    forms = outline.slides[0]
    assert forms.audiences == ("policy",)
    listed, paraphrase, unsourced = forms.points
    assert [(e.kind, e.value, e.source) for e in listed.evidence] == [
        ("quote", "the DPRK remained on Tier 3", "tip-2017-dprk:p1"),
        ("finding", "king-2019:p2.s1", None),
        ("source", "king-2019", None)]
    assert [e.location.line for e in listed.evidence] == [14, 16, 17]
    assert paraphrase.evidence[0].value == "tip-2017-dprk:p4.s2"
    assert unsourced.unsourced and unsourced.evidence == ()

    select = outline.slides[1].select
    assert select.sources == ("tip-2017-dprk",)
    assert select.section == "protection"
    assert select.tags == ("overseas-workers", "forced-labor")
    assert select.limit == 50

    quote_slide = outline.slides[2]
    assert quote_slide.kind == "quote" and quote_slide.speaker == "U.S. Department of State"
    (shown,) = quote_slide.points
    assert shown.text is None
    assert [(e.kind, e.value, e.source) for e in shown.evidence] == [
        ("quote", "the DPRK remained on Tier 3", "tip-2017-dprk")]

    assert [p.evidence[0].kind for p in outline.slides[3].points] == ["quote", "finding"]
    assert all(p.text is None for p in outline.slides[3].points)

    plain, per_audience = outline.slides[4].questions
    assert plain.text_for("policy") == "Lorem ipsum?"
    assert per_audience.text_for("classroom") == "Consectetur?"
    assert per_audience.audiences == ("classroom",)

    assert outline.slides[5].kind == "section" and outline.slides[5].title_for("policy") == "Closing"


def test_load_outline_reads_utf8_with_byte_order_mark(tmp_path):
    brief = tmp_path / "bom.yaml"
    brief.write_bytes("\ufefftitle: Café\nslides: [{section: Lorem}]\n".encode("utf-8"))
    outline = load_outline(brief)
    assert outline.title == "Café"
    assert outline.path == str(brief)
