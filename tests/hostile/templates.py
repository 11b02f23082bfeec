"""Hostile organisation templates, made from python-pptx's own default presentation by editing its zip."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Callable

from pptx import Presentation

MASTER = "ppt/slideMasters/slideMaster1.xml"
MASTER_RELS = "ppt/slideMasters/_rels/slideMaster1.xml.rels"
LAYOUT1 = "ppt/slideLayouts/slideLayout1.xml"
EXTERNAL_IMAGE = "http://example.invalid/logo.png"
UNC_LINK = r"\\fileserver\share\logo.png"
FILE_IMAGE = "file:///etc/passwd"


def plain_template() -> bytes:
    out = io.BytesIO()
    Presentation().save(out)
    return out.getvalue()


def rewrite(data: bytes, change: Callable[[str, bytes], bytes | None], extra: dict[str, bytes] | None = None) -> bytes:
    """``data`` with each entry passed through ``change`` (None drops it) and ``extra`` entries added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = change(info.filename, src.read(info))
            if blob is not None:
                dst.writestr(info.filename, blob)
        for name, blob in (extra or {}).items():
            dst.writestr(name, blob)
    return out.getvalue()


def entity_template() -> bytes:
    """A layout part that declares an entity and uses it in the layout's name."""
    def change(name: str, blob: bytes) -> bytes:
        if name == LAYOUT1:
            text = blob.decode("utf-8")
            text = re.sub(r"^<\?xml[^>]*\?>\s*", "", text)
            text = text.replace('name="Title Slide"', 'name="&boom;"')
            return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    '<!DOCTYPE p:sldLayout [<!ENTITY boom "Title Slide">]>\n' + text).encode("utf-8")
        return blob
    return rewrite(plain_template(), change)


def no_layouts_template() -> bytes:
    """A master that lists no layouts, and no layout parts."""
    def change(name: str, blob: bytes) -> bytes | None:
        if name.startswith("ppt/slideLayouts/"):
            return None
        if name == MASTER_RELS:
            return re.sub(rb'<Relationship [^>]*slideLayout"[^>]*/>', b"", blob)
        if name == MASTER:
            return re.sub(rb"<p:sldLayoutIdLst>.*?</p:sldLayoutIdLst>", b"", blob, flags=re.S)
        return blob
    return rewrite(plain_template(), change)


def dangling_template() -> bytes:
    """A master whose relationships name a layout part that is not in the zip."""
    def change(name: str, blob: bytes) -> bytes | None:
        if name == "ppt/slideLayouts/slideLayout11.xml" or name == "ppt/slideLayouts/_rels/slideLayout11.xml.rels":
            return None
        return blob
    return rewrite(plain_template(), change)


def external_template() -> bytes:
    """A master holding a linked picture (http and file:) and a shape whose click opens a UNC path."""
    pictures = "".join(
        f'<p:pic><p:nvPicPr><p:cNvPr id="{90 + n}" name="Logo {n}"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
        f'<p:blipFill><a:blip r:link="rIdX{n}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
        '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>' for n in (1, 2))
    shape = ('<p:sp><p:nvSpPr><p:cNvPr id="99" name="Link"><a:hlinkClick r:id="rIdX3"/></p:cNvPr><p:cNvSpPr/>'
             '<p:nvPr/></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:p><a:r><a:rPr lang="en-US">'
             '<a:hlinkClick r:id="rIdX3"/></a:rPr><a:t>Intranet</a:t></a:r></a:p></p:txBody></p:sp>')
    rels = (f'<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
            f'Target="{EXTERNAL_IMAGE}" TargetMode="External"/>'
            f'<Relationship Id="rIdX2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
            f'Target="{FILE_IMAGE}" TargetMode="External"/>'
            f'<Relationship Id="rIdX3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
            f'Target="{UNC_LINK}" TargetMode="External"/>')

    def change(name: str, blob: bytes) -> bytes:
        if name == MASTER:
            return blob.replace(b"</p:spTree>", (pictures + shape).encode() + b"</p:spTree>", 1)
        if name == MASTER_RELS:
            return blob.replace(b"</Relationships>", rels.encode() + b"</Relationships>")
        return blob
    return rewrite(plain_template(), change)


def ratio_bomb_template(megabytes: int = 20) -> bytes:
    """A template with one extra part of zeros: a few kilobytes packed, ``megabytes`` unpacked."""
    out = io.BytesIO(plain_template())
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("ppt/media/padding.bin", "w") as part:
            chunk = bytes(1024 * 1024)
            for _ in range(megabytes):
                part.write(chunk)
    return out.getvalue()
