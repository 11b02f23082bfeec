"""Text escaped for XML, as ``xml.sax.saxutils`` escapes it, for the deck's and the handout's markup.

Written here rather than imported: ``xml.sax.saxutils`` imports urllib.request,
http.client and ssl, about 20 ms of every start-up, for two short functions.
"""

from __future__ import annotations


def xml_text(text: str) -> str:
    """``text`` escaped for XML character data (what ``xml.sax.saxutils.escape`` gives)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def xml_attr(text: str) -> str:
    """``text`` as a quoted XML attribute value, as ``xml.sax.saxutils.quoteattr`` writes it."""
    data = xml_text(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in data:
        return f'"{data}"'
    if "'" not in data:
        return f"'{data}'"
    return '"' + data.replace('"', "&quot;") + '"'
