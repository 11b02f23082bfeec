"""Chart slides: a native chart whose categories and values read back, footnoted, with alt text.

The brief-level tests write a chart into a brief in a scratch project and
run `briefdeck check` and `build` as a user would.
"""

from __future__ import annotations

import io
import time
import zipfile
from textwrap import dedent

import pytest
from pptx.enum.chart import XL_CHART_TYPE

from briefdeck.deck.model import Chart
from briefdeck.layouts import find_layout
from briefdeck.render.pptx import check_pptx, deck_to_pptx

from .decks import PRISONERS, SLAVERY, make_deck, make_slide
from .readback import open_pptx, paragraphs, titles

ALT = "Bar chart: two estimates. Modern slavery: 2.6 million; Political prisoners (low): 80,000."
BRIEF = """\
title: Charts
date: 2026-11-22
slides:
  - title: Two estimates King cites
    kind: chart
    chart: {chart}
    x_label: Estimate
    y_label: People
    points:
      - label: In forced labour or modern slavery
        value: {value}
        quote: as many as 2.6 million people
      - label: In work brigades
        value: 400,000
        quote: some 400,000 people
"""


def chart_deck(kind: str = "bar"):
    chart = Chart(kind, (2_600_000.0, 80_000.0), ALT, "Estimate", "People")
    slide = make_slide("chart", "Two estimates", [("Modern slavery", [SLAVERY], "2.6 million"),
                                                  ("Political prisoners (low)", [PRISONERS], "80,000")],
                       chart=chart)
    return make_deck([make_slide("title", "North Korea and Human Trafficking"), slide,
                      make_slide("sources", "Sources")])


def the_chart(data: bytes):
    frames = [s for slide in open_pptx(data).slides for s in slide.shapes if s.has_chart]
    assert len(frames) == 1
    return frames[0]


@pytest.mark.parametrize("kind, chart_type", [("bar", XL_CHART_TYPE.BAR_CLUSTERED),
                                              ("column", XL_CHART_TYPE.COLUMN_CLUSTERED),
                                              ("line", XL_CHART_TYPE.LINE_MARKERS)])
def test_the_chart_reads_back_with_its_categories_values_markers_and_alt_text(kind, chart_type):
    data = deck_to_pptx(chart_deck(kind), layout=find_layout("default", project=None))
    assert check_pptx(data) == []
    frame = the_chart(data)
    chart = frame.chart
    assert chart.chart_type == chart_type
    assert list(chart.plots[0].categories) == ["Modern slavery¹", "Political prisoners (low)²"]
    assert chart.plots[0].series[0].values == (2_600_000.0, 80_000.0)
    assert chart.value_axis.axis_title.text_frame.text == "People"
    assert chart.category_axis.axis_title.text_frame.text == "Estimate"
    assert frame._element.find(".//{*}cNvPr").get("descr") == ALT
    slide = next(s for s in open_pptx(data).slides if any(f.has_chart for f in s.shapes))
    band = paragraphs(slide, "Band")
    assert band == ["1 King, “State Department Report,” par. 17.",
                    "2 U.S. Department of State, “Democratic People’s Republic of Korea,” par. 8."]
    assert titles(open_pptx(data))[1] == "Two estimates"


def test_the_chart_is_editable_from_its_embedded_workbook_and_the_same_bytes_later():
    layout = find_layout("default", project=None)
    first = deck_to_pptx(chart_deck(), layout=layout)
    time.sleep(1.1)  # the workbook's own dates would differ by now if the clock reached them
    assert deck_to_pptx(chart_deck(), layout=layout) == first
    workbook = the_chart(first).chart.part.chart_workbook.xlsx_part.blob
    with zipfile.ZipFile(io.BytesIO(workbook)) as xlsx:
        sheet = xlsx.read("xl/worksheets/sheet1.xml").decode()
        core = xlsx.read("docProps/core.xml").decode()
    assert "<v>2600000</v>" in sheet and "<v>80000</v>" in sheet
    assert "2026-11-22T00:00:00Z" in core


def _brief(project, chart: str = "bar", value: str = "2.6 million"):
    path = project / "briefs" / "chart.yaml"
    path.write_text(dedent(BRIEF.format(chart=chart, value=value)), encoding="utf-8")
    return path


