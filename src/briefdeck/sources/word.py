"""The Word reader: paragraphs, heading styles and list items of a .docx, through python-docx (MIT).

Tables are left out with a warning (their cells are not sentences), and the
document's footnotes and comments live in parts of their own, so they never
become body text.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from briefdeck.errors import BriefdeckError, Problem
from briefdeck.sources.readtext import ReadText, joined_blocks

_SUFFIXES = (".docx", ".docm")


class WordReader:
    name = "docx"
    suffixes = _SUFFIXES

    def detect(self, path: Path, head: bytes) -> bool:
        return path.suffix.lower() in self.suffixes

    def read(self, data: bytes, *, name: str) -> ReadText:
        document = _open(data, name)
        parts = []
        for paragraph in document.paragraphs:
            parts.append((_kind(paragraph), " ".join(paragraph.text.split())))
        if not any(kind in ("body", "item") and text for kind, text in parts):
            raise BriefdeckError(Problem(f"{name} is an empty Word document (no paragraphs of text)",
                                         hint="add the document's text, or remove the file", code="empty-source"))
        warnings = []
        if document.tables:
            count = len(document.tables)
            warnings.append(f"{name}: left out {count} table{'s' if count > 1 else ''} "
                            "(table cells are not cited; copy a table's text into paragraphs to cite it)")
        title = document.core_properties.title
        text, blocks, _ = joined_blocks(parts)
        return ReadText(text, tuple(warnings), blocks=blocks, metadata={"title": title} if title else {})


def _open(data: bytes, name: str):
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    not_word = BriefdeckError(Problem(f"{name} is not a Word document (.docx)",
                                      hint="save the document from Word as .docx, or as plain text",
                                      code="unreadable-docx"))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise not_word
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, OSError, etree.LxmlError) as exc:
        raise not_word from exc


def _kind(paragraph) -> str:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if style == "Title":
        return "title"
    if style.startswith("Heading"):
        return "heading"
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    return "item" if numbered or style.startswith("List") else "body"
