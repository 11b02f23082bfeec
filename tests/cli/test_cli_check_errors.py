"""Malformed or wrong outlines through ``briefdeck check``: the message, the line, the exit status.

Each case is a brief a user might write by mistake. None may produce a traceback.
"""

import textwrap

import pytest

HEAD = """\
title: Example briefing
sources: ../seeds
audiences:
  policy:
    label: Policy staff
  classroom:
    label: Classroom
    omit_tags: [sexual-violence]
slides:
"""

# (case id, brief text, words the message must hold, line the problem is reported at, exit status)
CASES = [
    ("unknown top-level key", "title: T\ntitel: x\nslides:\n  - title: S\n    points:\n      - text: x\n"
     "        unsourced: true\n", "did you mean 'title'", 2, 1),
    ("misspelt kind", HEAD + "  - title: S\n    kind: bulets\n    points:\n      - text: x\n        unsourced: true\n",
     "did you mean 'bullets'", 11, 1),
    ("unknown point key", HEAD + "  - title: S\n    points:\n      - text: x\n        qoute: the DPRK remained\n",
     "did you mean 'quote'", 13, 1),
    ("point without evidence", HEAD + "  - title: S\n    points:\n      - text: A claim with nothing behind it.\n",
     "unsourced: true", 12, 1),
    ("unsourced not a boolean", HEAD + "  - title: S\n    points:\n      - text: x\n        unsourced: yes\n",
     "unsourced", 13, 1),
    ("tab indentation", HEAD + "  - title: S\n\tpoints: []\n", "tab", 11, 1),
    ("bad indentation", HEAD + "  - title: S\n      points:\n    - text: x\n", "", 11, 1),
    ("unclosed quote", HEAD + "  - title: \"S\n", "", 10, 1),
    ("duplicate key", HEAD + "  - title: S\n    title: T\n    points:\n      - text: x\n        unsourced: true\n",
     "duplicate", 11, 1),
    ("unknown audience on a slide", HEAD + "  - title: S\n    audiences: [polcy]\n    points:\n      - text: x\n"
     "        unsourced: true\n", "did you mean 'policy'", 11, 1),
    ("text for an undeclared audience", HEAD + "  - title: S\n    points:\n      - text:\n          default: x\n"
     "          teachers: y\n        unsourced: true\n", "teachers", 14, 1),
    ("unknown citation style", "title: T\ncitations:\n  style: mla\nslides:\n  - title: S\n    points:\n"
     "      - text: x\n        unsourced: true\n", "chicago-note", 3, 1),
    ("unknown footnote placement", "title: T\ncitations:\n  on_slides: bottom\nslides:\n  - title: S\n"
     "    points:\n      - text: x\n        unsourced: true\n", "footnote", 3, 1),
    ("unknown handout kind", "title: T\naudiences:\n  a:\n    label: A\n    handout: poster\nslides:\n"
     "  - title: S\n    points:\n      - text: x\n        unsourced: true\n", "reading", 5, 1),
    ("unknown omitted tag", "title: T\naudiences:\n  a:\n    label: A\n    omit_tags: [sexual-violnce]\nslides:\n"
     "  - title: S\n    points:\n      - text: x\n        unsourced: true\n", "did you mean 'sexual-violence'", 5, 1),
    ("select limit not a number", HEAD + "  - title: S\n    select: {query: camps, limit: lots}\n", "limit", 11, 1),
    ("malformed locator", HEAD + "  - title: S\n    points:\n      - text: x\n        source: tip-2017-dprk:paragraph4\n",
     "pN", 13, 1),
    ("empty file", "", "empty", 1, 1),
    ("list at the top level", "- title: S\n", "mapping", 1, 1),
    ("scalar at the top level", "just some words\n", "mapping", 1, 1),
    ("alias bomb", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
     "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\ntitle: T\nslides: [*e]\n", "alias", 1, 1),
    # resolution against the corpus
    ("quote not in the corpus", HEAD + "  - title: S\n    points:\n      - text: x\n"
     "        quote: the DPRK remained on Tier 2\n", "closest passages", 13, 1),
    ("ambiguous quote", HEAD + "  - title: S\n    points:\n      - text: x\n        quote: 80,000 to 120,000\n",
     "tip-2017-dprk:p8", 13, 1),
    ("unknown source id", HEAD + "  - title: S\n    points:\n      - text: x\n        source: tip-2018-dprk:p4\n",
     "did you mean 'tip-2017-dprk'", 13, 1),
    ("paragraph out of range", HEAD + "  - title: S\n    points:\n      - finding: tip-2017-dprk:p99.s1\n",
     "p1–p11", 12, 1),
    ("sentence out of range", HEAD + "  - title: S\n    points:\n      - finding: tip-2017-dprk:p1.s9\n",
     "s1–s4", 12, 1),
    ("number mismatch under --strict", HEAD + "  - title: S\n    points:\n      - text: 2.5 million people\n"
     "        quote: as many as 2.6 million people\n", "2.5 million", 12, 1),
]


@pytest.mark.parametrize("brief, expected, line, status", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_wrong_outline_is_reported_at_its_line(project, cli, brief, expected, line, status):
    path = project / "briefs" / "wrong.yaml"
    path.write_text(brief, encoding="utf-8")
    result = cli(project, "check", "briefs/wrong.yaml", "--strict")
    assert result.exit_code == status, result.output
    assert "Traceback" not in result.output
    assert f"briefs/wrong.yaml:{line}" in result.stderr, result.stderr
    assert expected.lower() in result.stderr.lower(), result.stderr


def test_ten_megabytes_of_text_is_refused(project, cli):
    (project / "briefs" / "huge.yaml").write_text("title: " + "x" * (10 * 1024 * 1024) + "\n", encoding="utf-8")
    result = cli(project, "check", "briefs/huge.yaml")
    assert result.exit_code == 1 and "limit is 1 MB" in result.stderr


def test_all_errors_are_reported_at_once(project, cli):
    brief = HEAD + textwrap.dedent("""\
      - title: S
        kind: bulets
        points:
          - text: x
            qoute: y
      - title: T
        points:
          - text: A claim with nothing behind it.
    """)
    (project / "briefs" / "many.yaml").write_text(brief, encoding="utf-8")
    result = cli(project, "check", "briefs/many.yaml")
    assert result.exit_code == 1
    assert result.stderr.count("briefs/many.yaml:") >= 3


def test_unknown_audience_option_is_wrong_usage(project, cli):
    (project / "briefs" / "ok.yaml").write_text(HEAD + "  - title: S\n    points:\n      - text: x\n"
                                                 "        unsourced: true\n", encoding="utf-8")
    result = cli(project, "check", "briefs/ok.yaml", "--audience", "polcy")
    assert result.exit_code == 2 and "did you mean 'policy'" in result.stderr


def test_missing_brief_is_wrong_usage(project, cli):
    result = cli(project, "check", "briefs/nowhere.yaml")
    assert result.exit_code == 2 and "nowhere.yaml" in result.stderr
