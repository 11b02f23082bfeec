"""The file itself: same bytes for the same deck, sound structure, properties from the deck."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import replace

import pytest

from briefdeck.layouts import find_layout
from briefdeck.render.pptx import check_pptx, deck_to_pptx

from .decks import example_deck, long_deck
from .readback import open_pptx


@pytest.fixture(scope="module")
def layout():
    return find_layout("default", project=None)


@pytest.fixture(scope="module")
def data(layout):
    return deck_to_pptx(example_deck("classroom"), layout=layout)


def rezip(data: bytes, change) -> bytes:
    """``data`` with its entries passed through ``change(name, blob) -> blob | None`` (None drops it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            blob = change(info.filename, src.read(info))
            if blob is not None:
                dst.writestr(info.filename, blob)
    return out.getvalue()


def test_building_twice_gives_identical_bytes(layout, data):
    assert deck_to_pptx(example_deck("classroom"), layout=layout) == data
    assert deck_to_pptx(long_deck(30), layout=layout) == deck_to_pptx(long_deck(30), layout=layout)


def test_zip_entries_carry_the_decks_date_and_fixed_attributes(data, layout):
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert {i.date_time for i in infos} == {(2026, 11, 22, 0, 0, 0)}
    assert {i.create_system for i in infos} == {0}
    assert infos[0].filename == "[Content_Types].xml" and infos[1].filename == "_rels/.rels"
    undated = deck_to_pptx(replace(example_deck("policy"), date=None), layout=layout)
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(undated)).infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_core_properties_come_from_the_deck_not_the_clock(data):
    core = open_pptx(data).core_properties
    assert core.title == "North Korea and Human Trafficking"
    assert core.created == core.modified == dt.datetime(2026, 11, 22)
    assert core.last_modified_by == "briefdeck" and core.revision == 1
    app = zipfile.ZipFile(io.BytesIO(data)).read("docProps/app.xml").decode()
    assert "<Slides>8</Slides>" in app and "<Application>briefdeck</Application>" in app


def test_the_deck_is_structurally_sound_and_reopens(data):
    assert check_pptx(data) == []
    prs = open_pptx(data)
    assert len(prs.slides) == 8
    assert all(slide.has_notes_slide for slide in prs.slides)
    assert prs.slide_width == 12192000 and prs.slide_height == 6858000  # 13.333 x 7.5 in


def test_check_finds_a_relationship_to_a_missing_part(data):
    broken = rezip(data, lambda name, blob: None if name == "ppt/slides/slide2.xml" else blob)
    problems = check_pptx(broken)
    assert any(p.startswith("ppt/_rels/presentation.xml.rels: relationship")
               and p.endswith("points to /ppt/slides/slide2.xml, which is missing") for p in problems)
    assert any("names /ppt/slides/slide2.xml, which is not in the package" in p for p in problems)


def test_check_finds_duplicate_shape_ids_and_undefined_rids(data):
    def spoil(name, blob):
        if name == "ppt/slides/slide3.xml":
            return re.sub(r'cNvPr id="3"', 'cNvPr id="2"', blob.decode(), count=1).encode()
        if name == "ppt/slides/slide4.xml":
            return blob.decode().replace('<a:solidFill>', '<a:solidFill r:id="rId77">', 1).encode()
        return blob
    problems = check_pptx(rezip(data, spoil))
    assert any("ppt/slides/slide3.xml: shape id 2 is used by 2 shapes" in p for p in problems)
    assert any('ppt/slides/slide4.xml: r:id="rId77" has no relationship' in p for p in problems)


def test_check_finds_orphan_parts_and_bad_xml(data):
    def add_orphan(name, blob):
        if name == "[Content_Types].xml":
            return blob.replace(b"</Types>", b'<Override PartName="/ppt/slides/slide99.xml" ContentType='
                                b'"application/vnd.openxmlformats-officedocument.presentationml.slide+xml"/>'
                                b"</Types>")
        return blob
    buffer = io.BytesIO(rezip(data, add_orphan))
    with zipfile.ZipFile(buffer, "a") as zf:
        zf.writestr("ppt/slides/slide99.xml", "<p:sld xmlns:p='x'>")
    problems = check_pptx(buffer.getvalue())
    assert any("ppt/slides/slide99.xml is not reached by any relationship" in p for p in problems)
    assert any("ppt/slides/slide99.xml is not well-formed XML" in p for p in problems)
    assert check_pptx(b"not a zip") == ["not a zip file"]


def test_a_long_or_dirty_deck_title_still_makes_valid_properties(layout):
    title = "Lorem\x00 ipsum " * 40
    data = deck_to_pptx(replace(example_deck("policy"), title=title), layout=layout)
    assert check_pptx(data) == []
    core = open_pptx(data).core_properties.title
    assert len(core) == 255 and core.startswith("Lorem ipsum Lorem ipsum")
