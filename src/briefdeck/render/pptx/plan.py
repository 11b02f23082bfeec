"""From a `Deck` to `Page`s: every slide measured, shrunk or continued, footnotes placed.

One `Deck` slide becomes one or more pages (the title and section slides,
one each, are laid out in `cover.py`). Text kinds (bullets, questions, quote,
content note, sources, the end notes) flow through `_Planner.flow`:

1. everything on one page at full size; else shrink every role 1 pt at a
   time, down to its floor (layout.yaml ``sizes``), until it fits;
2. else continue over "<title> (cont.)" pages at full size, each holding
   as many whole points as fit with their footnotes;
3. a point that does not fit alone even at the floor is cut at line
   boundaries over as many pages as it needs, at the floor size; its markers
   stay at its end, so its footnotes go in the band of its last piece.

Each page carries only the footnotes its points call, renumbered from 1 in
the order their markers appear, so markers, band and speaker notes agree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

from briefdeck.citations import CitationStyle
from briefdeck.citations.text import Formatted
from briefdeck.deck.model import Deck, Footnote, Point, Slide
from briefdeck.errors import BriefdeckError, Problem
from briefdeck.render.pptx.clean import clean_text, one_line, safe_url
from briefdeck.render.pptx.fit import (WIDTH_SAFETY, Para, Run, first_fitting, lines_in, paginate,
                                       paras_height, split_para)
from briefdeck.render.pptx.cover import cover_page, section_page
from briefdeck.render.pptx.frames import Frames
from briefdeck.render.pptx.pages import Bar, Page, Rect, TextBox
from briefdeck.render.pptx.speaker import quoted, speaker_notes

CONTINUED = " (cont.)"
NOTES_TITLE = "Notes"
FIGURE_GUTTER = 24.0  # pt between figure cells
QUOTE_BAR = 6.0  # width (pt) of the bar beside a pull quote
QUOTE_PAD = 26.0  # pt from the bar to the quote's text
PANEL_INSETS = 3  # the content-note panel's padding, in text-box insets
BULLET = "•"


@dataclass(frozen=True)
class _FlowBox:
    """How a kind's body box sits in its region: left padding, inner padding, hugging its text."""

    pad: float  # room on the left (a pull quote's bar)
    inset: float
    hug: bool  # the box is as tall as its text (else it fills the region above the band)

    @classmethod
    def of(cls, kind: str, inset: float) -> "_FlowBox":
        if kind == "quote":
            return cls(QUOTE_BAR + QUOTE_PAD, inset, True)
        if kind == "content-note":
            return cls(0.0, inset * PANEL_INSETS, True)
        return cls(0.0, inset, False)

    def text_width(self, region: Rect) -> float:
        return region.w - self.pad - 2 * self.inset


@dataclass(frozen=True)
class Block:
    """A paragraph to flow, before its size and marker numbers are known."""

    runs: tuple[Run, ...]
    role: str
    colour: str
    footnotes: tuple[int, ...] = ()  # the slide's footnote numbers its markers call
    bullet: str | None = None  # "•", or "1." for a numbered list
    indent: float = 0.0
    keep_with_next: bool = False
    trailer: bool = False  # ends the last page, after everything else (a quote's attribution)


def deck_to_pages(deck: Deck, frames: Frames, style: CitationStyle) -> list[Page]:
    """Every page of ``deck``, in order, numbered, with speaker notes."""
    return _Planner(deck, frames, style).pages()


