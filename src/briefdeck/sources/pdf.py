"""The PDF reader: text layer, layout and page labels, through pypdfium2 (Apache-2.0/BSD)."""

from __future__ import annotations

from pathlib import Path

from briefdeck.errors import BriefdeckError, Problem
from briefdeck.sources.readtext import ReadText, joined_blocks

PDF_MAGIC = b"%PDF-"


class PdfReader:
    name = "pdf"
    suffixes = (".pdf",)

    def detect(self, path: Path, head: bytes) -> bool:
        """A PDF by its suffix or by its first bytes (a PDF may start after a little junk)."""
        return path.suffix.lower() in self.suffixes or PDF_MAGIC in head[:1024]

    def read(self, data: bytes, *, name: str) -> ReadText:
        if PDF_MAGIC not in data[:1024]:
            raise BriefdeckError(Problem(f"{name} is not a PDF (it does not start with %PDF-)",
                                         hint="check that the file is the PDF it is named as", code="unreadable-pdf"))
        # Imported on first use: pypdfium2 and the layout analysis cost ~40 ms of every start-up,
        # and most runs read no PDF (the index holds what was read).
        from briefdeck.sources.pdf_layout import layout_blocks
        from briefdeck.sources.pdf_lines import no_text_layer, read_pdf_lines

        pages = read_pdf_lines(data, name=name)
        parts = layout_blocks(pages)
        if not any(kind in ("body", "item") for kind, _, _ in parts):
            raise no_text_layer(name)  # page numbers and running headers only: the text is in images
        text, blocks, page_starts = joined_blocks([(kind, text) for kind, text, _ in parts],
                                                  [breaks for _, _, breaks in parts])
        return ReadText(text, blocks=blocks, metadata=_metadata(pages), pages=page_starts)


def _metadata(pages) -> dict:
    return {"title": pages.title} if pages.title else {}
