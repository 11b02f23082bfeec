"""Pages to slide XML, written as text: fast, and exactly what was measured.

Every property that changes how much room text takes is written explicitly
on each paragraph and run (size, exact line pitch, spacing, indent, bullet,
insets, no autofit), so a template's inherited styles cannot make the text
larger than `fit.py` measured it. Text reaching here is already clean
(`clean.py`); it is escaped for XML here.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from typing import Callable, Iterator

from briefdeck.render.pptx.opc import qn

from briefdeck.render.markup import xml_attr, xml_text
from briefdeck.render.pptx.clean import east_asian_lang, one_line, split_scripts
from briefdeck.render.pptx.fit import Para, Run
from briefdeck.render.pptx.pages import Bar, ChartBox, Page, PictureBox, Rect, TextBox
from briefdeck.render.pptx.settings import PptxSettings
from briefdeck.render.pptx.template import Placeholder, Slots

EMU = 12700  # per point
NAMESPACES = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
              'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
SUPERSCRIPT = "30000"  # baseline offset, in thousandths of a percent
_NUMBERED = re.compile(r"(\d+)\.")
_ALIGN = {"l": "l", "ctr": "ctr", "r": "r"}
NOT_CONTENT = ("band", "number")  # text boxes that stay out of the Outline view
# Office's "Mark as decorative": screen readers skip the shape, the Accessibility Checker wants no alt text
DECORATIVE = ('<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
              '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>'
              '</a:ext></a:extLst>')


def emu(points: float) -> int:
    return round(points * EMU)


@dataclass(frozen=True)
class Fonts:
    """What every run needs besides its own text: fonts and languages."""

    latin: str
    east_asian: str
    han_lang: str
    language: str

    @classmethod
    def of(cls, settings: PptxSettings) -> "Fonts":
        return cls(settings.latin, settings.east_asian, settings.han_lang, settings.language)


LinkId = Callable[[str], str]  # URL -> the slide's relationship id for it
ChartId = Callable[[ChartBox], str]  # a chart -> the relationship id of its new chart part
PictureId = Callable[[PictureBox], str]  # a picture -> the relationship id of its image part


def slide_xml(page: Page, slots: Slots, fonts: Fonts, link_id: LinkId, chart_id: ChartId | None = None,
              picture_id: PictureId | None = None) -> str:
    """The ``p:sld`` document of ``page``; ``link_id`` relates each hyperlink's URL.

    The shape tree is the reading order of screen readers and the Tab key:
    the title first, then the content as the page lists it (top to bottom),
    then the footnote band and the slide number. The title and every content
    box are placeholders, so PowerPoint's Outline view and its Accessibility
    Checker find them; bars and rules are marked decorative.
    """
    shapes = []
    bodies = _body_placeholders(slots)
    for shape_id, shape in enumerate(sorted(page.shapes, key=_reading_rank), 2):
        if isinstance(shape, Bar):
            shapes.append(_bar(shape_id, shape))
        elif isinstance(shape, ChartBox):
            assert chart_id is not None, "a page with a chart needs chart_id"
            shapes.append(_chart_frame(shape_id, shape, chart_id(shape)))
        elif isinstance(shape, PictureBox):
            assert picture_id is not None, "a page with a picture needs picture_id"
            shapes.append(_picture(shape_id, shape, picture_id(shape)))
        else:
            placeholder = slots.title or Placeholder("title", None, None) if shape.role == "title" \
                else next(bodies) if shape.role not in NOT_CONTENT else None
            shapes.append(_text_box(shape_id, shape, placeholder, fonts, link_id))
    background = ""
    if page.background:
        background = (f'<p:bg><p:bgPr><a:solidFill><a:srgbClr val="{page.background}"/></a:solidFill>'
                      '<a:effectLst/></p:bgPr></p:bg>')
    return (f'{XML_HEAD}<p:sld {NAMESPACES}><p:cSld>{background}<p:spTree>'
            '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
            '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
            f'<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>{"".join(shapes)}</p:spTree></p:cSld>'
            '<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>')


def notes_xml(lines: tuple[str, ...], image: Placeholder | None, body: Placeholder | None, fonts: Fonts) -> str:
    """The ``p:notes`` document: the slide image and the notes text, one paragraph per line."""
    paras = "".join(f"<a:p>{_plain_runs(line, fonts)}<a:endParaRPr lang=\"{fonts.language}\" dirty=\"0\"/></a:p>"
                    for line in lines) or "<a:p><a:endParaRPr dirty=\"0\"/></a:p>"
    return (f'{XML_HEAD}<p:notes {NAMESPACES}><p:cSld><p:spTree>'
            '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
            '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
            '<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>'
            '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr>'
            '<a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr>'
            f'<p:nvPr>{_ph(image, "sldImg")}</p:nvPr></p:nvSpPr><p:spPr/></p:sp>'
            '<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/>'
            f'</p:cNvSpPr><p:nvPr>{_ph(body, "body")}</p:nvPr></p:nvSpPr><p:spPr/>'
            f'<p:txBody><a:bodyPr/><a:lstStyle/>{paras}</p:txBody></p:sp>'
            '</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>')


def _reading_rank(shape) -> int:
    """Title 0, content 1, the band and its rule 2, the slide number 3 (a stable sort keeps the rest)."""
    return {"title": 0, "rule": 2, "band": 2, "number": 3}.get(shape.role, 1)


def _body_placeholders(slots: Slots) -> Iterator[Placeholder]:
    """The placeholders a page's content boxes go in, in order: the layout's body placeholder
    first, then body placeholders of their own (indices the layout does not use)."""
    if slots.body is not None:
        yield slots.body
    taken = {ph.get("idx") or "0" for ph in slots.layout.element.iter(qn("p:ph"))}
    for idx in itertools.count(1):
        if str(idx) not in taken:
            yield Placeholder("body", str(idx), None)


def _ph(placeholder: Placeholder | None, default_type: str) -> str:
    if placeholder is None:
        return f'<p:ph type="{default_type}"/>'
    attrs = ""
    if placeholder.type:
        attrs += f' type="{placeholder.type}"'
    if placeholder.idx:
        attrs += f' idx="{placeholder.idx}"'
    return f"<p:ph{attrs}/>"


def _xfrm(rect: Rect) -> str:
    return (f'<a:xfrm><a:off x="{emu(rect.x)}" y="{emu(rect.y)}"/>'
            f'<a:ext cx="{emu(rect.w)}" cy="{emu(rect.h)}"/></a:xfrm>')


def _bar(shape_id: int, bar: Bar) -> str:
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={xml_attr(f"{bar.role} {shape_id}")}>{DECORATIVE}'
            '</p:cNvPr><p:cNvSpPr/>'
            f'<p:nvPr/></p:nvSpPr><p:spPr>{_xfrm(bar.rect)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
            f'<a:solidFill><a:srgbClr val="{bar.colour}"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>')


def _chart_frame(shape_id: int, box: ChartBox, rid: str) -> str:
    """A chart's graphic frame, its text alternative in ``descr`` (what screen readers read)."""
    return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{shape_id}" name="Chart {shape_id}" '
            f'descr={xml_attr(one_line(box.chart.alt))}/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/>'
            f'</p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="{emu(box.rect.x)}" '
            f'y="{emu(box.rect.y)}"/><a:ext cx="{emu(box.rect.w)}" cy="{emu(box.rect.h)}"/></p:xfrm>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
            f'<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="{rid}"/>'
            '</a:graphicData></a:graphic></p:graphicFrame>')


