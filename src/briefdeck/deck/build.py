"""From a resolved outline to one `Deck` per audience.

Footnotes are numbered and worded as the slides are built, by
`briefdeck.deck.notes`. Here the audience's choices apply: slides and points for other
audiences are left out, points whose evidence carries an omitted tag are
dropped, per-audience text is chosen, the content note is added. A slide
title another slide of the audience has is reported here (screen readers find
slides by their titles); the evidence checks are `briefdeck.evidence`'s.
"""

from __future__ import annotations

from pathlib import Path

from briefdeck.citations.work import author_names
from briefdeck.deck.charts import make_chart
from briefdeck.deck.model import Audience, Deck, Picture, Point, Slide
from briefdeck.deck.notes import Notebook, SlideNotes, worded_notebook
from briefdeck.errors import Problem
from briefdeck.evidence.cited import pull_quote_credit
from briefdeck.findings.figures import parse_figures
from briefdeck.outline.images import FORMATS, picture_header
from briefdeck.outline.model import AudienceSpec, ImageSpec, Outline, PointSpec, SlideSpec
from briefdeck.outline.resolve import Resolution

CONTENT_NOTE_TITLE = "Content note"
SOURCES_TITLE = "Sources"


def brief_to_deck(outline: Outline, resolution: Resolution, audience_key: str, *,
                  worded: bool = True) -> tuple[Deck, list[Problem]]:
    """The deck for one audience, and the warnings found while building it.

    ``resolution`` must hold no errors (see `resolve_outline`). ``worded=False``
    (``check``, which shows no note's words) leaves the notes and the reference list
    of a built-in style without words; every cited record is still read as wording
    reads it, so a malformed one is the same error. A CSL style words them anyway:
    its run of pandoc is part of what is checked.
    """
    spec = outline.audience(audience_key)
    if spec is None:
        raise KeyError(audience_key)
    style, audience = outline.citations.style, _audience(spec)
    wordless = Notebook(style, worded=False)
    if not worded and not wordless.runs_pandoc:
        builder = _Builder(outline, resolution, audience, wordless)
        slides = builder.slides()
        wordless.read_records()
    else:
        book = worded_notebook(style, lambda first: _Builder(outline, resolution, audience, first).slides())
        builder = _Builder(outline, resolution, audience, book)
        slides = builder.slides()
    slides.append(Slide("sources", SOURCES_TITLE))
    deck = Deck(
        name=outline.name,
        title=outline.title,
        subtitle=outline.subtitle,
        date=outline.date,
        date_text=None if outline.date else outline.date_text,
        audience=builder.audience,
        slides=tuple(slides),
        bibliography=builder.book.bibliography,
        references=builder.book.references(),
        style=outline.citations.style,
        on_slides=outline.citations.on_slides,
        summary=outline.summary,
        language=outline.lang,
    )
    return deck, builder.problems


def _audience(spec: AudienceSpec) -> Audience:
    return Audience(key=spec.key, label=spec.label, handout=spec.handout, content_note=spec.content_note,
                    omit_tags=spec.omit_tags)


