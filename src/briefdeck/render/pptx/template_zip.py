"""An organisation's template file checked before anything opens it: a bounded zip of plain XML.

A .pptx/.potx is a zip, and a template may come from anyone. Before
it is opened (`opc.py`), `read_template_file` makes sure that:

- it is a regular file (not a FIFO or ``/dev/zero``) of at most
  `MAX_FILE_BYTES`;
- its entries together unpack to at most `MAX_UNPACKED_BYTES` and no entry
  of over a megabyte unpacks to more than `MAX_RATIO` times its packed size
  (a "zip bomb" of a few megabytes can unpack to gigabytes); the sizes a zip
  declares also bound what Python's zipfile will unpack, so the check holds
  even when the declared sizes lie;
- no XML part has a document type declaration (``<!DOCTYPE``): entity
  declarations live there, and they can expand a few bytes into gigabytes or
  make PowerPoint refuse the file.

Every refusal is a `BriefdeckError` naming the file (and the part).
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from briefdeck.errors import BriefdeckError, Location, Problem, display_path

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_RATIO = 100
MAX_ENTRIES = 10_000
_RATIO_FROM = 1024 * 1024  # small parts may compress well beyond the ratio legitimately
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


def read_template_file(path: Path) -> bytes:
    """The bytes of the template at ``path``, once they are known to be a bounded, DTD-free zip."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise template_error(path, "it is not a regular file", "name a .pptx or .potx file saved from PowerPoint")
        if info.st_size > MAX_FILE_BYTES:
            raise template_error(path, f"it is {info.st_size:,} bytes, more than the limit of {MAX_FILE_BYTES:,}",
                                 "use a smaller template: remove large pictures and sample slides")
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise template_error(path, f"it cannot be read: {exc.strerror or exc}", "check the file and its permissions")
    check_template_zip(data, path)
    return data


def check_template_zip(data: bytes, path: Path) -> None:
    """Raise a located error unless ``data`` is a zip within the limits whose XML has no DTD."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            _check_sizes(entries, path)
            for entry in entries:
                if entry.filename.lower().endswith(_XML_SUFFIXES):
                    _check_xml(archive.read(entry), entry.filename, path)
                else:  # unpacked (within the limits) only to check it is whole: opening reads it too
                    with archive.open(entry) as part:
                        while part.read(1024 * 1024):
                            pass
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError, EOFError, ValueError,
            OSError) as exc:
        # A damaged, encrypted or unsupported zip: it could not be opened either.
        raise template_error(path, f"it is not a readable .pptx/.potx (zip) file: {exc}",
                             "save it again from PowerPoint as a .pptx or .potx file") from None


def _check_sizes(entries: list[zipfile.ZipInfo], path: Path) -> None:
    if len(entries) > MAX_ENTRIES:
        raise template_error(path, f"it has {len(entries):,} parts, more than the limit of {MAX_ENTRIES:,}",
                             "save it again from PowerPoint")
    total = sum(e.file_size for e in entries)
    if total > MAX_UNPACKED_BYTES:
        raise template_error(path, f"it unpacks to {total:,} bytes, more than the limit of {MAX_UNPACKED_BYTES:,}",
                             "use a smaller template: remove large pictures and sample slides")
    for entry in entries:
        if entry.file_size > _RATIO_FROM and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise template_error(path, f"part {entry.filename} unpacks to {entry.file_size:,} bytes from "
                                 f"{entry.compress_size:,}, more than {MAX_RATIO} times its size (a zip bomb?)",
                                 "use the organisation's original template file")


def _check_xml(blob: bytes, part: str, path: Path) -> None:
    try:
        tree = etree.parse(io.BytesIO(blob), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise template_error(path, f"part {part} is not well-formed XML: {exc}",
                             "save it again from PowerPoint as a .pptx or .potx file") from None
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        raise template_error(path, f"part {part} declares a document type (<!DOCTYPE>, where entities are "
                             "declared); PowerPoint never writes one", "use the organisation's original template "
                             "file, saved again from PowerPoint")


def template_error(path: Path, what: str, hint: str) -> BriefdeckError:
    """A template problem, located at the template file."""
    return BriefdeckError(Problem(f"cannot open the template {display_path(path)}: {what}", Location(display_path(path)), hint,
                                  code="layout-template"))
