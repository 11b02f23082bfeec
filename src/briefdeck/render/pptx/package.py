"""Pages into the presentation package, and the package into deterministic bytes.

python-pptx's ``slides.add_slide`` finds the next free part name and
relationship id by walking every part and relationship already there, so
adding n slides costs O(n²). Here each slide's and notes slide's part name
and relationship ids are assigned directly, and the slide XML is written as
text (`draw.py`), so a deck of 1,000 slides is written in linear time.

The zip is written here too, not by python-pptx: every entry gets the
deck's date as its timestamp and the same attributes on every machine, in a
fixed order, so the same deck gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import zipfile

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part, XmlPart, _Relationship
from pptx.opc.packuri import PackURI
from pptx.opc.serialized import _ContentTypesItem
from pptx.opc.oxml import serialize_part_xml
from pptx.oxml.ns import qn

from briefdeck.outline.images import read_picture
from briefdeck.render.pptx.clean import one_line
from briefdeck.render.pptx.draw import Fonts, notes_xml, slide_xml
from briefdeck.render.pptx.pages import ChartBox, Page, PictureBox
from briefdeck.render.pptx.template import Base, Placeholder

EPOCH = dt.date(1980, 1, 1)  # the earliest date a zip entry can carry
LAST = dt.date(2107, 12, 31)  # and the latest
APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           '<Application>briefdeck</Application><Slides>{slides}</Slides><Notes>{slides}</Notes>'
           '</Properties>')


def pages_to_pptx(pages: list[Page], base: Base, fonts: Fonts, *, title: str, date: dt.date | None) -> bytes:
    """The .pptx bytes of ``pages`` written into ``base`` (which is used up)."""
    prs = base.prs
    pres_part = prs.part
    package = pres_part.package
    notes_master = pres_part.notes_master_part
    image_ph, body_ph = _notes_placeholders(notes_master)
    sld_id_lst = prs.slides._sldIdLst
    next_id = max([int(s.get("id")) for s in sld_id_lst] + [255]) + 1
    next_rid = _rid_counter(pres_part)
    chart_numbers = itertools.count(1)
    stamp = dt.datetime.combine(max(date or EPOCH, EPOCH), dt.time())
    for number, page in enumerate(pages, 1):
        slots = base.slots[page.kind]
        slide = Part(PackURI(f"/ppt/slides/slide{number}.xml"), CT.PML_SLIDE, package, b"")
        notes = Part(PackURI(f"/ppt/notesSlides/notesSlide{number}.xml"), CT.PML_NOTES_SLIDE, package,
                     notes_xml(page.notes, image_ph, body_ph, fonts).encode("utf-8"))
        _relate(slide, "rId1", RT.SLIDE_LAYOUT, slots.layout.part)
        _relate(slide, "rId2", RT.NOTES_SLIDE, notes)
        _relate(notes, "rId1", RT.NOTES_MASTER, notes_master)
        _relate(notes, "rId2", RT.SLIDE, slide)
        links: dict[str, str] = {}
        slide_rids = (f"rId{n}" for n in itertools.count(3))

        def link_id(url: str) -> str:
            if url not in links:
                links[url] = next(slide_rids)
                _relate(slide, links[url], RT.HYPERLINK, url, external=True)
            return links[url]

        def chart_id(box: ChartBox) -> str:
            from briefdeck.render.pptx.chart_part import WORKBOOK_NAME, WORKBOOK_RID, chart_blobs

            number = next(chart_numbers)
            chart_xml, workbook = chart_blobs(box, number, stamp)
            chart = Part(PackURI(f"/ppt/charts/chart{number}.xml"), CT.DML_CHART, package, chart_xml)
            _relate(chart, WORKBOOK_RID, RT.PACKAGE,
                    Part(PackURI(WORKBOOK_NAME.format(number=number)), CT.SML_SHEET, package, workbook))
            rid = next(slide_rids)
            _relate(slide, rid, RT.CHART, chart)
            return rid

        def picture_id(box: PictureBox) -> str:
            rid = next(slide_rids)
            _relate(slide, rid, RT.IMAGE, package.get_or_add_image_part(io.BytesIO(read_picture(box.picture.path))))
            return rid

        slide._blob = slide_xml(page, slots, fonts, link_id, chart_id, picture_id).encode("utf-8")
        rid = next(next_rid)
        _relate(pres_part, rid, RT.SLIDE, slide)
        etree.SubElement(sld_id_lst, qn("p:sldId"), {"id": str(next_id), qn("r:id"): rid})
        next_id += 1
    _set_properties(prs, package, title=title, date=date, slides=len(pages))
    return _zip(package, date)


def _relate(source: Part, rid: str, reltype: str, target: Part | str, *, external: bool = False) -> None:
    """Add relationship ``rid`` without python-pptx's scan of the existing ones."""
    rels = source.rels
    rels._rels[rid] = _Relationship(rels._base_uri, rid, reltype,
                                    RTM.EXTERNAL if external else RTM.INTERNAL, target)


def _rid_counter(part: Part):
    taken = set(part.rels)
    number = 1
    while True:
        rid = f"rId{number}"
        if rid not in taken:
            yield rid
        number += 1


def _notes_placeholders(notes_master: XmlPart) -> tuple[Placeholder | None, Placeholder | None]:
    found: dict[str, Placeholder] = {}
    for ph in notes_master._element.iter(qn("p:ph")):
        kind = ph.get("type")
        if kind in ("sldImg", "body") and kind not in found:
            found[kind] = Placeholder(kind, ph.get("idx"), None)
    return found.get("sldImg"), found.get("body")


def _set_properties(prs, package, *, title: str, date: dt.date | None, slides: int) -> None:
    """Core and app properties from the deck, never from the clock or the machine."""
    stamp = dt.datetime.combine(max(date or EPOCH, EPOCH), dt.time())
    core = prs.core_properties
    core.title = one_line(title)[:255]  # the property's limit; clean, as it is XML too
    core.author = "briefdeck"
    core.last_modified_by = "briefdeck"
    core.revision = 1
    core.created = stamp
    core.modified = stamp
    for rel in package._rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            rel.target_part._blob = APP_XML.format(slides=slides).encode("utf-8")


def _zip(package, date: dt.date | None) -> bytes:
    """The package as a zip: fixed timestamps and attributes, parts in relationship order."""
    day = min(max(date or EPOCH, EPOCH), LAST)  # a brief dated 9999-12-31 still gets a valid zip
    stamp = (day.year, day.month, day.day, 0, 0, 0)
    # A damaged template can leave two parts of one name (its own core properties, reached by a
    # relationship of the wrong type, and the one python-pptx adds): the later one, ours, is kept.
    parts = list({part.partname: part for part in package.iter_parts()}.values())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        def write(name: str, blob: bytes) -> None:
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o600 << 16
            zf.writestr(info, blob)

        write("[Content_Types].xml", serialize_part_xml(_ContentTypesItem.xml_for(parts)))
        write("_rels/.rels", package._rels.xml)
        for part in parts:
            write(part.partname.membername, part.blob)
            if len(part.rels):
                write(part.partname.rels_uri.membername, part.rels.xml)
    return out.getvalue()
