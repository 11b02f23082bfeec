"""The deck's core properties (``docProps/core.xml``: title, author, dates, language) set as python-pptx sets them.

A template without core properties gets python-pptx's default part; each
property is an element found or appended in the order it is first set, and
the two dates carry ``xsi:type="dcterms:W3CDTF"`` with the ``xsi`` namespace
declared on the root. Same steps, same bytes.
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from briefdeck.render.pptx.opc import (CT_CORE_PROPERTIES, NS, RT_CORE_PROPERTIES, Package, Part, add_rel, parse_xml,
                                       qn, related)

_EMPTY = ('<cp:coreProperties xmlns:cp="{cp}" xmlns:dc="{dc}" xmlns:dcterms="{dcterms}"/>\n'.format(**NS))
_LIMIT = 255  # characters, python-pptx's limit for a text property


class CorePropertiesError(Exception):
    """The package's core properties cannot be used (several, or not a core properties part)."""


def core_properties(package: Package) -> Part:
    """The package's core properties part; python-pptx's default one, related now, when it has none."""
    try:
        core = related(package.rels, RT_CORE_PROPERTIES)
    except KeyError:
        core = Part("/docProps/core.xml", CT_CORE_PROPERTIES, element=parse_xml(_EMPTY))
        set_text(core, "dc:title", "PowerPoint Presentation")
        set_text(core, "cp:lastModifiedBy", "python-pptx")
        set_text(core, "cp:revision", "1")
        set_date(core, "dcterms:modified", dt.datetime(1980, 1, 1))  # python-pptx's clock; set again for the deck
        add_rel(package.rels, RT_CORE_PROPERTIES, core)
        return core
    except ValueError as exc:
        raise CorePropertiesError(str(exc)) from None
    if core.content_type != CT_CORE_PROPERTIES:
        raise CorePropertiesError(f"part {core.name} is not core properties")
    return core


def set_text(core: Part, tag: str, value: str) -> None:
    if len(value) > _LIMIT:
        raise ValueError(f"exceeded {_LIMIT} char limit for property, got:\n\n'{value}'")
    _get_or_add(core, tag).text = value


def set_date(core: Part, tag: str, value: dt.datetime) -> None:
    element = _get_or_add(core, tag)
    element.text = value.strftime("%Y-%m-%dT%H:%M:%SZ")
    # Set on the root first, so that lxml declares the xsi namespace there rather than on the element.
    core.element.set(qn("xsi:foo"), "bar")  # type: ignore[union-attr]
    element.set(qn("xsi:type"), "dcterms:W3CDTF")
    del core.element.attrib[qn("xsi:foo")]  # type: ignore[union-attr]


def _get_or_add(core: Part, tag: str) -> etree._Element:
    root = core.element
    found = root.find(qn(tag))  # type: ignore[union-attr]
    if found is None:
        prefix = tag.split(":")[0]
        found = etree.Element(qn(tag), nsmap={prefix: NS[prefix]})
        root.append(found)  # type: ignore[union-attr]
    return found
