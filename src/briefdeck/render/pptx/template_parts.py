"""An opened template checked part by part: layouts present, references whole, nothing external.

A template whose relationships point at parts missing from the zip is
opened by quietly dropping those relationships (as python-pptx did); the XML that used them then
points at nothing, and the deck written from it would not open. A template
can also hold external relationships: a picture linked (not embedded) from
``file:///…``, ``http://…`` or a UNC path ``\\\\host\\share``, or a shape
whose click opens one. PowerPoint fetches linked pictures when the deck is
opened, which tells the server who opened it (and, for a UNC path, may send
the user's Windows credentials). So:

- a template without slide layouts, or with a reference to a missing
  relationship, is a located error (`check_template_parts`);
- every external relationship is dropped with the XML that used it, and a
  warning names it (`drop_external_relationships`).
"""

from __future__ import annotations

from pathlib import Path

from briefdeck.errors import Location, Problem, display_path
from briefdeck.render.pptx.opc import Package, Part
from briefdeck.render.pptx.slide_layouts import LayoutError, layout_list
from briefdeck.render.pptx.template_zip import template_error

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
# Elements that only exist to carry a link: removed whole with their relationship.
_LINK_ELEMENTS = {f"{{{_A}}}{name}" for name in ("hlinkClick", "hlinkHover", "hlinkMouseOver", "snd")}


def check_template_parts(package: Package, presentation: Part, path: Path) -> None:
    """Raise a located error when the template has no layouts or a reference to a missing part."""
    for part in package.iter_parts():
        if part.element is None:
            continue
        for element in part.element.iter():
            for name, value in element.attrib.items():
                if name.startswith(f"{{{_R}}}") and value not in part.rels:
                    raise template_error(path, f"part {part.name} refers to {value}, a relationship whose "
                                         "target is missing from the file", "save it again from PowerPoint "
                                         "(PowerPoint repairs such files when it opens them)")
    try:
        layouts = len(layout_list(presentation)[1])
    except (KeyError, ValueError, AttributeError, LayoutError) as exc:
        raise template_error(path, f"its slide master cannot be read: {exc}",
                             "save it again from PowerPoint") from None
    if layouts == 0:
        raise template_error(path, "it has no slide layouts", "use a template with at least one slide layout "
                             "(View › Slide Master in PowerPoint)")


def drop_external_relationships(package: Package, path: Path) -> list[Problem]:
    """Remove every external relationship of the template and what referred to it; a warning for each."""
    warnings = []
    shown = display_path(path)
    owners: list[tuple[str, dict, Part | None]] = [("the package", package.rels, None)]
    owners += [(p.name, p.rels, p) for p in sorted(package.iter_parts(), key=lambda p: p.name)]
    for name, rels, part in owners:
        for rid in sorted(rid for rid, rel in rels.items() if rel.external):
            target = rels[rid].target
            if part is not None and part.element is not None:
                _drop_references(part, rid)
            rels.pop(rid)
            warnings.append(Problem(
                f"the template {shown} links {name} to the outside ({target!r}); that link is left out",
                Location(shown), "embed pictures in the template instead of linking them", severity="warning",
                code="template-external-link"))
    return warnings


def _drop_references(part: Part, rid: str) -> None:
    for element in list(part.element.iter()):  # type: ignore[union-attr]
        for name, value in list(element.attrib.items()):
            if name.startswith(f"{{{_R}}}") and value == rid:
                if element.tag in _LINK_ELEMENTS and element.getparent() is not None:
                    element.getparent().remove(element)
                    break
                del element.attrib[name]
