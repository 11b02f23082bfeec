"""Year letters (APA's 2019a, 2019b) among the works a deck cites, in its notes and its reference list.

The two documents and their records are invented placeholders (an author
"Example" with two reports of one year); they state nothing about the world.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

RECORD = """\
- id: example-{name}
  file: {name}.txt
  type: report
  title: {title} placeholder report
  author: [{{family: Example, given: Ann}}]
  publisher: Placeholder Press
  issued: {{date-parts: [[2019]]}}
"""
RECORDS = "".join(RECORD.format(name=name, title=name.title()) for name in ("first", "second"))
DOCUMENT = "{title}\n\n\nThis placeholder document exists to test citations. It has a second sentence.\n"
BRIEF = """\
title: Year letters
date: 2026-11-22
citations: {{style: apa}}
slides:
  - title: Placeholders
    points:
{points}
"""
POINT = "      - text: A placeholder claim.\n        source: {source}:p1\n"


@pytest.fixture
def placeholders(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    (root / "briefs").mkdir()
    (root / "seeds" / "sources.yaml").write_text(RECORDS, encoding="utf-8")
    for name in ("first", "second"):
        text = DOCUMENT.format(title=f"{name.title()} placeholder report")
        (root / "seeds" / f"{name}.txt").write_text(text, encoding="utf-8")
    return root


def handout(root: Path, cli, *sources: str) -> str:
    """The handout's text (tags dropped) for a brief whose points cite ``sources``, one point each."""
    points = "".join(POINT.format(source=s) for s in sources)
    (root / "briefs" / "deck.yaml").write_text(BRIEF.format(points=points), encoding="utf-8")
    result = cli(root, "build", "briefs/deck.yaml", "--format", "html")
    assert result.exit_code == 0, result.output
    html = (root / "build" / "deck-all-handout.html").read_text(encoding="utf-8")
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_two_works_of_one_author_and_year_are_lettered_in_notes_and_references(placeholders, cli):
    text = handout(placeholders, cli, "example-second", "example-first")
    # the letters follow the reference list's order (by title), not the order of citation
    assert "(Example, 2019b, para. 1)" in text and "(Example, 2019a, para. 1)" in text
    assert "Example, A. (2019a). First placeholder report" in text
    assert "Example, A. (2019b). Second placeholder report" in text


def test_a_work_cited_alone_has_no_letter_though_the_sources_hold_another_of_its_year(placeholders, cli):
    text = handout(placeholders, cli, "example-second")
    assert "(Example, 2019, para. 1)" in text and "Example, A. (2019). Second placeholder report" in text
    assert "2019a" not in text and "2019b" not in text


def test_chicago_notes_have_no_year_letters(placeholders, cli):
    points = "".join(POINT.format(source=s) for s in ("example-first", "example-second"))
    brief = BRIEF.format(points=points).replace("style: apa", "style: chicago-note")
    (placeholders / "briefs" / "deck.yaml").write_text(brief, encoding="utf-8")
    result = cli(placeholders, "build", "briefs/deck.yaml", "--format", "html")
    assert result.exit_code == 0, result.output
    html = (placeholders / "build" / "deck-all-handout.html").read_text(encoding="utf-8")
    assert "Placeholder Press, 2019)" in html and "2019a" not in html
