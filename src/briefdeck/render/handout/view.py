"""Deck → HandoutView: what each handout kind shows, decided before any template runs.

The templates only lay this out. Here is where the handout decides which
slides form sections, which slide is the memo's bottom line, which slides are
recommendations. What each citation says and its number come from the deck
(`briefdeck.deck.notes`). Slides are always kept in deck order, because the
deck numbered the footnotes in that order and marked the first citation of
each source there: moving a slide would put a short note before its full note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from briefdeck.deck.model import Deck, Point, Slide

from .pictures import picture_html
from .svg_chart import SvgColours, chart_svg
from .text import date_to_text, date_to_w3c, ends_sentence, formatted_to_html, split_final_period

# Slides the handout draws from other fields: the title slide becomes the
# header, the content-note slide the content note, the sources slide the
# bibliography.
FRAME_KINDS = ("title", "content-note", "sources")
CONTENT_KINDS = ("bullets", "figures", "quote")
_RECOMMENDATION = re.compile(r"\brecommend", re.IGNORECASE)


@dataclass(frozen=True)
class Note:
    """A footnote as the handout prints it: its marker number and its text as HTML."""

    number: int
    text: Markup


@dataclass(frozen=True)
class PointView:
    """One point, with its citations in both forms a handout may need.

    ``notes`` are the page footnotes (note styles; numbered through the whole
    handout); ``cites`` the in-text citations (author-date styles), placed
    before ``end`` (the sentence's final period, if any). ``marks`` are the
    slide's own footnote numbers, for the slide boxes of the ``slides`` kind.
    """

    text: str
    end: str
    figure: str | None
    notes: tuple[Note, ...]
    cites: Markup
    marks: tuple[int, ...]


@dataclass(frozen=True)
class SlideView:
    """A slide as a handout shows it.

    ``band`` is the slide's footnote band (its own numbering, short notes),
    drawn inside the slide box of the ``slides`` kind. ``prose`` is true when
    every point reads as a sentence, so a reading sheet can run them together.
    ``density`` grades how much text the slide box holds ("", "dense",
    "denser"), so the box shrinks its type instead of clipping.
    """

    kind: str
    title: str
    subtitle: str | None
    points: tuple[PointView, ...]
    band: tuple[Note, ...]
    prose: bool
    recommendation: bool
    density: str
    chart: Markup | None = None  # a chart slide's chart as inline SVG (svg_chart.py)
    picture: Markup | None = None  # an image slide's picture as an <img> (pictures.py)


@dataclass(frozen=True)
class SectionView:
    """A run of slides under one section title (None: before any section)."""

    title: str | None
    slides: tuple[SlideView, ...]


@dataclass(frozen=True)
class MemoPart:
    """A part of the memo: "Key findings", "Recommendations" or "Questions"."""

    heading: str
    sections: tuple[SectionView, ...]


@dataclass(frozen=True)
class HandoutView:
    """Everything a handout template may show, for one deck."""

    kind: str
    name: str
    title: str
    subtitle: str | None
    audience: str
    date: str | None
    date_w3c: str | None
    content_note: str | None
    author_date: bool
    style: str
    sections: tuple[SectionView, ...]  # reading: every content slide, by section
    slides: tuple[SlideView, ...]  # slides: every slide the deck shows, but the sources slide
    bottom_line: tuple[PointView, ...]  # memo: the first content slide's points (no summary given)
    summary: str | None  # memo: the brief's own bottom line
    memo_parts: tuple[MemoPart, ...]  # memo: the rest, in deck order
    bibliography_heading: str
    bibliography: tuple[Markup, ...]


def deck_to_view(deck: Deck, *, chart_colours: SvgColours | None = None) -> HandoutView:
    """The handout's view of ``deck``, with every citation as the deck words it."""
    author_date = deck.references.author_date
    colours = chart_colours or SvgColours.of(None)
    views = [_slide_view(slide, author_date, colours, f"chart-{i}") for i, slide in enumerate(deck.slides, 1)]
    pairs = list(zip(deck.slides, views))

    body = [(s, v) for s, v in pairs if s.kind not in FRAME_KINDS]
    bottom_line: tuple[PointView, ...] = ()
    memo_body = body
    if deck.summary is None:
        first = next((i for i, (s, _) in enumerate(body) if s.kind in CONTENT_KINDS), None)
        if first is not None and _starts_memo(body, first):
            bottom_line = body[first][1].points
            memo_body = body[:first] + body[first + 1:]

    return HandoutView(
        kind=deck.audience.handout,
        name=deck.name,
        title=deck.title,
        subtitle=deck.subtitle,
        audience=deck.audience.label,
        date=date_to_text(deck.date) or deck.date_text,
        date_w3c=date_to_w3c(deck.date),
        content_note=deck.audience.content_note,
        author_date=author_date,
        style=deck.style,
        sections=_sections(body),
        slides=tuple(v for s, v in pairs if s.kind != "sources"),
        bottom_line=bottom_line,
        summary=deck.summary,
        memo_parts=_memo_parts(memo_body),
        bibliography_heading=deck.references.heading,
        bibliography=tuple(formatted_to_html(entry) for entry in deck.references.entries),
    )


def _starts_memo(body: list[tuple[Slide, SlideView]], first: int) -> bool:
    """Whether the first content slide can move up as the bottom line.

    It can when no footnote comes before it; otherwise taking it out of order
    would break the numbering, and the memo keeps it in place.
    """
    return not any(s.footnotes for s, _ in body[:first])


def _slide_view(slide: Slide, author_date: bool, colours: SvgColours, ident: str) -> SlideView:
    points = tuple(_point_view(point, slide, author_date) for point in slide.points)
    # The slide's band (slides kind): its own numbers and short notes; an
    # author-date style cites in the text and has no band.
    band = () if author_date else tuple(Note(f.number, formatted_to_html(f.band)) for f in slide.footnotes)
    return SlideView(
        kind=slide.kind,
        title=slide.title,
        subtitle=slide.subtitle,
        points=points,
        band=band,
        prose=bool(points) and slide.kind == "bullets" and all(ends_sentence(p.text + p.end) for p in points),
        recommendation=bool(_RECOMMENDATION.search(f"{slide.section or ''} {slide.title}")),
        density=_density(slide, band),
        chart=None if slide.chart is None else chart_svg(
            slide.chart, [p.text for p in slide.points], [p.figure or "" for p in slide.points], colours, ident),
        picture=None if slide.picture is None else picture_html(slide.picture),
    )


def _point_view(point: Point, slide: Slide, author_date: bool) -> PointView:
    footnotes = [slide.footnote(number) for number in point.footnotes]
    if author_date:
        text, end = split_final_period(point.text)
        # the same work and paragraph cited twice for one point is said once: "(X, 2017, para. 2)"
        cites = Markup(" ").join(dict.fromkeys(formatted_to_html(f.handout) for f in footnotes))
        notes: tuple[Note, ...] = ()
    else:
        text, end = point.text, ""
        cites = Markup("")
        notes = tuple(Note(f.handout_number, formatted_to_html(f.handout)) for f in footnotes)
    return PointView(text=text, end=end, figure=point.figure, notes=notes, cites=cites,
                     marks=tuple(point.footnotes))


def _density(slide: Slide, band: tuple[Note, ...]) -> str:
    """How crowded the slide box is, by the characters it must hold."""
    chars = len(slide.title) + sum(len(p.text) + len(p.figure or "") for p in slide.points)
    chars += sum(len(note.text) for note in band) // 2  # the band is set smaller
    if chars > 700:
        return "denser"
    if chars > 380:
        return "dense"
    return ""


def _sections(body: list[tuple[Slide, SlideView]]) -> tuple[SectionView, ...]:
    """Group slides in runs of the same section (``Slide.section``; a section
    slide names the section of the slides after it). A section left empty (its
    one slide became the memo's bottom line) is not shown."""
    sections: list[SectionView] = []
    title: str | None = None
    run: list[SlideView] = []
    for slide, view in body:
        section = slide.title if slide.kind == "section" else slide.section
        if section != title:
            if run:
                sections.append(SectionView(title, tuple(run)))
            title, run = section, []
        if slide.kind != "section":
            run.append(view)
    if run:
        sections.append(SectionView(title, tuple(run)))
    return tuple(sections)


def _memo_part(slide: Slide, view: SlideView) -> str:
    if slide.kind == "questions":
        return "Questions"
    return "Recommendations" if view.recommendation else "Key findings"


def _memo_parts(body: list[tuple[Slide, SlideView]]) -> tuple[MemoPart, ...]:
    """Consecutive slides of one part (findings, recommendations, questions) form a part.

    Section slides belong to the part of the slide after them.
    """
    parts: list[tuple[str, list[tuple[Slide, SlideView]]]] = []
    pending: list[tuple[Slide, SlideView]] = []
    for slide, view in body:
        if slide.kind == "section":
            pending.append((slide, view))
            continue
        heading = _memo_part(slide, view)
        if not parts or parts[-1][0] != heading:
            parts.append((heading, []))
        parts[-1][1].extend(pending)
        parts[-1][1].append((slide, view))
        pending = []
    seen: dict[str, int] = {}
    out = []
    shown_section: str | None = None
    for heading, slides in parts:
        seen[heading] = seen.get(heading, 0) + 1
        sections = []
        for section in _sections(slides):
            # A section running on from the previous part is not named again.
            title = section.title if section.title != shown_section else None
            shown_section = section.title
            sections.append(SectionView(title, section.slides))
        out.append(MemoPart(heading if seen[heading] == 1 else f"{heading} (continued)", tuple(sections)))
    return tuple(out)
