"""The documented ``--json`` shapes of ``find``, ``sources`` and ``check`` (see README, 'JSON output').

Plain dicts and lists, built from the results the commands compute; the
command line only prints them. Keys and their order are part of the format.
"""

from __future__ import annotations

from typing import Iterable

from briefdeck.errors import Problem


def finding_json(finding) -> dict:
    """A finding (sentence) as ``find --json`` lists it."""
    return {
        "locator": finding.locator,
        "source": finding.source,
        "paragraph": finding.paragraph,
        "sentence": finding.sentence,
        "section": finding.section,
        "text": finding.text,
        "tags": list(finding.tags),
        "figures": [g.to_json() for g in finding.figures],
        "speaker": finding.speaker,
        "page": finding.page,
    }


def find_json(found: Iterable) -> list[dict]:
    return [finding_json(f) for f in found]


def sources_json(summaries: Iterable, origins: dict[str, str] | None = None) -> list[dict]:
    """Each document as ``sources --json`` lists it: record, counts, sections and warnings.

    ``origins`` maps a source id to where its record came from ("references.bib:11"); a
    source without one has a record guessed from its text (null).
    """
    origins = origins or {}
    return [{"id": s.id, "file": s.path, "title": s.record.title, "record": dict(s.record.csl),
             "paragraphs": s.paragraphs, "sentences": s.sentences, "sections": list(s.headings),
             "warnings": list(s.warnings), "record_from": origins.get(s.id)} for s in summaries]


def check_json(result) -> dict:
    """A checked brief: its verdict, every problem, and each audience's deck."""
    return {
        "brief": result.outline.path,
        "ok": result.ok,
        "errors": len(result.errors),
        "warnings": len(result.warnings),
        "problems": [p.to_json() for p in result.problems],
        "audiences": {key: deck_json(deck) for key, deck in result.decks.items()},
    }


def unloadable_json(brief: str, problems: list[Problem]) -> dict:
    """The ``check --json`` answer for a brief that could not be loaded: the same keys, no audiences."""
    shown = [p.to_json() for p in problems]
    return {"brief": brief, "ok": False, "errors": sum(p["severity"] == "error" for p in shown),
            "warnings": sum(p["severity"] == "warning" for p in shown), "problems": shown, "audiences": {}}


def deck_json(deck) -> dict:
    return {
        "label": deck.audience.label,
        "handout": deck.audience.handout,
        "slides": [{
            "kind": s.kind,
            "title": s.title,
            "section": s.section,
            "points": [{"text": p.text, "figure": p.figure, "footnotes": list(p.footnotes), "tags": list(p.tags),
                        "unsourced": p.unsourced} for p in s.points],
            "footnotes": [{"number": f.number, "handout_number": f.handout_number, "locator": f.citation.locator,
                           "source": f.citation.source_id, "quoted": f.citation.quoted,
                           "speaker": f.citation.speaker, "page": f.citation.page,
                           "passages": [{"locator": c.locator, "quoted": c.quoted} for c in f.cited]}
                          for f in s.footnotes],
        } for s in deck.slides],
        "bibliography": [r.id for r in deck.bibliography],
    }
