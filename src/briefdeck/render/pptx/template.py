"""The presentation a deck is written into: python-pptx's default, or the organisation's template.

`load_base` opens the template named by the layout (a .potx is opened as a
presentation), removes its sample slides cleanly (slide id, relationship and
part: nothing dangles and nothing is orphaned), and finds, for each slide
kind, the template layout to use and its title and body placeholders.
Without a template, python-pptx's own default presentation is used, sized
from the layout, with every kind on its "Title Only" layout so that slide
titles sit in real title placeholders (the outline view and screen readers
find them there).

The package is read with `opc.py`, not python-pptx (whose import costs a
build 0.1 s); python-pptx's default presentation, notes master and theme are
read from its installed files, without importing it.
"""

from __future__ import annotations

import importlib.util
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from briefdeck.errors import BriefdeckError, Problem, choices_hint
from briefdeck.render.pptx.core_properties import CorePropertiesError, core_properties
from briefdeck.render.pptx.opc import (CT_MACRO_PRESENTATION, CT_NOTES_MASTER, CT_PRESENTATION, CT_THEME,
                                       RT_NOTES_MASTER, RT_OFFICE_DOCUMENT, RT_THEME, Package, PackageError, Part,
                                       add_rel, open_package, parse_xml, qn, related)
from briefdeck.render.pptx.pages import Rect
from briefdeck.render.pptx.settings import MAPPABLE_KINDS, PptxSettings
from briefdeck.render.pptx.slide_layouts import (LayoutError, get_or_add, layout_name, placeholders,
                                                 slide_layouts)
from briefdeck.render.pptx.template_parts import check_template_parts, drop_external_relationships
from briefdeck.render.pptx.template_zip import read_template_file, template_error

EMU_PER_POINT = 12700
FALLBACK_LAYOUT = "Title Only"
_P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
_NS = {"p": "http://schemas.openxmlformats.org/presentationml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships", "p14": _P14}
_CUSTOM_SHOW_SLIDES = etree.XPath("./p:custShowLst/p:custShow/p:sldLst/p:sld", namespaces=_NS)
_SECTION_LISTS = etree.XPath("./p:extLst/p:ext/p14:sectionLst", namespaces=_NS)
_R_IDS = etree.XPath("//@r:id", namespaces=_NS)
_OURS = (PackageError, LayoutError, CorePropertiesError)  # messages that say what is wrong in the file's terms
_UNREADABLE = (*_OURS, etree.XMLSyntaxError, KeyError, AttributeError, ValueError, TypeError, IndexError)


@dataclass(frozen=True)
class Placeholder:
    """A layout placeholder a slide can fill: its ``<p:ph>`` attributes and where it sits."""

    type: str | None  # "title", "ctrTitle", "body"…; None is the default ("obj")
    idx: str | None
    rect: Rect | None  # None when neither the layout nor the master places it


@dataclass(frozen=True)
class Slots:
    """What one template layout offers a slide kind."""

    layout: Part
    title: Placeholder | None
    body: Placeholder | None


@dataclass
class Base:
    """The opened presentation, its size (pt), and the layout for each kind.

    ``custom`` is True for an organisation's template: then its placeholders'
    positions are honoured and its backgrounds kept. ``presentation`` is the
    main part, ``notes_master`` and ``core`` (the core properties) are there
    even when the template had none.
    """

    package: Package
    presentation: Part
    notes_master: Part
    core: Part
    width: float
    height: float
    slots: dict[str, Slots]
    custom: bool
    warnings: tuple[Problem, ...] = ()  # what was left out of the template (external links)


def load_base(settings: PptxSettings) -> Base:
    """The presentation to write into, ready for slides to be added."""
    if settings.template is None:
        package = open_package(_pptx_data("default.pptx"))
        presentation = related(package.rels, RT_OFFICE_DOCUMENT)
        size = get_or_add(presentation.element, "p:sldSz", ("p:notesSz",))
        size.set("cx", str(round(settings.slide_width * EMU_PER_POINT)))
        size.set("cy", str(round(settings.slide_height * EMU_PER_POINT)))
        return _base(package, presentation, {kind: FALLBACK_LAYOUT for kind in MAPPABLE_KINDS}, settings,
                     custom=False, warnings=())
    package, presentation = _open_template(settings.template)
    try:
        remove_slides(presentation)
        warnings = tuple(drop_external_relationships(package, settings.template))
        return _base(package, presentation, settings.template_layouts, settings, custom=True, warnings=warnings)
    except _UNREADABLE as exc:
        # A part with a required element or attribute missing, or of the wrong content type.
        reason = str(exc) if isinstance(exc, _OURS) else f"{type(exc).__name__}: {exc}"
        raise template_error(settings.template, f"a part of it cannot be read ({reason})",
                             "save it again from PowerPoint as a .pptx or .potx file") from None


def _base(package: Package, presentation: Part, mapping, settings: PptxSettings, *, custom: bool,
          warnings: tuple[Problem, ...]) -> Base:
    notes_master = _notes_master(package, presentation)
    core = core_properties(package)
    layouts = {layout_name(layout): layout for layout in slide_layouts(presentation)}
    _check_names(mapping, layouts, settings)
    by_name: dict[str, Slots] = {}
    slots = {}
    for kind in MAPPABLE_KINDS:
        name = _layout_name(kind, mapping, layouts, presentation)
        if name not in by_name:  # reading inherited positions is slow: once per layout
            by_name[name] = _slots(layouts[name], with_rects=custom)
        slots[kind] = by_name[name]
    size = presentation.element.find(qn("p:sldSz"))
    width, height = (None, None) if size is None else (_emu(size, "cx"), _emu(size, "cy"))
    if not width or not height:
        raise BriefdeckError(Problem("the template gives the slides no size", None,
                                     "save it again from PowerPoint", code="layout-template"))
    return Base(package, presentation, notes_master, core, width / EMU_PER_POINT, height / EMU_PER_POINT, slots,
                custom, warnings)


