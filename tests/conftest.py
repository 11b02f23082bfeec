"""Fixtures shared by every test folder: the repository, a scratch project, the command line."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


def _inputs_of_the_repository() -> dict[str, bytes]:
    """Every file of the repository's briefs, sources and layouts, by path."""
    return {str(f.relative_to(REPO)): f.read_bytes() for folder in ("briefs", "seeds", "layouts")
            for f in sorted((REPO / folder).rglob("*")) if f.is_file() and "__pycache__" not in f.parts}


@pytest.fixture(scope="session", autouse=True)
def repository_inputs_stay_as_they_are():
    """No test may change the repository's own briefs, locks, sources or layouts: inputs are never modified."""
    before = _inputs_of_the_repository()
    yield
    after = _inputs_of_the_repository()
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    assert not changed, f"the tests changed files of the repository: {changed}"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch project holding a copy of the seeds (so tests never touch the repository's)."""
    root = tmp_path / "project"
    shutil.copytree(SEEDS, root / "seeds")
    (root / "briefs").mkdir()
    return root


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


@pytest.fixture
def cli():
    """Run briefdeck in-process in a folder: ``cli(folder, "find", "prison")``."""
    from briefdeck.cli import app

    def run(cwd: Path, *args: str) -> Result:
        runner = CliRunner()
        old = Path.cwd()
        os.chdir(cwd)
        try:
            result = runner.invoke(app, list(args), catch_exceptions=False)
        finally:
            os.chdir(old)
        return Result(result.exit_code, result.stdout, result.stderr)

    return run
