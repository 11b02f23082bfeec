"""The project made explicit: --sources on every command, 'sources:' in the brief, else the nearest seeds/."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BRIEF = (REPO / "briefs" / "dprk-trafficking.yaml").read_text(encoding="utf-8")


def brief_with_sources(folder: Path, sources: str | None) -> Path:
    """The example brief written into ``folder``, with a ``sources:`` line when given."""
    folder.mkdir(parents=True, exist_ok=True)
    text = BRIEF if sources is None else BRIEF.replace("\nlayout:", f"\nsources: {sources}\nlayout:", 1)
    path = folder / "brief.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def moved(project: Path) -> Path:
    """The project with its documents in docs/ instead of seeds/: nothing finds them unless told."""
    shutil.move(project / "seeds", project / "docs")
    brief_with_sources(project / "briefs", None)
    return project


@pytest.mark.parametrize("command", [["check", "briefs/brief.yaml"], ["build", "briefs/brief.yaml"],
                                     ["find", "prison camps"], ["show", "tip-2017-dprk:p1"], ["sources"]])
def test_without_a_sources_folder_the_error_lists_where_it_looked(moved, cli, command):
    result = cli(moved, *command)
    assert result.exit_code == 1
    assert "error: no sources folder: looked for " in result.stderr
    assert str(moved / "seeds") in result.stderr or "seeds" in result.stderr.split("looked for ")[1]
    assert "--sources DIR" in result.stderr


def test_check_and_build_take_sources(moved, cli):
    checked = cli(moved, "check", "briefs/brief.yaml", "--sources", "docs", "--json")
    assert checked.exit_code == 0, checked.output
    assert json.loads(checked.stdout)["ok"] is True
    built = cli(moved, "build", "briefs/brief.yaml", "--sources", "docs", "--format", "pptx",
                "--audience", "policy")
    assert built.exit_code == 0, built.output
    assert (moved / "build" / "brief-policy.pptx").is_file()


def test_sources_on_the_command_line_comes_before_the_brief(moved, cli):
    brief_with_sources(moved / "briefs", "../nowhere")
    assert cli(moved, "check", "briefs/brief.yaml").exit_code == 1
    assert cli(moved, "check", "briefs/brief.yaml", "--sources", "docs").exit_code == 0


def test_a_missing_sources_folder_named_in_the_brief_says_who_named_it(moved, cli):
    brief_with_sources(moved / "briefs", "../nowhere")
    result = cli(moved, "check", "briefs/brief.yaml")
    assert result.exit_code == 1
    assert "sources folder '" in result.stderr and "(from 'sources:' in briefs/brief.yaml) does not exist" \
        in result.stderr
    assert str(moved / "nowhere") in result.stderr


def test_a_missing_sources_option_folder_says_so(project, cli):
    result = cli(project, "find", "camps", "--sources", "nowhere")
    assert result.exit_code == 1
    assert "sources folder 'nowhere' (from --sources) does not exist" in result.stderr


def test_a_brief_outside_the_project_builds_with_sources_relative_to_it(tmp_path, project, cli):
    elsewhere = tmp_path / "shared" / "briefs-from-a-colleague"
    brief = brief_with_sources(elsewhere, "../../project/seeds")
    # Run from a third folder that has no seeds/ of its own.
    runner = tmp_path / "work"
    runner.mkdir()
    result = cli(runner, "build", str(brief), "--format", "pptx", "--audience", "classroom")
    assert result.exit_code == 0, result.output
    assert (elsewhere / "build" / "brief-classroom.pptx").is_file()  # the project is the brief's folder
    assert (elsewhere / ".briefdeck").is_dir() and not (project / ".briefdeck").exists()


def test_a_brief_without_sources_finds_the_seeds_above_it(project, cli):
    brief = brief_with_sources(project / "briefs" / "deeper" / "still", None)
    result = cli(project / "briefs", "check", str(brief.relative_to(project / "briefs")))
    assert result.exit_code == 0, result.output


def test_a_brief_without_sources_falls_back_to_the_working_folders_seeds(tmp_path, project, cli):
    brief = brief_with_sources(tmp_path / "loose", None)
    result = cli(project, "check", str(brief), "--json")
    assert result.exit_code == 0, result.output
