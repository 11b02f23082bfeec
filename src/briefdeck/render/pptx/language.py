"""The presentation's language: what PowerPoint's proofing and screen readers take as the default.

Every run already carries its own ``lang`` (`draw.py`); this sets the
document-wide defaults too, so that text typed later into the deck, and the
file's properties (``dc:language``, read by document managers and checkers),
name the same language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from briefdeck.render.pptx.core_properties import set_text
from briefdeck.render.pptx.opc import qn

if TYPE_CHECKING:
    from briefdeck.render.pptx.template import Base


def mark_language(base: Base, language: str) -> None:
    """Set ``language`` (a BCP 47 tag, "en-GB") as the deck's default text language and property."""
    set_text(base.core, "dc:language", language)
    style = base.presentation.element.find(qn("p:defaultTextStyle"))
    if style is None:
        return
    for level in style:  # a:defPPr and a:lvl1pPr…a:lvl9pPr, each with an a:defRPr
        rpr = level.find(qn("a:defRPr"))
        if rpr is None:
            rpr = etree.SubElement(level, qn("a:defRPr"))
            ext = level.find(qn("a:extLst"))
            if ext is not None:  # the schema wants a:extLst last
                level.append(ext)
        rpr.set("lang", language)
