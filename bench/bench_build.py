"""Benchmark: the example's full build, as a user runs it.

Run: ``python bench/bench_build.py``. ``briefdeck build briefs/dprk-trafficking.yaml``
(both audiences; pptx, html and pdf) in a fresh process, on a scratch copy of
the seeds whose index is already built. Its floor is the same build done again
in a warm process (the work itself, without start-up and imports), measured in
the same run; CPU seconds are reported beside wall-clock, since the machine is
shared and load moves wall-clock far more than CPU time.

Goal (issue 16): under 1.2 s with two cores.

``python bench/bench_build.py --timeline`` prints instead when each stage of
one cold build starts and ends, in which process (milliseconds since that
process started): the critical path, and what runs beside it.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.abc
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cold import ENV, alternate  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
BRIEF = "briefs/dprk-trafficking.yaml"
GOAL_S = 1.2


def warm_build(root: Path, repeats: int) -> float:
    """Median wall seconds of the build in this process, after a first build has imported everything.

    WeasyPrint is imported here too: a build's PDF worker is forked from this
    process, and so starts with it loaded, as in a warm process it would be.
    """
    from briefdeck.cli import main
    from briefdeck.render.handout import pdf  # noqa: F401

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


# What the timeline reports: these functions' calls, and these modules' imports.
TRACED = {"briefdeck.check": ["check_brief"], "briefdeck.outputs": ["build_outputs"],
          "briefdeck.render.handout.html": ["deck_to_html"], "briefdeck.render.pptx": ["deck_to_pptx"],
          "briefdeck.render.handout.pdf_worker": ["start_pdf_worker", "PdfWorker.send", "PdfWorker.receive",
                                                  "PdfJob.render"],
          "briefdeck.files": ["commit"], "briefdeck.render.handout.pdf": [], "weasyprint": [], "pptx": [],
          "jinja2": []}


def _process_started() -> float:
    """This process's start, in time.time() seconds (Linux: from /proc)."""
    with open("/proc/self/stat", encoding="ascii") as f:
        ticks = int(f.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime", encoding="ascii") as f:
        uptime = float(f.read().split()[0])
    return time.time() - (uptime - ticks / os.sysconf("SC_CLK_TCK"))


def traced_build(args: list[str]) -> None:
    """Run ``briefdeck`` in this process, printing an event line to stderr for each traced call and import."""
    started = _process_started()

    def event(what: str) -> None:
        sys.stderr.write(f"@ {(time.time() - started) * 1000:6.0f} ms  pid {os.getpid()}  {what}\n")

    def traced(owner, name: str, label: str) -> None:
        function = getattr(owner, name)

        @functools.wraps(function)
        def wrapper(*a, **k):
            event(f"> {label}")
            try:
                return function(*a, **k)
            finally:
                event(f"< {label}")
        setattr(owner, name, wrapper)

    class Tracer(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            if name not in TRACED:
                return None
            spec = next(filter(None, (f.find_spec(name, path, target) for f in sys.meta_path
                                      if f is not self and hasattr(f, "find_spec"))), None)
            if spec is None:
                return None
            execute = spec.loader.exec_module

            def exec_module(module):
                event(f"import {name} ...")
                execute(module)
                event(f"import {name} done")
                for target_name in TRACED[name]:
                    *outer, last = target_name.split(".")
                    owner = functools.reduce(getattr, outer, module)
                    traced(owner, last, f"{name.rsplit('.', 1)[-1]}.{target_name}")
            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, Tracer())
    event("start")
    from briefdeck.cli import main as briefdeck
    try:
        briefdeck(args)
    except SystemExit:
        pass
    event("end")


def timeline() -> list[str]:
    """The event lines of one cold, traced build of the example (after one untraced warm-up build)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        shutil.copytree(REPO / "seeds", root / "seeds")
        shutil.copytree(REPO / "briefs", root / "briefs")
        build = ["build", BRIEF, "--out", "out"]
        subprocess.run([sys.executable, "-m", "briefdeck", *build], cwd=root, capture_output=True, env=ENV, check=True)
        done = subprocess.run([sys.executable, __file__, "--traced", *build], cwd=root, capture_output=True,
                              text=True, env=ENV, check=True)
    return sorted((line for line in done.stderr.splitlines() if line.startswith("@")),
                  key=lambda line: float(line.split()[1]))


def main() -> None:
    if sys.argv[1:2] == ["--traced"]:
        traced_build(sys.argv[2:])
    elif sys.argv[1:2] == ["--timeline"]:
        print("\n".join(timeline()))
    else:
        for row in run():
            print("  ".join(f"{k}={v}" for k, v in row.items()))


if __name__ == "__main__":
    main()