class _Planner:
    def __init__(self, deck: Deck, frames: Frames, style: CitationStyle):
        self.deck = deck
        self.frames = frames
        self.settings = frames.settings
        self.metrics = frames.settings.metrics
        self.colours = frames.settings.colours
        self.style = style
        self.band_on = deck.on_slides == "footnote"
        self.where = ""  # names the slide being planned, for error messages
        self._short: dict = {}  # citation -> its short note, as runs (pagination asks often)

    # -- the deck ------------------------------------------------------------

    def pages(self) -> list[Page]:
        pages: list[Page] = []
        sources = [s for s in self.deck.slides if s.kind == "sources"]
        for index, slide in enumerate(self.deck.slides, 1):
            if slide.kind == "sources":
                continue
            self.where = f"slide {index} '{one_line(slide.title)[:60]}': "
            pages += self._slide_pages(slide)
        if self.deck.on_slides == "end":
            pages += self._end_notes(pages)
        for slide in sources:
            self.where = "the sources slide: "
            pages += self._sources(slide)
        return [self._numbered(page, number) for number, page in enumerate(pages, 1)]

    def _slide_pages(self, slide: Slide) -> list[Page]:
        if slide.kind == "title":
            return [cover_page(slide, self.deck, self.frames, where=self.where)]
        if slide.kind == "section":
            return [section_page(slide, self.frames, where=self.where)]
        if slide.kind == "figures":
            return self._figures(slide)
        kind = slide.kind if slide.kind in ("quote", "content-note", "questions") else "bullets"
        return self.flow(slide, self._blocks(slide), kind=kind)

    def _numbered(self, page: Page, number: int) -> Page:
        if not (page.numbered and self.settings.slide_numbers):
            return page
        box = self.frames.number_box(number)
        return page if box is None else replace(page, shapes=page.shapes + (box,))

    # -- blocks of each text kind --------------------------------------------

    def _blocks(self, slide: Slide) -> list[Block]:
        c = self.colours
        if slide.kind == "quote":
            blocks = [Block((Run(quoted(clean_text(p.text))),), "quote", c["title"], p.footnotes)
                      for p in slide.points]
            if slide.subtitle:
                blocks.append(Block((Run("\u2014 " + one_line(slide.subtitle)),), "attribution", c["muted"],
                                    trailer=True))
            return blocks
        if slide.kind == "content-note":
            texts = [p.text for p in slide.points] or [slide.subtitle or self.deck.audience.content_note or ""]
            return [Block((Run(clean_text(t)),), "content_note", c["text"]) for t in texts]
        if slide.kind == "questions":
            indent = self._number_indent(len(slide.points))
            return [Block((Run(clean_text(p.text)),), "question", c["text"], p.footnotes, f"{i}.", indent)
                    for i, p in enumerate(slide.points, 1)]
        return [Block((Run(clean_text(p.text).strip()),), "body", c["text"], p.footnotes, BULLET,
                      self.settings.bullet_indent) for p in slide.points]

    def _number_indent(self, count: int) -> float:
        size = self.settings.sizes["question"].size
        widest = self.metrics.text_width(f"{count}.", size)
        return max(self.settings.bullet_indent, round(widest + 0.45 * size, 2))

    # -- flowing text over pages -----------------------------------------------

    def flow(self, slide: Slide, blocks: list[Block], *, kind: str, title: str | None = None,
             continued: bool = False, orphans: bool = True, notes: bool = True) -> list[Page]:
        """``blocks`` laid out under ``slide``'s title, continued over pages as needed.

        ``continued``: even the first page is a continuation; ``orphans``: the
        first page also lists the slide's footnotes no point calls; ``notes``:
        the first page carries the author's speaker notes.
        """
        frames, s = self.frames, self.settings
        title = one_line(slide.title if title is None else title)
        first_title = frames.title_box(kind, title + (CONTINUED if continued else ""), where=self.where)
        cont_title = frames.title_box(kind, title + CONTINUED, where=self.where)
        first_region, cont_region = (frames.body_region(kind, t) for t in (first_title, cont_title))
        box = _FlowBox.of(kind, s.inset)
        extra = self._unreferenced(slide) if orphans else ()
        trailer = [b for b in blocks if b.trailer]
        blocks = [b for b in blocks if not b.trailer]
        steps = max(s.sizes[r].steps for r in {b.role for b in blocks + trailer} | {"footnote"})

        def chosen(start: int, end: int) -> list[Block]:
            return blocks[start:end] + (trailer if end == len(blocks) else [])

        def layout(start: int, end: int, step: int, region: Rect):
            numbers = _numbering(chosen(start, end), extra if start == 0 else ())
            paras = [self._para(b, step, numbers) for b in chosen(start, end)]
            band = self._band(numbers, slide, step)
            body_h = paras_height(paras, box.text_width(region), self.metrics) + 2 * box.inset
            band_h = self._band_height(band, region)
            fits = body_h + (band_h + s.band_gap if band else 0.0) <= region.h + 1e-6
            return fits, numbers, paras, band, body_h, band_h

        spans = paginate(len(blocks), lambda a, b, st: layout(a, b, st, cont_region)[0], steps,
                         [b.keep_with_next for b in blocks],
                         fits_all=lambda st: layout(0, len(blocks), st, first_region)[0])
        pages: list[Page] = []
        for span in spans:
            title_box = first_title if not pages else cont_title
            region = frames.body_region(kind, title_box)
            if span.oversize:
                group = chosen(span.start, span.end)
                pages += self._split(slide, group[0], group[1:], span.step, kind, box, (title_box, cont_title),
                                     _numbering(group, extra if span.start == 0 else ()),
                                     author_notes=notes and not pages)
                continue
            _, numbers, paras, band, body_h, band_h = layout(span.start, span.end, span.step, region)
            pages.append(self._flow_page(slide, kind, box, title_box, region, paras, body_h, band, band_h,
                                         numbers, author_notes=notes and not pages))
        return pages

    def _band_height(self, band: list[Para], region: Rect) -> float:
        inset = self.settings.inset
        return paras_height(band, region.w - 2 * inset, self.metrics) + 2 * inset if band else 0.0

    def _split(self, slide: Slide, block: Block, trailer: list[Block], step: int, kind: str, box: "_FlowBox",
               titles: tuple[TextBox, TextBox], numbers: dict[int, int], *, author_notes: bool) -> list[Page]:
        """Pages for one block too long for a page even at the floor, cut at line boundaries.

        The markers end the block, so the footnotes and their band go with
        its last piece, and so does the ``trailer``; every piece but the last
        may fill its page.
        """
        s = self.settings
        para = self._para(block, step, numbers)
        tail = [self._para(b, step, numbers) for b in trailer]
        band = self._band(numbers, slide, step)
        regions = [self.frames.body_region(kind, t) for t in titles]
        smallest = min(regions, key=lambda r: r.h)
        band_h = self._band_height(band, smallest)
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
                f"{self.where}a point has more footnotes than fit on one slide ({len(numbers)})",
                hint="split the point, cite fewer passages for it, or set citations.on_slides to end",
                code="slide-overflow"))
        pieces = split_para(para, width, self.metrics, room, last_room)
        pages = []
        for i, piece in enumerate(pieces):
            last = i == len(pieces) - 1
            title = titles[0] if i == 0 else titles[1]
            region = regions[0] if i == 0 else regions[1]
            paras = [piece] + (tail if last else [])
            height = paras_height(paras, box.text_width(region), self.metrics) + 2 * box.inset
            pages.append(self._flow_page(slide, kind, box, title, region, paras, height, band if last else [],
                                         band_h if last else 0.0, numbers if last else {},
                                         author_notes=author_notes and i == 0))
        return pages

    def _flow_page(self, slide: Slide, kind: str, box: "_FlowBox", title: TextBox, region: Rect,
                   paras: list[Para], body_h: float, band: list[Para], band_h: float, numbers: dict[int, int],
                   *, author_notes: bool) -> Page:
        s, c = self.settings, self.colours
        shapes: list = [title, *self.frames.accent_under(title)]
        body_bottom = region.bottom - (band_h + s.band_gap if band else 0.0)
        x, w = region.x + box.pad, region.w - box.pad
        body = Rect(x, region.y, w, body_h if box.hug else body_bottom - region.y)
        if kind == "quote":  # a pull quote stands in the middle of its space, a bar beside it
            body = Rect(x, region.y + max(0.0, (body_bottom - region.y - body_h) / 2), w, body_h)
            shapes.append(Bar("accent", Rect(region.x, body.y + box.inset, QUOTE_BAR,
                                             max(0.0, body_h - 2 * box.inset)), c["accent"]))
        fill = c["panel"] if kind == "content-note" else None
        shapes.append(TextBox("body", body, tuple(paras), box.inset, fill=fill))
        if band:
            rule, band_box = self.frames.band(region, band_h)
            shapes += [rule, TextBox("band", band_box, tuple(band), s.inset, anchor="b")]
        return Page(kind, title.paras[0].text, tuple(shapes),
                    notes=self._speaker_notes(slide, numbers, author_notes),
                    background=self._background(), numbered=True, footnotes=self._footnotes(slide, numbers))

    def _background(self, key: str = "background") -> str | None:
        return None if self.frames.base.custom else self.colours[key]

    def _para(self, block: Block, step: int, numbers: dict[int, int]) -> Para:
        runs = block.runs
        marks = ",".join(str(numbers[n]) for n in dict.fromkeys(block.footnotes) if n in numbers)
        if marks:
            runs = runs + (Run(marks, superscript=True),)
        return self.frames.para(runs, block.role, step, block.colour, bullet=block.bullet, indent=block.indent)

    def _band(self, numbers: dict[int, int], slide: Slide, step: int) -> list[Para]:
        """The footnote band: each short note once, after the markers that call it ([] with no band).

        Several points citing different words of one paragraph have notes that read the same;
        the band gives that note one line ("1–3 King, “State Department Report,” par. 2.").
        Their quoted words stay apart in the speaker notes.
        """
        if not self.band_on:
            return []
        lines: dict[tuple[Run, ...], list[int]] = {}
        for old, new in numbers.items():
            lines.setdefault(self._short_note(slide.footnote(old).citation), []).append(new)
        return [self.frames.para((Run(marker_label(markers), superscript=True), Run(" "), *note), "footnote", step,
                                 self.colours["muted"])
                for note, markers in lines.items()]

    def _short_note(self, citation) -> tuple[Run, ...]:
        if citation not in self._short:
            self._short[citation] = self._runs(self.style.short_note(citation))
        return self._short[citation]

    def _runs(self, formatted: Formatted) -> tuple[Run, ...]:
        """A style's formatted text as runs: italics kept, links live and in the link colour."""
        out = []
        for span in formatted:
            url = safe_url(span.url)
            if span.text:
                out.append(Run(clean_text(span.text).replace("\n", " "), italic=span.italic, url=url,
                               colour=self.colours["link"] if url else None))
        return tuple(out)

    def _unreferenced(self, slide: Slide) -> tuple[int, ...]:
        called = {n for p in slide.points for n in p.footnotes}
        return tuple(f.number for f in slide.footnotes if f.number not in called)

    # -- speaker notes --------------------------------------------------------

    def _footnotes(self, slide: Slide, numbers: dict[int, int]) -> tuple[tuple[int, Footnote], ...]:
        return tuple((new, slide.footnote(old)) for old, new in numbers.items())

    def _speaker_notes(self, slide: Slide, numbers: dict[int, int], author: bool) -> tuple[str, ...]:
        return speaker_notes(slide.notes if author else "", self._footnotes(slide, numbers), self.style)

    # -- figures ---------------------------------------------------------------

    def _figures(self, slide: Slide) -> list[Page]:
        points = list(slide.points)
        if not points:
            return self.flow(slide, [], kind="figures")
        per_slide = self.settings.figures_per_slide
        for per in range(per_slide, 0, -1):
            groups = _distribute(len(points), per)
            planned = [self._figure_page(slide, [points[i] for i in group], page_index)
                       for page_index, group in enumerate(groups)]
            if all(p is not None for p in planned) or per == 1:
                break
        pages: list[Page] = []
        for page_index, (group, page) in enumerate(zip(groups, planned)):
            if page is not None:
                pages.append(page)
            else:  # one figure too big for a slide even at the floor: flow it as text
                blocks = []
                for i in group:
                    point = points[i]
                    blocks.append(Block((Run(one_line(point.figure or ""), bold=True),), "figure",
                                        self.colours["accent"], keep_with_next=True))
                    blocks.append(Block((Run(clean_text(point.text)),), "caption", self.colours["text"],
                                        point.footnotes))
                pages += self.flow(slide, blocks, kind="figures", continued=page_index > 0,
                                   orphans=page_index == 0, notes=page_index == 0)
        return pages

    def _figure_page(self, slide: Slide, points: list[Point], page_index: int) -> Page | None:
        """One page of up to four big figures in a grid, or None if they do not fit."""
        s, c, frames = self.settings, self.colours, self.frames
        title = frames.title_box("figures", one_line(slide.title) + (CONTINUED if page_index else ""),
                                 where=self.where)
        region = frames.body_region("figures", title)
        count = len(points)
        bar_w, bar_h, bar_gap = 48.0, 5.0, 10.0
        extra = self._unreferenced(slide) if page_index == 0 else ()
        blocks = [Block((), "caption", "", p.footnotes) for p in points]
        numbers = _numbering(blocks, extra)
        steps = max(s.sizes[r].steps for r in ("figure", "caption", "footnote"))
        # A big number reads as one: it stands on one line, shrunk if need be. Figures side by side
        # first; in a 2 x 2 grid when they are too wide for that; on fewer slides' worth of cells
        # (None: the caller tries fewer per slide) when even that is too narrow. Only a figure alone
        # on its slide may break.
        figure_role = s.sizes["figure"]
        longest = max((self.metrics.text_width(one_line(p.figure or ""), 1.0, bold=True) for p in points),
                      default=0.0)
        grids = [(count, 1)] if count <= 3 else []
        grids += [(2, (count + 1) // 2)] if 1 < count <= 4 and count != 2 else []
        for cols, rows in grids:
            cell_w = (region.w - (cols - 1) * FIGURE_GUTTER) / cols
            whole = first_fitting(figure_role.steps + 1,
                                  lambda st: longest * figure_role.at(st) <= (cell_w - 2 * s.inset) * WIDTH_SAFETY)
            if whole is not None:
                break
        else:
            if count > 1:
                return None
        figure_step = whole or 0
        for step in range(steps + 1):
            band = self._band(numbers, slide, step)
            band_h = paras_height(band, region.w - 2 * s.inset, self.metrics) + 2 * s.inset if band else 0.0
            avail = region.h - (band_h + s.band_gap if band else 0.0)
            cell_h = (avail - (rows - 1) * FIGURE_GUTTER) / rows
            cells = []
            for point in points:
                figure = frames.para((Run(one_line(point.figure or ""), bold=True),), "figure",
                                     max(step, figure_step), c["accent"])
                caption = self._para(Block((Run(clean_text(point.text)),), "caption", c["text"],
                                           point.footnotes), step, numbers)
                cells.append((figure, replace(caption, space_before=round(caption.size * 0.3, 2)))
                             if point.figure else (caption,))
            heights = [paras_height(cell, cell_w - 2 * s.inset, self.metrics) + 2 * s.inset for cell in cells]
            content_h = max(heights) + bar_h + bar_gap
            if content_h > cell_h + 1e-6:
                continue
            shapes: list = [title, *frames.accent_under(title)]
            total = rows * content_h + (rows - 1) * FIGURE_GUTTER
            top = region.y + max(0.0, (avail - total) / 2)
            for i, cell in enumerate(cells):
                col, row = i % cols, i // cols
                x = region.x + col * (cell_w + FIGURE_GUTTER)
                y = top + row * (content_h + FIGURE_GUTTER)
                shapes.append(Bar("accent", Rect(x + s.inset, y, bar_w, bar_h), c["accent"]))
                shapes.append(TextBox(f"figure {i + 1}", Rect(x, y + bar_h + bar_gap, cell_w, max(heights)),
                                      cell, s.inset))
            if band:
                rule, box = frames.band(region, band_h)
                shapes += [rule, TextBox("band", box, tuple(band), s.inset, anchor="b")]
            return Page("figures", title.paras[0].text, tuple(shapes),
                        notes=self._speaker_notes(slide, numbers, page_index == 0),
                        background=self._background(), numbered=True, footnotes=self._footnotes(slide, numbers))
        return None

    # -- sources, end notes ----------------------------------------------------

    def _sources(self, slide: Slide) -> list[Page]:
        c = self.colours
        records = self.style.sort_bibliography(self.deck.bibliography)
        blocks = [Block(self._runs(self.style.bibliography_entry(r)), "bibliography", c["text"]) for r in records]
        if not blocks:
            blocks = [Block((Run("No sources are cited in this deck."),), "bibliography", c["text"])]
        title = slide.title or self.style.bibliography_heading
        return self.flow(slide, blocks, kind="sources", title=title)

    def _end_notes(self, pages: list[Page]) -> list[Page]:
        """The "Notes" slides: each page's notes under its slide number and title."""
        c = self.colours
        blocks: list[Block] = []
        for number, page in enumerate(pages, 1):
            if not page.footnotes:
                continue
            blocks.append(Block((Run(f"Slide {number}: {page.title}", bold=True),), "end_notes", c["title"],
                                keep_with_next=True))
            for number, footnote in page.footnotes:
                blocks.append(Block((Run(str(number), superscript=True), Run(" "),
                                     *self._short_note(footnote.citation)),
                                    "end_notes", c["text"], indent=self.settings.bullet_indent / 2))
        if not blocks:
            return []
        return self.flow(Slide("notes", NOTES_TITLE), blocks, kind="notes", orphans=False)


def marker_label(numbers: list[int]) -> str:
    """Markers as the band shows them: "1", "1–3" for a run, "1, 3" otherwise."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" if len(r) > 2 else f"{r[0]}, {r[1]}"
                     for r in runs)


def _numbering(blocks: Sequence[Block], extra: Sequence[int] = ()) -> dict[int, int]:
    """The slide's footnote numbers these blocks call -> their numbers on this page (from 1)."""
    order = dict.fromkeys(n for b in blocks for n in b.footnotes)
    order.update(dict.fromkeys(extra))
    return {old: new for new, old in enumerate(order, 1)}


def _distribute(count: int, per: int) -> list[list[int]]:
    """``range(count)`` in as few groups of at most ``per`` as possible, sizes as even as possible."""
    pages = -(-count // per)
    base, more = divmod(count, pages)
    groups, start = [], 0
    for i in range(pages):
        size = base + (1 if i < more else 0)
        groups.append(list(range(start, start + size)))
        start += size
    return groups
