"""Benchmark: rendering handouts to PDF.

Run: ``python bench/bench_handout.py [--repeats N]``. Times deck → HTML → PDF
for the DESIGN.md example's two handouts (policy memo and classroom reading
sheet, together) and for a long synthetic reading sheet of about 50 pages;
reports the median of the runs after one warm-up (the first render in a
process also loads fonts, reported apart as "cold").

Goal (issue 5, on a 2-core machine): the example's two handouts under 3 s.
The same two are also rendered with fonts subset by fontTools, as WeasyPrint
does without the system's ``libharfbuzz-subset0``, alternating with HarfBuzz
(the README's claim about that library). The long sheet is last rendered
with its footnotes restyled, and with WeasyPrint's own footnote-area layout
instead of the summed heights, to show what the footnote area costs (issue 16).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))  # the hand-built decks of the handout tests

from pypdf import PdfReader  # noqa: E402

from briefdeck.layouts import find_layout  # noqa: E402
from briefdeck.render.handout import deck_to_html, html_to_pdf  # noqa: E402
from render_handout.decks import example_deck, long_deck  # noqa: E402


def _render(decks, layout) -> list[bytes]:
    return [html_to_pdf(deck_to_html(deck, layout=layout), deck=deck, root=REPO) for deck in decks]


def _timed(decks, layout, repeats: int) -> tuple[float, list[float], list[bytes]]:
    t = time.perf_counter()
    pdfs = _render(decks, layout)
    cold = time.perf_counter() - t
    runs = []
    for _ in range(repeats):
        t = time.perf_counter()
        _render(decks, layout)
        runs.append(time.perf_counter() - t)
    return cold, runs, pdfs


def _subsetting(decks, layout, repeats: int) -> dict:
    """Warm medians with HarfBuzz's subsetter and with fontTools' (what WeasyPrint uses without the library)."""
    from weasyprint.pdf import fonts

    harfbuzz = fonts.harfbuzz_subset
    if harfbuzz is None:
        return {"benchmark": "font subsetting", "skipped": "libharfbuzz-subset0 is not installed"}
    runs: dict[str, list[float]] = {"harfbuzz": [], "fonttools": []}
    try:
        for _ in range(repeats):
            for name, library in (("harfbuzz", harfbuzz), ("fonttools", None)):
                fonts.harfbuzz_subset = library
                t = time.perf_counter()
                _render(decks, layout)
                runs[name].append(time.perf_counter() - t)
    finally:
        fonts.harfbuzz_subset = harfbuzz
    hb, ft = statistics.median(runs["harfbuzz"]), statistics.median(runs["fonttools"])
    return {"benchmark": "example handouts: fonts subset by fontTools vs libharfbuzz-subset0",
            "harfbuzz_s": round(hb, 2), "fonttools_s": round(ft, 2), "ratio": round(ft / hb, 2), "runs": repeats}


# What the footnote area costs WeasyPrint: the handout's CSS as shipped, and with one rule changed.
FOOTNOTE_VARIANTS = {
    "as shipped": ("", ""),
    "notes in the text (no float: footnote)": ("float: footnote;", ""),
    "marker inline (no inline-block, min-width)": ("display: inline-block;\n    min-width: 5.3mm;", ""),
}


def _footnote_cost(decks, layout) -> list[dict]:
    """CPU seconds of each variant's PDFs (one warm run each): what restyling the footnotes could buy,
    and what WeasyPrint's own footnote area (laid out whole for every note placed) costs against
    the summed heights (render/handout/footnote_area.py) the handouts use."""
    import weasyprint.layout

    htmls = [(deck, deck_to_html(deck, layout=layout)) for deck in decks]
    context = weasyprint.layout.LayoutContext
    summed = context._update_footnote_area
    variants = [(name, old, new, summed) for name, (old, new) in FOOTNOTE_VARIANTS.items()]
    if getattr(summed, "summed_heights", False):
        variants.insert(1, ("as shipped, WeasyPrint's own footnote area", "", "", summed.weasyprints_own))
    rows = []
    for name, old, new, footnote_area in variants:
        assert all(old in html for _, html in htmls), f"the handout CSS no longer has {old!r}"
        context._update_footnote_area = footnote_area
        try:
            started = time.process_time()
            pdfs = [html_to_pdf(html.replace(old, new) if old else html, deck=deck, root=REPO) for deck, html in htmls]
        finally:
            context._update_footnote_area = summed
        rows.append({"benchmark": f"long reading sheet, footnotes: {name}",
                     "pages": "+".join(str(_pages(p)) for p in pdfs), "cpu_s": round(time.process_time() - started, 2)})
    return rows


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def run(repeats: int = 3, long_sections: int = 30) -> list[dict]:
    """One row per benchmark: seconds as the median of ``repeats`` warm runs."""
    layout = find_layout("default", project=None)
    rows = []
    example = [example_deck("policy"), example_deck("classroom")]
    cold, runs, pdfs = _timed(example, layout, repeats)
    rows.append({"benchmark": "example handouts to PDF (memo + reading)",
                 "pages": "+".join(str(_pages(p)) for p in pdfs), "cold_s": round(cold, 2),
                 "median_s": round(statistics.median(runs), 2), "max_s": round(max(runs), 2),
                 "runs": len(runs), "goal": "< 3 s"})
    rows.append(_subsetting(example, layout, repeats))
    slides = [example_deck("policy", handout="slides")]
    cold, runs, pdfs = _timed(slides, layout, repeats)
    rows.append({"benchmark": "example slides handout to PDF", "pages": _pages(pdfs[0]),
                 "median_s": round(statistics.median(runs), 2), "runs": len(runs)})
    long = [long_deck(long_sections)]
    cold, runs, pdfs = _timed(long, layout, repeats)
    rows.append({"benchmark": "long reading sheet to PDF", "pages": _pages(pdfs[0]),
                 "footnotes": len(long[0].footnotes),
                 "median_s": round(statistics.median(runs), 2), "max_s": round(max(runs), 2),
                 "runs": len(runs)})
    rows += _footnote_cost(long, layout)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--long-sections", type=int, default=30, help="sections of the long handout (30: about 50 pages)")
    args = parser.parse_args()
    for row in run(args.repeats, args.long_sections):
        print("  ".join(f"{k}={v}" for k, v in row.items()))


if __name__ == "__main__":
    main()
