"""The lines of a PDF's text layer with their places, read with pypdfium2 (Apache-2.0/BSD).

PDFium gives each page's text in content order, one line per "\\r\\n", and marks
a hyphen it found at a line end with U+FFFE (joining the two lines). Each line
is measured through its first and last characters only, so reading stays fast:
a few calls per line, not per character.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from briefdeck.errors import BriefdeckError, Problem

_LINE_END = re.compile("\r\n|\n|\ufffe")
# PDFium's error codes on loading (FPDF_ERR_*).
_LOAD_ERRORS = {
    2: "cannot be opened",
    3: "is damaged or truncated, or not a PDF",
    4: "is encrypted (it needs a password)",
    5: "uses a security handler that cannot be read",
    6: "is damaged (a page could not be read)",
}


@dataclass(frozen=True)
class PdfLine:
    text: str
    page: int  # 0-based page index
    x0: float  # left of the first character
    x1: float  # right of the last character
    y: float  # baseline, from the page's bottom
    top: float  # top of the first character
    size: float  # font size of the first character
    weight: int  # font weight of the first character (400 regular, 700 bold)


@dataclass(frozen=True)
class PdfPages:
    lines: list[PdfLine]
    sizes: list[tuple[float, float]]  # width, height of each page
    labels: list[str]  # the page label of each page ("212", "xii"), or its number from 1
    title: str | None = None  # the document information's title


def read_pdf_lines(data: bytes, *, name: str) -> PdfPages:
    """Every line of text of the PDF; raises a clear `BriefdeckError` for a PDF that cannot be read."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        what = _LOAD_ERRORS.get(getattr(exc, "err_code", None), "cannot be read")
        raise BriefdeckError(Problem(f"{name} {what}",
                                     hint="save a complete, unprotected copy of the PDF and try again",
                                     code="unreadable-pdf")) from None
    try:
        return _read(pdf, name)
    except pdfium.PdfiumError as exc:
        raise BriefdeckError(Problem(f"{name} is damaged: {exc}", hint="save a complete copy of the PDF",
                                     code="unreadable-pdf")) from None
    finally:
        pdf.close()


def _read(pdf: pdfium.PdfDocument, name: str) -> PdfPages:
    lines: list[PdfLine] = []
    sizes, labels = [], []
    for index in range(len(pdf)):
        page = pdf[index]
        sizes.append(page.get_size())
        labels.append(pdf.get_page_label(index) or str(index + 1))
        textpage = page.get_textpage()
        lines.extend(_page_lines(textpage, index))
        textpage.close()
        page.close()
    if not any(line.text.strip() for line in lines):
        raise no_text_layer(name)
    title = " ".join((pdf.get_metadata_value("Title") or "").split())
    return PdfPages(lines, sizes, labels, title or None)


def no_text_layer(name: str) -> BriefdeckError:
    return BriefdeckError(Problem(
        f"{name} has no text layer: it looks like a scanned PDF (pages of images only)",
        hint="run the PDF through OCR first, or use the document's text version", code="pdf-without-text"))


def _page_lines(textpage: pdfium.PdfTextPage, page: int) -> list[PdfLine]:
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters outside the BMP: read char by char to keep indexes aligned
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 32) for i in range(count))
    measure = _Measure(textpage.raw, page)
    out, pos = [], 0
    for match in _LINE_END.finditer(text + "\r\n"):
        start, end = pos, match.start()
        pos = match.end()
        line = text[start:end]
        stripped = line.rstrip()
        if not stripped.strip():
            continue
        last = start + len(stripped) - 1
        if match.group() == "\ufffe":
            stripped, last = stripped + "-", end  # the U+FFFE character is the hyphen
        out.append(measure(stripped, start + len(line) - len(line.lstrip()), last))
    return out


class _Measure:
    """Measures lines through PDFium's C functions, reusing its output variables (thousands of calls a page)."""

    def __init__(self, raw, page: int) -> None:
        self.raw, self.page = raw, page
        self.box = [ctypes.c_double() for _ in range(4)]
        self.refs = [ctypes.byref(b) for b in self.box]

    def __call__(self, text: str, first: int, last: int) -> PdfLine:
        raw, box, refs = self.raw, self.box, self.refs
        pdfium_c.FPDFText_GetCharBox(raw, last, *refs)
        right = box[1].value
        pdfium_c.FPDFText_GetCharBox(raw, first, *refs)  # left, right, bottom, top
        left, top = box[0].value, box[3].value
        pdfium_c.FPDFText_GetCharOrigin(raw, first, refs[0], refs[1])
        size = pdfium_c.FPDFText_GetFontSize(raw, first)
        weight = pdfium_c.FPDFText_GetFontWeight(raw, first)
        return PdfLine(" ".join(text.split()), self.page, left, max(right, left), box[1].value, top,
                       round(size, 1), weight)
