"""The review page: every point of an audience beside its evidence, for a human to read.

``briefdeck check --review`` writes ``build/<brief>-<audience>-review.html``
for each audience. A page is one self-contained HTML file (its style inline,
no script, nothing fetched): each point's text, then each piece of its
evidence — the paragraph with the cited words marked (``<mark>``), the
speaker whose words they are, the locator and section — and the checks the
point passed or failed, with the messages. It is written even when some
evidence failed, since that is when a reviewer needs it most.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from briefdeck.errors import Problem
from briefdeck.evidence.checks import point_evidence
from briefdeck.evidence.cited import Cited
from briefdeck.files import write_atomic
from briefdeck.outline.model import Outline, PointSpec, SlideSpec

# The checks a point goes through, and the codes by which each reports a failure.
CHECKS: tuple[tuple[str, frozenset[str]], ...] = (
    ("evidence found", frozenset({"quote-not-found", "ambiguous-quote", "empty-quote", "unknown-source",
                                  "locator-out-of-range", "bad-locator", "finding-not-sentence"})),
    ("numbers, units and rates", frozenset({"number-mismatch", "ratio-mismatch", "unit-mismatch",
                                            "rate-mismatch", "figure-needs-locator"})),
    ("years and identifiers", frozenset({"year-not-stated", "identifier-not-stated"})),
    ("attribution", frozenset({"attribution-mismatch", "speaker-mismatch"})),
    ("polarity", frozenset({"negation-mismatch", "quote-after-negator", "ellipsis-omits"})),
    ("quantifiers", frozenset({"quantifier-widened"})),
    ("support", frozenset({"weak-support"})),
)

_STYLE = """
body{font:16px/1.5 Georgia,serif;max-width:58em;margin:2em auto;padding:0 1em;color:#1b1b1b}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
.point{border:1px solid #ddd;border-radius:6px;padding:.8em 1em;margin:1em 0}
.point.failed{border-color:#b3261e}.text{font-weight:bold}
.evidence{margin:.6em 0 .6em 1em;padding-left:.8em;border-left:3px solid #999}
.meta{font:13px/1.4 sans-serif;color:#444}mark{background:#ffe066;padding:0 .1em}
ul.checks{font:13px/1.4 sans-serif;list-style:none;padding:0}
.pass::before{content:"✓ ";color:#1e6b2e}.fail::before{content:"✗ ";color:#b3261e}.fail{color:#b3261e}
.msg{display:block;margin-left:1.4em;color:#333}
"""


def review_pages(outline: Outline, resolution, problems: list[Problem]) -> dict[str, str]:
    """The review page of each audience, by file name ("<brief>-<audience>-review.html")."""
    return {f"{outline.name}-{a.key}-review.html": _page(outline, resolution, problems, a.key, a.label)
            for a in outline.audiences}


def write_review_pages(outline: Outline, resolution, problems: list[Problem], out_dir: Path) -> list[Path]:
    written = []
    for name, page in review_pages(outline, resolution, problems).items():
        path = out_dir / name
        write_atomic(path, page.encode("utf-8"))
        written.append(path)
    return written


def _page(outline: Outline, resolution, problems: list[Problem], key: str, label: str) -> str:
    body = [f"<h1>Review: {escape(outline.title)}</h1>",
            f"<p class=\"meta\">Audience: {escape(label)} ({escape(key)}). Each point is set beside the words it "
            "cites; the cited words are marked in their paragraph. Read every point before the briefing goes "
            "out: the checks catch what rules can, not everything.</p>"]
    audience = outline.audience(key)
    omit = set(audience.omit_tags) if audience else set()
    for slide in outline.slides:
        if not slide.shown_to(key) or slide.kind == "section":
            continue
        shown = [p for p in (*slide.points, *slide.questions)
                 if p.shown_to(key) and p.evidence and not _omitted(p, resolution, omit)]
        if not shown:
            continue
        body.append(f"<h2>{escape(slide.title_for(key) or slide.kind)}</h2>")
        body += [_point(slide, point, key, resolution, problems) for point in shown]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>Review: {escape(outline.title)} ({escape(label)})</title>"
            f"<style>{_STYLE}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")


def _point(slide: SlideSpec, point: PointSpec, key: str, resolution, problems: list[Problem]) -> str:
    cited = point_evidence(point, resolution) if resolution is not None else None
    text = point.text_for(key)
    lines = set(_lines(point))
    own = [p for p in problems if p.location is not None and p.location.line in lines
           and _for_audience(p, key)]
    failed = {p.code for p in own}
    parts = [f"<div class=\"point{' failed' if failed else ''}\">"]
    if text is not None:
        parts.append(f"<p class=\"text\">{escape(text)}</p>")
    elif slide.kind == "quote" and slide.speaker:
        parts.append(f"<p class=\"text\">Quote slide, credited to {escape(slide.speaker)}</p>")
    else:
        parts.append("<p class=\"text\">(the cited words are the point)</p>")
    if cited:
        parts += [_evidence(c, spec.value if spec.kind == "quote" else None) for spec, c in zip(point.evidence, cited)]
    else:
        parts.append("<p class=\"meta\">Some of this point's evidence was not found; see the checks below.</p>")
    parts.append("<ul class=\"checks\">")
    for name, codes in CHECKS:
        hits = [p for p in own if p.code in codes]
        if not hits:
            parts.append(f"<li class=\"pass\">{escape(name)}</li>")
            continue
        messages = "".join(f"<span class=\"msg\">{escape(p.message)} — {escape(p.hint or '')}</span>" for p in hits)
        parts.append(f"<li class=\"fail\">{escape(name)}{messages}</li>")
    parts.append("</ul></div>")
    return "\n".join(parts)


def _evidence(c: Cited, quote: str | None) -> str:
    meta = [f"<b>{escape(c.locator)}</b>", f"{escape(c.kind)}"]
    owner = c.words_owner
    if owner:
        meta.append(f"words of {escape(owner)}" + (f", relayed by {escape(c.author)}"
                                                    if c.speaker and owner == c.speaker and c.author else ""))
    elif c.speaker:
        meta.append(f"relays {escape(c.speaker)}")
    if c.whole_source:
        return f"<div class=\"evidence\"><p class=\"meta\">{' · '.join(meta)} · the whole source is cited</p></div>"
    if c.span is not None and c.paragraph:
        a, b = c.span
        shown = (escape(c.paragraph[:a]) + "<mark>" + escape(c.paragraph[a:b]) + "</mark>"
                 + escape(c.paragraph[b:]))
    else:
        shown = escape(c.passage)
    data = f" data-quote=\"{escape(quote)}\"" if quote else ""
    return (f"<div class=\"evidence\"{data}><p class=\"meta\">{' · '.join(meta)}</p>"
            f"<p class=\"paragraph\">{shown}</p></div>")


def _omitted(point: PointSpec, resolution, omit: set[str]) -> bool:
    """A point the audience's deck leaves out: its evidence carries an omitted tag."""
    if resolution is None or not omit:
        return False
    return any(omit.intersection(resolution.evidence[e].tags) for e in point.evidence if e in resolution.evidence)


def _lines(point: PointSpec) -> list[int | None]:
    return [point.location.line, *(e.location.line for e in point.evidence)]


def _for_audience(problem: Problem, key: str) -> bool:
    marker = "(text for audience "
    return marker not in problem.message or f"'{key}'" in problem.message.rsplit(marker, 1)[-1]
