"""A second reader: LibreOffice opens our decks and converts them without error (where installed)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefdeck.layouts import find_layout
from briefdeck.render.pptx import deck_to_pptx

from .decks import example_deck, korean_deck, long_deck

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def to_pdf(data: bytes, tmp_path: Path) -> bytes:
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(data)
    # a profile of its own, so parallel or earlier LibreOffice runs cannot lock it
    profile = (tmp_path / "profile").as_uri()
    result = subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                             "--outdir", str(tmp_path), str(deck)], capture_output=True, text=True, timeout=120)
    pdf = tmp_path / "deck.pdf"
    assert result.returncode == 0 and pdf.is_file(), result.stderr
    return pdf.read_bytes()


@pytest.mark.parametrize("audience", ["policy", "classroom"])
def test_example_deck_converts_to_pdf_with_every_slide(tmp_path, audience):
    deck = example_deck(audience)
    pdf = PdfReader(io.BytesIO(to_pdf(deck_to_pptx(deck, layout=find_layout("default", project=None)),
                                      tmp_path)))
    assert len(pdf.pages) == len(deck.slides)
    text = pdf.pages[2 if audience == "policy" else 3].extract_text()
    assert "Tier 3, the lowest ranking" in text and "North Korea stayed on Tier 3 in 2017." in text


def test_long_and_korean_decks_convert(tmp_path):
    layout = find_layout("classroom", project=None)
    for name, deck in (("long", long_deck(40)), ("korean", korean_deck())):
        folder = tmp_path / name
        folder.mkdir()
        pdf = PdfReader(io.BytesIO(to_pdf(deck_to_pptx(deck, layout=layout), folder)))
        assert len(pdf.pages) >= len(deck.slides)
    assert "(North Korea)" in pdf.pages[0].extract_text()