def test_a_bar_cited_to_a_passage_stating_another_number_fails_check_strict_at_its_line(project, cli):
    _brief(project, value="2.5 million")
    loose = cli(project, "check", "briefs/chart.yaml")
    assert loose.exit_code == 0 and "the chart's value of 'In forced labour or modern slavery'" in loose.output
    strict = cli(project, "check", "briefs/chart.yaml", "--strict")
    assert strict.exit_code == 1
    assert "chart.yaml:11" in strict.output
    assert "the chart's value of 'In forced labour or modern slavery': “2.5 million”" in strict.output
    assert "king-2019:p17.s1 states: 2.6 million" in strict.output


def test_a_chart_from_a_brief_builds_with_a_generated_text_alternative(project, cli):
    _brief(project, chart="column")
    result = cli(project, "build", "briefs/chart.yaml", "--format", "pptx", "--strict")
    assert result.exit_code == 0, result.output
    (built,) = (project / "build").glob("chart*.pptx")
    frame = the_chart(built.read_bytes())
    assert frame._element.find(".//{*}cNvPr").get("descr") == (
        "Column chart: Two estimates King cites (People by Estimate). "
        "In forced labour or modern slavery: 2.6 million; In work brigades: 400,000.")
    assert frame.chart.plots[0].series[0].values == (2_600_000.0, 400_000.0)


@pytest.mark.parametrize("change, message", [
    ("    chart: pie\n", "chart: expected one of bar, column, line; found 'pie'"),
    ("        value: many\n", "value: expected one number, like 22 or 2.6 million; found 'many'"),
])
def test_a_bad_chart_type_or_value_is_an_error_at_its_line(project, cli, change, message):
    key = change.strip().split(":")[0]
    text = BRIEF.format(chart="bar", value="2.6 million")
    lines = text.splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{key}:"))
    lines[number] = change
    (project / "briefs" / "chart.yaml").write_text("".join(lines), encoding="utf-8")
    result = cli(project, "check", "briefs/chart.yaml")
    assert result.exit_code == 1
    assert message in result.output and f"chart.yaml:{number + 1}" in result.output


def test_label_and_value_on_a_bullet_are_misplaced(project, cli):
    (project / "briefs" / "chart.yaml").write_text(dedent("""\
        title: Charts
        slides:
          - title: Bullets
            points:
              - text: As many as 2.6 million people.
                value: 2.6 million
                quote: as many as 2.6 million people
        """), encoding="utf-8")
    result = cli(project, "check", "briefs/chart.yaml")
    assert result.exit_code == 1
    assert "'value:' belongs to a point of a chart slide" in result.output and "chart.yaml:6" in result.output


def test_markup_and_control_characters_in_chart_text_are_shown_as_text_not_markup():
    text = 'Bars <b>&amp; "quoted"\x01\x0b end'
    chart = Chart("column", (1.0, 2.0), "Column chart " + text, text, text)
    slide = make_slide("chart", "Chart", [(text, [SLAVERY], "2.6 million"), ("Other", [], "2")], chart=chart)
    data = deck_to_pptx(make_deck([slide]), layout=find_layout("default", project=None))
    assert check_pptx(data) == []
    frame = the_chart(data)
    assert list(frame.chart.plots[0].categories) == ['Bars <b>&amp; "quoted" end¹', "Other"]
    assert frame.chart.value_axis.axis_title.text_frame.text == 'Bars <b>&amp; "quoted" end'
    assert frame._element.find(".//{*}cNvPr").get("descr") == 'Column chart Bars <b>&amp; "quoted" end'


def test_a_chart_slide_with_an_empty_points_list_is_an_error(project, cli):
    text = BRIEF.format(chart="bar", value="1")
    text = text[:text.index("    points:")] + "    points: []\n"
    (project / "briefs" / "chart.yaml").write_text(text, encoding="utf-8")
    result = cli(project, "check", "briefs/chart.yaml")
    assert result.exit_code == 1 and "a chart slide needs points" in result.output
    assert "chart.yaml:9" in result.output
