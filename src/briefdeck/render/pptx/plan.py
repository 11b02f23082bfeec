"""From a `Deck` to `Page`s: every slide measured, shrunk or continued, footnotes placed.

One `Deck` slide becomes one or more pages: the title and section slides
one each (`cover.py`), figures in a grid (`grid.py`), every text kind
(bullets, questions, quote, content note, sources, the end notes) flowed
over as many pages as it needs (`flow.py`). Footnote numbers and words come
from the deck; `notes.py` places them (markers, band, end notes, speaker
notes) with the slide's own numbers on every page of it.
"""

from __future__ import annotations

from dataclasses import replace

from briefdeck.citations.typography import quoted
from briefdeck.deck.model import Deck, Slide
from briefdeck.render.pptx.chart_page import chart_pages
from briefdeck.render.pptx.clean import clean_text, one_line
from briefdeck.render.pptx.cover import cover_page, section_page
from briefdeck.render.pptx.drafts import Block
from briefdeck.render.pptx.fit import Run
from briefdeck.render.pptx.flow import Flow, continued_titles
from briefdeck.render.pptx.frames import Frames
from briefdeck.render.pptx.grid import figures_pages
from briefdeck.render.pptx.notes import NOTES_TITLE, PageNotes
from briefdeck.render.pptx.pages import Page
from briefdeck.render.pptx.picture_page import picture_pages

BULLET = "•"


def deck_to_pages(deck: Deck, frames: Frames) -> list[Page]:
    """Every page of ``deck``, in order, numbered, with speaker notes."""
    return _Planner(deck, frames).pages()


class _Planner:
    def __init__(self, deck: Deck, frames: Frames):
        self.deck = deck
        self.frames = frames
        self.settings = frames.settings
        self.colours = frames.settings.colours
        self.notes = PageNotes(frames, band=deck.on_slides == "footnote")
        self.flow = Flow(frames, self.notes)

    def pages(self) -> list[Page]:
        pages: list[Page] = []
        for index, slide in enumerate(self.deck.slides, 1):
            if slide.kind == "sources":
                continue
            self.flow.where = f"slide {index} '{one_line(slide.title)[:60]}': "
            pages += continued_titles(self._slide_pages(slide))
        if self.deck.on_slides == "end":
            blocks = self.notes.end_note_blocks(pages)
            if blocks:
                pages += continued_titles(self.flow.pages(Slide("notes", NOTES_TITLE), blocks, kind="notes"))
        for slide in self.deck.slides:
            if slide.kind == "sources":
                self.flow.where = "the sources slide: "
                pages += continued_titles(self._sources(slide))
        return [self._numbered(page, number) for number, page in enumerate(pages, 1)]

    def _slide_pages(self, slide: Slide) -> list[Page]:
        if slide.kind == "title":
            return [cover_page(slide, self.deck, self.frames, where=self.flow.where)]
        if slide.kind == "section":
            return [section_page(slide, self.frames, where=self.flow.where)]
        if slide.kind == "figures":
            return figures_pages(slide, self.flow)
        if slide.kind == "chart":
            return chart_pages(slide, self.flow)
        if slide.kind == "image":
            return picture_pages(slide, self.flow)
        kind = slide.kind if slide.kind in ("quote", "content-note", "questions") else "bullets"
        return self.flow.pages(slide, self._blocks(slide), kind=kind)

    def _numbered(self, page: Page, number: int) -> Page:
        if not (page.numbered and self.settings.slide_numbers):
            return page
        box = self.frames.number_box(number)
        return page if box is None else replace(page, shapes=page.shapes + (box,))

    def _blocks(self, slide: Slide) -> list[Block]:
        """The paragraphs of a text slide, by kind."""
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
        widest = self.settings.metrics.text_width(f"{count}.", size)
        return max(self.settings.bullet_indent, round(widest + 0.45 * size, 2))

    def _sources(self, slide: Slide) -> list[Page]:
        c, references = self.colours, self.deck.references
        blocks = [Block(self.notes.runs(entry), "bibliography", c["text"]) for entry in references.entries]
        if not blocks:
            blocks = [Block((Run("No sources are cited in this deck."),), "bibliography", c["text"])]
        return self.flow.pages(slide, blocks, kind="sources", title=slide.title or references.heading)
