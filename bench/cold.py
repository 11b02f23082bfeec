"""Timing whole processes as a user runs them: wall-clock and CPU seconds, alternating with a peer.

The machine the benchmarks run on is shared: wall-clock times move with its load, CPU seconds
(user + system, from getrusage of the finished child) barely do, so every row reports both.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import time
from pathlib import Path


# As an installed briefdeck runs: from compiled bytecode (a session that sets PYTHONDONTWRITEBYTECODE
# would otherwise recompile every module of an editable install at every start).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def cold(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``command`` in a fresh process (fails loudly if it fails)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=ENV)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def alternate(commands: dict[str, list[str]], cwd: Path, repeats: int) -> dict[str, dict[str, float]]:
    """Each command run ``repeats`` times, in turn, so that load hits all alike: medians, best and spread.

    The best (shortest) run is the one least slowed by others' load: the nearest to an idle machine.
    """
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for command in commands.values():  # warm-up, not counted: bytecode written, files in the page cache
        cold(command, cwd)
    for _ in range(repeats):
        for name, command in commands.items():
            runs[name].append(cold(command, cwd))
    return {name: {"wall": statistics.median(w for w, _ in r), "cpu": statistics.median(c for _, c in r),
                   "best": min(w for w, _ in r), "spread": max(w for w, _ in r) - min(w for w, _ in r)}
            for name, r in runs.items()}
