"""Round trip: the seeds rendered to PDF (two columns, running header, hyphenation) and to web pages (with
site chrome) read back to the same sentences, and the example briefs check clean against them."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from briefdeck.sources.corpus import list_sources, read_all

from .documents import REPO, SEEDS, article_html, page_html, pdf_bytes, seed_sources

BRIEFS = sorted((REPO / "briefs").glob("*.yaml"))
SITE = {"king-2019": ("The Peninsula", "Robert R. King", "2019-07-24"), "tip-2017-dprk": ("U.S. Department of State", "", "")}


def _folder(root: Path, suffix: str) -> Path:
    """A project whose sources folder holds the seeds as ``suffix`` files, under the seeds' records."""
    folder = root / "sources"
    folder.mkdir(parents=True)
    records = yaml.safe_load((SEEDS / "sources.yaml").read_text(encoding="utf-8"))
    for record, source in zip(records, (seed_sources()[r["id"]] for r in records)):
        record["file"] = f"{record['id']}{suffix}"
        if suffix == ".pdf":
            header = str(source.record.csl.get("container-title") or source.record.title).upper()
            data = pdf_bytes(article_html(source), header=header)
        else:
            site, byline, date = SITE[source.id]
            data = page_html(source, site=site, byline=byline, date=date).encode("utf-8")
        (folder / record["file"]).write_bytes(data)
    (folder / "sources.yaml").write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (root / "briefs").mkdir()
    for brief in BRIEFS:
        (root / "briefs" / brief.name).write_text("sources: ../sources\n" + brief.read_text(encoding="utf-8"),
                                                  encoding="utf-8")
    return folder


@pytest.fixture(scope="module", params=[".pdf", ".html"])
def built(request, tmp_path_factory):
    root = tmp_path_factory.mktemp("roundtrip" + request.param.replace(".", "-"))
    folder = _folder(root, request.param)
    return request.param, root, folder, {s.id: s for s in read_all(list_sources(folder))}


def test_at_least_99_percent_of_seed_sentences_come_back_identical(built):
    _, _, _, read = built
    for source_id, seed in seed_sources().items():
        expected = [s.text for p in seed.paragraphs for s in p.sentences]
        got = {s.text for p in read[source_id].paragraphs for s in p.sentences}
        same = sum(1 for s in expected if s in got)
        assert same / len(expected) >= 0.99, [s for s in expected if s not in got]


def test_paragraph_numbers_are_the_seeds(built):
    _, _, _, read = built
    for source_id, seed in seed_sources().items():
        assert [p.text for p in read[source_id].paragraphs] == [p.text for p in seed.paragraphs]


@pytest.mark.parametrize("brief", [b.name for b in BRIEFS])
def test_the_example_briefs_check_strict_against_them(built, cli, brief):
    suffix, root, folder, _ = built
    result = cli(root, "check", f"briefs/{brief}", "--strict", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["ok"] and data["errors"] == 0 and data["warnings"] == 0
    notes = [f for deck in data["audiences"].values() for s in deck["slides"] for f in s["footnotes"]]
    assert notes
    cited = [f for f in notes if ":p" in f["locator"]]
    if suffix == ".html":
        assert all(f["page"] is None for f in notes)
        return
    assert cited and all(f["page"] for f in cited)
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed: the pages are not checked against it")
    pages = {}
    for note in cited:
        path = folder / f"{note['source']}.pdf"
        if path not in pages:
            pages[path] = _pdftotext_pages(path)
        # The page holding the longest opening of the cited words (a sentence may run on to the next
        # page or column, and poppler orders columns its own way): that must be the page cited.
        reach = [_prefix_found(_letters(note["quoted"]), text) for text in pages[path]]
        best = {str(n) for n, r in enumerate(reach, start=1) if r == max(reach)}
        assert max(reach) >= 4 and note["page"] in best, (note["locator"], note["page"], best)


def _pdftotext_pages(path: Path) -> list[str]:
    import pypdf

    count = len(pypdf.PdfReader(path).pages)
    return [_letters(subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"],
                                    capture_output=True, text=True, check=True).stdout) for n in range(1, count + 1)]


def _prefix_found(letters: str, page: str) -> int:
    """The length of the longest opening of ``letters`` that ``page`` holds."""
    low, high = 0, len(letters)
    while low < high:
        mid = (low + high + 1) // 2
        if letters[:mid] in page:
            low = mid
        else:
            high = mid - 1
    return low


def test_pdf_notes_cite_the_page_in_each_style(built):
    suffix, root, _, _ = built
    from briefdeck.check import check_brief
    from briefdeck.citations import get_style
    from briefdeck.citations.text import plain

    expected = {"apa": "p. {page})", "chicago-note": ", {page}."} if suffix == ".pdf" else {}
    for brief in BRIEFS:
        result = check_brief(root / "briefs" / brief.name, strict=True)
        for deck in result.decks.values():
            for footnote in deck.footnotes:
                citation = footnote.citation
                note = plain(get_style(deck.style).full_note(citation))
                if citation.paragraph is None:
                    continue
                if suffix == ".pdf":
                    assert citation.page and expected[deck.style].format(page=citation.page) in note, note
                else:
                    assert citation.page is None and re.search(r"\bparas?\. |\bpars?\. ", note), note


def _letters(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", text)
