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
