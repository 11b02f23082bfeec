"""WeasyPrint's footnote area measured once per note, not once per note for every note added.

Each time WeasyPrint places a note on a page (or takes one off, or moves one to
the next page) it lays out the page's whole footnote area again to learn its
height: a page of n notes lays out about n²/2 notes, most of a long handout's
time. The height of a stack of block boxes is local, though: what a note adds
depends only on the note itself and on the one above it (their margins
collapse). So the area's height for notes c1…cn is

    area(c1) + Σ [area(ci-1, ci) − area(ci-1)]

from areas of one and of two notes, each laid out by WeasyPrint itself and
remembered for the rest of the document. Two notes that hold only lines and
have the same bottom margin need no layout of their own: only their margins
meet between them, so the second adds its border box and the larger of the
two margins there (`_stacked`). The page is still laid out and
drawn by WeasyPrint; only the height it consults while choosing page breaks
comes from the sum (equal to its own up to rounding, far inside the 1e-9
tolerance it compares heights with).

`install` replaces ``LayoutContext._update_footnote_area`` only when its source
is the one this was checked against (any other WeasyPrint keeps its own), and
the sum is used only where it is exact: an area of automatic height without a
maximum, and notes without floats or out-of-flow boxes that have a height of
their own (an empty box lets margins collapse through it). Otherwise the whole
area is laid out, as WeasyPrint does.
"""

from __future__ import annotations

import hashlib
import inspect
from math import inf

# sha256 of the source of LayoutContext._update_footnote_area in WeasyPrint 70.0.
_CHECKED = "2e317e4b066fb80cb369a41cd6f054a127722f9961c18ef4d6e1eef93673c4c1"


def install(layout_module) -> bool:
    """Use the summed heights in ``weasyprint.layout``'s LayoutContext; False if its code is not the checked one."""
    context_class = layout_module.LayoutContext
    original = context_class._update_footnote_area
    if getattr(original, "summed_heights", False):
        return True
    try:
        source = inspect.getsource(original)
    except (OSError, TypeError):  # installed without sources: nothing to compare with
        return False
    if hashlib.sha256(source.encode("utf-8")).hexdigest() != _CHECKED:
        return False
    from weasyprint.formatting_structure import build
    from weasyprint.formatting_structure.boxes import LineBox
    from weasyprint.layout.block import block_level_layout

    def lay_out(context, area, notes):
        """WeasyPrint's own layout of ``area`` holding ``notes``: (height, margin height, overflows)."""
        area.children = list(notes)
        laid = block_level_layout(context, build.create_anonymous_boxes(area.deepcopy()), -inf, None, area.page)[0]
        last = laid.children[-1]
        last_bottom = last.position_y + last.margin_height() - last.margin_bottom
        area_bottom = laid.position_y + laid.margin_height() - laid.margin_bottom
        return laid.height, laid.margin_height(), last_bottom > area_bottom, laid

    def measure(context, area, notes):
        if not _summable(area):
            return lay_out(context, area, notes)[:3]
        cache = context.__dict__.setdefault("_briefdeck_footnote_heights", {})
        shape = (id(area.style), area.width)
        cache.setdefault(("style", shape), area.style)  # keeps the style alive, so its id is not reused

        def single(note):  # (height, margin height, overflows, stacks, margins or None)
            key = (shape, note)
            if key not in cache:
                height, margin_height, overflow, laid = lay_out(context, area, [note])
                note_box = laid.children[-1]
                cache[key] = (height, margin_height, overflow, _stacks(note_box), _margins(note_box, LineBox))
            return cache[key]

        def pair(above, note):
            key = (shape, above, note)
            if key not in cache:
                cache[key] = _stacked(single(above), single(note)) or lay_out(context, area, [above, note])[:3]
            return cache[key]

        if len(notes) == 1:
            return single(notes[0])[:3]
        if not all(single(note)[3] and not single(note)[2] for note in notes):
            return lay_out(context, area, notes)[:3]
        height, margin_height = single(notes[0])[:2]
        for above, note in zip(notes, notes[1:]):
            both, above_alone = pair(above, note), single(above)
            if both[2]:
                return lay_out(context, area, notes)[:3]
            height += both[0] - above_alone[0]
            margin_height += both[1] - above_alone[1]
        return height, margin_height, False

    def _update_footnote_area(self):
        """Update the page bottom size and our footnote area height."""
        area = self.current_footnote_area
        if area.height != "auto" and not self.in_column:
            self.page_bottom += area.margin_height()
        notes = self.current_page_footnotes
        area.children = notes
        if not notes:
            area.height = 0
            if not self.in_column:
                self.page_bottom -= area.margin_height()
            return False
        area.height, margin_height, overflow = measure(self, area, notes)
        area.children = notes
        if not self.in_column:
            self.page_bottom -= margin_height
        return overflow

    _update_footnote_area.summed_heights = True
    _update_footnote_area.weasyprints_own = original  # for the tests that compare the two
    context_class._update_footnote_area = _update_footnote_area
    return True


def _summable(area) -> bool:
    """Whether the area's height is its notes' heights stacked: automatic, with no minimum or maximum."""
    style = area.style
    return (style["height"] == "auto" and (style["min_height"] == "auto" or style["min_height"].value == 0) and style["max_height"].value == inf)


def _margins(note, line_box) -> tuple[float, float, float] | None:
    """A laid-out note's top margin, bottom margin and border-box height, when no other margin can join them.

    That is: both margins are not negative and the note holds only lines
    (no block inside it whose margins would collapse with the note's).
    """
    if note.margin_top < 0 or note.margin_bottom < 0 or not all(isinstance(child, line_box) for child in note.children):
        return None
    return note.margin_top, note.margin_bottom, note.border_height()


def _stacked(above, note) -> tuple[float, float, bool] | None:
    """The area of two notes from each one's own area, where only their margins meet between them; else None.

    The second note adds its border box and the collapsed margin between the
    two (the larger of the first's bottom and its own top margin); its bottom
    margin takes the place of the first's at the foot of the area, so equal
    bottom margins leave the rest unchanged. Otherwise WeasyPrint lays the pair out.
    """
    if above[4] is None or note[4] is None or above[4][1] != note[4][1]:
        return None
    added = max(above[4][1], note[4][0]) + note[4][2]
    return above[0] + added, above[1] + added, False


def _stacks(note) -> bool:
    """Whether a laid-out note is a plain block: a height of its own, nothing floated or taken out of the flow."""
    if note.border_height() <= 0:
        return False
    return not any(box.is_floated() or not box.is_in_normal_flow() for box in note.descendants() if box is not note)