class _Builder:
    def __init__(self, outline: Outline, resolution: Resolution, audience: Audience, book: Notebook):
        self.outline = outline
        self.resolution = resolution
        self.audience = audience
        self.omit = set(audience.omit_tags)
        self.book = book
        self.problems: list[Problem] = []
        self.titles: dict[str, int | None] = {}  # slide title -> line of its first slide

    def slides(self) -> list[Slide]:
        """The deck's slides from the title slide to the content, without the closing sources slide."""
        outline, key = self.outline, self.audience.key
        slides = [Slide("title", outline.title, subtitle=outline.subtitle)]
        if self.audience.content_note:
            slides.append(Slide("content-note", CONTENT_NOTE_TITLE, points=(Point(self.audience.content_note),)))
        section = None
        for slide_spec in outline.slides:
            if not slide_spec.shown_to(key):
                continue
            if slide_spec.kind == "section":
                section = slide_spec.title_for(key) or ""
                slides.append(Slide("section", section, notes=slide_spec.notes))
                continue
            slide = self.slide(slide_spec, section)
            if slide is not None:
                self.check_unique_title(slide, slide_spec)
                slides.append(slide)
        return slides

    def slide(self, spec: SlideSpec, section: str | None) -> Slide | None:
        notes = self.book.slide()
        points = [p for p in (self.point(p, spec, notes) for p in spec.points) if p is not None]
        if spec.select is not None:
            points += self.selected(spec, notes)
        questions = [p for p in (self.point(q, spec, notes) for q in spec.questions) if p is not None]
        if spec.kind == "questions":
            points += questions
        written = len(spec.points) + len(spec.questions) + (1 if spec.select else 0)
        if written and not points:
            return None  # everything on it is for other audiences or omitted
        subtitle = None
        if spec.kind == "quote" and points:
            first = spec.points[0].evidence[:1]
            subtitle = spec.speaker or (pull_quote_credit(self.resolution.evidence[first[0]]) if first
                                        else self._attribution(notes))
        title = spec.title_for(self.audience.key) or ""
        picture = None if spec.image is None else _picture(spec.image, Path(self.outline.path).parent)
        chart = None
        if spec.chart is not None:
            chart = make_chart(spec.chart, title, points)
        return Slide(kind=spec.kind, title=title, points=tuple(points), footnotes=tuple(notes.footnotes),
                     notes=spec.notes, subtitle=subtitle, section=section, chart=chart, picture=picture)

    def point(self, spec: PointSpec, slide: SlideSpec, notes: SlideNotes) -> Point | None:
        if not spec.shown_to(self.audience.key):
            return None
        evidence = [self.resolution.evidence[e] for e in spec.evidence]
        tags = tuple(sorted({t for e in evidence for t in e.tags}))
        if self.omit.intersection(tags):
            return None
        text = spec.text_for(self.audience.key)
        if spec.datum is not None:  # a chart's point: its label, and its value as written
            markers = notes.cite_all(e.citation for e in evidence)
            return Point(spec.datum.label, markers, figure=spec.datum.value_text, tags=tags,
                         unsourced=spec.unsourced)
        if text is None:
            text = evidence[0].citation.quoted if evidence else ""
        markers = notes.cite_all(e.citation for e in evidence)
        return _shaped(Point(text, markers, tags=tags, unsourced=spec.unsourced), slide.kind)

    def selected(self, spec: SlideSpec, notes: SlideNotes) -> list[Point]:
        points = []
        for finding, evidence in self.resolution.selected.get(spec.select, []):
            if self.omit.intersection(evidence.tags):
                continue
            marker = notes.cite(evidence.citation)
            points.append(_shaped(Point(finding.text, (marker,), tags=evidence.tags), spec.kind))
            if len(points) == spec.select.limit:
                break
        return points

    def check_unique_title(self, slide: Slide, spec: SlideSpec) -> None:
        """Warn of a title another slide has: screen-reader users find slides by their titles."""
        line = self.titles.setdefault(slide.title, spec.location.line)
        if line != spec.location.line:
            self.problems.append(Problem(
                f"the slide title '{slide.title}' (audience '{self.audience.key}') is also the title of the slide "
                f"at line {line}", spec.location,
                "give each slide its own title: screen readers list slides by title", severity="warning",
                code="duplicate-title"))

    def _attribution(self, notes: SlideNotes) -> str | None:
        if not notes.footnotes:
            return None
        citation = notes.footnotes[0].citation
        if citation.speaker:
            return citation.speaker
        return author_names(citation.record) or citation.record.title


def _picture(spec: ImageSpec, base: Path) -> Picture:
    """The picture of an image slide (its file was checked with the brief: `picture_problems`)."""
    path = base / spec.path
    kind, width, height = picture_header(path)
    return Picture(path, FORMATS[kind], width, height, spec.alt, spec.decorative)


def _shaped(point: Point, kind: str) -> Point:
    """On a figures slide, the number the text opens with becomes the big figure, the rest its caption."""
    if kind != "figures":
        return point
    figures = parse_figures(point.text)
    if not figures or point.text[:figures[0].start].strip():
        return point
    first = figures[0]
    caption = point.text[first.end:].strip(" ,:;—–-")
    return Point(caption, point.footnotes, figure=point.text[first.start:first.end], tags=point.tags,
                 unsourced=point.unsourced)
