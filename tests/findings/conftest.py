"""Fixtures for the findings tests: the seed documents' words, to check examples are verbatim."""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """Both seed documents, whitespace folded as the reader folds a sentence's text."""
    return "\n".join(" ".join(p.read_text(encoding="utf-8").split()) for p in sorted(SEEDS.glob("*.txt")))
