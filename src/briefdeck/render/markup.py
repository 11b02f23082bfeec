"""Text escaped for XML, for the deck's and the handout's markup written as text.

``xml_text`` and ``xml_attr`` escape as ``xml.sax.saxutils`` does; ``lxml_attr``
quotes an attribute as lxml serialises one, for parts whose bytes follow lxml's.

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


def lxml_attr(text: str) -> str:
    """``text`` as a quoted XML attribute value, as lxml writes it (always double quotes)."""
    data = xml_text(text).replace('"', "&quot;")
    return '"' + data.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;") + '"'
