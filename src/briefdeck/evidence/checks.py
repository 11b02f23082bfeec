"""Every evidence check on every point of a resolved outline, as `Problem` warnings.

`check_outline` is what `check_brief` runs once the evidence is resolved, even
when some of it failed: a quote that is not found no longer hides the other
points' problems. Each distinct text of a point (the default and each
audience's own) is checked once against the point's evidence; a point whose
evidence did not all resolve is left to the resolver's error. A chart point's
value is checked as a number of a point's text is, and reported at its line.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from briefdeck.errors import Location, Problem
from briefdeck.evidence.attribution import check_attribution, check_speaker
from briefdeck.evidence.cited import Cited, read_cited
from briefdeck.evidence.identifiers import check_identifiers
from briefdeck.evidence.issue import Issue
from briefdeck.evidence.polarity import check_polarity, check_quantifiers
from briefdeck.evidence.units import check_units
from briefdeck.outline.model import Outline, PointSpec, SlideSpec
from briefdeck.outline.resolve import Resolution

TEXT_CHECKS: tuple[Callable[[str, list[Cited]], list[Issue]], ...] = (
    check_units, check_identifiers, check_attribution, check_polarity, check_quantifiers)


def check_point_text(text: str, cited: list[Cited]) -> list[Issue]:
    """What every text check finds in one point's text against its evidence."""
    return [issue for check in TEXT_CHECKS for issue in check(text, cited)]


def point_texts(outline: Outline, slide: SlideSpec, point: PointSpec) -> dict[str, list[str]]:
    """Each distinct text of a point and the audiences that read it."""
    texts: dict[str, list[str]] = {}
    for audience in outline.audiences:
        if slide.shown_to(audience.key) and point.shown_to(audience.key):
            text = point.text_for(audience.key)
            if text is not None:
                texts.setdefault(text, []).append(audience.key)
    return texts


def point_evidence(point: PointSpec, resolution: Resolution) -> list[Cited] | None:
    if any(spec not in resolution.evidence for spec in point.evidence):
        return None
    return [read_cited(spec, resolution.evidence[spec]) for spec in point.evidence]


def check_outline(outline: Outline, resolution: Resolution,
                  extra: Callable[[str, PointSpec, list[Cited]], list[Issue]] | None = None) -> list[Problem]:
    """Every issue of every point; ``extra`` adds checks that need the index (see `support`)."""
    problems: list[Problem] = []
    # The text checks read only a text and its evidence: a point a brief repeats is checked once.
    found: dict[tuple[str, tuple[Cited, ...]], list[Issue]] = {}
    for slide in outline.slides:
        for point in (*slide.points, *slide.questions):
            cited = point_evidence(point, resolution)
            if not cited:
                continue
            if point.datum is not None:  # "value: 2.5 million" cited to "2.6 million"
                issues = [replace(i, message=f"the chart's value of '{point.datum.label}': {i.message}")
                          for i in check_units(point.datum.value_text, cited)]
                problems += _problems(issues, point, [], len(outline.audiences), at=point.datum.location)
            if slide.kind == "quote" and slide.speaker:
                problems += _problems(check_speaker(slide.speaker, cited[0]), point, [], len(outline.audiences))
            texts = point_texts(outline, slide, point)
            for text, audiences in texts.items():
                key = (text, tuple(cited))
                if key not in found:
                    found[key] = check_point_text(text, cited)
                issues = list(found[key])
                if extra is not None:
                    issues += extra(text, point, cited)
                problems += _problems(issues, point, audiences if len(texts) > 1 else [], len(outline.audiences))
    return problems


def _problems(issues: list[Issue], point: PointSpec, audiences: list[str], total: int, *,
              at: Location | None = None) -> list[Problem]:
    out = []
    for issue in issues:
        location = at or (point.location if issue.evidence is None else point.evidence[issue.evidence].location)
        message = issue.message
        if audiences and len(audiences) < total:
            message += f" (text for audience {', '.join(repr(a) for a in audiences)})"
        out.append(Problem(message, location, issue.hint, severity="warning", code=issue.code))
    return out
