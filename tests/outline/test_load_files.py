"""Reading a brief's file: size, encoding, and paths that are not briefs."""

from __future__ import annotations

import pytest

from briefdeck.errors import BriefdeckError, Problem
from briefdeck.outline.load import load_outline


def file_problem(path) -> tuple[Problem, BriefdeckError]:
    with pytest.raises(BriefdeckError) as info:
        load_outline(path)
    (problem,) = info.value.problems
    return problem, info.value


def test_file_over_the_limit_is_refused_unread(tmp_path):
    brief = tmp_path / "huge.yaml"
    # 10.5 MB of bytes that are not UTF-8: only the size is reported, so the
    # file was refused before it was decoded or parsed.
    brief.write_bytes(b"\xff" * (10 * 1024 * 1024 + 512 * 1024))
    problem, _ = file_problem(brief)
    assert problem.code == "file-too-large"
    assert problem.message == "brief is 10.5 MB; the limit is 1 MB"
    assert problem.location.line == 1


def test_bytes_that_are_not_utf8_are_named_with_offset_line_and_column(tmp_path):
    brief = tmp_path / "latin1.yaml"
    brief.write_bytes("title: Example\nsubtitle: ét".encode("utf-8") + b"\xe9t\xe9\n")
    problem, _ = file_problem(brief)
    assert problem.code == "not-utf8"
    assert problem.message == ("the brief is not UTF-8 text: byte 0xE9 at byte offset 28 "
                               "(line 2, column 13) is not valid UTF-8")
    assert (problem.location.line, problem.location.column) == (2, 13)
    assert "save the file as UTF-8" in problem.hint


def test_utf16_is_recognised(tmp_path):
    brief = tmp_path / "utf16.yaml"
    brief.write_bytes("title: Example\n".encode("utf-16"))
    problem, _ = file_problem(brief)
    assert problem.code == "not-utf8"
    assert "UTF-16" in problem.message


def test_empty_file(tmp_path):
    brief = tmp_path / "empty.yaml"
    brief.write_bytes(b"")
    problem, _ = file_problem(brief)
    assert problem.code == "empty-brief"
    assert problem.message == "the brief is empty"
    assert problem.location.file.endswith("empty.yaml")


def test_missing_file_is_a_usage_error(tmp_path):
    problem, error = file_problem(tmp_path / "nowhere.yaml")
    assert problem.code == "file-not-found"
    assert problem.message.startswith("brief not found: ")
    assert error.usage


def test_folder_is_not_a_brief(tmp_path):
    problem, error = file_problem(tmp_path)
    assert problem.code == "file-unreadable"
    assert "is a folder" in problem.message
    assert error.usage


def test_locations_name_the_file_as_the_user_gave_it(tmp_path, monkeypatch):
    (tmp_path / "briefs").mkdir()
    (tmp_path / "briefs" / "x.yaml").write_text("title: Example\nslides: Lorem\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    problem, _ = file_problem(tmp_path / "briefs" / "x.yaml")
    assert str(problem.location) == "briefs/x.yaml:2:9"
