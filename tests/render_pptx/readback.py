"""Reading a written .pptx back the way a user (or PowerPoint) would see it."""

from __future__ import annotations

import io
import itertools

from pptx import Presentation
from pptx.presentation import Presentation as PresentationObject

from briefdeck.render.pptx.fit import Para, Run, paras_height
from briefdeck.render.pptx.metrics import font_metrics
from briefdeck.render.pptx.pages import Rect

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
EMU = 12700


def open_pptx(data: bytes) -> PresentationObject:
    return Presentation(io.BytesIO(data))


def titles(prs) -> list[str]:
    return [slide.shapes.title.text if slide.shapes.title is not None else "" for slide in prs.slides]


def shape(slide, role: str):
    """The first shape briefdeck named for ``role`` ("Body", "Band", "Figure 1"…), or None."""
    return next((s for s in slide.shapes if s.name.rsplit(" ", 1)[0] == role), None)


def shapes(slide, role: str) -> list:
    return [s for s in slide.shapes if s.name.rsplit(" ", 1)[0] == role]


def paragraphs(slide, role: str) -> list[str]:
    found = shape(slide, role)
    return [p.text for p in found.text_frame.paragraphs] if found is not None else []


def notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text


def superscripts(paragraph) -> list[str]:
    """The text of the paragraph's superscript runs (footnote markers)."""
    return [r.text for r in paragraph.runs if r.font._rPr is not None and r.font._rPr.get("baseline") == "30000"]


def rect(found) -> Rect:
    return Rect(found.left / EMU, found.top / EMU, found.width / EMU, found.height / EMU)


def text_boxes(slide) -> list:
    return [s for s in slide.shapes if s.has_text_frame and s.text_frame.text.strip()]


def needed_height(found) -> tuple[float, float]:
    """(height the box's text needs, measured with the shipped metrics; height the box has), in points."""
    body = found._element.txBody
    body_pr = body.find(f"{A}bodyPr")
    ins = {k: int(body_pr.get(k, "91440")) / EMU for k in ("lIns", "tIns", "rIns", "bIns")}
    paras = []
    for p in body.findall(f"{A}p"):
        ppr = p.find(f"{A}pPr")
        pitch = int(ppr.find(f"{A}lnSpc/{A}spcPts").get("val")) / 100
        before = int(ppr.find(f"{A}spcBef/{A}spcPts").get("val")) / 100
        runs, size = [], None
        for child in p:
            if child.tag == f"{A}r":
                rpr = child.find(f"{A}rPr")
                size = int(rpr.get("sz")) / 100
                runs.append(Run(child.find(f"{A}t").text or "", bold=rpr.get("b") == "1",
                                italic=rpr.get("i") == "1", superscript=rpr.get("baseline") == "30000"))
            elif child.tag == f"{A}br":
                runs.append(Run("\n"))
        if size is None:
            size = int(p.find(f"{A}endParaRPr").get("sz")) / 100
        paras.append(Para(tuple(runs), size, pitch, before, int(ppr.get("marL", "0")) / EMU))
    box = rect(found)
    inner = box.w - ins["lIns"] - ins["rIns"]
    need = paras_height(paras, inner, font_metrics("Arial")) + ins["tIns"] + ins["bIns"]
    return need, box.h


def assert_nothing_overflows(data: bytes) -> None:
    """Every shape on its slide, no two shapes overlapping, every text box tall enough for its text."""
    prs = open_pptx(data)
    width, height = prs.slide_width / EMU, prs.slide_height / EMU
    for number, slide in enumerate(prs.slides, 1):
        boxes = [(s.name, rect(s)) for s in slide.shapes]
        for name, box in boxes:
            assert box.x >= 0 and box.y >= 0 and box.right <= width + 0.01 and box.bottom <= height + 0.01, \
                f"slide {number}: {name} runs off the slide: {box}"
        for (name_a, a), (name_b, b) in itertools.combinations(boxes, 2):
            assert not a.overlaps(b), f"slide {number}: {name_a} {a} overlaps {name_b} {b}"
        for found in slide.shapes:
            if found.has_text_frame and found.text_frame.text.strip():
                need, have = needed_height(found)
                assert need <= have + 0.05, f"slide {number}: {found.name} needs {need:.1f} pt, has {have:.1f}"
        band, body = shape(slide, "Band"), shape(slide, "Body")
        if band is not None and body is not None:
            assert rect(body).bottom <= rect(band).y
