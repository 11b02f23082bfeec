"""Benchmark: ``briefdeck check`` of a 200-slide outline with 1,000 quotes against 5 million words.

Run: ``python bench/bench_check.py``. Builds the synthetic corpus (see
corpus.py) and its index first (not timed here; bench_index.py times that),
writes an outline whose every quote is the opening words of a real seed
sentence narrowed to one copy, then times a cold process running
``briefdeck check`` on it (median of repeated runs).

Goal (issue 3, on a 2-core machine): under 2 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import SEEDS, make_corpus  # noqa: E402

from briefdeck.project import Workspace  # noqa: E402
from briefdeck.sources.corpus import list_sources, read_all  # noqa: E402

QUOTE_WORDS = 7


def seed_quotes() -> dict[str, list[str]]:
    """Opening words of every seed sentence that occur once in their document."""
    out: dict[str, list[str]] = {}
    for source in read_all(list_sources(SEEDS)):
        key = "king" if source.id.startswith("king") else "tip"
        body = " ".join(p.text for p in source.paragraphs)
        quotes = []
        for paragraph in source.paragraphs:
            for sentence in paragraph.sentences:
                words = sentence.text.split()[:QUOTE_WORDS]
                quote = " ".join(words).strip(",;:")
                if len(words) == QUOTE_WORDS and body.count(quote) == 1:
                    quotes.append(quote)
        out[key] = quotes
    return out


def write_outline(path: Path, copies: int, slides: int = 200, per_slide: int = 5) -> int:
    quotes = seed_quotes()
    pool = [(key, q) for key in sorted(quotes) for q in quotes[key]]
    lines = ["title: Benchmark outline", "sources: ../seeds", "slides:"]
    n = 0
    for s in range(slides):
        lines += [f"  - title: Slide {s + 1}", "    points:"]
        for _ in range(per_slide):
            key, quote = pool[n % len(pool)]
            copy = 1 + (n * 7) % copies
            lines += [f"      - text: Point {n + 1}", f"        quote: {json.dumps(quote)}",
                      f"        source: copy-{copy:04d}-{key}"]
            n += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return n


def run(words: int = 5_000_000, repeats: int = 3) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        root, total_words = make_corpus(Path(tmp) / "project", words)
        index, _ = Workspace.at(root).open_index()
        index.close()
        (root / "briefs").mkdir()
        brief = root / "briefs" / "bench.yaml"
        copies = len(list((root / "seeds").glob("*-king.txt")))
        quotes = write_outline(brief, copies)
        timings = []
        for _ in range(repeats):
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "briefdeck", "check", str(brief), "--json"],
                                  cwd=root, capture_output=True, text=True)
            timings.append(time.perf_counter() - started)
            if done.returncode != 0:
                raise SystemExit(f"check failed:\n{done.stderr[-2000:]}")
        result = json.loads(done.stdout)
    return [{"benchmark": "check 200 slides / 1,000 quotes (cold process)", "words": total_words,
             "quotes": quotes, "errors": result["errors"], "median_s": round(statistics.median(timings), 2),
             "spread_s": round(max(timings) - min(timings), 2), "runs": repeats, "goal": "< 2 s",
             "met": statistics.median(timings) < 2}]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=5_000_000)
    args = parser.parse_args()
    for row in run(args.words):
        print("  ".join(f"{k}={v}" for k, v in row.items()))


if __name__ == "__main__":
    main()
