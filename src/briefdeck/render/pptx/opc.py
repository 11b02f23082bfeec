"""A presentation package (OPC) as parts and relationships, read and written without python-pptx.

Importing python-pptx costs a deck build about 0.1 s of start-up (it
registers hundreds of element classes), and its part objects more per slide;
the slides are already written as text (`draw.py`), so only this small layer
is needed: `open_package` reads a template's zip into `Part` objects joined
by `Rel` relationships, and `rels_xml`/`content_types_xml` write them back.

It reads and writes exactly as python-pptx 1.0 does, so decks keep their
bytes: the same parts are reached (depth first from the package's
relationships; relationships to parts missing from the zip are dropped), the
same content types make a part XML (parsed without blank text, written back
with ``standalone="yes"``), and the same order and names are written.
"""

from __future__ import annotations

import functools
import io
import posixpath
import re
import zipfile
from typing import Iterator

from lxml import etree

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}

_OFFICE = "application/vnd.openxmlformats-officedocument."
CT_PRESENTATION = _OFFICE + "presentationml.presentation.main+xml"
CT_MACRO_PRESENTATION = "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"
CT_TEMPLATE = _OFFICE + "presentationml.template.main+xml"
CT_SLIDE = _OFFICE + "presentationml.slide+xml"
CT_NOTES_SLIDE = _OFFICE + "presentationml.notesSlide+xml"
CT_NOTES_MASTER = _OFFICE + "presentationml.notesMaster+xml"
CT_SLIDE_LAYOUT = _OFFICE + "presentationml.slideLayout+xml"
CT_SLIDE_MASTER = _OFFICE + "presentationml.slideMaster+xml"
CT_CORE_PROPERTIES = "application/vnd.openxmlformats-package.core-properties+xml"
CT_THEME = _OFFICE + "theme+xml"
CT_CHART = _OFFICE + "drawingml.chart+xml"
CT_WORKBOOK = _OFFICE + "spreadsheetml.sheet"
CT_RELATIONSHIPS = "application/vnd.openxmlformats-package.relationships+xml"
# The parts python-pptx parses and writes back (its XmlPart classes); every other part keeps its bytes.
XML_CONTENT_TYPES = frozenset({
    CT_PRESENTATION, CT_MACRO_PRESENTATION, CT_TEMPLATE, _OFFICE + "presentationml.slideshow.main+xml",
    CT_CORE_PROPERTIES, CT_NOTES_MASTER, CT_NOTES_SLIDE, CT_SLIDE, CT_SLIDE_LAYOUT, CT_SLIDE_MASTER, CT_CHART})
# The parts python-pptx takes for pictures: a new picture of the same bytes reuses one.
IMAGE_CONTENT_TYPES = frozenset({"image/bmp", "image/gif", "image/jpeg", "image/vnd.ms-photo", "image/png",
                                 "image/tiff", "image/x-emf", "image/x-wmf", "image/jpg"})
# Extensions whose content type goes into a <Default> rather than an <Override> (python-pptx's table).
_DEFAULT_TYPES = frozenset({
    ("bin", _OFFICE + "presentationml.printerSettings"), ("bin", _OFFICE + "spreadsheetml.printerSettings"),
    ("bin", _OFFICE + "wordprocessingml.printerSettings"), ("bmp", "image/bmp"), ("emf", "image/x-emf"),
    ("fntdata", "application/x-fontdata"), ("gif", "image/gif"), ("jpe", "image/jpeg"), ("jpeg", "image/jpeg"),
    ("jpg", "image/jpeg"), ("mov", "video/quicktime"), ("mp4", "video/mp4"), ("mpg", "video/mpeg"),
    ("png", "image/png"), ("rels", CT_RELATIONSHIPS), ("tif", "image/tiff"), ("tiff", "image/tiff"),
    ("vid", "video/unknown"), ("wdp", "image/vnd.ms-photo"), ("wmf", "image/x-wmf"), ("wmv", "video/x-ms-wmv"),
    ("xlsx", CT_WORKBOOK), ("xml", "application/xml")})

