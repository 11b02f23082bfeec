"""WCAG 2.2 contrast of layout colours: the measure, the located problems, the bundled layouts."""

from __future__ import annotations

import pytest

from briefdeck.contrast import contrast_ratio, layout_contrast_problems, relative_luminance
from briefdeck.errors import BriefdeckError
from briefdeck.layouts import find_layout
from briefdeck.render.pptx.settings import pptx_settings

WHITE = "FFFFFF"
LIGHT_GREY_ON_WHITE = """\
extends: default
colours:
  background: FFFFFF
  text: AAAAAA
"""


@pytest.mark.parametrize("a, b, ratio", [
    ("000000", "FFFFFF", 21.0),
    ("FFFFFF", "FFFFFF", 1.0),
    ("767676", "FFFFFF", 4.54),  # the lightest grey that passes on white
    ("#777777", "#ffffff", 4.48),
    ("AAAAAA", "FFFFFF", 2.32),
    ("595959", "FFFFFF", 7.0),  # AAA for body text
])
def test_contrast_ratio_matches_wcag_worked_values(a, b, ratio):
    assert contrast_ratio(a, b) == pytest.approx(ratio, abs=0.005)
    assert contrast_ratio(b, a) == contrast_ratio(a, b)


def test_relative_luminance_of_the_primaries():
    assert relative_luminance("FF0000") == pytest.approx(0.2126)
    assert relative_luminance("00FF00") == pytest.approx(0.7152)
    assert relative_luminance("0000FF") == pytest.approx(0.0722)
    with pytest.raises(ValueError):
        relative_luminance("grey")


def test_light_grey_body_text_on_white_is_an_error_at_its_line_with_the_ratio(tmp_path):
    folder = tmp_path / "layouts" / "faint"
    folder.mkdir(parents=True)
    (folder / "layout.yaml").write_text(LIGHT_GREY_ON_WHITE, encoding="utf-8")
    with pytest.raises(BriefdeckError) as raised:
        pptx_settings(find_layout("faint", project=tmp_path))
    problems = raised.value.problems
    body = [p for p in problems if p.message.startswith("colours.text AAAAAA on colours.background")]
    assert len(body) == 1
    assert str(body[0].location).endswith("layouts/faint/layout.yaml:4:3")
    assert "2.32:1" in body[0].message and "at least 4.5:1" in body[0].message
    assert body[0].is_error and body[0].code == "layout-contrast"
    assert any(p.message.startswith("colours.text AAAAAA on colours.panel") for p in problems)


def test_a_brief_whose_layout_has_faint_body_text_fails_check_at_the_layout_line(project, cli):
    folder = project / "layouts" / "faint"
    folder.mkdir(parents=True)
    (folder / "layout.yaml").write_text(LIGHT_GREY_ON_WHITE, encoding="utf-8")
    (project / "briefs" / "faint.yaml").write_text(
        "title: Faint\nlayout: faint\nslides:\n  - title: One\n    points:\n"
        "      - text: A point\n        unsourced: true\n", encoding="utf-8")
    result = cli(project, "check", "briefs/faint.yaml")
    assert result.exit_code == 1
    assert "layouts/faint/layout.yaml:4:3" in result.output
    assert "colours.text AAAAAA on colours.background FFFFFF has a contrast of 2.32:1" in result.output


def test_large_text_needs_three_to_one_and_body_text_four_and_a_half():
    colours = {"background": WHITE, "text": "767676", "title": "949494", "accent": "959595",
               "section_text": WHITE, "section_background": "0B2545", "muted": "777777"}
    problems = layout_contrast_problems(colours, {}, severity="warning")
    # 949494 is 3.03:1 (large text passes), 959595 2.99:1 (fails), 777777 4.48:1 (fails as small text)
    assert [p.message.split(" ")[0] for p in problems] == ["colours.muted", "colours.accent"]
    assert all(p.severity == "warning" for p in problems)


@pytest.mark.parametrize("name", ["default", "classroom"])
def test_the_bundled_layouts_meet_wcag_contrast(name):
    colours = pptx_settings(find_layout(name, project=None)).colours
    assert len(colours) >= 10
    assert layout_contrast_problems(colours, {}) == []
