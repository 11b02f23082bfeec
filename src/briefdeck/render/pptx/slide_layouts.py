"""A template's slide layouts read from their XML: their names, placeholders and placeholders' positions.

These follow python-pptx's reading of the same XML (which element is the
master, which shapes are placeholders, where a layout placeholder without a
position of its own takes it from the master), so a template gives the same
deck as it did when python-pptx read it; what python-pptx could not read
raises here too (`LayoutError`, `KeyError`, `ValueError`), for `template.py`
to report as a located error.
"""

from __future__ import annotations

from lxml import etree

from briefdeck.render.pptx.opc import NS, CT_SLIDE_LAYOUT, CT_SLIDE_MASTER, RT_SLIDE_MASTER, Part, qn, related
from briefdeck.render.pptx.pages import Rect

EMU_PER_POINT = 12700
_SHAPE_TAGS = {qn(f"p:{tag}") for tag in ("sp", "grpSp", "graphicFrame", "cxnSp", "pic", "contentPart")}
_PLACEHOLDER_TYPES = {"clipArt", "body", "ctrTitle", "chart", "dt", "ftr", "hdr", "media", "obj", "dgm", "pic",
                      "sldImg", "sldNum", "subTitle", "tbl", "title"}
# The master placeholder a layout placeholder takes its position from, by type (python-pptx's table).
_BASE_TYPE = {"body": "body", "chart": "body", "clipArt": "body", "ctrTitle": "title", "dgm": "body", "dt": "dt",
              "ftr": "ftr", "media": "body", "obj": "body", "pic": "body", "sldNum": "sldNum", "subTitle": "body",
              "tbl": "body", "title": "title"}
_FIRST_PH = etree.XPath("./*[1]/p:nvPr/p:ph", namespaces=NS)
_MASTER_LIST_AFTER = ("p:notesMasterIdLst", "p:handoutMasterIdLst", "p:sldIdLst", "p:sldSz", "p:notesSz")
_LAYOUT_LIST_AFTER = ("p:transition", "p:timing", "p:hf", "p:txStyles", "p:extLst")
_UNITS = {"mm": 36000, "cm": 360000, "in": 914400, "pt": 12700, "pc": 152400, "pi": 152400}


class LayoutError(Exception):
    """XML the layouts cannot be read from (an element or attribute missing)."""


