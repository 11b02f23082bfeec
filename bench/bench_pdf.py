"""Benchmark: reading a 500-page PDF report, against PDFium's raw text extraction of the same file.

Run: ``python bench/bench_pdf.py [--pages N]``. The report is written by
WeasyPrint from the seeds' paragraphs, repeated chapter after chapter, in two
columns with a running header, page numbers and hyphenation. Reported: pages
per second for briefdeck's reader (text layer, layout, furniture, hyphens,
headings, lists, paragraphs and sentences: a complete `Source`), for
pypdfium2's plain ``get_text_range`` over every page (the floor no reader
beats), and the cold index build of a sources folder holding the report.

Goal (issue 11, on a 2-core machine): at least 100 pages per second including cleaning.
"""

from __future__ import annotations

import argparse
import html
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.readers.documents import pdf_bytes, seed_sources  # noqa: E402

from briefdeck.findings.sync import CACHE_DIR  # noqa: E402
from briefdeck.project import Workspace  # noqa: E402
from briefdeck.sources.read import read_source  # noqa: E402

# Chapters per page, measured on the seeds' layout: used to size the report before writing it.
_PAGES_PER_CHAPTER = 2.8


def report_pdf(pages: int) -> bytes:
    """A report of about ``pages`` pages (at least that many): the seeds as numbered chapters."""
    seeds = list(seed_sources().values())
    parts, chapter = [], 0
    while chapter * _PAGES_PER_CHAPTER < pages * 1.02:
        source = seeds[chapter % len(seeds)]
        chapter += 1
        parts.append(f"<h2>{chapter}. {html.escape(source.record.title)}</h2>")
        section = None
        for paragraph in source.paragraphs:
            if paragraph.section and paragraph.section != section:
                parts.append(f"<h3>{html.escape(paragraph.section)}</h3>")
            section = paragraph.section
            parts.append(f"<p>{html.escape(paragraph.text)}</p>")
    return pdf_bytes("\n".join(parts), header="BRIEFDECK BENCHMARK REPORT")


def raw_extraction(data: bytes) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    chars = 0
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        chars += len(textpage.get_text_range())
        textpage.close()
        page.close()
    pdf.close()
    return chars


def sentence_split(chars: int = 400_000, repeats: int = 3) -> dict:
    """Splitting one paragraph of ``chars`` characters (the seeds' sentences run together) into sentences."""
    from briefdeck.sources.sentences import split_sentences

    text = " ".join(p.text for s in seed_sources().values() for p in s.paragraphs)
    paragraph = (text + " ") * (chars // len(text) + 1)
    paragraph = paragraph[:chars].rsplit(". ", 1)[0] + "."
    times = _times(lambda: split_sentences(paragraph), repeats)
    return {"benchmark": "sentence split of one paragraph", "pages": f"{len(paragraph):,} chars",
            "median_s": round(statistics.median(times), 3), "spread_s": round(max(times) - min(times), 3),
            "pages_per_s": f"{len(split_sentences(paragraph))} sentences", "goal": "well under 1 s",
            "met": "yes" if statistics.median(times) < 1 else "no"}


def run(pages: int = 500, repeats: int = 3, keep: Path | None = None) -> list[dict]:
    """The rows; ``keep`` is a file the report is kept in (and read from when it exists: WeasyPrint takes
    minutes to write 500 pages)."""
    import pypdfium2 as pdfium

    data = keep.read_bytes() if keep and keep.exists() else report_pdf(pages)
    if keep:
        keep.write_bytes(data)
    count = len(pdfium.PdfDocument(data))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "project" / "seeds"
        folder.mkdir(parents=True)
        path = folder / "report.pdf"
        path.write_bytes(data)

        raw = _times(lambda: raw_extraction(data), repeats)
        read = _times(lambda: read_source(path, source_id="report"), repeats)
        source = read_source(path, source_id="report")
        sentences = sum(len(p.sentences) for p in source.paragraphs)
        for name, times, goal in (("pypdfium2 raw text (floor)", raw, ""),
                                  ("briefdeck PDF reader (with cleaning)", read, ">= 100 pages/s")):
            rate = count / statistics.median(times)
            rows.append({"benchmark": name, "pages": count, "median_s": round(statistics.median(times), 2),
                         "spread_s": round(max(times) - min(times), 2), "pages_per_s": round(rate),
                         "goal": goal or "-", "met": ("yes" if rate >= 100 else "no") if goal else "-"})

        builds = []
        for _ in range(repeats):
            shutil.rmtree(folder.parent / CACHE_DIR, ignore_errors=True)
            started = time.perf_counter()
            index, _ = Workspace.at(folder.parent).open_index()
            builds.append(time.perf_counter() - started)
            index.close()
        rows.append({"benchmark": "index build of the report (cold)", "pages": count,
                     "median_s": round(statistics.median(builds), 2), "spread_s": round(max(builds) - min(builds), 2),
                     "pages_per_s": round(count / statistics.median(builds)), "goal": "-", "met": "-"})
        rows.append({"benchmark": f"(read: {len(source.paragraphs)} paragraphs, {sentences} sentences)",
                     "pages": count, "median_s": "", "spread_s": "", "pages_per_s": "", "goal": "", "met": ""})
    rows.append(sentence_split(repeats=repeats))
    return rows


def _times(work, repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        out.append(time.perf_counter() - started)
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the report in this file, or read it from there")
    args = parser.parse_args()
    for row in run(args.pages, args.repeats, args.keep):
        print(row)
