"""Benchmark: briefdeck against pandoc on the same content, as a user would run each.

Run: ``python bench/bench_pandoc.py``. The example brief's policy deck is
turned into the Markdown a pandoc user would write (one ``##`` slide per
slide, a bullet per point, ``[@id, para. N]`` citations) and a CSL-JSON
bibliography of the same records. Both tools run as cold processes:
``pandoc --citeproc -o deck.pptx`` and ``briefdeck build --format pptx``
(which also verifies every quote against the sources, which pandoc cannot).
The content (14 slides) is then repeated 10 and 50 times (140, 700 slides) to
see how each scales. The two run in turn (alternating, so load hits both
alike); medians of wall-clock and of CPU seconds (which load barely changes).

Goal (issue 16, written when the example had 13 slides): the example within 1.2x
pandoc's time, faster than pandoc from 130 slides up.

Skipped, with a reason, when pandoc is not installed
(``apt-get install pandoc``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cold import alternate  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
BRIEF = REPO / "briefs" / "dprk-trafficking.yaml"
SCALES = (1, 10, 50)


class _NoAliases(yaml.SafeDumper):
    """Repeated slides written out in full: briefs refuse YAML aliases."""

    def ignore_aliases(self, data):
        return True


def pandoc_version() -> str | None:
    if shutil.which("pandoc") is None:
        return None
    return subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.splitlines()[0]


def deck_markdown(deck) -> str:
    """The pandoc Markdown for a briefdeck Deck: same slides, same points, same citations."""
    lines = ["---", f"title: {json.dumps(deck.title)}", f"subtitle: {json.dumps(deck.subtitle or '')}", "---", ""]
    for slide in deck.slides:
        if slide.kind in ("title", "sources"):
            continue
        lines += [f"## {slide.title}", ""]
        for point in slide.points:
            cites = "; ".join(f"@{slide.footnote(n).citation.source_id}, para. {slide.footnote(n).citation.paragraph}"
                              for n in point.footnotes)
            text = f"{point.figure} {point.text}" if point.figure else point.text
            lines.append(f"- {text} [{cites}]" if cites else f"- {text}")
        lines.append("")
    return "\n".join(lines)


def run(repeats: int = 5, scales: tuple[int, ...] = SCALES) -> list[dict]:
    version = pandoc_version()
    if version is None:
        return [{"benchmark": "pandoc comparison", "skipped": "pandoc is not installed (apt-get install pandoc)"}]
    from briefdeck.check import check_brief

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        shutil.copytree(REPO / "seeds", root / "seeds")
        (root / "briefs").mkdir()
        outline = yaml.load(BRIEF.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        for scale in scales:
            scaled = dict(outline, slides=outline["slides"] * scale)
            brief = root / "briefs" / f"scale{scale}.yaml"
            brief.write_text(yaml.dump(scaled, Dumper=_NoAliases, allow_unicode=True, sort_keys=False),
                             encoding="utf-8")
            deck = check_brief(brief, audience="policy").decks["policy"]
            (root / f"scale{scale}.md").write_text(deck_markdown(deck), encoding="utf-8")
            (root / "refs.json").write_text(json.dumps([dict(r.csl) for r in deck.bibliography]), encoding="utf-8")
            (root / "out").mkdir(exist_ok=True)
            timed = alternate({
                "briefdeck": [sys.executable, "-m", "briefdeck", "build", f"briefs/scale{scale}.yaml", "--audience",
                              "policy", "--format", "pptx", "--out", "out"],
                "pandoc": ["pandoc", f"scale{scale}.md", "--citeproc", "--bibliography", "refs.json",
                           "-o", f"out/pandoc{scale}.pptx"]}, root, repeats)
            ours, theirs = timed["briefdeck"], timed["pandoc"]
            slides = len([s for s in deck.slides if s.kind not in ("title", "sources")])
            goal = 1.2 if slides < 100 else 1.0
            rows.append({"benchmark": "deck from the example brief (cold process)", "slides": slides,
                         "briefdeck_s": round(ours["wall"], 3), "pandoc_s": round(theirs["wall"], 3),
                         "ratio": round(ours["wall"] / theirs["wall"], 2),
                         "briefdeck_cpu_s": round(ours["cpu"], 3), "pandoc_cpu_s": round(theirs["cpu"], 3),
                         "cpu_ratio": round(ours["cpu"] / theirs["cpu"], 2),
                         "spread_s": f"{ours['spread']:.2f} / {theirs['spread']:.2f}", "runs": repeats,
                         "goal": f"ratio < {goal}", "met": ours["wall"] / theirs["wall"] < goal})
    return rows


def main() -> None:
    for row in run():
        print("  ".join(f"{k}={v}" for k, v in row.items()))


if __name__ == "__main__":
    main()
