"""Files a reader cannot read: each a clear error naming the file, exit 1, no traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from .documents import pdf_bytes


def _scanned_pdf() -> bytes:
    """A page holding only an image, as a scanner makes it (no text layer)."""
    pixel = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")
    return pdf_bytes(f'<img src="{pixel}" style="width: 10cm; height: 14cm">', header="", columns=1)


def _encrypted_pdf() -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf_bytes("<p>The government made no efforts.</p>", header="")))
    writer.encrypt("a password")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _truncated_pdf() -> bytes:
    data = pdf_bytes("<p>The government made no efforts.</p>" * 40, header="")
    return data[: len(data) // 3]


def _empty_docx() -> bytes:
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


def _zip_of_something_else() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes/readme.txt", "not a Word document")
    return out.getvalue()


NO_ARTICLE = b"""<!DOCTYPE html><html><head><title>Menu</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li></ul></nav>
<footer><a href="/privacy">Privacy</a></footer></body></html>"""

CASES = {
    "scanned.pdf": (_scanned_pdf, "no text layer"),
    "locked.pdf": (_encrypted_pdf, "is encrypted"),
    "cut.pdf": (_truncated_pdf, "damaged or truncated"),
    "menu.html": (lambda: NO_ARTICLE, "no article text"),
    "empty.docx": (_empty_docx, "empty Word document"),
    "archive.docx": (_zip_of_something_else, "is not a Word document"),
    "renamed.docx": (lambda: b"plain words, not a zip", "is not a Word document"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_an_unreadable_document_is_a_clear_error(tmp_path: Path, cli, name):
    make, message = CASES[name]
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / name).write_bytes(make())
    result = cli(tmp_path, "sources", "--sources", str(folder))
    assert result.exit_code == 1, result.output
    assert name in result.stderr and message in result.stderr
    assert "Traceback" not in result.output and "internal error" not in result.output.lower()