def _picture(shape_id: int, box: PictureBox, rid: str) -> str:
    """A picture with its text alternative in ``descr``, or marked decorative."""
    picture = box.picture
    alt = "" if picture.decorative else f" descr={xml_attr(one_line(picture.alt or ''))}"
    flag = DECORATIVE if picture.decorative else ""
    return (f'<p:pic><p:nvPicPr><p:cNvPr id="{shape_id}" name="Picture {shape_id}"{alt}>{flag}</p:cNvPr>'
            '<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>'
            f'<p:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
            f'<p:spPr>{_xfrm(box.rect)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')


def _text_box(shape_id: int, box: TextBox, placeholder: Placeholder | None, fonts: Fonts, link_id: LinkId) -> str:
    name = xml_attr(f"{box.role.capitalize()} {shape_id}")
    if placeholder is not None:
        nv = (f'<p:cNvPr id="{shape_id}" name={name}/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
              f'<p:nvPr>{_ph(placeholder, "body")}</p:nvPr>')
    else:
        nv = f'<p:cNvPr id="{shape_id}" name={name}/><p:cNvSpPr txBox="1"/><p:nvPr/>'
    fill = f'<a:solidFill><a:srgbClr val="{box.fill}"/></a:solidFill>' if box.fill else "<a:noFill/>"
    inset = emu(box.inset)
    anchor = f' anchor="{box.anchor}"' if box.anchor else ""
    body_pr = (f'<a:bodyPr wrap="square" lIns="{inset}" tIns="{inset}" rIns="{inset}" bIns="{inset}"'
               f'{anchor} rtlCol="0"><a:noAutofit/></a:bodyPr>')
    paras = "".join(_para(p, i == 0, fonts, link_id) for i, p in enumerate(box.paras))
    return (f'<p:sp><p:nvSpPr>{nv}</p:nvSpPr><p:spPr>{_xfrm(box.rect)}<a:prstGeom prst="rect"><a:avLst/>'
            f'</a:prstGeom>{fill}</p:spPr><p:txBody>{body_pr}<a:lstStyle/>{paras}</p:txBody></p:sp>')


