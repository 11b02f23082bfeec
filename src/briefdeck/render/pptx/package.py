"""Pages into the presentation package, and the package into deterministic bytes.

Each slide's and notes slide's part name and relationship ids are assigned
directly (python-pptx's ``slides.add_slide`` walks every part and
relationship already there, O(n²) for n slides), and the slide XML is
written as text (`draw.py`), so a deck of 1,000 slides is written in linear
time. Parts are `opc.py`'s: python-pptx is not imported for a deck.

The zip is written here too: every entry gets the deck's date as its
timestamp and the same attributes on every machine, in a fixed order, so
the same deck gives the same bytes (the bytes python-pptx's parts gave).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import posixpath
import re

from lxml import etree

from briefdeck.outline.images import read_picture
from briefdeck.render.pptx.clean import one_line
from briefdeck.render.pptx.core_properties import set_date, set_text
from briefdeck.render.pptx.draw import Fonts, notes_xml, slide_xml
from briefdeck.render.pptx.opc import (CT_CHART, CT_NOTES_SLIDE, CT_SLIDE, CT_WORKBOOK, IMAGE_CONTENT_TYPES,
                                       RT_CHART, RT_EXTENDED_PROPERTIES, RT_HYPERLINK, RT_IMAGE, RT_NOTES_MASTER,
                                       RT_NOTES_SLIDE, RT_PACKAGE, RT_SLIDE, RT_SLIDE_LAYOUT, Package, Part, Rel,
                                       content_types_xml, qn, rels_uri, rels_xml)
from briefdeck.render.pptx.pages import ChartBox, Page, PictureBox
from briefdeck.render.pptx.slide_layouts import get_or_add
from briefdeck.render.pptx.template import Base, Placeholder
from briefdeck.render.pptx.zip_writer import fits as zip_fits, zip_bytes, zipfile_bytes

EPOCH = dt.date(1980, 1, 1)  # the earliest date a zip entry can carry
LAST = dt.date(2107, 12, 31)  # and the latest
APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           '<Application>briefdeck</Application><Slides>{slides}</Slides><Notes>{slides}</Notes>'
           '</Properties>')
# Pictures by their first bytes (the brief's check took only PNG and JPEG), as python-pptx names and types them.
_PNG, _JPEG = b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"
_PICTURE_TYPES = {"BMP": ("bmp", "image/bmp"), "GIF": ("gif", "image/gif"), "JPEG": ("jpg", "image/jpeg"),
                  "PNG": ("png", "image/png"), "TIFF": ("tiff", "image/tiff"), "WMF": ("wmf", "image/x-wmf")}
_NUMBERED = re.compile("([a-zA-Z]+)([0-9][0-9]*)?")


def pages_to_pptx(pages: list[Page], base: Base, fonts: Fonts, *, title: str, date: dt.date | None) -> bytes:
    """The .pptx bytes of ``pages`` written into ``base`` (which is used up)."""
    package, presentation, notes_master = base.package, base.presentation, base.notes_master
    image_ph, body_ph = _notes_placeholders(notes_master)
    sld_id_lst = get_or_add(presentation.element, "p:sldIdLst", ("p:sldSz", "p:notesSz"))
    next_id = max([int(s.get("id")) for s in sld_id_lst] + [255]) + 1
    next_rid = _rid_counter(presentation)
    chart_numbers = itertools.count(1)
    stamp = dt.datetime.combine(max(date or EPOCH, EPOCH), dt.time())
    for number, page in enumerate(pages, 1):
        slots = base.slots[page.kind]
        slide = Part(f"/ppt/slides/slide{number}.xml", CT_SLIDE)
        notes = Part(f"/ppt/notesSlides/notesSlide{number}.xml", CT_NOTES_SLIDE,
                     notes_xml(page.notes, image_ph, body_ph, fonts).encode("utf-8"))
        slide.rels["rId1"] = Rel("rId1", RT_SLIDE_LAYOUT, slots.layout)
        slide.rels["rId2"] = Rel("rId2", RT_NOTES_SLIDE, notes)
        notes.rels["rId1"] = Rel("rId1", RT_NOTES_MASTER, notes_master)
        notes.rels["rId2"] = Rel("rId2", RT_SLIDE, slide)
        links: dict[str, str] = {}
        slide_rids = (f"rId{n}" for n in itertools.count(3))

        def relate(reltype: str, target: Part | str, *, external: bool = False) -> str:
            rid = next(slide_rids)
            slide.rels[rid] = Rel(rid, reltype, target, external)  # noqa: B023 -- used within this slide
            return rid

        def link_id(url: str) -> str:
            if url not in links:
                links[url] = relate(RT_HYPERLINK, url, external=True)
            return links[url]

        def chart_id(box: ChartBox) -> str:
            return relate(RT_CHART, _chart_part(box, next(chart_numbers), stamp))

        def picture_id(box: PictureBox) -> str:
            return relate(RT_IMAGE, _image_part(package, read_picture(box.picture.path)))

        slide.data = slide_xml(page, slots, fonts, link_id, chart_id, picture_id).encode("utf-8")
        rid = next(next_rid)
        presentation.rels[rid] = Rel(rid, RT_SLIDE, slide)
        etree.SubElement(sld_id_lst, qn("p:sldId"), {"id": str(next_id), qn("r:id"): rid})
        next_id += 1
    _set_properties(base, package, title=title, date=date, slides=len(pages))
    return _zip(package, date)


def _chart_part(box: ChartBox, number: int, stamp: dt.datetime) -> Part:
    """The chart part ``/ppt/charts/chart<number>.xml`` of ``box``, with its workbook embedded."""
    # Imported on first use: most decks have no chart.
    from briefdeck.render.pptx.chart_part import WORKBOOK_NAME, WORKBOOK_RID, chart_blobs

    chart_xml, workbook_blob = chart_blobs(box, number, stamp)
    chart = Part(f"/ppt/charts/chart{number}.xml", CT_CHART, chart_xml)
    workbook = Part(WORKBOOK_NAME.format(number=number), CT_WORKBOOK, workbook_blob)
    chart.rels[WORKBOOK_RID] = Rel(WORKBOOK_RID, RT_PACKAGE, workbook)
    return chart


def _image_part(package: Package, data: bytes) -> Part:
    """The picture part of ``data``: one already in the package with the same bytes, or a new one."""
    digest = hashlib.sha1(data).hexdigest()
    for rel in package.iter_rels():
        part = rel.target
        if not rel.external and rel.reltype == RT_IMAGE and part.content_type in IMAGE_CONTENT_TYPES \
                and hashlib.sha1(part.data).hexdigest() == digest:  # type: ignore[union-attr]
            return part  # type: ignore[return-value]
    ext, content_type = _picture_type(data)
    taken = sorted(_number(p.name) for p in package.iter_parts()
                   if p.name.startswith("/ppt/media/image") and _number(p.name) is not None)
    free = next((n for n, used in enumerate(taken, 1) if n < used), len(taken) + 1)  # type: ignore[operator]
    return Part(f"/ppt/media/image{free}.{ext}", content_type, data)


def _picture_type(data: bytes) -> tuple[str, str]:
    if data.startswith(_PNG):
        return _PICTURE_TYPES["PNG"]
    if data.startswith(_JPEG):
        return _PICTURE_TYPES["JPEG"]
    from PIL import Image  # a picture changed since the brief was checked: read as python-pptx would

    with Image.open(io.BytesIO(data)) as image:
        return _PICTURE_TYPES[str(image.format)]


def _number(name: str) -> int | None:
    """The number of a part name ("/ppt/media/image12.png": 12), as python-pptx reads it."""
    match = _NUMBERED.match(posixpath.splitext(posixpath.split(name)[1])[0])
    return int(match.group(2)) if match and match.group(2) else None


def _rid_counter(part: Part):
    taken = set(part.rels)
    number = 1
    while True:
        rid = f"rId{number}"
        if rid not in taken:
            yield rid
        number += 1


def _notes_placeholders(notes_master: Part) -> tuple[Placeholder | None, Placeholder | None]:
    found: dict[str, Placeholder] = {}
    for ph in notes_master.element.iter(qn("p:ph")):  # type: ignore[union-attr]
        kind = ph.get("type")
        if kind in ("sldImg", "body") and kind not in found:
            found[kind] = Placeholder(kind, ph.get("idx"), None)
    return found.get("sldImg"), found.get("body")


def _set_properties(base: Base, package: Package, *, title: str, date: dt.date | None, slides: int) -> None:
    """Core and app properties from the deck, never from the clock or the machine."""
    stamp = dt.datetime.combine(max(date or EPOCH, EPOCH), dt.time())
    core = base.core
    set_text(core, "dc:title", one_line(title)[:255])  # the property's limit; clean, as it is XML too
    set_text(core, "dc:creator", "briefdeck")
    set_text(core, "cp:lastModifiedBy", "briefdeck")
    set_text(core, "cp:revision", "1")
    set_date(core, "dcterms:created", stamp)
    set_date(core, "dcterms:modified", stamp)
    for rel in package.rels.values():
        if rel.reltype == RT_EXTENDED_PROPERTIES and not rel.external:
            rel.target.data = APP_XML.format(slides=slides).encode("utf-8")  # type: ignore[union-attr]


def _zip(package: Package, date: dt.date | None) -> bytes:
    """The package as a zip: fixed timestamps and attributes, parts in relationship order."""
    day = min(max(date or EPOCH, EPOCH), LAST)  # a brief dated 9999-12-31 still gets a valid zip
    stamp = (day.year, day.month, day.day, 0, 0, 0)
    # A damaged template can leave two parts of one name (its own core properties, reached by a
    # relationship of the wrong type, and the default one added): the later one, ours, is kept.
    parts = list({part.name: part for part in package.iter_parts()}.values())
    entries = [("[Content_Types].xml", content_types_xml(parts)), ("_rels/.rels", rels_xml(package.rels, "/"))]
    for part in parts:
        entries.append((part.name[1:], part.blob))
        if part.rels:
            entries.append((rels_uri(part.name)[1:], rels_xml(part.rels, part.base)))
    return zip_bytes(entries, stamp) if zip_fits(entries) else zipfile_bytes(entries, stamp)

