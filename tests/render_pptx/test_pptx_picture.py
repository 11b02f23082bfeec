"""Image slides: the picture fitted with its aspect, its alt text or decorative flag, its credit footnoted;
and every file that cannot be shown refused at the line of ``image:``."""

from __future__ import annotations

import io

import pytest
from lxml import html as lxml_html
from PIL import Image
from pypdf import PdfReader

from .readback import open_pptx, paragraphs, rect

ALT = "A blue rectangle on grey, drawn for this test"
BRIEF = """\
title: Pictures
date: 2026-11-22
slides:
  - title: A test picture
    kind: image
    image: {path}
{extra}    credit:
      text: North Korea remained on Tier 3 in the 2017 report.
      quote: the DPRK remained on Tier 3
"""


def _png(path, size=(800, 500), mode="RGB") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new(mode, size, (29, 95, 168) if mode == "RGB" else 1).save(path, "PNG")


def _write(project, path="../images/test.png", extra=f"    alt: {ALT}\n") -> None:
    (project / "briefs" / "pic.yaml").write_text(BRIEF.format(path=path, extra=extra), encoding="utf-8")


def _built(project, suffix: str) -> bytes:
    (found,) = (project / "build").glob(f"pic*{suffix}")
    return found.read_bytes()


def test_a_picture_is_fitted_with_its_aspect_alt_text_and_footnoted_credit(project, cli):
    _png(project / "images" / "test.png")
    _write(project)
    result = cli(project, "build", "briefs/pic.yaml", "--strict")
    assert result.exit_code == 0, result.output
    slide = open_pptx(_built(project, ".pptx")).slides[1]
    (picture,) = [s for s in slide.shapes if s._element.tag.endswith("}pic")]
    assert picture._element.find(".//{*}cNvPr").get("descr") == ALT
    box = rect(picture)
    assert box.w / box.h == pytest.approx(800 / 500, rel=1e-3)
    assert paragraphs(slide, "Credit") == ["North Korea remained on Tier 3 in the 2017 report.1"]
    assert paragraphs(slide, "Band")[0].startswith("1 U.S. Department of State")
    assert list(slide.shapes).index(picture) < list(slide.shapes).index(next(
        s for s in slide.shapes if s.name.startswith("Band")))
    page = lxml_html.fromstring(_built(project, ".html").decode("utf-8"))
    (img,) = page.findall(".//figure[@class='picture']/img")
    assert img.get("alt") == ALT and img.get("src").startswith("data:image/png;base64,")
    tree = PdfReader(io.BytesIO(_built(project, ".pdf"))).trailer["/Root"]["/StructTreeRoot"]
    assert ALT in str(_alts(tree))


def _alts(node) -> list[str]:
    node = node.get_object()
    found = [str(node["/Alt"])] if isinstance(node, dict) and "/Alt" in node else []
    kids = node.get("/K") if isinstance(node, dict) else None
    for kid in kids if isinstance(kids, list) else [kids]:
        if kid is not None and hasattr(kid, "get_object"):
            found += _alts(kid)
    return found


def test_a_decorative_picture_is_flagged_and_has_no_alt_text(project, cli):
    _png(project / "images" / "test.png")
    _write(project, extra="    decorative: true\n")
    result = cli(project, "build", "briefs/pic.yaml", "--format", "pptx,html", "--strict")
    assert result.exit_code == 0, result.output
    slide = open_pptx(_built(project, ".pptx")).slides[1]
    (picture,) = [s for s in slide.shapes if s._element.tag.endswith("}pic")]
    c_nv_pr = picture._element.find(".//{*}cNvPr")
    assert c_nv_pr.get("descr") is None
    assert c_nv_pr.find(".//{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative") is not None
    page = lxml_html.fromstring(_built(project, ".html").decode("utf-8"))
    assert page.find(".//figure[@class='picture']/img").get("alt") == ""


def test_a_picture_without_alt_text_is_an_error(project, cli):
    _png(project / "images" / "test.png")
    _write(project, extra="")
    result = cli(project, "check", "briefs/pic.yaml")
    assert result.exit_code == 1
    assert "pic.yaml:4:5: error: an image slide needs 'alt:'" in result.output


@pytest.mark.parametrize("make, message", [
    (None, "image: there is no file '../images/test.png'"),
    (lambda p: p.write_text("not a picture", encoding="utf-8"), "is not a picture briefdeck can read"),
    (lambda p: p.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8"),
     "is not a picture briefdeck can read"),
    (lambda p: _png(p, (8000, 7000), mode="1"), "has 8000 x 7000 pixels, over 50 megapixels"),
    (lambda p: Image.new("RGB", (40, 30)).save(p, "GIF"), "is a GIF picture; decks take PNG or JPEG"),
])
def test_a_file_that_cannot_be_shown_is_an_error_at_the_image_line(project, cli, make, message):
    path = project / "images" / "test.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    if make is not None:
        make(path)
    _write(project)
    result = cli(project, "check", "briefs/pic.yaml")
    assert result.exit_code == 1
    assert "pic.yaml:6:12: error: " in result.output and message in result.output


def test_a_picture_outside_the_project_is_refused(project, cli, tmp_path):
    _png(tmp_path / "elsewhere" / "secret.png")
    _write(project, path=str(tmp_path / "elsewhere" / "secret.png"))
    result = cli(project, "check", "briefs/pic.yaml")
    assert result.exit_code == 1
    assert "pic.yaml:6:12: error: image: " in result.output and "is outside the project folder" in result.output
