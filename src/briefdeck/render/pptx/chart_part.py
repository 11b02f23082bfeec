"""A `ChartBox` into a native chart part: editable in PowerPoint, the same bytes every time.

python-pptx writes the chart XML and its embedded workbook (the data
PowerPoint's "Edit Data" opens); here the parts get fixed names, the
workbook its dates from the deck (XlsxWriter stamps the clock otherwise),
and the chart its look from the layout: one data colour, the deck's font,
value labels on every bar or point, light gridlines, no legend (one series).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_AXIS_CROSSES, XL_CHART_TYPE, XL_LABEL_POSITION, XL_MARKER_STYLE
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part, _Relationship
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.parts.chart import ChartPart
from pptx.util import Pt

from briefdeck.render.pptx.clean import one_line
from briefdeck.render.pptx.pages import ChartBox

CHART_TYPES = {"bar": XL_CHART_TYPE.BAR_CLUSTERED, "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
               "line": XL_CHART_TYPE.LINE_MARKERS}
NUMBER_FORMAT = "#,##0.###"  # 2,600,000 and 2.5: every digit the brief gives, grouped
WORKBOOK_NAME = "/ppt/embeddings/Microsoft_Excel_Sheet{number}.xlsx"
WORKBOOK_RID = "rId1"
_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def chart_part(box: ChartBox, package, number: int, stamp: dt.datetime) -> Part:
    """The chart part ``/ppt/charts/chart<number>.xml`` of ``box``, with its workbook embedded."""
    chart_xml, workbook_blob = chart_blobs(box, number, stamp)
    part = Part(PackURI(f"/ppt/charts/chart{number}.xml"), CT.DML_CHART, package, chart_xml)
    workbook = Part(PackURI(WORKBOOK_NAME.format(number=number)), CT.SML_SHEET, package, workbook_blob)
    part.rels._rels[WORKBOOK_RID] = _Relationship(part.rels._base_uri, WORKBOOK_RID, RT.PACKAGE, RTM.INTERNAL,
                                                  workbook)
    return part


def chart_blobs(box: ChartBox, number: int, stamp: dt.datetime) -> tuple[bytes, bytes]:
    """The chart XML of ``box`` and its embedded workbook (the chart's ``c:externalData`` is
    relationship ``WORKBOOK_RID``, to the part ``WORKBOOK_NAME``)."""
    data = CategoryChartData(number_format=NUMBER_FORMAT)
    data.categories = box.categories
    data.add_series(one_line(box.chart.y_label or "Value"), box.chart.values)
    chart_type = CHART_TYPES[box.chart.type]
    part = ChartPart.load(PackURI(f"/ppt/charts/chart{number}.xml"), CT.DML_CHART, None,
                          data.xml_bytes(chart_type))
    part._element.get_or_add_externalData().rId = WORKBOOK_RID
    _style(part, box)
    return part.blob, _fixed_workbook(data.xlsx_blob, stamp)


def _style(part: ChartPart, box: ChartBox) -> None:
    chart, style = part.chart, box.style
    chart.has_legend = False
    chart.has_title = False
    chart.font.name = style.font
    chart.font.size = Pt(style.size)
    chart.font.color.rgb = RGBColor.from_string(style.text)
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format, labels.number_format_is_linked = NUMBER_FORMAT, False
    labels.show_value = True
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
    if box.chart.type == "bar":  # the first point on top, as the brief lists them; values still below
        categories.reverse_order = True
        values._element._remove_crosses()  # c:crosses of the value axis: where it meets the categories
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
    _language(part, style.language)


def _language(part: ChartPart, language: str) -> None:
    """The chart's text in the deck's language: ``c:lang`` and every run's ``lang``."""
    space = part._element
    lang = space.find(qn("c:lang"))
    if lang is None:
        lang = etree.Element(qn("c:lang"))
        date1904 = space.find(qn("c:date1904"))
        if date1904 is not None:
            date1904.addnext(lang)
        else:
            space.insert(0, lang)
    lang.set("val", language)
    for rpr in space.iter(qn("a:defRPr"), qn("a:rPr"), qn("a:endParaRPr")):
        rpr.set("lang", language)


def _fixed_workbook(blob: bytes, stamp: dt.datetime) -> bytes:
    """The workbook with its created/modified dates set to ``stamp`` (zip entries are already fixed)."""
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "docProps/core.xml":
                data = _CORE_DATES.sub(rb"\g<1>" + when + rb"\g<2>", data)
            dst.writestr(info, data)
    return out.getvalue()
