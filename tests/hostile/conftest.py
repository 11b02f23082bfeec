"""Fixtures of the hostile-input suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import write_brief


@pytest.fixture
def briefed(project: Path) -> Path:
    write_brief(project)
    return project
