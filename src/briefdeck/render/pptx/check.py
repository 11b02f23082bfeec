"""A structural check of a .pptx: what would make PowerPoint ask to "repair" it.

`check_pptx` reads the zip itself (not through python-pptx, which silently
skips broken relationships) and reports, one sentence each: XML that does
not parse, parts without a content type, content types naming missing parts,
relationships whose target is missing, ``r:id`` references a part's
relationships do not define, parts no relationship reaches (orphans),
duplicate or out-of-range slide ids, and duplicate shape ids on a slide.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections import Counter

from lxml import etree

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
_SLIDE = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"


def check_pptx(data: bytes) -> list[str]:
    """Structural problems of the .pptx in ``data``; [] when it is sound."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return ["not a zip file"]
    names = zf.namelist()
    problems = [f"zip entry {name} appears {n} times" for name, n in Counter(names).items() if n > 1]
    members = set(names)
    docs: dict[str, etree._Element] = {}
    for name in sorted(members):
        if name.endswith((".xml", ".rels")):
            try:
                docs[name] = etree.fromstring(zf.read(name))
            except etree.XMLSyntaxError as exc:
                problems.append(f"{name} is not well-formed XML: {exc}")
    types = docs.get("[Content_Types].xml")
    if types is None:
        return problems + ["[Content_Types].xml is missing"]
    defaults = {d.get("Extension", "").lower(): d.get("ContentType") for d in types.iter(f"{{{_CT}}}Default")}
    overrides = {o.get("PartName", "").lstrip("/"): o.get("ContentType") for o in types.iter(f"{{{_CT}}}Override")}
    problems += [f"[Content_Types].xml names /{name}, which is not in the package"
                 for name in sorted(overrides) if name not in members]
    parts = sorted(m for m in members if m != "[Content_Types].xml" and not m.endswith(".rels")
                   and not m.endswith("/"))
    for name in parts:
        if name not in overrides and posixpath.splitext(name)[1].lstrip(".").lower() not in defaults:
            problems.append(f"{name} has no content type")

    reached: set[str] = set()
    rel_ids: dict[str, set[str]] = {}
    for source in ["", *parts]:
        rels_name = _rels_name(source)
        rels = docs.get(rels_name)
        if rels is None:
            continue
        ids: set[str] = set()
        for rel in rels.iter(f"{{{_PR}}}Relationship"):
            rid = rel.get("Id")
            if rid in ids:
                problems.append(f"{rels_name}: relationship id {rid} is used twice")
            ids.add(rid)
            if rel.get("TargetMode") == "External":
                continue
            target = _resolve(source, rel.get("Target", ""))
            if target not in members:
                problems.append(f"{rels_name}: relationship {rid} points to /{target}, which is missing")
            else:
                reached.add(target)
        rel_ids[source] = ids
    problems += [f"{name} is not reached by any relationship (an orphan part)"
                 for name in parts if name not in reached and not name.startswith("_rels/")]

    for name in parts:
        doc = docs.get(name)
        if doc is None:
            continue
        ids = rel_ids.get(name, set())
        for element in doc.iter():
            for attr, value in element.attrib.items():
                if attr.startswith(f"{{{_R}}}") and value and value not in ids:
                    problems.append(f"{name}: r:{attr.split('}')[1]}=\"{value}\" has no relationship")
        if overrides.get(name) == _SLIDE:
            shape_ids = [e.get("id") for e in doc.iter(f"{{{_P}}}cNvPr")]
            for shape_id, n in Counter(shape_ids).items():
                if n > 1:
                    problems.append(f"{name}: shape id {shape_id} is used by {n} shapes")
    problems += _slide_ids(docs)
    return problems


def _slide_ids(docs: dict[str, etree._Element]) -> list[str]:
    pres = docs.get("ppt/presentation.xml")
    if pres is None:
        return ["ppt/presentation.xml is missing"]
    ids = [s.get("id") for s in pres.iter(f"{{{_P}}}sldId")]
    problems = [f"slide id {i} is used {n} times" for i, n in Counter(ids).items() if n > 1]
    problems += [f"slide id {i} is out of range (256 to 2147483647)" for i in ids
                 if not (i or "").isdigit() or not 256 <= int(i) <= 2147483647]
    return problems


def _rels_name(source: str) -> str:
    folder, base = posixpath.split(source)
    return posixpath.join(folder, "_rels", base + ".rels")


def _resolve(source: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def slide_count(data: bytes) -> int:
    """How many slides the .pptx in ``data`` lists (``p:sldIdLst``): what PowerPoint and python-pptx show."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read("ppt/presentation.xml"))
    return len(root.findall(f"{{{_P}}}sldIdLst/{{{_P}}}sldId"))
