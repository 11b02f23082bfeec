"""Text flowing over pages: one slide's blocks measured, shrunk or continued.

1. everything on one page at full size; else shrink every role 1 pt at a
   time, down to its floor (layout.yaml ``sizes``), until it fits;
2. else continue over "<title> (cont.)" pages at full size, each holding
   as many whole points as fit with their footnotes;
3. a point that does not fit alone even at the floor is cut at line
   boundaries over as many pages as it needs, at the floor size; its markers
   stay at its end, so its footnotes go in the band of its last piece.

Each page carries the footnotes its points call, with the slide's numbers.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from briefdeck.deck.model import Footnote, Slide
from briefdeck.errors import BriefdeckError, Problem
from briefdeck.render.pptx.clean import one_line
from briefdeck.render.pptx.drafts import QUOTE_BAR, Block, Draft, FlowBox
from briefdeck.render.pptx.fit import Para, lines_in, paginate, paras_height, split_para
from briefdeck.render.pptx.frames import Frames
from briefdeck.render.pptx.notes import PageNotes
from briefdeck.render.pptx.pages import Bar, Page, Rect, TextBox

CONTINUED = " (cont.)"
# Continuation titles are measured with the widest suffix a slide may get, then numbered by
# `continued_titles`: every slide title in a deck differs, as screen-reader users navigate by them.
CONTINUED_ROOM = " (cont. 99)"


def continued_title(title: str, k: int) -> str:
    """The title of the ``k``-th continuation page of ``title``: "(cont.)", then "(cont. 2)"…"""
    return f"{title}{CONTINUED}" if k == 1 else f"{title} (cont. {k})"


def continued_titles(pages: list[Page]) -> list[Page]:
    """``pages`` of one authored slide, the second and later titled as its continuations."""
    if not pages:
        return pages
    base = pages[0].title.removesuffix(CONTINUED_ROOM)
    first = 0 if pages[0].title == base else 1  # the first page may itself continue the slide
    return [page if k == 0 else _retitled(page, continued_title(base, k)) for k, page in enumerate(pages, first)]


def _retitled(page: Page, text: str) -> Page:
    title = page.box("title")
    if title is None:
        return replace(page, title=text)
    para = replace(title.paras[0], runs=(replace(title.paras[0].runs[0], text=text),))
    box = replace(title, paras=(para,))
    return replace(page, title=text, shapes=tuple(box if s is title else s for s in page.shapes))


class Flow:
    """Lays out text slides of one deck; ``where`` names the slide being laid out, for errors."""

    def __init__(self, frames: Frames, notes: PageNotes):
        self.frames = frames
        self.settings = frames.settings
        self.metrics = frames.settings.metrics
        self.notes = notes
        self.where = ""

    def pages(self, slide: Slide, blocks: Sequence[Block], *, kind: str, title: str | None = None,
              continued: bool = False, first: bool = True) -> list[Page]:
        """``blocks`` laid out under ``slide``'s title, continued over pages as needed.

        ``continued``: even the first page is a continuation; ``first``: the
        first page is the slide's first, so it carries the footnotes no point
        calls and the author's speaker notes.
        """
        frames, s = self.frames, self.settings
        title = one_line(slide.title if title is None else title)
        first_title = frames.title_box(kind, title + (CONTINUED_ROOM if continued else ""), where=self.where)
        cont_title = frames.title_box(kind, title + CONTINUED_ROOM, where=self.where)
        box = FlowBox.of(kind, s.inset)
        trailer = [b for b in blocks if b.trailer]
        body = [b for b in blocks if not b.trailer]
        steps = max(s.sizes[r].steps for r in {b.role for b in blocks} | {"footnote"})
        regions = {id(t): frames.body_region(kind, t) for t in (first_title, cont_title)}
        # Pagination tries many drafts of the same blocks and notes: each is set and measured once.
        paras: dict[tuple[int, int], Para] = {}  # (position in body + trailer, step)
        bands: dict[tuple[tuple[int, ...], int, int], tuple[tuple[Para, ...], float]] = {}

        def chosen(start: int, end: int) -> list[Block]:
            return body[start:end] + (trailer if end == len(body) else [])

        def para(i: int, step: int) -> Para:
            if (i, step) not in paras:
                paras[i, step] = self.notes.para(body[i] if i < len(body) else trailer[i - len(body)], step)
            return paras[i, step]

        def band(footnotes: tuple[Footnote, ...], step: int, title_box: TextBox) -> tuple[tuple[Para, ...], float]:
            key = (tuple(f.number for f in footnotes), step, id(title_box))  # a slide's numbers name its notes
            if key not in bands:
                lines = self.notes.band(footnotes, step)
                bands[key] = (lines, self.notes.band_height(lines, regions[id(title_box)]))
            return bands[key]

        def draft(start: int, end: int, step: int, title_box: TextBox) -> Draft:
            group = chosen(start, end)
            footnotes = self.notes.carried(slide, group, first=first and start == 0)
            region = regions[id(title_box)]
            ids = [*range(start, end), *(range(len(body), len(blocks)) if end == len(body) else ())]
            set_paras = tuple(para(i, step) for i in ids)
            band_paras, band_h = band(footnotes, step, title_box)
            return Draft(title_box, region, set_paras, paras_height(set_paras, box.text_width(region), self.metrics)
                         + 2 * box.inset, band_paras, band_h, footnotes)

        spans = paginate(len(body), lambda a, b, st: draft(a, b, st, cont_title).fits(s.band_gap), steps,
                         [b.keep_with_next for b in body],
                         fits_all=lambda st: draft(0, len(body), st, first_title).fits(s.band_gap))
        pages: list[Page] = []
        for span in spans:
            title_box = first_title if not pages else cont_title
            author = first and not pages
            if span.oversize:
                group = chosen(span.start, span.end)
                footnotes = self.notes.carried(slide, group, first=first and span.start == 0)
                pages += self._split(slide, group[0], group[1:], span.step, kind, box, (title_box, cont_title),
                                     footnotes, author_notes=author)
                continue
            page = replace(draft(span.start, span.end, span.step, title_box), author_notes=author)
            pages.append(self._page(slide, kind, box, page))
        return pages

    def _split(self, slide: Slide, block: Block, trailer: list[Block], step: int, kind: str, box: FlowBox,
               titles: tuple[TextBox, TextBox], footnotes: tuple[Footnote, ...], *,
               author_notes: bool) -> list[Page]:
        """Pages for one block too long for a page even at the floor, cut at line boundaries.

        The markers end the block, so the footnotes and their band go with
        its last piece, and so does the ``trailer``; every piece but the last
        may fill its page.
        """
        s = self.settings
        para = self.notes.para(block, step)
        tail = [self.notes.para(b, step) for b in trailer]
        band = self.notes.band(footnotes, step)
        regions = [self.frames.body_region(kind, t) for t in titles]
        smallest = min(regions, key=lambda r: r.h)
        band_h = self.notes.band_height(band, smallest)
        width = min(box.text_width(r) for r in regions)
        tail_h = paras_height([para, *tail], width, self.metrics) - paras_height([para], width, self.metrics)
        room = lines_in(smallest.h - 2 * box.inset, para.pitch)
        last_room = lines_in(smallest.h - 2 * box.inset - tail_h - (band_h + s.band_gap if band else 0.0),
                             para.pitch)
        if room < 1:
            raise BriefdeckError(Problem(
                f"{self.where}there is no room for text under the title",
                hint="shorten the title, or give the layout smaller title sizes or margins",
                code="slide-overflow"))
        if last_room < 1:
            raise BriefdeckError(Problem(
                f"{self.where}a point has more footnotes than fit on one slide ({len(footnotes)})",
                hint="split the point, cite fewer passages for it, or set citations.on_slides to end",
                code="slide-overflow"))
        pieces = split_para(para, width, self.metrics, room, last_room)
        pages = []
        for i, piece in enumerate(pieces):
            last = i == len(pieces) - 1
            region = regions[0] if i == 0 else regions[1]
            paras = (piece, *(tail if last else []))
            height = paras_height(list(paras), box.text_width(region), self.metrics) + 2 * box.inset
            draft = Draft(titles[0] if i == 0 else titles[1], region, paras, height,
                          band if last else (), band_h if last else 0.0, footnotes if last else (),
                          author_notes=author_notes and i == 0)
            pages.append(self._page(slide, kind, box, draft))
        return pages

    def _page(self, slide: Slide, kind: str, box: FlowBox, draft: Draft) -> Page:
        s, c, region = self.settings, self.settings.colours, draft.region
        shapes: list = [draft.title, *self.frames.accent_under(draft.title)]
        body_bottom = region.bottom - draft.band_room(s.band_gap)
        x, w = region.x + box.pad, region.w - box.pad
        body = Rect(x, region.y, w, draft.body_h if box.hug else body_bottom - region.y)
        if kind == "quote":  # a pull quote stands in the middle of its space, a bar beside it
            body = Rect(x, region.y + max(0.0, (body_bottom - region.y - draft.body_h) / 2), w, draft.body_h)
            shapes.append(Bar("accent", Rect(region.x, body.y + box.inset, QUOTE_BAR,
                                             max(0.0, draft.body_h - 2 * box.inset)), c["accent"]))
        fill = c["panel"] if kind == "content-note" else None
        shapes.append(TextBox("body", body, draft.paras, box.inset, fill=fill))
        if draft.band:
            shapes += self.band_shapes(region, draft.band, draft.band_h)
        return self.page(slide, kind, draft.title, shapes, draft.footnotes, author=draft.author_notes)

    def band_shapes(self, region: Rect, band: Sequence[Para], band_h: float) -> list:
        rule, band_box = self.frames.band(region, band_h)
        return [rule, TextBox("band", band_box, tuple(band), self.settings.inset, anchor="b")]

    def page(self, slide: Slide, kind: str, title: TextBox, shapes: list, footnotes: Sequence[Footnote], *,
             author: bool) -> Page:
        """A numbered page of ``slide`` with its footnotes and speaker notes."""
        return Page(kind, title.paras[0].text, tuple(shapes), notes=self.notes.speaker(slide, footnotes, author=author),
                    background=self.background(), numbered=True, footnotes=tuple(footnotes))

    def background(self, key: str = "background") -> str | None:
        return None if self.frames.base.custom else self.settings.colours[key]