_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_OFFICE_DOCUMENT = _RELS + "officeDocument"
RT_CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
RT_EXTENDED_PROPERTIES = _RELS + "extended-properties"
RT_SLIDE = _RELS + "slide"
RT_SLIDE_LAYOUT = _RELS + "slideLayout"
RT_SLIDE_MASTER = _RELS + "slideMaster"
RT_NOTES_SLIDE = _RELS + "notesSlide"
RT_NOTES_MASTER = _RELS + "notesMaster"
RT_THEME = _RELS + "theme"
RT_HYPERLINK = _RELS + "hyperlink"
RT_IMAGE = _RELS + "image"
RT_CHART = _RELS + "chart"
RT_PACKAGE = _RELS + "package"
_EXTERNAL = "External"

# Values lxml writes into an attribute unchanged: printable ASCII but for what it escapes (&<>").
_PLAIN = re.compile(r"[ !#-%'-;=?-~]*")
_RELS_HEAD = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">')
_MODE = ' TargetMode="External"'

# python-pptx's parser: no blank text (so its output is compact), no entities expanded.
PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)


def qn(tag: str) -> str:
    """``"p:sldId"`` as lxml's ``"{namespace}sldId"``."""
    prefix, local = tag.split(":")
    return f"{{{NS[prefix]}}}{local}"


def parse_xml(blob: bytes) -> etree._Element:
    return etree.fromstring(blob, PARSER)


def serialize(element: etree._Element) -> bytes:
    return etree.tostring(element, encoding="UTF-8", standalone=True)


class PackageError(Exception):
    """A package python-pptx could not have opened either: the message says why."""


class Part:
    """One part: its name ("/ppt/slides/slide1.xml"), content type, bytes or parsed XML, relationships."""

    __slots__ = ("name", "content_type", "data", "element", "rels", "base")

    def __init__(self, name: str, content_type: str, data: bytes = b"", element: etree._Element | None = None):
        self.name = name
        self.content_type = content_type
        self.data = data
        self.element = element
        self.rels: dict[str, Rel] = {}
        # The folder its relationships' targets are written relative to: where it was first named
        # (python-pptx keeps it when a slide is renamed).
        self.base = posixpath.split(name)[0]

    @property
    def blob(self) -> bytes:
        return serialize(self.element) if self.element is not None else self.data


class Rel:
    """A relationship: to a `Part`, or (external) to a URL."""

    __slots__ = ("rid", "reltype", "target", "external")

    def __init__(self, rid: str, reltype: str, target: Part | str, external: bool = False):
        self.rid = rid
        self.reltype = reltype
        self.target = target
        self.external = external

    def target_ref(self, base: str) -> str:
        if self.external:
            return self.target  # type: ignore[return-value]
        return _relative(self.target.name, base)  # type: ignore[union-attr]


class Package:
    """The package's own relationships; its parts are those they reach."""

    def __init__(self, rels: dict[str, Rel]):
        self.rels = rels

    def iter_rels(self) -> Iterator[Rel]:
        """Every relationship, depth first (each part's relationships once), without recursion: a
        template's chain of parts may be deeper than Python's stack."""
        visited: set[int] = set()
        stack = [iter(list(self.rels.values()))]
        while stack:
            rel = next(stack[-1], None)
            if rel is None:
                stack.pop()
                continue
            yield rel
            if not rel.external and id(rel.target) not in visited:
                visited.add(id(rel.target))
                stack.append(iter(list(rel.target.rels.values())))  # type: ignore[union-attr]

    def iter_parts(self) -> Iterator[Part]:
        seen: set[int] = set()
        for rel in self.iter_rels():
            if not rel.external and id(rel.target) not in seen:
                seen.add(id(rel.target))
                yield rel.target  # type: ignore[misc]

    def next_partname(self, template: str) -> str:
        """The first free name of ``template`` ("/ppt/theme/theme%d.xml"), counting down as python-pptx does."""
        prefix = template[: (template % 42).find("42")]
        names = {p.name for p in self.iter_parts() if p.name.startswith(prefix)}
        for number in range(len(names) + 1, 0, -1):
            if template % number not in names:
                return template % number
        raise AssertionError("no free part name")  # pragma: no cover -- len+1 names cannot all be taken


