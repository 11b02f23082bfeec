"""The hand-written chart XML and workbook are the bytes python-pptx and XlsxWriter would write.

`chart_part.py` writes both as text so that a deck with a chart need not import
python-pptx's chart package and XlsxWriter. Here the old route, python-pptx's
chart writer styled as the deck styles it and XlsxWriter's workbook, is the
reference: random charts of every type, with markup, quotes, spaces, escapes,
repeated labels and East Asian text, must give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import zipfile

import pytest
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_AXIS_CROSSES, XL_CHART_TYPE, XL_LABEL_POSITION, XL_MARKER_STYLE
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.parts.chart import ChartPart
from pptx.util import Pt

from briefdeck.deck.model import Chart
from briefdeck.render.pptx.chart_part import NUMBER_FORMAT, WORKBOOK_RID, chart_blobs
from briefdeck.render.pptx.clean import one_line
from briefdeck.render.pptx.pages import ChartBox, ChartStyle, Rect

TYPES = {"bar": XL_CHART_TYPE.BAR_CLUSTERED, "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
         "line": XL_CHART_TYPE.LINE_MARKERS}
LABELS = ["In forced labour or modern slavery¹", "In work brigades²", 'B & C\'s "q" <x>', " leading", "trailing ",
          "_x0041_ escaped", "same", "same", "북한 노동자", "Value"]


def reference(box: ChartBox, stamp: dt.datetime) -> tuple[bytes, bytes]:
    """The chart as python-pptx writes it, styled as briefdeck styles it, and XlsxWriter's workbook."""
    data = CategoryChartData(number_format=NUMBER_FORMAT)
    data.categories = box.categories
    data.add_series(one_line(box.chart.y_label or "Value"), box.chart.values)
    part = ChartPart.load(PackURI("/ppt/charts/chart1.xml"), CT.DML_CHART, None, data.xml_bytes(TYPES[box.chart.type]))
    part._element.get_or_add_externalData().rId = WORKBOOK_RID
    chart, style = part.chart, box.style
    chart.has_legend = chart.has_title = False
    chart.font.name, chart.font.size = style.font, Pt(style.size)
    chart.font.color.rgb = RGBColor.from_string(style.text)
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format, labels.number_format_is_linked, labels.show_value = NUMBER_FORMAT, False, True
    series = plot.series[0]
    if box.chart.type == "line":
        labels.position = XL_LABEL_POSITION.ABOVE
        series.format.line.color.rgb = RGBColor.from_string(style.data)
        series.format.line.width = Pt(2.5)
        series.smooth = False
        series.marker.style = XL_MARKER_STYLE.CIRCLE
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.rgb = RGBColor.from_string(style.data)
    else:
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        plot.gap_width = 60
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = RGBColor.from_string(style.data)
    categories, values = chart.category_axis, chart.value_axis
    if box.chart.type == "bar":
        categories.reverse_order = True
        values._element._remove_crosses()
        values._element._add_crosses(val=XL_AXIS_CROSSES.MAXIMUM)
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.rgb = RGBColor.from_string(style.grid)
    values.tick_labels.number_format, values.tick_labels.number_format_is_linked = NUMBER_FORMAT, False
    for axis, title in ((categories, box.chart.x_label), (values, box.chart.y_label)):
        axis.format.line.color.rgb = RGBColor.from_string(style.grid)
        if title:
            axis.axis_title.text_frame.text = one_line(title)
            run = axis.axis_title.text_frame.paragraphs[0].runs[0]
            run.font.size, run.font.bold = Pt(style.size), False
            run.font.color.rgb = RGBColor.from_string(style.text)
    space = part._element
    space.find(qn("c:date1904")).addnext(space.makeelement(qn("c:lang"), {"val": style.language}))
    for rpr in space.iter(qn("a:defRPr"), qn("a:rPr"), qn("a:endParaRPr")):
        rpr.set("lang", style.language)
    return part.blob, _dated(data.xlsx_blob, stamp)


def _dated(blob: bytes, stamp: dt.datetime) -> bytes:
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)", rb"\g<1>" + when + rb"\g<2>",
                              data)
            dst.writestr(info, data)
    return out.getvalue()


@pytest.mark.parametrize("seed", range(40))
def test_chart_xml_and_workbook_are_the_bytes_python_pptx_and_xlsxwriter_write(seed):
    rng = random.Random(seed)
    count = rng.randint(1, 8)
    chart = Chart(rng.choice(list(TYPES)), tuple(rng.choice([2600000.0, 400000.0, 2.5, 0.001, 1e20, 80000.0, 0.0])
                                                 for _ in range(count)), "alt",
                  rng.choice([None, "Estimate", "X & <y>"]), rng.choice([None, "People", "Value", 'a "b"']))
    style = ChartStyle(rng.choice(["1D5FA8", "000000"]), "1F2933", "C3CDD8",
                       rng.choice(["Arial", "Noto Sans CJK KR", 'A "B" & C']), rng.choice([16.0, 13.5, 11.25]),
                       rng.choice(["en-GB", "ko-KR"]))
    box = ChartBox("chart", Rect(0, 0, 1, 1), chart, tuple(rng.choice(LABELS) for _ in range(count)), style)
    stamp = dt.datetime(2017, rng.randint(1, 12), 27)
    xml, workbook = chart_blobs(box, 1, stamp)
    expected_xml, expected_workbook = reference(box, stamp)
    assert xml.decode("utf-8") == expected_xml.decode("utf-8")
    assert workbook == expected_workbook


def test_a_label_that_looks_like_a_formula_or_a_link_stays_text_in_the_workbook():
    style = ChartStyle("1D5FA8", "1F2933", "C3CDD8", "Arial", 16.0, "en-GB")
    box = ChartBox("chart", Rect(0, 0, 1, 1), Chart("bar", (1.0, 2.0), "alt"),
                   ("=HYPERLINK(\"http://example.org\")", "http://example.org"), style)
    with zipfile.ZipFile(io.BytesIO(chart_blobs(box, 1, dt.datetime(2017, 6, 27))[1])) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
        strings = book.read("xl/sharedStrings.xml").decode("utf-8")
        names = book.namelist()
    assert "<f>" not in sheet and "hyperlink" not in sheet
    assert "<t>=HYPERLINK(\"http://example.org\")</t>" in strings and "<t>http://example.org</t>" in strings
    assert not any("_rels/sheet1" in name for name in names)
