"""Benchmark: building the findings index over 5 million words, and querying it.

Run: ``python bench/bench_index.py [--words N]``. Reports the full build
time (cold: no cache), the median and spread of ``find`` queries on the built
index, the cost of the up-to-date check every command makes, and re-indexing
after one file changes (which must read only that file).

It also loads the same paragraphs and sentences into bare FTS5 tables (the
plain-FTS5 floor: no reading, no other tables) and reports the build as a
ratio to it, and the peak memory (maximum resident set) of this process and of
the reader processes.

Goals (issue 16, on a 2-core machine): index build within 2x the plain FTS5
floor, peak memory under 300 MiB; median query under 20 ms, p99 under 50 ms
(at 20 million words too). A query matching more than ``RANKED_MATCHES``
sentences ranks only its first ones (see `FindingsIndex.search`).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import make_corpus  # noqa: E402

from briefdeck.findings.sync import CACHE_DIR  # noqa: E402
from briefdeck.project import Workspace  # noqa: E402

QUERIES = [
    "political prison camps", "forced labor", "brokers", "Tier 3", "repatriated from China",
    "overseas workers wages", "children", "sex trafficking", "mass mobilizations", "labor training centers",
    "recommendations", "death penalty", "Global Slavery Index", "cybersex", "minimum standards",
    "Samjiyon", "Korea Future Initiative", "prosecution", "bilateral contracts", "refugees",
]


def run(words: int = 5_000_000, repeats: int = 5, build_repeats: int = 1) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root, total_words = make_corpus(Path(tmp) / "project", words)
        workspace = Workspace.at(root)
        files = len(list((root / "seeds").iterdir()))

        builds, cpus, index = [], [], None
        for _ in range(build_repeats):
            if index is not None:  # a cold build each time: no cache
                index.close()
                shutil.rmtree(root / CACHE_DIR)
            started, cpu, main = time.perf_counter(), cpu_seconds(), cpu_seconds(children=False)
            index, report = workspace.open_index()
            builds.append(time.perf_counter() - started)
            cpus.append((cpu_seconds() - cpu, cpu_seconds(children=False) - main))
        # Peak memory before the floor's texts are loaded into this process.
        self_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        children_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        findings = index.db.execute("SELECT count(*) FROM findings").fetchone()[0]
        floors = [fts5_floor(index.db, Path(tmp) / f"floor-{n}.sqlite") for n in range(3)]
        floor, floor_cpu = statistics.median(f[0] for f in floors), statistics.median(f[1] for f in floors)
        build = statistics.median(builds)
        build_cpu, main_cpu = statistics.median(c[0] for c in cpus), statistics.median(c[1] for c in cpus)
        rows.append({"benchmark": "index build (cold)", "words": total_words, "files": files,
                     "findings": findings, "median_s": round(build, 2),
                     "spread_s": round(max(builds) - min(builds), 2), "runs": build_repeats,
                     "floor_s": round(floor, 2), "ratio": round(build / floor, 2),
                     # CPU seconds (this process and the readers): what a shared machine's load does not change
                     "cpu_s": round(build_cpu, 1), "writer_cpu_s": round(main_cpu, 1),
                     "floor_cpu_s": round(floor_cpu, 1),
                     "cpu_ratio": round(build_cpu / floor_cpu, 2),
                     "peak_main_mib": round(self_mib), "peak_reader_mib": round(children_mib),
                     "goal": "<= 2x floor, < 300 MiB",
                     "met": build / floor <= 2 and max(self_mib, children_mib) < 300})

        latencies = []
        for _ in range(repeats):
            for query in QUERIES:
                t = time.perf_counter()
                index.search(query, limit=10)
                latencies.append((time.perf_counter() - t) * 1000)
        index.close()
        rows.append({"benchmark": "find query", "queries": len(latencies),
                     "median_ms": round(statistics.median(latencies), 2),
                     "p90_ms": round(statistics.quantiles(latencies, n=10)[-1], 2),
                     "p99_ms": round(statistics.quantiles(latencies, n=100)[-1], 2),
                     "max_ms": round(max(latencies), 2), "goal": "median < 20 ms, p99 < 50 ms",
                     "met": statistics.median(latencies) < 20 and statistics.quantiles(latencies, n=100)[-1] < 50})

        t = time.perf_counter()
        index, report = workspace.open_index()
        index.close()
        rows.append({"benchmark": "up-to-date check (no change)", "files_read": len(report.read),
                     "seconds": round(time.perf_counter() - t, 3)})

        changed = root / "seeds" / "copy-0007-tip.txt"
        changed.write_text(changed.read_text(encoding="utf-8") + "\nA synthetic closing paragraph.\n",
                           encoding="utf-8")
        t = time.perf_counter()
        index, report = workspace.open_index()
        index.close()
        rows.append({"benchmark": "re-index after one file changes", "files_read": len(report.read),
                     "which": ", ".join(report.read), "seconds": round(time.perf_counter() - t, 3)})
    return rows


def cpu_seconds(children: bool = True) -> float:
    """User and system time of this process and, unless told not to, of its finished children (the readers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    used = own.ru_utime + own.ru_stime
    if children:
        reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
        used += reaped.ru_utime + reaped.ru_stime
    return used


def fts5_floor(index_db: sqlite3.Connection, path: Path) -> tuple[float, float]:
    """Wall and CPU seconds to load the index's paragraphs and sentences into bare FTS5 tables (same tokenizers)."""
    paragraphs = index_db.execute("SELECT text, source FROM paragraphs ORDER BY id").fetchall()
    sentences = index_db.execute("SELECT text FROM findings ORDER BY id").fetchall()
    started, cpu = time.perf_counter(), cpu_seconds()
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE VIRTUAL TABLE s USING fts5(text, tokenize='porter unicode61 remove_diacritics 2')")
    db.execute("CREATE VIRTUAL TABLE p USING fts5(text, source, tokenize='unicode61 remove_diacritics 2')")
    with db:
        db.executemany("INSERT INTO p(text, source) VALUES (?, ?)", paragraphs)
        db.executemany("INSERT INTO s(text) VALUES (?)", sentences)
    db.close()
    return time.perf_counter() - started, cpu_seconds() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=5_000_000)
    args = parser.parse_args()
    for row in run(args.words):
        print("  ".join(f"{k}={v}" for k, v in row.items()))


if __name__ == "__main__":
    main()