def _para(para: Para, first: bool, fonts: Fonts, link_id: LinkId) -> str:
    ppr = _ppr(para.bullet, para.colour, para.indent, para.align, para.pitch, 0.0 if first else para.space_before,
               first, fonts)
    runs = "".join(_run(run, para, fonts, link_id) for run in para.runs)
    return f'<a:p>{ppr}{runs}<a:endParaRPr lang="{fonts.language}" sz="{_sz(para.size)}" dirty="0"/></a:p>'


@functools.lru_cache(maxsize=1024)  # a deck's paragraphs come in a few styles
def _ppr(bullet: str | None, colour: str | None, indent: float, align: str, pitch: float, space_before: float,
         first: bool, fonts: Fonts) -> str:
    """A paragraph's properties: margin, hanging bullet, alignment, exact line pitch, space before."""
    hang = 0
    bullet_xml = "<a:buNone/>"
    if bullet:
        numbered = _NUMBERED.fullmatch(bullet)
        colour = colour or "000000"
        if numbered:
            start = int(numbered.group(1))
            start_at = f' startAt="{start}"' if first and start != 1 else ""
            bullet_xml = (f'<a:buClr><a:srgbClr val="{colour}"/></a:buClr><a:buFont typeface="{fonts.latin}"/>'
                          f'<a:buAutoNum type="arabicPeriod"{start_at}/>')
        else:
            bullet_xml = (f'<a:buClr><a:srgbClr val="{colour}"/></a:buClr><a:buFont typeface="{fonts.latin}"/>'
                          f'<a:buChar char={xml_attr(bullet)}/>')
        hang = -emu(indent)
    return (f'<a:pPr marL="{emu(indent)}" indent="{hang}" algn="{_ALIGN[align]}">'
            f'<a:lnSpc><a:spcPts val="{round(pitch * 100)}"/></a:lnSpc>'
            f'<a:spcBef><a:spcPts val="{round(space_before * 100)}"/></a:spcBef><a:spcAft><a:spcPts val="0"/>'
            f'</a:spcAft>{bullet_xml}</a:pPr>')


def _sz(size: float) -> int:
    return round(size * 100)


def _run(run: Run, para: Para, fonts: Fonts, link_id: LinkId) -> str:
    """One run per script (Latin or East Asian) and per line, breaks as ``a:br``."""
    out = []
    for i, line in enumerate(run.text.split("\n")):
        if i:
            out.append(f"<a:br>{_rpr(run, para, fonts, link_id, None)}</a:br>")
        for piece, east_asian in split_scripts(line):
            lang = east_asian_lang(piece, fonts.han_lang) if east_asian else None
            out.append(f"<a:r>{_rpr(run, para, fonts, link_id, lang)}<a:t>{_text(piece)}</a:t></a:r>")
    return "".join(out)


def _rpr(run: Run, para: Para, fonts: Fonts, link_id: LinkId, east_asian_lang: str | None) -> str:
    link = f'<a:hlinkClick r:id="{link_id(run.url)}"/>' if run.url else ""
    return (_rpr_head(fonts, east_asian_lang, _sz(para.size), run.bold, run.italic, bool(run.url), run.superscript,
                      run.colour or para.colour or "000000") + f"{link}</a:rPr>")


@functools.lru_cache(maxsize=1024)  # a deck's runs come in a few looks
def _rpr_head(fonts: Fonts, east_asian_lang: str | None, size: int, bold: bool, italic: bool, underline: bool,
              superscript: bool, colour: str) -> str:
    """A run's properties up to its link."""
    attrs = f'lang="{east_asian_lang or fonts.language}"'
    if east_asian_lang:
        attrs += f' altLang="{fonts.language}"'
    # cap and spc reset what a template may inherit (all caps, letter spacing): both widen text
    attrs += f' sz="{size}" b="{1 if bold else 0}" i="{1 if italic else 0}" cap="none" spc="0"'
    if underline:
        attrs += ' u="sng"'
    if superscript:
        attrs += f' baseline="{SUPERSCRIPT}"'
    ea = f'<a:ea typeface={xml_attr(fonts.east_asian)}/>' if east_asian_lang else ""
    return (f'<a:rPr {attrs} dirty="0"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
            f'<a:latin typeface={xml_attr(fonts.latin)}/>{ea}<a:cs typeface={xml_attr(fonts.latin)}/>')


def _text(text: str) -> str:
    # Leading/trailing spaces are kept by a:t without xml:space; escape &, <, >.
    return xml_text(text)


def _plain_runs(line: str, fonts: Fonts) -> str:
    out = []
    for piece, east_asian in split_scripts(line):
        if east_asian:
            lang = east_asian_lang(piece, fonts.han_lang)
            rpr = (f'<a:rPr lang="{lang}" altLang="{fonts.language}" dirty="0">'
                   f'<a:ea typeface={xml_attr(fonts.east_asian)}/></a:rPr>')
        else:
            rpr = f'<a:rPr lang="{fonts.language}" dirty="0"/>'
        out.append(f"<a:r>{rpr}<a:t>{_text(piece)}</a:t></a:r>")
    return "".join(out)