def related(rels: dict[str, Rel], reltype: str) -> Part:
    """The one part ``rels`` relate by ``reltype``: KeyError for none, ValueError for several."""
    found = [rel for rel in rels.values() if rel.reltype == reltype]
    if not found:
        raise KeyError(f"no relationship of type '{reltype}' in collection")
    if len(found) > 1:
        raise ValueError(f"multiple relationships of type '{reltype}' in collection")
    return found[0].target  # type: ignore[return-value]


def add_rel(rels: dict[str, Rel], reltype: str, target: Part) -> str:
    """Relate ``target`` once (python-pptx's ``relate_to``): the existing rId, or the first free one."""
    for rel in rels.values():
        if rel.reltype == reltype and not rel.external and rel.target is target:
            return rel.rid
    for number in range(len(rels) + 1, 0, -1):
        if f"rId{number}" not in rels:
            rels[f"rId{number}"] = Rel(f"rId{number}", reltype, target)
            return f"rId{number}"
    raise AssertionError("no free relationship id")  # pragma: no cover


@functools.lru_cache(maxsize=4096)
def _relative(name: str, base: str) -> str:
    """``name`` as a reference from the folder ``base`` ("../slideLayouts/slideLayout2.xml")."""
    return name[1:] if base == "/" else posixpath.relpath(name, base)


def rels_uri(name: str) -> str:
    base, filename = posixpath.split(name)
    return posixpath.join(base, "_rels", f"{filename}.rels")


def _from_rel_ref(base: str, ref: str) -> str:
    return posixpath.abspath(posixpath.join(base, ref))


def _required(element: etree._Element, name: str) -> str:
    value = element.get(name)
    if value is None:
        raise PackageError(f"required '{name}' attribute not present on element {element.tag}")
    return value


