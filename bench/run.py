"""Run every benchmark of the project and write bench/RESULTS.md.

    python bench/run.py [--quick]

Each benchmark script in this folder has a ``run() -> list[dict]``; this
script calls them in one process, one after another, and writes their rows
as tables, with the machine and the versions they ran on. ``--quick`` uses a
smaller corpus and fewer repeats (for a smoke test; the goals are about the
full sizes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sqlite3
import sys
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_build  # noqa: E402
import bench_check  # noqa: E402
import bench_handout  # noqa: E402
import bench_index  # noqa: E402
import bench_pandoc  # noqa: E402
import bench_pdf  # noqa: E402
import bench_pptx  # noqa: E402
import bench_preview  # noqa: E402


def machine() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() \
        else platform.processor()
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in
                         ("briefdeck", "python-pptx", "lxml", "WeasyPrint", "PyYAML", "Jinja2"))
    pandoc = bench_pandoc.pandoc_version() or "pandoc not installed"
    return [
        f"- machine: {platform.machine()}, {os.cpu_count()} cores, {cpu}",
        f"- system: {platform.platform()}",
        f"- Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}; {versions}; {pandoc}",
    ]


def table(rows: list[dict]) -> list[str]:
    """Rows as Markdown tables: one table for each run of rows with the same columns."""
    out: list[str] = []
    for i, row in enumerate(rows):
        keys = list(row)
        if i == 0 or keys != list(rows[i - 1]):
            out += ([""] if out else []) + ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
        out.append("| " + " | ".join(_cell(row[k]) for k in keys) + " |")
    return out


def goal_row(section: str, row: dict) -> dict:
    """One line of the summary: what was measured, the figure the goal is about, the goal, met or not."""
    size = ", ".join(f"{row[k]:,} {k}" for k in ("slides", "words", "pages", "quotes") if isinstance(row.get(k), int))
    figure = next((f"{k} {row[k]}" for k in ("ratio", "p99_ms", "median_ms", "median_s", "pages_per_s")
                   if k in row), "")
    return {"section": section.split(" (")[0], "benchmark": f"{row['benchmark']}" + (f" ({size})" if size else ""),
            "measured": figure, "goal": row.get("goal", ""), "met": row["met"]}


def _cell(value) -> str:
    if value is True:
        return "yes"
    if value is False:
        return "**no**"
    return str(value).replace("|", "\\|")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small corpus, few repeats")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    words, repeats = (300_000, 2) if args.quick else (5_000_000, 5)
    big = 4 * words  # the 20 million words: does the build stay linear, memory flat, find fast?
    sections = [
        ("Findings index: build and query against the plain FTS5 floor (issues 2, 16)",
         lambda: bench_index.run(words, repeats, build_repeats=1)),
        (f"Findings index at {big:,} words (issue 16)", lambda: bench_index.run(big, repeats, build_repeats=1)),
        ("Check of a 200-slide outline with 1,000 quotes, against its FTS5 floor (issues 3, 16)", lambda: bench_check.run(words, repeats + 2)),
        ("Deck writing against plain python-pptx (issue 4)", lambda: bench_pptx.run(repeats=min(repeats, 3))),
        ("Handout PDFs (issue 5)", lambda: bench_handout.run(repeats=min(repeats, 3))),
        ("briefdeck against pandoc --citeproc (issues 7, 16)", lambda: bench_pandoc.run(repeats=repeats)),
        ("The example's full build (issue 16)", lambda: bench_build.run(repeats=repeats)),
        ("Reading a 500-page PDF (issue 11)", lambda: bench_pdf.run(50 if args.quick else 500, min(repeats, 3))),
        ("Live preview: from saving the brief to the page's update (issue 14)",
         lambda: bench_preview.run(runs=4 if args.quick else 12)),
    ]
    lines = ["# Benchmark results", "",
             f"Written by `python bench/run.py{' --quick' if args.quick else ''}` on "
             f"{dt.date.today().isoformat()}. Times are wall-clock seconds unless a column says ms; "
             "'spread' is max minus min of the repeated runs.", "", *machine(), ""]
    body: list[str] = []
    goals: list[dict] = []
    for title, bench in sections:
        print(f"== {title}", flush=True)
        started = time.perf_counter()
        try:
            rows = bench()
        except Exception as exc:  # noqa: BLE001 - one failing benchmark must not lose the others' figures
            rows = [{"benchmark": title, "error": f"{type(exc).__name__}: {exc}"}]
        for row in rows:
            print("  " + "  ".join(f"{k}={v}" for k, v in row.items()), flush=True)
        goals += [goal_row(title, row) for row in rows if row.get("met") not in (None, "", "-")]
        body += [f"## {title}", "", *table(rows), "", f"({time.perf_counter() - started:.0f} s to run)", ""]
    lines += ["## Every goal, measured in this run", "", *table(goals), "", *body]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
