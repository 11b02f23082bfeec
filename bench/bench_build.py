"""Benchmark: the example's full build, as a user runs it.

Run: ``python bench/bench_build.py``. ``briefdeck build briefs/dprk-trafficking.yaml``
(both audiences; pptx, html and pdf) in a fresh process, on a scratch copy of
the seeds whose index is already built. Its floor is the same build done again
in a warm process (the work itself, without start-up and imports), measured in
the same run; CPU seconds are reported beside wall-clock, since the machine is
shared and load moves wall-clock far more than CPU time.

Goal (issue 16): under 1.2 s with two cores.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cold import alternate  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
BRIEF = "briefs/dprk-trafficking.yaml"
GOAL_S = 1.2


def warm_build(root: Path, repeats: int) -> float:
    """Median wall seconds of the build in this process, after a first build has imported everything."""
    from briefdeck.cli import main

    def once() -> float:
        started = time.perf_counter()
        old = os.getcwd()
        os.chdir(root)
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
                main(["build", BRIEF, "--out", "warm"])
        finally:
            os.chdir(old)
        return time.perf_counter() - started

    once()
    return statistics.median(once() for _ in range(repeats))


def run(repeats: int = 5) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        shutil.copytree(REPO / "seeds", root / "seeds")
        shutil.copytree(REPO / "briefs", root / "briefs")
        build = [sys.executable, "-m", "briefdeck", "build", BRIEF, "--out", "out"]
        timed = alternate({"build": build}, root, repeats)["build"]
        floor = warm_build(root, repeats)
        outputs = sorted(p.name for p in (root / "out").iterdir())
    return [{"benchmark": "example full build: 2 audiences x pptx, html, pdf (cold process)",
             "outputs": len(outputs), "cores": os.cpu_count(), "median_s": round(timed["wall"], 3),
             "cpu_s": round(timed["cpu"], 3), "spread_s": round(timed["spread"], 3),
             "warm_floor_s": round(floor, 3), "ratio_to_floor": round(timed["wall"] / floor, 2),
             "ratio_to_goal": round(timed["wall"] / GOAL_S, 2), "runs": repeats, "goal": f"< {GOAL_S} s",
             "met": timed["wall"] < GOAL_S}]


def main() -> None:
    for row in run():
        print("  ".join(f"{k}={v}" for k, v in row.items()))


if __name__ == "__main__":
    main()
