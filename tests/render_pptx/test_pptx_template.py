"""An organisation's own template: its layouts mapped by name, its sample slides removed cleanly."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from briefdeck.errors import BriefdeckError
from briefdeck.layouts import find_layout
from briefdeck.render.pptx import check_pptx, deck_to_pptx

from .decks import example_deck
from .readback import assert_nothing_overflows, open_pptx, titles

P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
POTX = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


def corp_template() -> bytes:
    """A template as an organisation might send it: renamed layouts, two sample slides, slide sections."""
    prs = Presentation()  # python-pptx's own 4:3 template
    renames = {"Title Slide": "Corp Title", "Title and Content": "Corp Content", "Section Header": "Corp Section"}
    for layout in prs.slide_layouts:
        if layout.name in renames:
            layout._element.cSld.set("name", renames[layout.name])
    layouts = {layout.name: layout for layout in prs.slide_layouts}
    first = prs.slides.add_slide(layouts["Corp Title"])
    first.shapes.title.text = "Sample slide one"
    first.notes_slide.notes_text_frame.text = "Sample notes"
    second = prs.slides.add_slide(layouts["Corp Content"])
    second.shapes.title.text = "Sample slide two"
    ids = "".join(f'<p14:sldId id="{s.slide_id}"/>' for s in prs.slides)
    prs.part._element.append(etree.fromstring(
        f'<p:extLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:p14="{P14}">'
        f'<p:ext uri="{{521415D9-36F7-43E2-AB2F-B90AF26B5E84}}"><p14:sectionLst><p14:section name="Samples" '
        f'id="{{00000000-0000-0000-0000-000000000001}}"><p14:sldIdLst>{ids}</p14:sldIdLst></p14:section>'
        "</p14:sectionLst></p:ext></p:extLst>"))
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def as_potx(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(PPTX.encode(), POTX.encode())
            dst.writestr(info.filename, blob)
    return out.getvalue()


def corp_layout(tmp_path: Path, *, template: str = "corp.pptx", mapping: str | None = None):
    folder = tmp_path / "layouts" / "corp"
    folder.mkdir(parents=True)
    data = corp_template()
    (folder / template).write_bytes(as_potx(data) if template.endswith(".potx") else data)
    mapping = mapping or "  title: Corp Title\n  bullets: Corp Content\n  section: Corp Section\n"
    (folder / "layout.yaml").write_text(f"description: Our organisation's template\nextends: default\n"
                                        f"template: {template}\ntemplate_layouts:\n{mapping}", encoding="utf-8")
    return find_layout("corp", project=tmp_path)


@pytest.mark.parametrize("template", ["corp.pptx", "corp.potx"])
def test_template_renders_with_mapped_layouts_and_without_its_sample_slides(tmp_path, template):
    data = deck_to_pptx(example_deck("policy"), layout=corp_layout(tmp_path, template=template))
    assert check_pptx(data) == []
    prs = open_pptx(data)
    assert titles(prs) == ["North Korea and Human Trafficking", "The ranking", "Tier 3, the lowest ranking",
                           "Key figures", "In the report's words", "Sources"]
    assert [s.slide_layout.name for s in prs.slides] == ["Corp Title", "Corp Section", "Corp Content",
                                                         "Corp Content", "Corp Content", "Corp Content"]
    members = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert not any(b"Sample" in zipfile.ZipFile(io.BytesIO(data)).read(m) for m in members)
    assert len([m for m in members if m.startswith("ppt/slides/slide")]) == 6
    assert len([m for m in members if m.startswith("ppt/notesSlides/notesSlide")]) == 6
    # the template's slide sections, which grouped the samples, are gone
    pres = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("ppt/presentation.xml"))
    assert pres.findall(f".//{{{P14}}}sectionLst") == []


def test_template_placeholders_hold_title_and_body(tmp_path):
    prs = open_pptx(deck_to_pptx(example_deck("policy"), layout=corp_layout(tmp_path)))
    tier3 = prs.slides[2]
    assert tier3.shapes.title.is_placeholder
    body = [s for s in tier3.placeholders if s.placeholder_format.idx == 1]
    assert len(body) == 1
    assert body[0].text_frame.paragraphs[0].text == "North Korea stayed on Tier 3 in 2017.1"
    # the template's 4:3 size is kept, and its own backgrounds: no slide paints one
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000)
    assert all(s._element.cSld.bg is None for s in prs.slides)


def test_template_deck_fits_its_template(tmp_path):
    assert_nothing_overflows(deck_to_pptx(example_deck("classroom"), layout=corp_layout(tmp_path)))


def test_an_unknown_layout_name_lists_the_templates_layouts(tmp_path):
    layout = corp_layout(tmp_path, mapping="  bullets: Corp Contnet\n  quote: Big Quote\n")
    with pytest.raises(BriefdeckError) as caught:
        deck_to_pptx(example_deck("policy"), layout=layout)
    problems = caught.value.problems
    assert [p.message for p in problems] == [
        "template_layouts.bullets: the template corp.pptx has no layout named 'Corp Contnet'",
        "template_layouts.quote: the template corp.pptx has no layout named 'Big Quote'"]
    assert problems[0].hint.startswith("did you mean 'Corp Content'? valid layout names: ")
    assert "Corp Title" in problems[1].hint and "Title Only" in problems[1].hint
    assert problems[0].location.file.endswith("layout.yaml") and problems[0].location.line == 5


def test_a_file_that_is_not_a_presentation_is_a_clear_error(tmp_path):
    folder = tmp_path / "layouts" / "corp"
    folder.mkdir(parents=True)
    (folder / "corp.pptx").write_bytes(b"not a zip at all")
    (folder / "layout.yaml").write_text("description: x\nextends: default\ntemplate: corp.pptx\n", encoding="utf-8")
    with pytest.raises(BriefdeckError) as caught:
        deck_to_pptx(example_deck("policy"), layout=find_layout("corp", project=tmp_path))
    assert caught.value.problems[0].message.startswith("cannot open the template")
    assert caught.value.problems[0].code == "layout-template"
