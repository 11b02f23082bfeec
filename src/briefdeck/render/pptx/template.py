"""The presentation a deck is written into: python-pptx's default, or the organisation's template.

`load_base` opens the template named by the layout (a .potx is opened as a
presentation), removes its sample slides cleanly (slide id, relationship and
part: nothing dangles and nothing is orphaned), and finds, for each slide
kind, the template layout to use and its title and body placeholders.
Without a template, python-pptx's own default presentation is used, sized
from the layout, with every kind on its "Title Only" layout so that slide
titles sit in real title placeholders (the outline view and screen readers
find them there).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.exc import InvalidXmlError
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.presentation import Presentation as PresentationObject
from pptx.slide import SlideLayout

from briefdeck.errors import BriefdeckError, Problem, choices_hint
from briefdeck.render.pptx.pages import Rect
from briefdeck.render.pptx.settings import MAPPABLE_KINDS, PptxSettings
from briefdeck.render.pptx.template_parts import check_template_parts, drop_external_relationships
from briefdeck.render.pptx.template_zip import read_template_file, template_error

EMU_PER_POINT = 12700
FALLBACK_LAYOUT = "Title Only"
_POTX_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
_NS = {"p": "http://schemas.openxmlformats.org/presentationml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships", "p14": _P14}
_CUSTOM_SHOW_SLIDES = etree.XPath("./p:custShowLst/p:custShow/p:sldLst/p:sld", namespaces=_NS)
_SECTION_LISTS = etree.XPath("./p:extLst/p:ext/p14:sectionLst", namespaces=_NS)
_UNREADABLE = (InvalidXmlError, KeyError, AttributeError, ValueError, TypeError, IndexError)


@dataclass(frozen=True)
class Placeholder:
    """A layout placeholder a slide can fill: its ``<p:ph>`` attributes and where it sits."""

    type: str | None  # "title", "ctrTitle", "body"…; None is the default ("obj")
    idx: str | None
    rect: Rect | None  # None when neither the layout nor the master places it


@dataclass(frozen=True)
class Slots:
    """What one template layout offers a slide kind."""

    layout: SlideLayout
    title: Placeholder | None
    body: Placeholder | None


@dataclass
class Base:
    """The opened presentation, its size (pt), and the layout for each kind.

    ``custom`` is True for an organisation's template: then its placeholders'
    positions are honoured and its backgrounds kept.
    """

    prs: PresentationObject
    width: float
    height: float
    slots: dict[str, Slots]
    custom: bool
    warnings: tuple[Problem, ...] = ()  # what was left out of the template (external links)


def load_base(settings: PptxSettings) -> Base:
    """The presentation to write into, ready for slides to be added."""
    if settings.template is None:
        prs = Presentation()
        prs.slide_width = round(settings.slide_width * EMU_PER_POINT)
        prs.slide_height = round(settings.slide_height * EMU_PER_POINT)
        return _base(prs, {kind: FALLBACK_LAYOUT for kind in MAPPABLE_KINDS}, settings, custom=False, warnings=())
    prs = _open_template(settings.template)
    try:
        remove_slides(prs)
        warnings = tuple(drop_external_relationships(prs, settings.template))
        prs.part.notes_master_part  # noqa: B018 -- read now, so a broken one is this error, not a later crash
        return _base(prs, settings.template_layouts, settings, custom=True, warnings=warnings)
    except _UNREADABLE as exc:
        # python-pptx reads parts lazily: a part with a required element or attribute missing,
        # or of the wrong content type, fails only when it is used.
        raise template_error(settings.template, f"a part of it cannot be read ({type(exc).__name__}: {exc})",
                             "save it again from PowerPoint as a .pptx or .potx file") from None


def _base(prs: PresentationObject, mapping, settings: PptxSettings, *, custom: bool,
          warnings: tuple[Problem, ...]) -> Base:
    layouts = {layout.name: layout for layout in prs.slide_layouts}
    _check_names(mapping, layouts, settings)
    by_name: dict[str, Slots] = {}
    slots = {}
    for kind in MAPPABLE_KINDS:
        name = _layout_name(kind, mapping, layouts, prs)
        if name not in by_name:  # reading inherited positions is slow: once per layout
            by_name[name] = _slots(layouts[name], with_rects=custom)
        slots[kind] = by_name[name]
    width, height = prs.slide_width, prs.slide_height
    if not width or not height:
        raise BriefdeckError(Problem("the template gives the slides no size", None,
                                     "save it again from PowerPoint", code="layout-template"))
    return Base(prs, width / EMU_PER_POINT, height / EMU_PER_POINT, slots, custom, warnings)


def _open_template(path: Path) -> PresentationObject:
    data = read_template_file(path)  # bounded, no DTDs: refused with a located error otherwise
    try:
        if path.suffix.lower() == ".potx":
            data = _potx_as_pptx(data)
        prs = Presentation(io.BytesIO(data))
    except (zipfile.BadZipFile, etree.XMLSyntaxError, *_UNREADABLE) as exc:
        raise template_error(path, str(exc),
                             "save it again from PowerPoint as a .pptx or .potx file") from None
    check_template_parts(prs, path)
    return prs


def _potx_as_pptx(data: bytes) -> bytes:
    """A .potx is a presentation whose main part says "template": say "presentation"."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(_POTX_MAIN.encode(), CT.PML_PRESENTATION_MAIN.encode())
            dst.writestr(info, blob)
    return out.getvalue()


