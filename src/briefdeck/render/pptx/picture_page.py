"""Image slides: the picture fitted in the body region, its aspect kept, the credit and band below.

The credit (the slide's one point, if any) stands under the picture with its
footnote markers; the band holds the notes. The picture takes what room is
left, as large as fits, centred.
"""

from __future__ import annotations

from briefdeck.deck.model import Picture, Slide
from briefdeck.errors import BriefdeckError, Problem
from briefdeck.render.pptx.clean import clean_text, one_line
from briefdeck.render.pptx.drafts import Block
from briefdeck.render.pptx.fit import Run, paras_height
from briefdeck.render.pptx.flow import Flow
from briefdeck.render.pptx.pages import Page, PictureBox, Rect, TextBox

MIN_PICTURE = 72.0  # pt: a picture smaller than an inch each way is not worth a slide


def picture_pages(slide: Slide, flow: Flow) -> list[Page]:
    """The one page of an image slide."""
    s, frames, notes = flow.settings, flow.frames, flow.notes
    if slide.picture is None:
        return flow.pages(slide, [], kind="image")
    title = frames.title_box("image", one_line(slide.title), where=flow.where)
    region = frames.body_region("image", title)
    blocks = [Block((Run(clean_text(p.text)),), "caption", s.colours["muted"], p.footnotes) for p in slide.points]
    footnotes = notes.carried(slide, blocks, first=True)
    for step in range(max(s.sizes[r].steps for r in ("caption", "footnote")) + 1):
        credit = tuple(notes.para(b, step) for b in blocks)
        credit_h = paras_height(list(credit), region.w - 2 * s.inset, s.metrics) + 2 * s.inset if credit else 0.0
        band = notes.band(footnotes, step)
        band_h = notes.band_height(band, region)
        room = region.h - credit_h - (band_h + s.band_gap if band else 0.0)
        if room >= MIN_PICTURE:
            break
    else:
        raise BriefdeckError(Problem(f"{flow.where}the picture's credit and footnotes leave it no room",
                                     hint="shorten the credit", code="slide-overflow"))
    picture = _fitted(slide.picture, Rect(region.x, region.y, region.w, room))
    shapes: list = [title, *frames.accent_under(title), PictureBox("picture", picture, slide.picture)]
    if credit:
        shapes.append(TextBox("credit", Rect(region.x, region.y + room, region.w, credit_h), credit, s.inset))
    if band:
        shapes += flow.band_shapes(region, band, band_h)
    return [flow.page(slide, "image", title, shapes, footnotes, author=True)]


def _fitted(picture: Picture, box: Rect) -> Rect:
    """The largest rectangle of the picture's aspect inside ``box``, centred across, at its top."""
    scale = min(box.w / picture.width, box.h / picture.height)
    w, h = picture.width * scale, picture.height * scale
    return Rect(box.x + (box.w - w) / 2, box.y, w, h)

