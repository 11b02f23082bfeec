"""Benchmark: writing a .pptx of N slides, briefdeck against plain python-pptx.

Run: ``python bench/bench_pptx.py [--repeats N] [--sizes 20,200,1000]``.

For each N, a synthetic deck of N bullet slides (neutral text about nothing,
four points per slide, each point with a footnote to an obviously synthetic
source) is written by ``deck_to_pptx`` and, in the same run, by a plain
python-pptx script writing the same slides (a title, four bullets and a
footnote text box: "the floor"). Times are the median of the runs after one
warm-up; the ratio is briefdeck's time over the floor's.

briefdeck does more per slide than the floor (it measures and fits every
box, writes speaker notes with the full citation, and zips deterministically),
so the goal is: within 1.5x the floor at 20 and 200 slides, and faster than
the floor at 1,000, where python-pptx's ``add_slide`` (which scans every part
and relationship already in the package) grows worse than linearly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import time

from pptx import Presentation
from pptx.util import Pt

from briefdeck.deck.model import Audience, Deck, Point, Slide
from briefdeck.deck.notes import Notebook
from briefdeck.layouts import find_layout
from briefdeck.render.pptx import deck_to_pptx
from briefdeck.sources.model import Citation, SourceRecord

SIZES = (20, 200, 1000)
GOALS = {20: 1.5, 200: 1.5, 1000: 1.0}
RECORD = SourceRecord("example-source", {
    "id": "example-source", "type": "report", "title": "Example Source for Benchmarks",
    "author": [{"literal": "Example Organisation"}], "issued": {"date-parts": [[2020]]},
})
WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore "
         "et dolore magna aliqua").split()


def _text(seed: int, words: int) -> str:
    return " ".join(WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(words)).capitalize() + "."


def synthetic_deck(slides: int) -> Deck:
    """``slides`` bullet slides of four footnoted points of neutral text."""
    out = []
    book = Notebook("chicago-note")
    for n in range(slides):
        notes = book.slide()
        points = tuple(Point(_text(n * 4 + i, 12), (notes.cite(Citation(RECORD, f"example-source:p{i}", i, None,
                                                                         _text(n + i, 8))),))
                       for i in range(1, 5))
        out.append(Slide("bullets", f"Synthetic slide {n + 1}", points=points, footnotes=notes.footnotes))
    return Deck(name="bench", title="Benchmark deck", subtitle=None, date=dt.date(2026, 1, 1),
                audience=Audience("all", "All audiences"), slides=tuple(out), bibliography=book.bibliography,
                references=book.references())


def plain_python_pptx(deck: Deck) -> bytes:
    """The floor: the same slides written the ordinary python-pptx way."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Pt(960), Pt(540)
    layout = prs.slide_layouts[1]  # "Title and Content"
    for slide in deck.slides:
        s = prs.slides.add_slide(layout)
        s.shapes.title.text = slide.title
        frame = s.placeholders[1].text_frame
        for i, point in enumerate(slide.points):
            para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            para.text = point.text
            marker = para.add_run()
            marker.text = str(point.footnotes[0])
            marker.font._rPr.set("baseline", "30000")
        band = s.shapes.add_textbox(Pt(48), Pt(470), Pt(864), Pt(50)).text_frame
        band.text = "\n".join(f"{f.number} {f.citation.record.title}, par. {f.citation.paragraph}."
                              for f in slide.footnotes)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def _median(fn, repeats: int) -> float:
    fn()  # warm-up: imports, caches, the metrics table
    runs = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def run(repeats: int = 3, sizes: tuple[int, ...] = SIZES) -> list[dict]:
    """One row per N: seconds (median of ``repeats``) for briefdeck and the floor, and their ratio."""
    layout = find_layout("default", project=None)
    rows = []
    for n in sizes:
        deck = synthetic_deck(n)
        ours = _median(lambda: deck_to_pptx(deck, layout=layout), repeats)
        floor = _median(lambda: plain_python_pptx(deck), repeats)
        goal = GOALS.get(n)
        rows.append({"benchmark": f"pptx, {n} slides", "briefdeck_s": round(ours, 3), "floor_s": round(floor, 3),
                     "ratio": round(ours / floor, 2), "goal": f"<= {goal}x" if goal else "",
                     "met": (ours / floor <= goal) if goal else None, "runs": repeats})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated slide counts")
    args = parser.parse_args()
    rows = run(max(3, args.repeats), tuple(int(n) for n in args.sizes.split(",")))
    print(f"{'slides':>7} {'briefdeck s':>12} {'python-pptx s':>14} {'ratio':>6} {'goal':>7}  met")
    for row in rows:
        print(f"{row['benchmark'].split()[1]:>7} {row['briefdeck_s']:>12.3f} {row['floor_s']:>14.3f} "
              f"{row['ratio']:>6.2f} {row['goal']:>7}  {'yes' if row['met'] else 'NO'}")


if __name__ == "__main__":
    main()
