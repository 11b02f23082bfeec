"""The accessible-deck keys of a brief (``lang``, chart slides, image slides), read like every other field:
every problem at once, each at its line and column, with what was expected and what was found."""

from __future__ import annotations

import textwrap

import pytest

from briefdeck.errors import BriefdeckError, Problem
from briefdeck.outline.load import outline_from_text

GOOD = """\
title: Example
lang: en-GB
slides:
  - title: Two estimates
    kind: chart
    chart: column
    x_label: Estimate
    y_label: People
    points:
      - label: In forced labour
        value: 2.6 million
        quote: as many as 2.6 million people
      - label: In work brigades
        value: 400,000
        quote: some 400,000 people
  - title: A map
    kind: image
    image: images/map.png
    alt: Map of the border
    credit:
      text: Map from the report
      source: tip-2017-dprk
"""


def problems_of(text: str) -> list[Problem]:
    with pytest.raises(BriefdeckError) as info:
        outline_from_text(textwrap.dedent(text), filename="brief.yaml")
    return info.value.problems


def test_a_chart_slide_an_image_slide_and_the_language_are_read():
    outline = outline_from_text(GOOD, filename="brief.yaml")
    assert outline.lang == "en-GB"
    chart, image = outline.slides
    assert (chart.chart.type, chart.chart.x_label, chart.chart.y_label, chart.chart.alt) == (
        "column", "Estimate", "People", None)
    assert [(p.datum.label, p.datum.value, p.datum.value_text) for p in chart.points] == [
        ("In forced labour", 2_600_000.0, "2.6 million"), ("In work brigades", 400_000.0, "400,000")]
    assert chart.points[0].datum.location.line == 11
    assert (image.image.path, image.image.alt, image.image.decorative) == ("images/map.png", "Map of the border", False)
    assert image.image.location.line == 18
    assert [p.text_for("all") for p in image.points] == ["Map from the report"]


def test_every_problem_of_the_new_keys_is_reported_at_once_at_its_line():
    text = (GOOD.replace("lang: en-GB", "lang: English (UK)")
            .replace("chart: column", "chart: pie")
            .replace("value: 400,000", "value: about four hundred thousand")
            .replace("    alt: Map of the border\n", "    decorative: yes\n"))
    text += "  - title: Bullets\n    points:\n      - label: Stray\n        unsourced: true\n        text: A point\n"
    found = {(p.code, p.location.line, p.location.column) for p in problems_of(text)}
    assert found == {
        ("bad-language", 2, 7),
        ("bad-choice", 6, 12),
        ("bad-number", 14, 16),
        ("bad-bool", 19, 17),
        ("missing-alt", 16, 5),
        ("misplaced-key", 25, 16),
    }
    messages = "\n".join(p.message for p in problems_of(text))
    assert "lang: expected a language tag like en, en-GB or ko; found 'English (UK)'" in messages
    assert "chart: expected one of bar, column, line; found 'pie'" in messages
    assert "value: expected one number, like 22 or 2.6 million; found 'about four hundred thousand'" in messages
    assert "'label:' belongs to a point of a chart slide" in messages


def test_a_chart_key_on_a_bullets_slide_names_the_chart_slide_as_its_home():
    text = "title: T\nslides:\n  - title: S\n    x_label: Year\n    points:\n      - text: P\n        unsourced: true\n"
    (problem,) = problems_of(text)
    assert problem.code == "misplaced-key"
    assert (problem.location.line, problem.location.column) == (4, 5)
    assert "it is a key of a chart slide" in problem.message