def remove_slides(prs: PresentationObject) -> None:
    """Remove every slide: its id, its relationship, and so its part (and its notes).

    Parts are written by walking relationships from the package, so a slide
    no relationship reaches is not written at all. Custom shows that listed
    the slide lose it, and the template's slide sections (which grouped its
    samples) are dropped, so no reference dangles.
    """
    pres = prs.part._element
    sld_id_lst = prs.slides._sldIdLst
    removed_rids = set()
    for sld_id in list(sld_id_lst):
        removed_rids.add(sld_id.rId)
        sld_id_lst.remove(sld_id)
    for sld in _CUSTOM_SHOW_SLIDES(pres):
        if sld.get(f"{{{_NS['r']}}}id") in removed_rids:
            sld.getparent().remove(sld)
    for section_list in _SECTION_LISTS(pres):  # sections grouped the sample slides: meaningless now
        ext = section_list.getparent()
        ext.getparent().remove(ext)
    for rid in sorted(removed_rids):
        prs.part.drop_rel(rid)


def _check_names(mapping: dict[str, str] | object, layouts: dict[str, SlideLayout], settings: PptxSettings) -> None:
    unknown = [(kind, name) for kind, name in mapping.items() if name not in layouts]  # type: ignore[attr-defined]
    if unknown:
        where = f"the template {settings.template.name}" if settings.template else "the default template"
        raise BriefdeckError([
            Problem(f"template_layouts.{kind}: {where} has no layout named '{name}'",
                    settings.template_layout_locations.get(kind),
                    choices_hint(name, layouts, "layout names"), code="template-layout")
            for kind, name in unknown])


def _layout_name(kind: str, mapping: dict[str, str], layouts: dict[str, SlideLayout],
                 prs: PresentationObject) -> str:
    for name in (mapping.get(kind), mapping.get("bullets"), FALLBACK_LAYOUT):
        if name in layouts:
            return name
    return prs.slide_layouts[0].name


def _slots(layout: SlideLayout, *, with_rects: bool) -> Slots:
    """The title and body placeholders of ``layout``; their positions only when they will be used."""
    title = body = None
    for shape in layout.placeholders:
        kind = shape.placeholder_format.type
        ph = shape._element.ph
        placeholder = Placeholder(ph.get("type"), ph.get("idx"), _rect(shape) if with_rects else None)
        if title is None and kind in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
            title = placeholder
        elif body is None and kind in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT) \
                and ph.get("orient") != "vert":
            body = placeholder
    return Slots(layout, title, body)


def _rect(shape) -> Rect | None:
    values = (shape.left, shape.top, shape.width, shape.height)
    if any(v is None for v in values):
        return None
    x, y, w, h = (v / EMU_PER_POINT for v in values)
    return Rect(x, y, w, h) if w > 0 and h > 0 else None
