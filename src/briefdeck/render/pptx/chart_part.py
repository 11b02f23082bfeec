"""A `ChartBox` into a native chart: its chart XML and the workbook PowerPoint's "Edit Data" opens.

Both are written here as text, the same bytes every time: the chart has one
series, one data colour, the deck's font, value labels on every bar or point,
light gridlines and no legend, so its XML is a fixed shape. The shape is the
one python-pptx's chart writer gives (tests/render_pptx/test_chart_part.py
compares the bytes with it); writing it directly saves importing python-pptx's
chart package and XlsxWriter (about 70 ms of the start-up of every deck with
a chart) and about 10 ms per chart. The workbook is in `chart_workbook.py`.
"""

from __future__ import annotations

import datetime as dt

from briefdeck.render.pptx.chart_workbook import chart_workbook
from briefdeck.render.markup import lxml_attr, xml_text
from briefdeck.render.pptx.clean import one_line
from briefdeck.render.pptx.pages import ChartBox

NUMBER_FORMAT = "#,##0.###"  # 2,600,000 and 2.5: every digit the brief gives, grouped
WORKBOOK_NAME = "/ppt/embeddings/Microsoft_Excel_Sheet{number}.xlsx"
WORKBOOK_RID = "rId1"
# The axis ids python-pptx's templates give each chart type (any pair of distinct ids would do).
_BAR_AXES = ("-2068027336", "-2113994440")
_LINE_AXES = ("2118791784", "2140495176")
_HEAD = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
         '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
         'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">')
_LABEL_FLAGS = ('<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>'
                '<c:showPercent val="0"/><c:showBubbleSize val="0"/><c:showLeaderLines val="1"/>')
_SMOOTH = '<c:smooth val="0"/>'
_TICKS = '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'


def chart_blobs(box: ChartBox, number: int, stamp: dt.datetime) -> tuple[bytes, bytes]:
    """The chart XML of ``box`` and its embedded workbook (the chart's ``c:externalData`` is
    relationship ``WORKBOOK_RID``, to the part ``WORKBOOK_NAME``)."""
    series = one_line(box.chart.y_label or "Value")
    workbook = chart_workbook(box.categories, series, box.chart.values, NUMBER_FORMAT, stamp)
    return chart_xml(box, series).encode("utf-8"), workbook


def chart_xml(box: ChartBox, series: str) -> str:
    chart, style = box.chart, box.style
    line = chart.type == "line"
    lang = lxml_attr(style.language)
    size = int(style.size * 12700) // 127  # points -> EMU -> hundredths of a point, as python-pptx rounds
    cat_axis, val_axis = _LINE_AXES if line else _BAR_AXES
    n = len(box.categories)
    fill = f'<a:solidFill><a:srgbClr val="{style.data}"/></a:solidFill>'
    grid = f'<c:spPr><a:ln><a:solidFill><a:srgbClr val="{style.grid}"/></a:solidFill></a:ln></c:spPr>'
    look = (f'<c:spPr><a:ln w="31750">{fill}</a:ln></c:spPr><c:marker><c:symbol val="circle"/>'
            f'<c:spPr>{fill}</c:spPr></c:marker>' if line else f"<c:spPr>{fill}</c:spPr>")
    points = "".join(f'<c:pt idx="{i}"><c:v>{xml_text(c)}</c:v></c:pt>' for i, c in enumerate(box.categories))
    values = "".join(f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(chart.values))
    ser = (f'<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>Sheet1!$B$1</c:f><c:strCache>'
           f'<c:ptCount val="1"/><c:pt idx="0"><c:v>{xml_text(series)}</c:v></c:pt></c:strCache></c:strRef></c:tx>'
           f'{look}<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${n + 1}</c:f><c:strCache><c:ptCount val="{n}"/>{points}'
           f'</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>Sheet1!$B$2:$B${len(chart.values) + 1}</c:f>'
           f'<c:numCache><c:formatCode>{NUMBER_FORMAT}</c:formatCode><c:ptCount val="{len(chart.values)}"/>'
           f'{values}</c:numCache></c:numRef></c:val>{_SMOOTH if line else ""}</c:ser>')
    labels = (f'<c:dLbls><c:numFmt formatCode="{NUMBER_FORMAT}" sourceLinked="0"/>'
              f'<c:dLblPos val="{"t" if line else "outEnd"}"/>{_LABEL_FLAGS}</c:dLbls>')
    axes = f'<c:axId val="{cat_axis}"/><c:axId val="{val_axis}"/>'
    if line:
        plot = (f'<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>{ser}{labels}'
                f'<c:marker val="1"/><c:smooth val="0"/>{axes}</c:lineChart>')
    else:
        plot = (f'<c:barChart><c:barDir val="{"bar" if chart.type == "bar" else "col"}"/>'
                f'<c:grouping val="clustered"/>{ser}{labels}<c:gapWidth val="60"/>{axes}</c:barChart>')
    bar = chart.type == "bar"  # the first point on top, as the brief lists them; values still below
    title_x, title_y = (_title(t, size, style.text, lang) for t in (chart.x_label, chart.y_label))
    categories = (f'<c:catAx><c:axId val="{cat_axis}"/><c:scaling><c:orientation val="{"maxMin" if bar else "minMax"}"/>'
                  f'</c:scaling><c:delete val="0"/><c:axPos val="{"l" if bar else "b"}"/>{title_x}{_TICKS}{grid}'
                  f'<c:crossAx val="{val_axis}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>'
                  '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>')
    value_axis = (f'<c:valAx><c:axId val="{val_axis}"/><c:scaling/><c:delete val="0"/>'
                  f'<c:axPos val="{"b" if bar else "l"}"/><c:majorGridlines>{grid}</c:majorGridlines>{title_y}'
                  f'<c:numFmt formatCode="{NUMBER_FORMAT}" sourceLinked="0"/>{_TICKS}{grid}'
                  f'<c:crossAx val="{cat_axis}"/><c:crosses val="{"max" if bar else "autoZero"}"/></c:valAx>')
    tail = ('<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/><c:showDLblsOverMax val="0"/>' if line
            else '<c:dispBlanksAs val="gap"/>')
    text = (f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}" lang={lang}>'
            f'<a:solidFill><a:srgbClr val="{style.text}"/></a:solidFill><a:latin typeface={lxml_attr(style.font)}/>'
            f'</a:defRPr></a:pPr><a:endParaRPr lang={lang}/></a:p></c:txPr>')
    return (f'{_HEAD}<c:date1904 val="0"/><c:lang val={lang}/><c:chart><c:autoTitleDeleted val="1"/>'
            f'<c:plotArea>{plot}{categories}{value_axis}</c:plotArea>{tail}</c:chart>{text}'
            f'<c:externalData r:id="{WORKBOOK_RID}"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>')


def _title(title: str | None, size: int, colour: str, lang: str) -> str:
    if not title:
        return ""
    return (f'<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr sz="{size}" b="0" lang={lang}>'
            f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></a:rPr><a:t>{xml_text(one_line(title))}</a:t>'
            '</a:r></a:p></c:rich></c:tx><c:layout/><c:overlay val="0"/></c:title>')
