"""The deck's zip writer gives the bytes Python's zipfile gives for the same entries."""

from __future__ import annotations

import io
import os
import threading
import zipfile

import pytest

from briefdeck.layouts import find_layout
from briefdeck.render.pptx import deck_to_pptx
from briefdeck.render.pptx.zip_writer import zipfile_bytes
from briefdeck.render.pptx.zip_writer import fits, zip_bytes

from .decks import long_deck

STAMP = (2026, 11, 22, 0, 0, 0)


def entries_of(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


@pytest.mark.parametrize("entries", [
    [("[Content_Types].xml", b"<Types/>"), ("empty.bin", b"")],
    [("ppt/media/caf\u00e9.png", b"\x89PNG" + bytes(range(256)) * 40)],  # a name zipfile flags as UTF-8
    [("noise.bin", os.urandom(300_000)), ("text.xml", b"<a>words</a>" * 200_000)],  # past the threaded size
], ids=["small", "non-ascii-name", "large"])
def test_the_zip_is_zipfiles_byte_for_byte(entries):
    data = zip_bytes(entries, STAMP)
    assert data == zipfile_bytes(entries, STAMP)
    assert entries_of(data) == entries
    assert threading.active_count() == 1  # the deflating thread is gone: the PDF worker may fork


def test_a_deck_is_the_zip_zipfile_would_write():
    deck = deck_to_pptx(long_deck(40), layout=find_layout("default", project=None))
    entries = entries_of(deck)
    stamp = zipfile.ZipFile(io.BytesIO(deck)).infolist()[0].date_time
    assert zipfile_bytes(entries, stamp) == deck


def test_archives_that_need_zip64_are_left_to_zipfile():
    assert fits([("a", b"x")] * 1000)
    assert not fits([("a", b"")] * 65_535)
