"""Citation keys in a brief ("@key", "[@key, para. 8]") build exactly what the locators they spell build."""

from __future__ import annotations

from pathlib import Path

BRIEF = """\
title: Citation keys
date: 2026-11-22
slides:
  - title: Forced labour
    points:
      - text: Forced labour is part of political repression.
        source: {passage}
      - finding: {sentence}
      - text: Prisoners are held in political prison camps.
        quote: prisoners in political prison camps
        source: {whole}
  - title: Prison camps in the reporting
    select: {{query: prison camps, sources: [{whole}], limit: 2}}
"""
# A key names a source or a paragraph; a finding (one sentence) keeps its locator.
KEYS = dict(passage='"[@tip-2017-dprk, para. 8]"', sentence="tip-2017-dprk:p1.s2", whole='"@tip-2017-dprk"')
LOCATORS = dict(passage="tip-2017-dprk:p8", sentence="tip-2017-dprk:p1.s2", whole="tip-2017-dprk")


def build(project: Path, cli, brief: str, name: str) -> dict[str, bytes]:
    """The .pptx and handout HTML built from ``brief`` in a folder of its own, by file suffix."""
    out = project / "out" / name
    (project / "briefs" / "deck.yaml").write_text(brief, encoding="utf-8")
    result = cli(project, "build", "briefs/deck.yaml", "--format", "pptx,html", "--out", str(out))
    assert result.exit_code == 0, result.output
    built = {path.name: path.read_bytes() for path in sorted(out.iterdir())}
    assert sorted(built) == ["deck-all-handout.html", "deck-all.pptx"]
    return built


def test_a_brief_written_with_citation_keys_builds_the_same_deck_as_one_written_with_locators(project, cli):
    keyed_deck = build(project, cli, BRIEF.format(**KEYS), "keys")
    assert keyed_deck == build(project, cli, BRIEF.format(**LOCATORS), "locators")
    assert b"par. 8" in keyed_deck["deck-all-handout.html"]  # the passage cited is paragraph 8


def test_a_finding_written_as_a_key_names_a_paragraph_and_is_refused_as_not_a_sentence(project, cli):
    brief = BRIEF.format(**dict(KEYS, sentence='"@tip-2017-dprk, para. 1"'))
    (project / "briefs" / "deck.yaml").write_text(brief, encoding="utf-8")
    result = cli(project, "check", "briefs/deck.yaml")
    assert result.exit_code == 1
    assert "briefs/deck.yaml:8:18: error: finding: expected one sentence, SOURCE:pN.sM; " \
           "found 'tip-2017-dprk:p1'" in result.stderr


def test_a_page_citation_is_refused_at_its_line_saying_what_to_write(project, cli):
    brief = BRIEF.format(**dict(LOCATORS, passage='"[@tip-2017-dprk, p. 212]"'))
    (project / "briefs" / "deck.yaml").write_text(brief, encoding="utf-8")
    result = cli(project, "check", "briefs/deck.yaml")
    assert result.exit_code == 1
    assert ("briefs/deck.yaml:7:17: error: source: '[@tip-2017-dprk, p. 212]' cites a page; page locators are "
            "accepted only for paginated sources: write [@tip-2017-dprk, para. N]") in result.stderr


def test_an_unquoted_pandoc_citation_is_a_yaml_error_whose_hint_adds_the_quotes(project, cli):
    brief = BRIEF.format(**dict(LOCATORS, passage="[@tip-2017-dprk, para. 8]"))
    (project / "briefs" / "deck.yaml").write_text(brief, encoding="utf-8")
    result = cli(project, "check", "briefs/deck.yaml")
    assert result.exit_code == 1
    assert "briefs/deck.yaml:7:18: error: the brief is not valid YAML" in result.stderr
    assert 'a citation key must be in quotes: source: "[@key, para. 8]"' in result.stderr


def test_an_unknown_key_is_reported_like_an_unknown_source(project, cli):
    brief = BRIEF.format(**dict(LOCATORS, passage='"@tip-2018-dprk, para. 8"'))
    (project / "briefs" / "deck.yaml").write_text(brief, encoding="utf-8")
    result = cli(project, "check", "briefs/deck.yaml")
    assert result.exit_code == 1
    assert "briefs/deck.yaml:7:17: error:" in result.stderr and "tip-2018-dprk" in result.stderr
