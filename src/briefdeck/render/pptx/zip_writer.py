"""A deck's zip, written byte for byte as Python's ``zipfile`` writes it, for less work per entry.

``zipfile.ZipFile.writestr`` makes each entry through a file object, a
header written twice and a compressor of its own; a deck has four entries
per slide. Here each entry is one header, its deflated bytes and a
directory record, with the same fields zipfile writes for a ``ZipInfo``
given a fixed timestamp, ``create_system`` 0 and mode 0600, so the bytes are
those of zipfile (`zipfile_bytes`; tests/render_pptx compare the
two). The data is deflated with the very calls zipfile makes (a raw deflate
stream at the default level, one ``compress`` then ``flush``), for a large
deck in two threads (`deflate_all`).

Archives zipfile would write as ZIP64 (an entry near 2 GiB, 65,535 entries
or more) are left to zipfile itself (`fits`).
"""

from __future__ import annotations

import io
import struct
import threading
import zipfile
import zlib

_LOCAL = struct.Struct("<4s2B4HL2L2H")  # zipfile's structFileHeader
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # structCentralDir
_END = struct.Struct("<4s4H2LH")  # structEndArchive
_VERSION = 20  # zipfile's DEFAULT_VERSION, also the version deflate needs
_DEFLATED = 8
_UTF8_NAME = 0x800
_MODE = 0o600 << 16  # ?rw-------
_SMALL = (1 << 31) - 1  # zipfile's ZIP64_LIMIT
_MAX_ENTRIES = (1 << 16) - 1
_THREAD_FROM = 1 << 20  # bytes to deflate from which a second thread pays for itself


def deflated(data: bytes) -> bytes:
    """``data`` as zipfile deflates an entry: a raw stream at the default level, compress then flush."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def deflate_all(blobs: list[bytes]) -> list[bytes]:
    """Each blob `deflated`; a large deck's half of them in a second thread, on a second core if one is free.

    zlib lets go of the interpreter while it compresses, so the two halves
    run side by side; each blob's bytes are the same either way.
    """
    if sum(len(b) for b in blobs) < _THREAD_FROM:
        return [deflated(b) for b in blobs]
    out: list[bytes] = [b""] * len(blobs)

    failed: list[BaseException] = []

    def half(start: int) -> None:
        try:
            for i in range(start, len(blobs), 2):
                out[i] = deflated(blobs[i])
        except BaseException as exc:  # noqa: BLE001  (out of memory): raised again in the caller's thread
            failed.append(exc)

    helper = threading.Thread(target=half, args=(1,), name="briefdeck-deflate")
    helper.start()
    half(0)
    helper.join()  # a build forks its PDF worker only while it is the process's one thread
    if failed:
        raise failed[0]
    return out


def fits(entries: list[tuple[str, bytes]]) -> bool:
    """Whether zipfile would write these entries without ZIP64 records (else leave them to it)."""
    total = sum(len(data) for _, data in entries)
    return len(entries) < _MAX_ENTRIES and total * 1.05 < _SMALL


def zip_bytes(entries: list[tuple[str, bytes]], date_time: tuple[int, ...]) -> bytes:
    """The zip of ``entries`` (name, data), in order, each stamped ``date_time``."""
    year, month, day, hour, minute, second = date_time
    dosdate = (year - 1980) << 9 | month << 5 | day
    dostime = hour << 11 | minute << 5 | (second // 2)
    out: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for (name, data), body in zip(entries, deflate_all([data for _, data in entries])):
        try:
            filename, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            filename, flags = name.encode("utf-8"), _UTF8_NAME
        crc = zlib.crc32(data)
        header = _LOCAL.pack(b"PK\003\004", _VERSION, 0, flags, _DEFLATED, dostime, dosdate, crc, len(body),
                             len(data), len(filename), 0)
        directory.append(_CENTRAL.pack(b"PK\001\002", _VERSION, 0, _VERSION, 0, flags, _DEFLATED, dostime,
                                       dosdate, crc, len(body), len(data), len(filename), 0, 0, 0, 0, _MODE,
                                       offset) + filename)
        out += (header, filename, body)
        offset += len(header) + len(filename) + len(body)
    size = sum(len(record) for record in directory)
    end = _END.pack(b"PK\005\006", 0, 0, len(entries), len(entries), size, offset, 0)
    return b"".join(out + directory + [end])


def zipfile_bytes(entries: list[tuple[str, bytes]], stamp: tuple[int, ...], create_system: int = 0) -> bytes:
    """The same zip written by Python's zipfile: for archives that need ZIP64, the chart's workbook, and tests.

    ``create_system`` is the system the entries claim to come from (0 MS-DOS, as a deck's; 3 Unix, as
    XlsxWriter writes a workbook); every entry is deflated, stamped ``stamp`` and marked -rw-------.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, blob in entries:
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = create_system
            info.external_attr = 0o600 << 16
            zf.writestr(info, blob)
    return out.getvalue()
