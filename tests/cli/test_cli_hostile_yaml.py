"""Hostile YAML in every kind of file briefdeck reads, through ``briefdeck check``.

A brief, a layout's ``layout.yaml``, ``seeds/sources.yaml`` and the project's
``lexicon.yaml`` all go through one loader: each class of hostile input gives
exit status 1 and a message naming the file, line and column, never a traceback.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

BRIEF = """\
title: Example briefing
layout: {layout}
slides:
  - title: One slide
    points:
      - text: A claim the author makes.
        unsourced: true
"""

# Class: (snippet written at the top level, words of the message, line in the snippet, column or None).
# HOSTILE is refused in every file; VALUES where data is read (layout.yaml, sources.yaml).
HOSTILE = {
    "duplicate key": ("k1: a\nk1: b\n", "duplicate key 'k1': first at line", 2, 1),
    "anchor and alias": ("k2: &a x\nk3: *a\n", "YAML anchors (&name) and aliases (*name) are not allowed", 1, 5),
    "binary tag": ("k4: !!binary aGVsbG8=\n", "YAML tags such as '!!binary' have no meaning", 1, 5),
    "set tag": ("k5: !!set {a, b}\n", "YAML tags such as '!!set' have no meaning", 1, 5),
    "tab": ("k6:\n\t- x\n", "tab", 2, 1),
    "deep nesting": ("k7: " + "[" * 900 + "]" * 900 + "\n", "more than 64 levels deep", 1, None),
}
VALUES = dict(zip(["number key", "nan", "inf", "NUL", "no such date", "5000-digit number"], [
    ("42: x\n", "expected a name as key; found '42'", 1, 1),
    ("k8: .nan\n", "expected a finite number; found .nan", 1, 5),
    ("k9: .inf\n", "expected a finite number; found .inf", 1, 5),
    ('k10: "a\\0b"\n', "NUL character", 1, 6),
    ("k11: 2020-02-30\n", "expected a date that exists", 1, 6),
    ("k12: " + "9" * 5000 + "\n", "at most 18 digits", 1, 6),
]))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _brief(project: Path, layout: str = "default") -> None:
    _write(project / "briefs" / "b.yaml", BRIEF.format(layout=layout))


def _place(kind: str, project: Path, snippet: str) -> tuple[str, int]:
    """Put ``snippet`` into a file of ``kind``; the file as shown and the line the snippet starts at."""
    if kind == "brief":
        text = BRIEF.format(layout="default")
        _write(project / "briefs" / "b.yaml", text + snippet)
        return "briefs/b.yaml", text.count("\n") + 1
    if kind == "layout":
        _brief(project, "mine")
        _write(project / "layouts" / "mine" / "layout.yaml", "extends: default\n" + snippet)
        return "layouts/mine/layout.yaml", 2
    if kind == "sources":  # inside the last record: every line indented by two spaces
        _brief(project)
        records = project / "seeds" / "sources.yaml"
        text = records.read_text(encoding="utf-8")
        records.write_text(text + "".join("  " + line for line in snippet.splitlines(keepends=True)),
                           encoding="utf-8")
        return "seeds/sources.yaml", text.count("\n") + 1
    _brief(project)
    _write(project / "lexicon.yaml", "ranking:\n  - tier 3\n" + snippet)
    return "lexicon.yaml", 3


CASES = [(kind, name, *case) for kind in ("brief", "layout", "sources", "lexicon")
         for name, case in HOSTILE.items()]
CASES += [(kind, name, *case) for kind in ("layout", "sources") for name, case in VALUES.items()]
CASES += [("lexicon", "number key", "42:\n  - lorem\n", "found '42', which YAML reads as a number", 1, 1),
          ("brief", "number key", "42: x\n", "unknown key '42' in the top level", 1, 1)]


@pytest.mark.parametrize("kind, name, snippet, words, line, column", CASES,
                         ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_hostile_yaml_is_a_located_error(project, cli, kind, name, snippet, words, line, column):
    shown, first = _place(kind, project, snippet)
    column = column + 2 if column is not None and kind == "sources" else column
    result = cli(project, "check", "briefs/b.yaml")
    assert result.exit_code == 1, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    where = f"{shown}:{first + line - 1}:" + (f"{column}:" if column is not None else "")
    located = [row for row in result.stderr.splitlines() if where in row and words in row]
    assert located, result.stderr


def test_brief_values_are_checked_where_written(project, cli):
    _write(project / "briefs" / "b.yaml", 'title: "A \\0 title"\ndate: 2020-02-30\n' + BRIEF.split("\n", 1)[1]
           .format(layout="default").replace("layout: default\n", ""))
    result = cli(project, "check", "briefs/b.yaml")
    assert result.exit_code == 1
    assert "briefs/b.yaml:1:8: error: title: expected text; found text holding a NUL character" in result.stderr
    assert "briefs/b.yaml:2:7: error: date: 2020-02-30 looks like YYYY-MM-DD but is not a calendar date" \
        in result.stderr


def test_alias_bomb_in_sources_yaml_is_refused_fast(project, cli):
    # Billion laughs: nine levels, each a list of ten aliases of the one above (1.4 KB of text).
    lines = ['- id: lol\n  file: 000_5d0627c7a3221be2.txt\n  note: &a0 "lol"\n']
    lines += [f"  n{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 10)]
    records = project / "seeds" / "sources.yaml"
    records.write_text("".join(lines), encoding="utf-8")
    assert records.stat().st_size < 1500
    _brief(project)
    started = time.perf_counter()
    result = cli(project, "check", "briefs/b.yaml")
    elapsed = time.perf_counter() - started
    assert result.exit_code == 1
    assert "seeds/sources.yaml:3:9: error: YAML anchors (&name) and aliases (*name) are not allowed" in result.stderr
    assert "(90 aliases in all)" in result.stderr
    assert elapsed < 1.0


@pytest.mark.parametrize("field, words, column", [
    ("title-short: [a, b]", "record 'king-2019': title-short: expected text; found a list", 16),
    ("URL: 42", "record 'king-2019': URL: expected text; found 42", 8),
    ("editor: [{family: [x]}]", "record 'king-2019': editor: expected a name such as {family: King", 12),
    ("issued: {date-parts: 5}", "expected a date such as 2019-07-24", 11),
    ("issued: {date-parts: [[2019, 2, 30]]}", "expected a date that exists (year, month, day); found 2019-2-30", 11),
])
def test_record_fields_of_the_wrong_shape_are_located(project, cli, field, words, column):
    records = project / "seeds" / "sources.yaml"
    text = records.read_text(encoding="utf-8")
    line = text.splitlines().index("- id: king-2019") + 2
    records.write_text(text.replace("- id: king-2019\n", f"- id: king-2019\n  {field}\n").replace(
        "  issued:\n    date-parts: [[2019, 7, 24]]\n", "" if field.startswith("issued") else
        "  issued:\n    date-parts: [[2019, 7, 24]]\n"), encoding="utf-8")
    _brief(project)
    result = cli(project, "check", "briefs/b.yaml")
    assert result.exit_code == 1
    assert f"seeds/sources.yaml:{line}:{column}: error: {words}" in result.stderr, result.stderr


def test_dangerous_lexicon_patterns_name_their_line(project, cli):
    _brief(project)
    _write(project / "lexicon.yaml", "ranking:\n  - tier 3\nhang:\n  - /(a+)+$/\nhuge:\n  - /a{99999999999}/\n"
           "big:\n  - /x{0,5000}/\n")
    result = cli(project, "check", "briefs/b.yaml")
    assert result.exit_code == 1
    assert "lexicon.yaml:4:5: error: pattern '/(a+)+$/' of tag 'hang': a repeated part holds another repeat" \
        in result.stderr
    assert "lexicon.yaml:6:5: error: pattern '/a{99999999999}/' of tag 'huge'" in result.stderr
    assert "lexicon.yaml:8:5: error: pattern '/x{0,5000}/' of tag 'big': a repeat count over 1000" in result.stderr


@pytest.mark.parametrize("layout, words", [
    ("nosuch", "unknown layout 'nosuch'"),
    ("../../../etc", "unknown layout '../../../etc'"),
])
def test_unknown_layout_is_an_error_at_the_briefs_layout_line(project, cli, layout, words):
    _brief(project, layout)
    result = cli(project, "check", "briefs/b.yaml")
    assert result.exit_code == 1
    assert f"briefs/b.yaml:2:9: error: {words}" in result.stderr
    assert "searched" in result.stderr and "layouts/" in result.stderr


@pytest.mark.parametrize("setting, words, line, column", [
    ("colours:\n  text: 1F29ZZ\n", "layout setting 'colours.text' must be a 6-digit hex colour like 1F2933, "
     "not '1F29ZZ'", 3, 3),
    ("language: 'en; }'\n", "layout setting 'language' must be a language tag like en-GB", 2, 1),
    ("slide:\n  width: -3\n", "layout setting 'slide.width' must be a number from 0 up", 3, 3),
    ("extends: [a]\n", "extends: expected the name of a layout; found ['a']", 1, 1),
    ("colurs:\n  text: 1F2933\n", "unknown key 'colurs' in layout.yaml", 2, 1),
    ("sizes:\n  body: {size: 20, flor: 12}\n", "unknown key 'flor' in sizes.body", 3, 20),
])
def test_bad_layout_setting_is_an_error_at_its_line(project, cli, setting, words, line, column):
    _brief(project, "mine")
    text = ("" if setting.startswith("extends") else "extends: default\n") + setting
    _write(project / "layouts" / "mine" / "layout.yaml", text)
    result = cli(project, "check", "briefs/b.yaml")
    assert result.exit_code == 1
    assert f"layouts/mine/layout.yaml:{line}:{column}: error: {words}" in result.stderr, result.stderr


def _template_layout(project: Path) -> Path:
    _brief(project, "corp")
    folder = project / "layouts" / "corp"
    _write(folder / "layout.yaml", "extends: default\ntemplate: corp.pptx\n")
    return folder / "corp.pptx"


@pytest.mark.parametrize("make, words", [
    (lambda path: os.mkfifo(path), "is a device, pipe or socket, not a regular file"),
    (lambda path: path.mkdir(), "is a folder, not a regular file"),
    (lambda path: path.symlink_to("/dev/zero"), "leads to /dev/zero, outside the layout's folder and project"),
])
def test_template_that_is_not_a_regular_file_in_the_project_is_located(project, cli, make, words):
    make(_template_layout(project))
    result = cli(project, "check", "briefs/b.yaml")
    assert result.exit_code == 1
    assert f"layouts/corp/layout.yaml:2:1: error: template 'corp.pptx' {words}" in result.stderr


def test_layout_folder_linked_outside_the_project_is_refused(project, cli, tmp_path):
    elsewhere = tmp_path / "elsewhere" / "evil"
    _write(elsewhere / "layout.yaml", "extends: default\n")
    (project / "layouts").mkdir()
    (project / "layouts" / "evil").symlink_to(elsewhere)
    _brief(project, "evil")
    result = cli(project, "check", "briefs/b.yaml")
    assert result.exit_code == 1
    assert f"briefs/b.yaml:2:9: error: layout folder layouts/evil leads to {elsewhere}, outside the project" \
        in result.stderr