def get_or_add(parent: etree._Element, tag: str, successors: tuple[str, ...]) -> etree._Element:
    """The first child ``tag`` of ``parent``, added before the first of ``successors`` when missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    prefix = tag.split(":")[0]
    child = etree.Element(qn(tag), nsmap={prefix: NS[prefix]})
    for successor in successors:
        after = parent.find(qn(successor))
        if after is not None:
            after.addprevious(child)
            return child
    parent.append(child)
    return child


def one(parent: etree._Element, tag: str) -> etree._Element:
    found = parent.find(qn(tag))
    if found is None:
        raise LayoutError(f"required <{tag}> element not present in {parent.tag}")
    return found


def layout_list(presentation: Part) -> tuple[Part, etree._Element]:
    """The first slide master and its ``p:sldLayoutIdLst`` (added when missing, as python-pptx does)."""
    masters = get_or_add(presentation.element, "p:sldMasterIdLst", _MASTER_LIST_AFTER).findall(qn("p:sldMasterId"))
    if not masters:
        raise LayoutError("slide master index out of range")
    master = _target(presentation, masters[0], CT_SLIDE_MASTER)
    return master, get_or_add(master.element, "p:sldLayoutIdLst", _LAYOUT_LIST_AFTER)


def slide_layouts(presentation: Part) -> list[Part]:
    master, listed = layout_list(presentation)
    return [_target(master, entry, CT_SLIDE_LAYOUT) for entry in listed.findall(qn("p:sldLayoutId"))]


def layout_name(layout: Part) -> str:
    return one(layout.element, "p:cSld").get("name", "")


def placeholders(layout: Part, *, with_rects: bool) -> list[tuple[str, etree._Element, Rect | None]]:
    """Each placeholder of ``layout`` as (its type, its ``p:ph``, its position if asked for), in order."""
    found = []
    for shape, ph in _placeholder_shapes(layout):
        kind = _type(ph)
        found.append((kind, ph, _rect(shape, kind, layout) if with_rects else None))
    return found


def _target(source: Part, entry: etree._Element, content_type: str) -> Part:
    rid = entry.get(qn("r:id"))
    if rid is None:
        raise LayoutError(f"required 'r:id' attribute not present on element {entry.tag}")
    part = source.rels[rid].target
    if not isinstance(part, Part) or part.content_type != content_type:
        what = "slide master" if content_type == CT_SLIDE_MASTER else "slide layout"
        raise LayoutError(f"{getattr(part, 'name', part)}, listed as a {what}, is not one "
                          f"(its content type is {getattr(part, 'content_type', 'external')!r})")
    return part


def _placeholder_shapes(part: Part):
    tree = one(one(part.element, "p:cSld"), "p:spTree")
    for shape in tree.iterchildren():
        if shape.tag not in _SHAPE_TAGS:
            continue
        if shape.tag == qn("p:contentPart"):
            raise LayoutError("a content part (p:contentPart) among the shapes")
        ph = _FIRST_PH(shape)
        if ph:
            yield shape, ph[0]


def _type(ph: etree._Element) -> str:
    kind = ph.get("type", "obj")
    if kind not in _PLACEHOLDER_TYPES:
        raise ValueError(f"PP_PLACEHOLDER_TYPE has no XML mapping for '{kind}'")
    return kind


def _rect(shape: etree._Element, kind: str, layout: Part) -> Rect | None:
    values = [_position(shape, name) for name in ("x", "y", "cx", "cy")]
    if shape.tag == qn("p:sp") and None in values:  # a layout placeholder: what it lacks from the master's
        values = [value if value is not None else _inherited(kind, layout, name)
                  for value, name in zip(values, ("x", "y", "cx", "cy"))]
    if any(v is None for v in values):
        return None
    x, y, w, h = (v / EMU_PER_POINT for v in values)  # type: ignore[operator]
    return Rect(x, y, w, h) if w > 0 and h > 0 else None


def _inherited(kind: str, layout: Part, name: str) -> int | None:
    base_type = _BASE_TYPE[kind]  # KeyError for a type that inherits from nothing, as in python-pptx
    master = related(layout.rels, RT_SLIDE_MASTER)
    if master.content_type != CT_SLIDE_MASTER:
        raise LayoutError(f"{master.name}, the slide master of {layout.name}, is not one")
    for shape, ph in _placeholder_shapes(master):
        if shape.tag != qn("p:sp"):
            raise LayoutError(f"a placeholder {shape.tag} on the slide master")
        if _type(ph) == base_type:
            return _position(shape, name)
    return None


def _position(shape: etree._Element, name: str) -> int | None:
    """A shape's own x, y, cx or cy in EMU, or None when its ``a:xfrm`` does not give it."""
    if shape.tag == qn("p:graphicFrame"):
        xfrm = one(shape, "p:xfrm")
    else:
        xfrm = one(shape, "p:grpSpPr" if shape.tag == qn("p:grpSp") else "p:spPr").find(qn("a:xfrm"))
        if xfrm is None:
            return None
    holder = xfrm.find(qn("a:off" if name in ("x", "y") else "a:ext"))
    if holder is None:
        return None
    value = holder.get(name)
    if value is None:
        raise LayoutError(f"required '{name}' attribute not present on element {holder.tag}")
    if name in ("x", "y") and ("i" in value or "m" in value or "p" in value):
        return int(round(float(value[:-2]) * _UNITS[value[-2:]]))  # a universal measure, "2.5in"
    return int(value)
