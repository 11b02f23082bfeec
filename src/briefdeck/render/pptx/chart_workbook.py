"""A chart's data as the .xlsx workbook embedded with it: categories in column A, values in B.

PowerPoint opens this workbook for "Edit Data". It is the workbook
XlsxWriter writes for python-pptx's chart data, written here directly (the
same bytes for ordinary labels: tests/render_pptx/test_chart_part.py compares
them), without importing XlsxWriter. Unlike XlsxWriter's ``write``, a label
is always text: one starting with "=" or "http://" does not become a formula
or a hyperlink. The theme part is XlsxWriter's (BSD-2-Clause), stored beside
this module. The dates are the deck's, never the clock's.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from briefdeck.render.markup import xml_text
from briefdeck.render.pptx.zip_writer import zipfile_bytes

_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE = "application/vnd.openxmlformats-officedocument"
_THEME = Path(__file__).with_name("workbook_theme.xml")
_ESCAPED_ESCAPE = re.compile(r"(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile(r"([\x00-\x08\x0b-\x1f])")


def chart_workbook(categories: tuple[str, ...], series: str, values: tuple[float, ...], number_format: str,
                   stamp: dt.datetime) -> bytes:
    """The .xlsx bytes: ``series`` in B1, ``categories`` from A2 down, ``values`` from B2 down."""
    strings: dict[str, int] = {}
    cells = [_string_cell(f"A{row}", label, strings, style=1) for row, label in enumerate(categories, 2)]
    heading = _string_cell("B1", series, strings)
    rows = {1: [heading]}
    for row, cell in enumerate(cells, 2):
        rows[row] = [cell]
    for row, value in enumerate(values, 2):
        rows.setdefault(row, []).append(f'<c r="B{row}" s="2"><v>{value:.16G}</v></c>')
    last = max(rows)
    sheet_data = "".join(f'<row r="{r}" spans="1:2">{"".join(rows[r])}</row>' for r in sorted(rows))
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    parts = {
        "[Content_Types].xml": _content_types(),
        "_rels/.rels": _rels([("officeDocument", f"{_REL}/officeDocument", "xl/workbook.xml"),
                              ("core", f"{_PKG_REL}/metadata/core-properties", "docProps/core.xml"),
                              ("app", f"{_REL}/extended-properties", "docProps/app.xml")]),
        "xl/_rels/workbook.xml.rels": _rels([("sheet", f"{_REL}/worksheet", "worksheets/sheet1.xml"),
                                             ("theme", f"{_REL}/theme", "theme/theme1.xml"),
                                             ("styles", f"{_REL}/styles", "styles.xml"),
                                             ("strings", f"{_REL}/sharedStrings", "sharedStrings.xml")]),
        "xl/worksheets/sheet1.xml": (
            f'{_DECL}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><dimension ref="A1:B{last}"/><sheetViews>'
            '<sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
            '<cols><col min="1" max="1" width="10.7109375" customWidth="1"/></cols>'
            f'<sheetData>{sheet_data}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" '
            'header="0.3" footer="0.3"/></worksheet>'),
        "xl/workbook.xml": (
            f'{_DECL}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><fileVersion appName="xl" lastEdited="4" '
            'lowestEdited="4" rupBuild="4505"/><workbookPr defaultThemeVersion="124226"/><bookViews>'
            '<workbookView xWindow="240" yWindow="15" windowWidth="16095" windowHeight="9660"/></bookViews>'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>'
            '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'),
        "xl/sharedStrings.xml": (
            f'{_DECL}<sst xmlns="{_MAIN}" count="{len(cells) + 1}" uniqueCount="{len(strings)}">'
            + "".join(_shared_string(s) for s in strings) + "</sst>"),
        "xl/styles.xml": _styles(number_format),
        "xl/theme/theme1.xml": _THEME.read_text(encoding="utf-8"),
        "docProps/core.xml": (
            f'{_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<dc:creator></dc:creator><cp:lastModifiedBy></cp:lastModifiedBy>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified></cp:coreProperties>'),
        "docProps/app.xml": (
            f'{_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>'
            '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr>'
            '</vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts>'
            '<vt:vector size="1" baseType="lpstr"><vt:lpstr>Sheet1</vt:lpstr></vt:vector></TitlesOfParts>'
            '<Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>'
            '<HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion></Properties>'),
    }
    return _zip(parts)


def _string_cell(ref: str, text: str, strings: dict[str, int], style: int | None = None) -> str:
    index = strings.setdefault(text, len(strings))
    styled = "" if style is None else f' s="{style}"'
    return f'<c r="{ref}"{styled} t="s"><v>{index}</v></c>'


def _shared_string(text: str) -> str:
    text = _CONTROL.sub(lambda m: f"_x{ord(m.group(1)):04X}_", _ESCAPED_ESCAPE.sub(r"_x005F\1", text))
    preserve = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f"<si><t{preserve}>{xml_text(text)}</t></si>"


def _content_types() -> str:
    overrides = [("/docProps/app.xml", f"{_OFFICE}.extended-properties+xml"),
                 ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                 ("/xl/styles.xml", f"{_OFFICE}.spreadsheetml.styles+xml"),
                 ("/xl/theme/theme1.xml", f"{_OFFICE}.theme+xml"),
                 ("/xl/workbook.xml", f"{_OFFICE}.spreadsheetml.sheet.main+xml"),
                 ("/xl/worksheets/sheet1.xml", f"{_OFFICE}.spreadsheetml.worksheet+xml"),
                 ("/xl/sharedStrings.xml", f"{_OFFICE}.spreadsheetml.sharedStrings+xml")]
    return (f'{_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            + "".join(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in overrides) + "</Types>")


def _rels(rels: list[tuple[str, str, str]]) -> str:
    return (f'{_DECL}<Relationships xmlns="{_PKG_REL}">'
            + "".join(f'<Relationship Id="rId{n}" Type="{kind}" Target="{target}"/>'
                      for n, (_, kind, target) in enumerate(rels, 1)) + "</Relationships>")


def _styles(number_format: str) -> str:
    xf = 'numFmtId="0" fontId="0" fillId="0" borderId="0"'
    return (f'{_DECL}<styleSheet xmlns="{_MAIN}"><numFmts count="1"><numFmt numFmtId="164" '
            f'formatCode="{number_format}"/></numFmts><fonts count="1"><font><sz val="11"/><color theme="1"/>'
            '<name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill>'
            '<patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            f'<cellStyleXfs count="1"><xf {xf}/></cellStyleXfs><cellXfs count="3"><xf {xf} xfId="0"/>'
            f'<xf {xf} xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" '
            'applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" '
            'builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" '
            'defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/></styleSheet>')


def _zip(parts: dict[str, str]) -> bytes:
    """The parts zipped as XlsxWriter zips them: this order, 1980-01-01, from Unix, -rw-------."""
    order = ("[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml",
             "xl/workbook.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/theme/theme1.xml", "docProps/core.xml",
             "docProps/app.xml")
    return zipfile_bytes([(name, parts[name].encode("utf-8")) for name in order], (1980, 1, 1, 0, 0, 0),
                         create_system=3)
