"""Korean text is drawn with a font that has Hangul (skipped where no such font is installed)."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from .conftest import render
from .decks import AUDIENCES, P, S, make_deck


def _korean_fonts() -> str:
    if shutil.which("fc-list") is None:
        return ""
    return subprocess.run(["fc-list", ":lang=ko"], capture_output=True, text=True).stdout.strip()


pytestmark = pytest.mark.skipif(not _korean_fonts(), reason="no font with Korean glyphs (fc-list :lang=ko is empty)")

KOREAN = "예시 문장입니다"  # "This is an example sentence."


def test_korean_text_is_in_the_pdf_with_a_hangul_font():
    deck = make_deck([S("bullets", f"Example {KOREAN}", [P(f"Lorem ipsum {KOREAN}.")])],
                     audience=AUDIENCES["classroom"], title=f"Example {KOREAN}")
    pdf = render(deck).pdf
    reader = PdfReader(io.BytesIO(pdf))
    assert KOREAN in reader.pages[0].extract_text()
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any(("CJK" in f or "Nanum" in f or "KR" in f) for f in fonts), fonts
