"""The benchmark scripts still import: `bench/run.py` broke once when a constant moved between modules."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.mark.parametrize("script", sorted(p.stem for p in BENCH.glob("*.py")))
def test_each_benchmark_script_imports(script, monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    module = importlib.import_module(script)
    try:
        assert module.__file__ == str(BENCH / f"{script}.py")
        if script.startswith("bench_"):
            assert callable(module.run), f"{script} has no run() for bench/run.py"
    finally:
        sys.modules.pop(script, None)
