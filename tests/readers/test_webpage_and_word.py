"""The web-page and Word readers: the article only, headings as sections, list items as paragraphs, metadata."""

from __future__ import annotations

import socket

import pytest

from briefdeck.sources.read import read_source

from .documents import docx_bytes, page_html, recommendation_items, seed_sources


@pytest.fixture(scope="module")
def seeds():
    return seed_sources()


@pytest.fixture
def no_network(monkeypatch):
    """Reading a saved page never opens a connection."""
    def refuse(*args, **kwargs):
        raise AssertionError("a reader tried to open a network connection")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_a_web_page_gives_the_article_without_site_chrome(tmp_path, seeds, no_network):
    king = seeds["king-2019"]
    path = tmp_path / "king.html"
    path.write_text(page_html(king, site="The Peninsula", byline="Robert R. King", date="2019-07-24"),
                    encoding="utf-8")
    source = read_source(path, source_id="king-2019", record=king.record)
    assert [p.text for p in source.paragraphs] == [p.text for p in king.paragraphs]
    assert [p.section for p in source.paragraphs] == [p.section for p in king.paragraphs]
    text = " ".join(p.text for p in source.paragraphs)
    for chrome in ("Home", "Sign up for our mailing list", "Related posts", "Reader comment", "All rights reserved",
                   "By Robert R. King"):
        assert chrome not in text
    assert all(p.page is None for p in source.paragraphs)


def test_the_pages_metadata_fills_the_guessed_record(tmp_path, seeds, no_network):
    king = seeds["king-2019"]
    path = tmp_path / "king.html"
    page = page_html(king, site="The Peninsula", byline="Robert R. King", date="2019-07-24")
    path.write_text(page.replace("</head>", '<link rel="canonical" href="https://example.org/king-2019"></head>'),
                    encoding="utf-8")
    record = read_source(path, source_id="king-2019").record
    assert record.title == king.record.title
    assert record.csl["container-title"] == "The Peninsula"
    assert record.issued == (2019, 7, 24)
    assert record.csl["author"][0]["family"] == "King"
    assert record.url == "https://example.org/king-2019"


def test_web_page_list_items_are_paragraphs(tmp_path, seeds):
    tip = seeds["tip-2017-dprk"]
    items = recommendation_items(tip)
    path = tmp_path / "tip.html"
    path.write_text(page_html(tip, site="U.S. Department of State", items=items), encoding="utf-8")
    source = read_source(path, source_id="tip", record=tip.record)
    assert [p.text for p in source.paragraphs if p.section == "Recommendations"] == next(iter(items.values()))


def test_a_saved_page_without_a_suffix_is_read_as_a_web_page(tmp_path, seeds):
    king = seeds["king-2019"]
    path = tmp_path / "saved-page"
    path.write_text(page_html(king, site="The Peninsula"), encoding="utf-8")
    source = read_source(path, source_id="king-2019", record=king.record)
    assert source.paragraphs[0].text == king.paragraphs[0].text


def test_a_word_file_gives_styles_as_sections_and_list_items_as_paragraphs(tmp_path, seeds):
    tip = seeds["tip-2017-dprk"]
    items = recommendation_items(tip)
    path = tmp_path / "tip.docx"
    path.write_bytes(docx_bytes(tip, items=items, table=True))
    source = read_source(path, source_id="tip", record=tip.record)
    assert source.headings == ("Summary", "Recommendations", "Prosecution", "Protection", "Prevention",
                               "Trafficking profile")
    expected = [(p.section, t) for p in tip.paragraphs for t in items.get(p.number, [p.text])]
    assert [(p.section, p.text) for p in source.paragraphs] == expected
    assert any("left out 1 table" in w and "tip.docx" in w for w in source.warnings)
    assert not any(p.text in ("Tier", "Countries") for p in source.paragraphs)


def test_word_footnotes_are_not_body_text(tmp_path, seeds):
    """A footnote written into the file's footnotes part stays out of the paragraphs."""
    import io
    import zipfile

    king = seeds["king-2019"]
    plain = docx_bytes(king)
    note = "A footnote naming where the figure was found."
    footnotes = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                 f'<w:footnote w:id="1"><w:p><w:r><w:t>{note}</w:t></w:r></w:p></w:footnote></w:footnotes>')
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain)) as original, zipfile.ZipFile(out, "w") as copy:
        for item in original.infolist():
            copy.writestr(item, original.read(item.filename))
        copy.writestr("word/footnotes.xml", footnotes)
    path = tmp_path / "king.docx"
    path.write_bytes(out.getvalue())
    source = read_source(path, source_id="king-2019", record=king.record)
    assert [p.text for p in source.paragraphs] == [p.text for p in king.paragraphs]
    assert not any(note in p.text for p in source.paragraphs)