def open_package(data: bytes, *, template: bool = False) -> Package:
    """The package in the zip ``data``; ``template``: a .potx, opened as a presentation."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        blobs = {"/" + name: archive.read(name) for name in archive.namelist()}
    if "/[Content_Types].xml" not in blobs:
        raise PackageError("no member '/[Content_Types].xml' in package")
    types = blobs["/[Content_Types].xml"]
    if template:
        types = types.replace(CT_TEMPLATE.encode(), CT_PRESENTATION.encode())
    types_root = parse_xml(types)
    overrides = {_required(o, "PartName").lower(): _required(o, "ContentType")
                 for o in types_root.iterchildren(qn("ct:Override"))}
    defaults = {_required(d, "Extension").lower(): _required(d, "ContentType")
                for d in types_root.iterchildren(qn("ct:Default"))}

    xml_rels: dict[str, list[etree._Element]] = {}

    def load_rels(source: str) -> Iterator[str]:
        """Read the relationships of ``source``; its internal targets, in order."""
        blob = blobs.get(rels_uri(source) if source != "/" else "/_rels/.rels")
        elements = [] if blob is None else list(parse_xml(blob).iterchildren(qn("pr:Relationship")))
        xml_rels[source] = elements
        base = posixpath.split(source)[0]
        return (_from_rel_ref(base, _required(rel, "Target")) for rel in elements
                if rel.get("TargetMode", "Internal") != _EXTERNAL)

    stack = [load_rels("/")]  # depth first, as python-pptx reads them, without recursion
    while stack:
        target = next(stack[-1], None)
        if target is None:
            stack.pop()
        elif target not in xml_rels:
            stack.append(load_rels(target))
    parts = {name: _load_part(name, _content_type(name, overrides, defaults), blobs[name])
             for name in xml_rels if name != "/" and name in blobs}
    package = Package({})
    for source, elements in xml_rels.items():
        if source == "/" or source in parts:
            base = posixpath.split(source)[0]
            owner = package.rels if source == "/" else parts[source].rels
            for rel in elements:
                mode = rel.get("TargetMode", "Internal")
                if mode == "Internal" and _from_rel_ref(base, _required(rel, "Target")) not in parts:
                    continue  # a relationship "removed" by pointing it at a missing part: skipped
                rid, reltype, ref = _required(rel, "Id"), _required(rel, "Type"), _required(rel, "Target")
                if mode == _EXTERNAL:
                    owner[rid] = Rel(rid, reltype, ref, external=True)
                else:
                    owner[rid] = Rel(rid, reltype, parts[_from_rel_ref(base, ref)])
    return package


def _content_type(name: str, overrides: dict[str, str], defaults: dict[str, str]) -> str:
    if name.lower() in overrides:
        return overrides[name.lower()]
    if _ext(name) in defaults:
        return defaults[_ext(name)]
    raise PackageError(f"no content-type for partname '{name}' in [Content_Types].xml")


def _ext(name: str) -> str:
    """The extension of a part name, lowercased, without its dot ("xml")."""
    return posixpath.splitext(name)[1][1:].lower()  # splitext's extension is "" or starts with its dot


def _load_part(name: str, content_type: str, blob: bytes) -> Part:
    if content_type in XML_CONTENT_TYPES:
        return Part(name, content_type, element=parse_xml(blob))
    return Part(name, content_type, blob)


def rels_xml(rels: dict[str, Rel], base: str) -> bytes:
    """The .rels part of ``rels`` (of a part whose folder is ``base``), in rId number order."""
    order = sorted((int(rid[3:]) if rid.startswith("rId") and rid[3:].isdigit() else 0, rid) for rid in rels)
    rows = [(rid, rels[rid].reltype, rels[rid].target_ref(base), rels[rid].external) for _, rid in order]
    if rows and all(_PLAIN.fullmatch(rid + reltype + target) for rid, reltype, target, _ in rows):
        # The common case, written as text (a deck has a .rels per slide): what lxml writes for these values.
        return (_RELS_HEAD + "".join(
            f'<Relationship Id="{rid}" Type="{reltype}" Target="{target}"{_MODE if external else ""}/>'
            for rid, reltype, target, external in rows) + "</Relationships>").encode("utf-8")
    root = parse_xml(f'<Relationships xmlns="{NS["pr"]}"/>')
    for rid, reltype, target, external in rows:
        attrib = {"Id": rid, "Type": reltype, "Target": target}
        if external:
            attrib["TargetMode"] = _EXTERNAL
        etree.SubElement(root, qn("pr:Relationship"), attrib)
    return serialize(root)


def content_types_xml(parts: list[Part]) -> bytes:
    """``[Content_Types].xml`` for ``parts``: a <Default> per known extension, an <Override> for the rest."""
    defaults = {"rels": CT_RELATIONSHIPS, "xml": "application/xml"}
    overrides: dict[str, str] = {}
    for part in parts:
        if (_ext(part.name), part.content_type) in _DEFAULT_TYPES:
            defaults[_ext(part.name)] = part.content_type
        else:
            overrides[part.name] = part.content_type
    root = parse_xml(f'<Types xmlns="{NS["ct"]}"/>')
    for ext, content_type in sorted(defaults.items()):
        etree.SubElement(root, qn("ct:Default"), {"Extension": ext, "ContentType": content_type})
    for name, content_type in sorted(overrides.items()):
        etree.SubElement(root, qn("ct:Override"), {"PartName": name, "ContentType": content_type})
    return serialize(root)