def _emu(element: etree._Element, name: str) -> int:
    value = element.get(name)
    if value is None:
        raise LayoutError(f"required '{name}' attribute not present on element {element.tag}")
    return int(value)


def _notes_master(package: Package, presentation: Part) -> Part:
    """The notes master, or python-pptx's default one (with its theme) when the template has none."""
    try:
        found = related(presentation.rels, RT_NOTES_MASTER)
    except KeyError:
        master = Part("/ppt/notesMasters/notesMaster1.xml", CT_NOTES_MASTER,
                      element=parse_xml(_pptx_data("notesMaster.xml")))
        theme = Part(package.next_partname("/ppt/theme/theme%d.xml"), CT_THEME,
                     element=parse_xml(_pptx_data("theme.xml")))
        add_rel(master.rels, RT_THEME, theme)
        add_rel(presentation.rels, RT_NOTES_MASTER, master)
        return master
    if found.element is None:
        raise LayoutError(f"part {found.name} is not a notes master")
    return found


def _pptx_data(name: str) -> bytes:
    """A file of python-pptx's own templates, read from where it is installed (importing it costs 0.1 s)."""
    spec = importlib.util.find_spec("pptx")
    assert spec is not None and spec.submodule_search_locations, "python-pptx is a dependency"
    return (Path(spec.submodule_search_locations[0]) / "templates" / name).read_bytes()


def _open_template(path: Path) -> tuple[Package, Part]:
    data = read_template_file(path)  # bounded, no DTDs: refused with a located error otherwise
    try:
        package = open_package(data, template=path.suffix.lower() == ".potx")
        presentation = related(package.rels, RT_OFFICE_DOCUMENT)
        if presentation.content_type not in (CT_PRESENTATION, CT_MACRO_PRESENTATION):
            raise PackageError(f"it is not a PowerPoint file, content type is '{presentation.content_type}'")
    except (zipfile.BadZipFile, *_UNREADABLE) as exc:
        raise template_error(path, str(exc),
                             "save it again from PowerPoint as a .pptx or .potx file") from None
    check_template_parts(package, presentation, path)
    return package, presentation


def remove_slides(presentation: Part) -> None:
    """Remove every slide: its id, its relationship, and so its part (and its notes).

    Parts are written by walking relationships from the package, so a slide
    no relationship reaches is not written at all. Custom shows that listed
    the slide lose it, and the template's slide sections (which grouped its
    samples) are dropped, so no reference dangles.
    """
    pres = presentation.element
    sld_id_lst = get_or_add(pres, "p:sldIdLst", ("p:sldSz", "p:notesSz"))
    rids = [_slide_rid(sld_id) for sld_id in sld_id_lst]
    for number, rid in enumerate(rids, 1):  # python-pptx renamed them so: a slide still reached keeps the name
        presentation.rels[rid].target.name = f"/ppt/slides/slide{number}.xml"  # type: ignore[union-attr]
    for sld_id in list(sld_id_lst):
        sld_id_lst.remove(sld_id)
    removed_rids = set(rids)
    for sld in _CUSTOM_SHOW_SLIDES(pres):
        if sld.get(f"{{{_NS['r']}}}id") in removed_rids:
            sld.getparent().remove(sld)
    for section_list in _SECTION_LISTS(pres):  # sections grouped the sample slides: meaningless now
        ext = section_list.getparent()
        ext.getparent().remove(ext)
    for rid in sorted(removed_rids):
        if sum(1 for value in _R_IDS(pres) if value == rid) < 2:  # python-pptx's drop_rel: unless still used
            presentation.rels.pop(rid)


def _slide_rid(sld_id: etree._Element) -> str:
    if not isinstance(sld_id.tag, str):
        raise AttributeError("a comment in p:sldIdLst has no 'rId'")
    rid = sld_id.get(f"{{{_NS['r']}}}id")
    if rid is None:
        raise LayoutError(f"required 'r:id' attribute not present on element {sld_id.tag}")
    return rid


def _check_names(mapping: dict[str, str] | object, layouts: dict[str, Part], settings: PptxSettings) -> None:
    unknown = [(kind, name) for kind, name in mapping.items() if name not in layouts]  # type: ignore[attr-defined]
    if unknown:
        where = f"the template {settings.template.name}" if settings.template else "the default template"
        raise BriefdeckError([
            Problem(f"template_layouts.{kind}: {where} has no layout named '{name}'",
                    settings.template_layout_locations.get(kind),
                    choices_hint(name, layouts, "layout names"), code="template-layout")
            for kind, name in unknown])


def _layout_name(kind: str, mapping: dict[str, str], layouts: dict[str, Part], presentation: Part) -> str:
    for name in (mapping.get(kind), mapping.get("bullets"), FALLBACK_LAYOUT):
        if name in layouts:
            return name
    return layout_name(slide_layouts(presentation)[0])


def _slots(layout: Part, *, with_rects: bool) -> Slots:
    """The title and body placeholders of ``layout``; their positions only when they will be used."""
    title = body = None
    for kind, ph, rect in placeholders(layout, with_rects=with_rects):
        placeholder = Placeholder(ph.get("type"), ph.get("idx"), rect)
        if title is None and kind in ("title", "ctrTitle"):
            title = placeholder
        elif body is None and kind in ("body", "obj") and ph.get("orient") != "vert":
            body = placeholder
    return Slots(layout, title, body)
