"""Measuring and fitting text, without python-pptx: metrics, wrapping, pagination, splitting."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefdeck.render.pptx.clean import clean_text, east_asian_lang, one_line, split_scripts
from briefdeck.render.pptx.fit import (WIDTH_SAFETY, Para, Run, line_pitch, paginate, para_lines, paras_height,
                                       split_para, wrap)
from briefdeck.render.pptx.metrics import font_metrics, metric_families

ARIAL = font_metrics("Arial")


def test_shipped_metrics_are_arials():
    assert metric_families() == ["Arial"]
    assert ARIAL.units_per_em == 2048
    # Arial's advance widths, which Liberation Sans copies: space 569, "a" 1139, "W" 1933, bold "a" 1139
    assert [ARIAL.text_units(c) for c in " aWi"] == [569, 1139, 1933, 455]
    assert ARIAL.text_units("m", bold=True) == 1821
    assert ARIAL.text_width("aa", 24) == pytest.approx(2 * 1139 * 24 / 2048)


LIBERATION = Path("/usr/share/fonts/truetype/liberation2")


@pytest.mark.skipif(not (LIBERATION / "LiberationSans-Regular.ttf").is_file(),
                    reason="Liberation Sans (fonts-liberation2) is not installed")
def test_shipped_metrics_are_what_the_tool_extracts(tmp_path):
    repo = Path(__file__).resolve().parents[2]
    out = tmp_path / "metrics.json"
    subprocess.run([sys.executable, str(repo / "tools" / "make_metrics.py"), "--fonts", str(LIBERATION),
                    "--out", str(out)], check=True, capture_output=True)
    shipped = resources.files("briefdeck.render.pptx").joinpath("font_metrics.json").read_bytes()
    assert out.read_bytes() == shipped


def test_missing_and_cjk_characters_measure_one_em():
    assert ARIAL.text_units("북한") == 2 * 2048
    assert ARIAL.text_units("漢") == 2048
    assert ARIAL.text_width("\U0001F600", 10) == pytest.approx(10)


def test_line_pitch_comes_from_ascent_and_descent():
    assert ARIAL.line_em == pytest.approx((1854 + 434) / 2048)
    assert line_pitch(ARIAL, 24, 1.0) == round(24 * (1854 + 434) / 2048, 2)
    assert line_pitch(ARIAL, 24, 1.1) > line_pitch(ARIAL, 24, 1.0)


def test_wrap_breaks_at_spaces_within_the_width():
    runs = (Run("alpha beta gamma delta epsilon zeta eta theta"),)
    width = ARIAL.text_width("alpha beta gamma", 20) + 1
    lines = wrap(runs, width, 20, ARIAL)
    assert ["".join(r.text for r in line) for line in lines] == ["alpha beta gamma ", "delta epsilon zeta ",
                                                                  "eta theta"]
    for line in lines:
        assert ARIAL.text_width("".join(r.text for r in line).rstrip(), 20) <= width


def test_a_marker_stays_glued_to_its_word():
    runs = (Run("one two three"), Run("12", superscript=True))
    width = ARIAL.text_width("one two three", 20) + 1  # "three" fits, "three12" does not
    lines = wrap(runs, width, 20, ARIAL)
    assert [[r.text for r in line] for line in lines] == [["one two "], ["three", "12"]]
    assert lines[1][1].superscript


def test_forced_breaks_and_overlong_words():
    assert len(wrap((Run("a\nb\n"),), 500, 20, ARIAL)) == 3
    word = "x" * 200
    lines = wrap((Run(word),), 100, 20, ARIAL)
    assert "".join(r.text for line in lines for r in line) == word
    assert all(ARIAL.text_width(line[0].text, 20) <= 100 for line in lines)
    assert [len(line[0].text) for line in lines] == [10] * 20  # "x" is 1024 units: 10 pt at 20 pt


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab cd\nW북 .,")), max_size=120),
       width=st.floats(min_value=5, max_value=400), bold=st.booleans())
def test_wrap_keeps_every_character_and_never_overfills_a_line(text, width, bold):
    runs = (Run(text[: len(text) // 2], bold=bold), Run(text[len(text) // 2:], superscript=True))
    lines = wrap(runs, width, 12, ARIAL)
    assert "".join(r.text for line in lines for r in line) == text
    for line in lines:
        chars = [(c, r.bold) for r in line for c in r.text]
        while chars and chars[-1][0] in " \n":  # spaces at a break hang past the edge
            chars.pop()
        if len(chars) > 1:  # one character wider than the line must still go somewhere
            assert sum(ARIAL.text_width(c, 12, bold=b) for c, b in chars) <= width + 1e-6


def test_paras_height_counts_lines_and_space_between_paragraphs():
    para = Para((Run("alpha beta gamma delta"),), 20, 24.0, space_before=10.0)
    one_line_width = ARIAL.text_width("alpha beta gamma delta", 20) / WIDTH_SAFETY + 1
    assert paras_height([para], one_line_width, ARIAL) == 24.0
    assert paras_height([para, para], one_line_width, ARIAL) == 24.0 + 10.0 + 24.0
    two_lines_width = ARIAL.text_width("alpha beta gamma", 20) / WIDTH_SAFETY + 1
    assert paras_height([para], two_lines_width, ARIAL) == 48.0


def test_bullet_indent_narrows_the_lines():
    text = "alpha beta gamma delta"
    full = ARIAL.text_width(text, 20) / WIDTH_SAFETY + 1
    assert len(para_lines(Para((Run(text),), 20, 24.0), full, ARIAL)) == 1
    assert len(para_lines(Para((Run(text),), 20, 24.0, indent=30.0, bullet="•"), full, ARIAL)) == 2


def fits_by_size(sizes, room):
    """A fits() for paginate: item i takes sizes[i] - step, a page holds ``room``."""
    return lambda start, end, step: sum(max(s - step, 1) for s in sizes[start:end]) <= room


def test_paginate_keeps_one_page_when_everything_fits():
    assert [(p.start, p.end, p.step) for p in paginate(3, fits_by_size([3, 3, 3], 9), 4)] == [(0, 3, 0)]


def test_paginate_shrinks_before_continuing():
    spans = paginate(3, fits_by_size([4, 4, 4], 9), 4)
    assert [(p.start, p.end, p.step) for p in spans] == [(0, 3, 1)]


def test_paginate_continues_at_full_size_when_shrinking_is_not_enough():
    spans = paginate(5, fits_by_size([4] * 5, 9), 1)
    assert [(p.start, p.end, p.step) for p in spans] == [(0, 2, 0), (2, 4, 0), (4, 5, 0)]


def test_paginate_spreads_items_evenly_over_the_pages_it_needs():
    spans = paginate(7, fits_by_size([4] * 7, 12), 0)
    assert [(p.start, p.end) for p in spans] == [(0, 3), (3, 5), (5, 7)]
    uneven = paginate(4, fits_by_size([2, 2, 2, 7], 8), 0)  # even counts (2+2) would not fit
    assert [(p.start, p.end) for p in uneven] == [(0, 3), (3, 4)]


def test_paginate_keeps_a_heading_with_what_follows():
    spans = paginate(4, fits_by_size([3, 3, 3, 3], 7), 0, keep_with_next=[False, True, False, False])
    assert [(p.start, p.end) for p in spans] == [(0, 1), (1, 3), (3, 4)]


def test_paginate_shrinks_or_marks_an_item_too_big_alone():
    spans = paginate(3, fits_by_size([2, 11, 2], 9), 3)
    assert [(p.start, p.end, p.step, p.oversize) for p in spans] == [
        (0, 1, 0, False), (1, 2, 2, False), (2, 3, 0, False)]
    spans = paginate(1, fits_by_size([30], 9), 3)
    assert spans[0].oversize and spans[0].step == 3


def test_split_para_cuts_at_lines_and_keeps_markers_on_the_last_piece():
    text = " ".join(f"word{i}" for i in range(60))
    para = Para((Run(text), Run("1,2", superscript=True)), 20, 24.0, bullet="•", indent=20.0, space_before=9.0)
    width = 200.0
    lines = para_lines(para, width, ARIAL)
    pieces = split_para(para, width, ARIAL, room=5, last_room=3)
    assert "".join(p.text for p in pieces) == text + "1,2"
    counts = [len(para_lines(p, width, ARIAL)) for p in pieces]
    assert sum(counts) == len(lines) and all(c <= 5 for c in counts) and counts[-1] <= 3
    assert pieces[0].bullet == "•" and all(p.bullet is None and p.space_before == 0 for p in pieces[1:])
    assert pieces[-1].runs[-1] == Run("1,2", superscript=True)
    assert not any(r.superscript for p in pieces[:-1] for r in p.runs)


@settings(max_examples=300, deadline=None)
@given(words=st.integers(min_value=1, max_value=80), room=st.integers(min_value=1, max_value=12),
       last=st.integers(min_value=1, max_value=12))
def test_split_para_uses_the_fewest_pieces_and_respects_both_rooms(words, room, last):
    last = min(last, room)
    text = " ".join(["word"] * words)
    width = ARIAL.text_width("word", 20) / WIDTH_SAFETY + 1  # one word per line
    pieces = split_para(Para((Run(text),), 20, 24.0), width, ARIAL, room, last)
    counts = [len(para_lines(p, width, ARIAL)) for p in pieces]
    assert sum(counts) == words and min(counts) >= 1
    assert all(c <= room for c in counts[:-1]) and counts[-1] <= last
    fewest = 1 if words <= last else 1 + -(-(words - last) // room)
    assert len(pieces) == fewest


def test_clean_text_removes_what_xml_forbids():
    assert clean_text("a\x00b\x08c\x7fd\x9fe\ud800f\ufffeg\uffffh") == "abcdefgh"
    assert clean_text("tab\there") == "tab here"
    assert clean_text("one\r\ntwo\rthree\u2028four\u2029five\x0bsix") == "one\ntwo\nthree\nfour\nfive\nsix"
    assert one_line("  a\nb\u2028 c ") == "a b c"
    assert clean_text("북한 “quoted” — ok") == "북한 “quoted” — ok"


def test_split_scripts_and_languages():
    assert split_scripts("북한 (North Korea) 朝鮮") == [("북한", True), (" (North Korea) ", False), ("朝鮮", True)]
    assert east_asian_lang("북한", "zh-CN") == "ko-KR"
    assert east_asian_lang("カタカナ", "ko-KR") == "ja-JP"
    assert east_asian_lang("朝鮮", "zh-CN") == "zh-CN"

