"""The bundled layouts, and what a bad layout.yaml tells its author."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefdeck.errors import BriefdeckError
from briefdeck.layouts import available_layouts, bundled_layouts_dir, find_layout
from briefdeck.render.pptx import deck_to_pptx
from briefdeck.render.pptx.settings import COLOURS, ROLES, pptx_settings

from .decks import tier3_slide, make_deck
from .readback import open_pptx, shape

BUNDLED = ("default", "classroom")
# (text colour, the background it stands on) for every text the renderer draws
TEXT_ON = [("text", "background"), ("title", "background"), ("accent", "background"), ("muted", "background"),
           ("link", "background"), ("section_text", "section_background"), ("text", "panel")]


def luminance(hex_rgb: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_rgb[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula():
    assert contrast("000000", "FFFFFF") == pytest.approx(21.0)
    assert contrast("777777", "FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_layouts_are_valid_16_9_with_a_one_line_description(name):
    layout = find_layout(name, project=None)
    settings = pptx_settings(layout)
    assert settings.slide_width / settings.slide_height == pytest.approx(16 / 9, abs=0.001)
    description = layout.setting("description")
    assert isinstance(description, str) and description.strip() and "\n" not in description.strip()
    assert set(settings.colours) == set(COLOURS) and set(settings.sizes) == set(ROLES)


@pytest.mark.parametrize("name", BUNDLED)
def test_every_text_colour_reaches_wcag_aa_on_its_background(name):
    colours = pptx_settings(find_layout(name, project=None)).colours
    for text, background in TEXT_ON:
        assert contrast(colours[text], colours[background]) >= 4.5, (name, text, background)


def test_classroom_extends_default_with_larger_type_and_starker_colours():
    default = pptx_settings(find_layout("default", project=None))
    classroom = pptx_settings(find_layout("classroom", project=None))
    assert find_layout("classroom", project=None).parent.name == "default"
    for role in ("title", "body", "footnote", "question"):
        assert classroom.sizes[role].size > default.sizes[role].size
    assert contrast(classroom.colours["text"], classroom.colours["background"]) == pytest.approx(21.0)
    assert classroom.latin == default.latin == "Arial"


def test_both_bundled_layouts_are_listed():
    assert {"default", "classroom"} <= set(available_layouts(None))
    assert (bundled_layouts_dir() / "classroom" / "layout.yaml").is_file()


def test_default_layout_documents_every_key():
    text = (bundled_layouts_dir() / "default" / "layout.yaml").read_text(encoding="utf-8")
    header = text.split("\ndescription:")[0]
    for key in ("slide.width", "margins.left", "fonts.latin", "fonts.east_asian", "colours.muted",
                "sizes.<role>.floor", "spacing.line", "spacing.band_gap", "title_lines", "figures_per_slide",
                "slide_numbers", "template_layouts", "template ", "language"):
        assert key in header, key
    for role in ROLES:
        assert role in header, role


def layout_folder(tmp_path: Path, text: str, name: str = "mine") -> Path:
    folder = tmp_path / "layouts" / name
    folder.mkdir(parents=True)
    (folder / "layout.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_layout_changing_a_few_keys_renders_with_them(tmp_path):
    root = layout_folder(tmp_path, "description: Green titles\nextends: default\n"
                                   "colours:\n  title: \"0B5A2A\"\nsizes:\n  body: {size: 28, floor: 20}\n")
    layout = find_layout("mine", project=root)
    slide = open_pptx(deck_to_pptx(make_deck([tier3_slide()]), layout=layout)).slides[0]
    assert str(slide.shapes.title.text_frame.paragraphs[0].runs[0].font.color.rgb) == "0B5A2A"
    assert shape(slide, "Body").text_frame.paragraphs[0].runs[0].font.size.pt == 28


def test_every_bad_setting_is_reported_at_once_with_its_line(tmp_path):
    root = layout_folder(tmp_path, "description: Broken\nextends: default\n"
                                   "colours:\n  text: blue\n"
                                   "fonts:\n  latin: Comic Sans\n"
                                   "sizes:\n  body: {size: 12, floor: 20}\n"
                                   "spacing:\n  line: lots\n")
    with pytest.raises(BriefdeckError) as caught:
        pptx_settings(find_layout("mine", project=root))
    messages = [p.message for p in caught.value.problems]
    assert len(messages) == 4, messages
    by_text = {p.location.line: p for p in caught.value.problems}
    assert "colours.text" in by_text[4].message and "6-digit hex colour" in by_text[4].message
    assert "Comic Sans" in by_text[6].message and by_text[6].hint == "valid fonts: Arial"
    assert "floor (20) is larger than its size (12)" in by_text[8].message
    assert "spacing.line" in by_text[10].message and "'lots'" in by_text[10].message
    assert all(p.location.file.endswith("layout.yaml") for p in caught.value.problems)


def test_a_missing_template_file_and_an_unknown_kind_are_errors(tmp_path):
    root = layout_folder(tmp_path, "description: Corp\nextends: default\ntemplate: corp.pptx\n"
                                   "template_layouts:\n  bulets: Title and Content\n")
    with pytest.raises(BriefdeckError) as caught:
        pptx_settings(find_layout("mine", project=root))
    messages = [str(p) for p in caught.value.problems]
    assert any("template 'corp.pptx' does not exist" in m for m in messages)
    assert any("unknown slide kind 'bulets'" in m and "did you mean 'bullets'?" in m for m in messages)
