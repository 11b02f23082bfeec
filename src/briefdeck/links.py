"""Which URLs may become live links in a deck or handout, and warnings for the rest.

A record's ``URL`` comes from ``sources.yaml``, which may come from anyone.
A click on ``javascript:``, ``file:``, ``data:`` or a UNC path
(``\\\\host\\share``, which Windows opens over the network and may send the
user's credentials to) does something other than open a web page. Only
``http``, ``https`` (with a host) and ``mailto`` (with an address) become
links; every other URL is shown as text, and the build says so, naming the
record.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable
from urllib.parse import urlsplit

from briefdeck.errors import Location, Problem, display_path
from briefdeck.sources.model import SourceRecord

LINK_SCHEMES = ("http", "https", "mailto")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def live_link(url: str | None) -> str | None:
    """``url`` as a hyperlink target, or None when it must be shown as text only.

    Spaces and line breaks at the ends are dropped, those inside become
    ``%20`` (a URL copied with a space still works), and control characters
    are dropped. A
    backslash is refused: no web address has one, and it is how Windows
    writes a UNC path (``https:\\\\host\\share`` too).
    """
    if not url:
        return None
    cleaned = _CONTROLS.sub("", "%20".join(url.split()))
    if not cleaned or "\\" in cleaned:
        return None
    try:
        parts = urlsplit(cleaned)
        host = parts.hostname
        parts.port  # noqa: B018 -- raises ValueError for a port out of range
    except ValueError:  # e.g. an unbalanced "[" or a bad port in the host
        return None
    scheme = parts.scheme.lower()
    if (scheme in ("http", "https") and host) or (scheme == "mailto" and "@" in parts.path):
        return cleaned
    return None


def link_warnings(records: Iterable[SourceRecord], sources_folder: Path) -> list[Problem]:
    """A warning for each record (the cited ones) whose URL will be shown as text, not made a link."""
    seen: dict[str, Problem] = {}
    where = Location(display_path(sources_folder / "sources.yaml"))
    for record in records:
        url = record.csl.get("URL")
        if record.id in seen or not isinstance(url, str) or not url.strip() or live_link(url):
            continue
        seen[record.id] = Problem(
            f"record '{record.id}': URL {url.strip()!r} is not a web or mail address, so it is shown as text, "
            "not as a link", where, f"only {', '.join(LINK_SCHEMES)} URLs become links; "
            "check where this record's URL leads", severity="warning", code="unsafe-link")
    return list(seen.values())
