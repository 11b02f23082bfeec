"""Benchmark: ``briefdeck check`` of a 200-slide outline with 1,000 quotes against 5 million words.

Run: ``python bench/bench_check.py``. Builds the synthetic corpus (see
corpus.py) and its index first (not timed here; bench_index.py times that),
writes an outline whose every quote is the opening words of a real seed
sentence narrowed to one copy, then times a cold process running
``briefdeck check`` on it (median of repeated runs).

Its floor, measured in the same run and alternating with it: a cold Python
process that opens the same index with the sqlite3 module and runs one plain
FTS5 phrase query per quote (restricted to its source), keeping the paragraphs
that hold the quote; no outline, no deck, no checks.

Goals: under 2 s (issue 3); within 1.5x the floor (issue 16).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cold import alternate  # noqa: E402
from corpus import SEEDS, make_corpus  # noqa: E402

from briefdeck.findings.index import source_token  # noqa: E402
from briefdeck.project import Workspace  # noqa: E402
from briefdeck.sources.corpus import list_sources, read_all  # noqa: E402

QUOTE_WORDS = 7

# The floor: what any tool that finds 1,000 quotes in this index must at least do.
FLOOR = """
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
found = 0
for source, quote in json.load(open(sys.argv[2], encoding="utf-8")):
    phrase = quote.replace('"', '""')
    rows = db.execute("SELECT text FROM paragraphs_fts WHERE paragraphs_fts MATCH ?",
                      (f'source:{source} AND text:"{phrase}"',)).fetchall()
    found += any(quote in text for text, in rows)
if found != len(json.load(open(sys.argv[2], encoding="utf-8"))):
    sys.exit(f"the floor found {found} quotes")
"""


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
    asked: list[tuple[str, str]] = []  # (source token, quote): what the floor looks up
    n = 0
    for s in range(slides):
        lines += [f"  - title: Slide {s + 1}", "    points:"]
        for _ in range(per_slide):
            key, quote = pool[n % len(pool)]
            copy = 1 + (n * 7) % copies
            lines += [f"      - text: Point {n + 1}", f"        quote: {json.dumps(quote)}",
                      f"        source: copy-{copy:04d}-{key}"]
            asked.append((source_token(f"copy-{copy:04d}-{key}"), quote))  # as the index stores it
            n += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.with_suffix(".quotes.json").write_text(json.dumps(asked), encoding="utf-8")
    return n


def run(words: int = 5_000_000, repeats: int = 3) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        root, total_words = make_corpus(Path(tmp) / "project", words)
        index, _ = Workspace.at(root).open_index()
        db_path = index.path
        index.close()
        (root / "briefs").mkdir()
        brief = root / "briefs" / "bench.yaml"
        copies = len(list((root / "seeds").glob("*-king.txt")))
        quotes = write_outline(brief, copies)
        timed = alternate({"check": [sys.executable, "-m", "briefdeck", "check", str(brief), "--json"],
                           "floor": [sys.executable, "-c", FLOOR, str(db_path), str(brief.with_suffix(".quotes.json"))]},
                          root, repeats)
    ours, floor = timed["check"], timed["floor"]
    return [{"benchmark": "check 200 slides / 1,000 quotes (cold process)", "words": total_words,
             "quotes": quotes, "median_s": round(ours["wall"], 2), "cpu_s": round(ours["cpu"], 2),
             "floor_s": round(floor["wall"], 2), "floor_cpu_s": round(floor["cpu"], 2),
             "ratio": round(ours["wall"] / floor["wall"], 2), "cpu_ratio": round(ours["cpu"] / floor["cpu"], 2),
             "spread_s": round(ours["spread"], 2), "runs": repeats, "goal": "< 2 s; ratio < 1.5",
             "met": ours["wall"] < 2 and ours["wall"] / floor["wall"] < 1.5}]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=5_000_000)
    args = parser.parse_args()
    for row in run(args.words):
        print("  ".join(f"{k}={v}" for k, v in row.items()))


if __name__ == "__main__":
    main()
