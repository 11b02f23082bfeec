"""The PDF reader on reports written by WeasyPrint: furniture, columns, hyphens, headings, lists, pages."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest

from briefdeck.sources.read import read_source

from .documents import recommendation_items, report_html, seed_sources, write_pdf

HEADER = "TRAFFICKING IN PERSONS REPORT 2017"
A5 = "@page { size: A5; margin: 1.8cm 1.4cm }"


@pytest.fixture(scope="module")
def seed():
    return seed_sources()["tip-2017-dprk"]


@pytest.fixture(scope="module")
def report(tmp_path_factory, seed):
    path = write_pdf(tmp_path_factory.mktemp("pdf") / "report.pdf", report_html(seed), header=HEADER,
                     extra_style=A5)
    return path, read_source(path, source_id="tip", record=seed.record)


def test_the_report_runs_over_several_pages_in_two_columns(report):
    import pypdf

    path, source = report
    assert len(pypdf.PdfReader(path).pages) >= 4
    assert {p.page for p in source.paragraphs} >= {"1", "2", "3", "4"}


def test_no_running_header_footer_or_page_number_is_text(report):
    _, source = report
    for paragraph in source.paragraphs:
        assert HEADER not in paragraph.text
        assert not re.fullmatch(r"\d+", paragraph.text)
        assert not re.search(r"(?:^|\. )\d{1,2} [A-Z]", paragraph.text), paragraph.text  # a stray page number


def test_every_heading_is_a_section_and_the_paragraphs_are_the_seeds(report, seed):
    _, source = report
    assert source.headings == ("Democratic People's Republic of Korea", "SUMMARY", "RECOMMENDATIONS", "PROSECUTION",
                               "PROTECTION", "PREVENTION", "TRAFFICKING PROFILE")
    items = recommendation_items(seed)
    expected = []
    for paragraph in seed.paragraphs:
        for text in items.get(paragraph.number, [paragraph.text]):
            expected.append((paragraph.section.upper(), text))
    assert [(p.section, p.text) for p in source.paragraphs] == expected


def test_line_end_hyphens_are_joined_and_compounds_kept(report, seed):
    _, source = report
    text = " ".join(p.text for p in source.paragraphs)
    assert "\u2010" not in text and "- " not in text
    for compound in ("sub-district", "Korean-Chinese", "anti-trafficking"):
        assert compound in " ".join(p.text for p in seed.paragraphs)
        assert compound in text


def test_each_bullet_is_a_paragraph_of_its_own(report, seed):
    _, source = report
    recommendations = [p.text for p in source.paragraphs if p.section == "RECOMMENDATIONS"]
    assert recommendations == next(iter(recommendation_items(seed).values()))
    assert recommendations[0] == "End the use of forced labor in prison camps and among North Korean workers abroad"
    assert not any("•" in p.text for p in source.paragraphs)


def test_a_paragraph_runs_across_a_page_break(report):
    path, source = report
    pages = _pages_text(path)
    across = [p for p in source.paragraphs if _words(p.text)[:6] and _on(pages, p.text[:60]) != _on(pages, p.text[-60:])]
    assert across, "the generated report should break at least one paragraph across pages"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")
def test_page_numbers_match_the_page_the_words_are_on(report):
    path, source = report
    for paragraph in source.paragraphs:
        number = int(paragraph.page)
        page_text = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(path), "-"],
                                   capture_output=True, text=True, check=True).stdout
        # Letters only: the page's text is hyphenated and broken into lines, the paragraph's is not.
        opening = _letters(paragraph.text)[:30]
        assert opening in _letters(page_text), (paragraph.page, paragraph.text[:40])


def _letters(text: str) -> str:
    return re.sub(r"[^A-Za-z]", "", text)


def test_page_labels_are_the_pages_cited(tmp_path, seed):
    import pypdf

    plain = write_pdf(tmp_path / "plain.pdf", report_html(seed), header=HEADER, extra_style=A5)
    writer = pypdf.PdfWriter(clone_from=plain)
    writer.set_page_label(0, len(writer.pages) - 1, style="/D", start=212)
    labelled = tmp_path / "labelled.pdf"
    writer.write(labelled)
    pages = [p.page for p in read_source(labelled, source_id="tip", record=seed.record).paragraphs]
    numbers = [int(p) for p in pages]
    assert numbers[0] == 212 and numbers == sorted(numbers) and numbers[-1] >= 211 + len(writer.pages) - 1
    assert numbers[-1] <= 211 + len(writer.pages)


def _pages_text(path) -> list[str]:
    import pypdf

    return [" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages]


def _words(text: str) -> list[str]:
    return text.split()


def _on(pages: list[str], snippet: str) -> int | None:
    words = snippet.split()[1:-1]
    probe = " ".join(words[:4])
    return next((i for i, page in enumerate(pages) if probe and probe in page), None)
