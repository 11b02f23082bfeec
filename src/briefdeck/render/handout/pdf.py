"""Handout HTML → PDF bytes with WeasyPrint: deterministic, and offline by construction.

Determinism: the PDF's creation and modification dates come from the
``dcterms.created``/``dcterms.modified`` meta elements the templates write
from the deck's date (absent when the brief has no date: no date is invented);
the file identifier is a hash of the HTML; and the embedded font subsets,
which fontTools stamps with the current time, are stamped through
``SOURCE_DATE_EPOCH`` with the deck's date (or 1980-01-01 without one).

Accessible: the PDF is tagged as PDF/UA-1 asks (a structure tree built from
the HTML's headings, lists, tables and figures, MarkInfo, the document's
language from ``<html lang>`` and its title shown in the title bar).

Offline: `ProjectFetcher` refuses every URL but ``data:`` and ``file:`` URLs of
files inside the project folder, before any connection is attempted.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import hashlib
import logging
import mimetypes
import os
import sys
import threading
import warnings
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:  # the PDF worker (pdf_worker) imports this module without the deck model: it needs none
    from briefdeck.deck.model import Deck


@contextlib.contextmanager
def _no_library_probing():
    """Import WeasyPrint without ``ctypes.util.find_library``.

    WeasyPrint tries several names for each system library; cffi answers each
    name it cannot open directly by calling ``find_library``, which runs
    ``ldconfig`` and ``gcc`` (about 0.2 s per start). Every list ends in the
    exact file name (``libpango-1.0.so.0``), which the system loader finds by
    itself, so probing only costs time. `_import_weasyprint` retries with
    probing should a system need it.
    """
    import ctypes.util
    probe = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        yield
    finally:
        ctypes.util.find_library = probe


def _import_weasyprint():
    with warnings.catch_warnings():
        # Without the HarfBuzz-Subset library WeasyPrint warns at import and subsets
        # fonts with fontTools instead: slower, same result. Not the user's concern.
        warnings.filterwarnings("ignore", message="HarfBuzz-Subset", category=DeprecationWarning)
        try:
            with _no_library_probing():
                import weasyprint
        except OSError:
            for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
                del sys.modules[name]
            import weasyprint
    return weasyprint


weasyprint = _import_weasyprint()
import weasyprint.layout  # noqa: E402
from weasyprint.text.ffi import ffi as _weasyprint_ffi  # noqa: E402
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse  # noqa: E402

from briefdeck.errors import BriefdeckError, Problem, display_path

from . import cffi_types, footnote_area

footnote_area.install(weasyprint.layout)  # same pages, without re-laying every note for each one added
cffi_types.install(_weasyprint_ffi)  # C types made without parsing C in every process and for every font


class RefusedURL(FatalURLFetchingError):
    """A URL the handout may not fetch. A FatalURLFetchingError stops WeasyPrint
    (it would log and skip any other exception), so the build fails loudly."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"refused {url}: {reason}")
        self.url = url
        self.reason = reason


class ProjectFetcher(URLFetcher):
    """Fetches ``data:`` URLs and files under ``root``; refuses everything else.

    Network URLs of any scheme are refused outright, so no name is looked up
    and no connection is opened.
    """

    def __init__(self, root: Path):
        super().__init__(fail_on_errors=True)
        self._root = root.resolve()

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise RefusedURL(url, "a handout never fetches from the network")
        if parts.netloc not in ("", "localhost"):
            raise RefusedURL(url, "the file is on another machine")
        path = Path(unquote(parts.path)).resolve()
        if not path.is_relative_to(self._root):
            raise RefusedURL(url, f"the file is outside the project folder {display_path(self._root)}")
        if not path.is_file():
            raise RefusedURL(url, "there is no such file in the project")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})


def html_to_pdf(html: str, *, deck: Deck, root: Path) -> bytes:
    """The handout HTML rendered to PDF: A4, paged footnotes, same bytes on every run.

    ``root`` is the project folder: relative URLs resolve against it and only
    files inside it may be used. A refused URL raises a BriefdeckError naming it.
    """
    return pdf_bytes(html, name=deck.name, audience=deck.audience.key, date=deck.date, root=root)


def pdf_bytes(html: str, *, name: str, audience: str, date: dt.date | None, root: Path) -> bytes:
    """`html_to_pdf` from the deck's name, audience key and date: all of the deck a PDF depends on."""
    root = Path(root).resolve()
    identifier = hashlib.sha256(f"{name}\n{audience}\n{html}".encode("utf-8")).hexdigest()[:32]
    try:
        with _RENDERING, _quiet_weasyprint(), _source_date_epoch(date):
            document = weasyprint.HTML(string=html, base_url=root.as_uri() + "/",
                                       url_fetcher=ProjectFetcher(root), media_type="print")
            return document.write_pdf(pdf_identifier=identifier.encode("ascii"), pdf_variant=PDF_VARIANT)
    except RefusedURL as exc:
        raise BriefdeckError(_refused(exc.url, exc.reason)) from None
    except FatalURLFetchingError as exc:
        cause = exc.__cause__
        url = str(exc).partition('"')[2].rpartition('"')[0] or str(exc)
        reason = f"{type(cause).__name__}: {cause}" if cause else "it could not be read"
        raise BriefdeckError(_refused(url, reason)) from None


def _refused(url: str, reason: str) -> Problem:
    return Problem(f"the handout refers to '{url}': {reason}",
                   hint="a handout may only use files inside the project folder; "
                        "copy the file there and refer to it by a relative path",
                   code="handout-url")


# Rendering sets process-wide state (an environment variable, a logger level):
# one render at a time. WeasyPrint holds the GIL throughout, so nothing is lost.
_RENDERING = threading.Lock()
PDF_VARIANT = "pdf/ua-1"  # WeasyPrint's tagged PDF: StructTreeRoot, MarkInfo, /Lang, DisplayDocTitle

# The fixed time of output without a date: the earliest a ZIP file can record.
FIXED_EPOCH = dt.date(1980, 1, 1)


@contextlib.contextmanager
def _source_date_epoch(date: dt.date | None):
    """Set SOURCE_DATE_EPOCH (read by fontTools when it stamps a font subset) while rendering."""
    seconds = calendar.timegm((date or FIXED_EPOCH).timetuple())
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(seconds)
    try:
        yield
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


class _quiet_weasyprint:
    """WeasyPrint logs warnings (an unsupported CSS property) to the root logger;
    only the command line may print, so they are held back while rendering."""

    def __enter__(self):
        self._logger = logging.getLogger("weasyprint")
        self._level = self._logger.level
        self._logger.setLevel(logging.CRITICAL)

    def __exit__(self, *exc):
        self._logger.setLevel(self._level)
        return False
