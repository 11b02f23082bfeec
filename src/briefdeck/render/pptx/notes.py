"""Footnotes on PowerPoint pages: markers, the band, end notes and speaker notes.

Numbers and words come from the deck (`briefdeck.deck.notes`); here is only
which of a slide's footnotes a page carries (those its points call, and on
the first page those no point calls) and how they are set as paragraphs.
"""

from __future__ import annotations

from typing import Sequence

from briefdeck.citations.text import Formatted
from briefdeck.deck.model import Footnote, Slide
from briefdeck.deck.notes import band_lines
from briefdeck.links import live_link
from briefdeck.render.pptx.clean import clean_text
from briefdeck.render.pptx.drafts import Block
from briefdeck.render.pptx.fit import Para, Run, paras_height
from briefdeck.render.pptx.frames import Frames
from briefdeck.render.pptx.pages import Page, Rect
from briefdeck.render.pptx.speaker import speaker_notes

NOTES_TITLE = "Notes"


class PageNotes:
    """The footnotes of one deck as its pages show them."""

    def __init__(self, frames: Frames, *, band: bool):
        self.frames = frames
        self.settings = frames.settings
        self.colours = frames.settings.colours
        self.band_on = band  # citations.on_slides is "footnote"
        self._runs: dict[Formatted, tuple[Run, ...]] = {}  # pagination asks for the same notes often

    def carried(self, slide: Slide, blocks: Sequence[Block], *, first: bool) -> tuple[Footnote, ...]:
        """The footnotes of a page holding ``blocks``: those they call, and on the slide's
        ``first`` page those no point calls, with the slide's numbers."""
        numbers = {n for b in blocks for n in b.footnotes}
        if first:
            called = {n for p in slide.points for n in p.footnotes}
            numbers |= {f.number for f in slide.footnotes if f.number not in called}
        return tuple(f for f in slide.footnotes if f.number in numbers)

    def para(self, block: Block, step: int) -> Para:
        """``block`` set at shrink ``step``, its markers after its text."""
        runs = block.runs
        if block.footnotes:
            runs = runs + (Run(",".join(str(n) for n in dict.fromkeys(block.footnotes)), superscript=True),)
        return self.frames.para(runs, block.role, step, block.colour, bullet=block.bullet, indent=block.indent)

    def band(self, footnotes: Sequence[Footnote], step: int) -> tuple[Para, ...]:
        """The footnote band for ``footnotes`` (() when notes are not shown on slides)."""
        if not self.band_on:
            return ()
        return tuple(self.frames.para((Run(line.label, superscript=True), Run(" "), *self.runs(line.text)),
                                      "footnote", step, self.colours["muted"])
                     for line in band_lines(footnotes))

    def band_height(self, band: Sequence[Para], region: Rect) -> float:
        inset = self.settings.inset
        return paras_height(list(band), region.w - 2 * inset, self.settings.metrics) + 2 * inset if band else 0.0

    def speaker(self, slide: Slide, footnotes: Sequence[Footnote], *, author: bool) -> tuple[str, ...]:
        return speaker_notes(slide.notes if author else "", footnotes)

    def runs(self, formatted: Formatted) -> tuple[Run, ...]:
        """Formatted text as runs: italics kept, links live and in the link colour."""
        if formatted not in self._runs:
            out = []
            for span in formatted:
                url = live_link(span.url)  # only http(s) and mailto become links
                if span.text:
                    out.append(Run(clean_text(span.text).replace("\n", " "), italic=span.italic, url=url,
                                   colour=self.colours["link"] if url else None))
            self._runs[formatted] = tuple(out)
        return self._runs[formatted]

    def end_note_blocks(self, pages: Sequence[Page]) -> list[Block]:
        """The "Notes" slides' text: each page's notes under its slide number and title."""
        c = self.colours
        blocks: list[Block] = []
        for number, page in enumerate(pages, 1):
            if not page.footnotes:
                continue
            blocks.append(Block((Run(f"Slide {number}: {page.title}", bold=True),), "end_notes", c["title"],
                                keep_with_next=True))
            blocks += [Block((Run(str(f.number), superscript=True), Run(" "), *self.runs(f.band)), "end_notes",
                             c["text"], indent=self.settings.bullet_indent / 2) for f in page.footnotes]
        return blocks
