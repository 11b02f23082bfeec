"""Bad input through the whole pipeline: a clear message and exit status, never a traceback,
and no earlier output damaged.

Each case starts from a project whose deck and handout were already built once, runs
``briefdeck build`` on the bad input, and checks what a user would see.
"""

from __future__ import annotations

import errno
import hashlib
import unicodedata
from pathlib import Path

import pytest
from pptx import Presentation

from briefdeck import files

BRIEF = """\
title: Example briefing
date: 2026-11-22
sources: ../seeds
slides:
  - title: Tier 3
    points:
      - text: North Korea stayed on Tier 3 in 2017.
        quote: the DPRK remained on Tier 3
"""

EXTRA_RECORD = """
- id: extra
  file: extra.txt
  type: webpage
  title: A synthetic test page
  author:
    - literal: Test Author
  issued:
    date-parts: [[2020]]
"""


@pytest.fixture
def built(project, cli):
    """A project with its brief built once: the outputs a bad run must leave alone."""
    (project / "briefs" / "b.yaml").write_text(BRIEF, encoding="utf-8")
    result = cli(project, "build", "briefs/b.yaml", "--format", "pptx,html")
    assert result.exit_code == 0, result.output
    return project


def snapshot(project: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((project / "build").iterdir())}


def add_source(project: Path, text: str | bytes, *, url: str | None = None) -> None:
    data = text.encode("utf-8") if isinstance(text, str) else text
    (project / "seeds" / "extra.txt").write_bytes(data)
    record = EXTRA_RECORD + (f"  URL: {url}\n" if url else "")
    with (project / "seeds" / "sources.yaml").open("a", encoding="utf-8") as out:
        out.write(record)


def brief_quoting(project: Path, quote: str, *, title: str = "Example briefing", text: str = "A point.") -> None:
    (project / "briefs" / "b.yaml").write_text(
        f'title: "{title}"\ndate: 2026-11-22\nsources: ../seeds\nslides:\n  - title: Slide\n    points:\n'
        f'      - text: "{text}"\n        quote: "{quote}"\n        source: extra\n', encoding="utf-8")


def deck_text(project: Path) -> str:
    """Every word of the deck: slide text and speaker notes (where the quoted words are)."""
    prs = Presentation(project / "build" / "b-all.pptx")
    texts = [shape.text_frame.text for slide in prs.slides for shape in slide.shapes if shape.has_text_frame]
    texts += [slide.notes_slide.notes_text_frame.text for slide in prs.slides if slide.has_notes_slide]
    return "\n".join(texts)


def build(cli, project: Path, *extra: str):
    result = cli(project, "build", "briefs/b.yaml", "--format", "pptx,html", *extra)
    assert "Traceback" not in result.output
    return result


# -- control characters, encodings, Unicode forms ------------------------------------

@pytest.mark.parametrize("char", ["\x00", "\x07", "\v", "\f", "\x1b", "\x7f", "\x85", "\u2028", "\ufffe", "\ufeff"])
def test_control_characters_in_a_source_are_removed_not_shown(built, cli, char):
    add_source(built, f"Example heading\n\nThe first synthetic{char} sentence stands here.\n")
    brief_quoting(built, "The first synthetic sentence stands here")
    result = build(cli, built)
    assert result.exit_code == 0, result.output
    text = deck_text(built)
    assert "The first synthetic sentence stands here" in text
    assert char not in text and char not in (built / "build" / "b-all-handout.html").read_text(encoding="utf-8")


def test_lone_surrogate_bytes_fall_back_to_cp1252_with_a_warning(built, cli):
    add_source(built, b"Example heading\n\nA synthetic sentence with \xed\xa0\x80 bad bytes.\n")
    brief_quoting(built, "A synthetic sentence with")
    result = build(cli, built)
    assert result.exit_code == 0
    assert "not valid UTF-8" in result.output and "cp1252" in result.output


def test_byte_order_mark_is_dropped_silently(built, cli):
    add_source(built, "\ufeffExample heading\n\nA synthetic sentence after a BOM.\n")
    brief_quoting(built, "A synthetic sentence after a BOM")
    result = build(cli, built)
    assert result.exit_code == 0 and "warning:" not in result.output


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_windows_and_old_mac_line_endings(built, cli, newline):
    add_source(built, newline.join(["Example heading", "", "A synthetic sentence", "over two lines.", ""]))
    brief_quoting(built, "A synthetic sentence over two lines")
    assert build(cli, built).exit_code == 0
    assert "Quoted: “A synthetic sentence over two lines”" in deck_text(built)


@pytest.mark.parametrize("source_form", ["NFC", "NFD"])
def test_hangul_in_either_normal_form_matches_a_composed_quote(built, cli, source_form):
    korean = "북한 인권 보고서"  # "North Korea human rights report": neutral synthetic words
    add_source(built, f"Example heading\n\nThe synthetic words {unicodedata.normalize(source_form, korean)} appear here.\n")
    brief_quoting(built, f"The synthetic words {korean}")
    result = build(cli, built)
    assert result.exit_code == 0, result.output
    assert korean in unicodedata.normalize("NFC", deck_text(built))


def test_emoji_in_a_source_and_a_title(built, cli):
    add_source(built, "Example heading\n\nA synthetic sentence with an emoji \U0001F4DA in it.\n")
    brief_quoting(built, "with an emoji \U0001F4DA in it", title="Reading list \U0001F4DA")
    result = build(cli, built)
    assert result.exit_code == 0, result.output
    assert "\U0001F4DA" in deck_text(built)


def test_cp1252_curly_quotes(built, cli):
    add_source(built, "Example heading\n\nThe \x93quoted\x94 words of a synthetic test.\n".encode("latin-1"))
    brief_quoting(built, '\\"quoted\\" words of a synthetic test')
    result = build(cli, built)
    assert result.exit_code == 0 and "cp1252" in result.output
    assert "Quoted: ““quoted” words of a synthetic test”" in deck_text(built)


def test_markup_and_template_syntax_in_a_source_stay_visible_text(built, cli):
    add_source(built, "Example heading\n\nA synthetic <script>alert(1)</script> and {{ 7*7 }} sentence.\n")
    (built / "briefs" / "b.yaml").write_text(
        "title: T\nsources: ../seeds\nslides:\n  - title: S\n    points:\n      - finding: extra:p1.s1\n",
        encoding="utf-8")
    result = build(cli, built)
    assert result.exit_code == 0, result.output
    html = (built / "build" / "b-all-handout.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html and "49" not in html
    assert "A synthetic <script>alert(1)</script> and {{ 7*7 }} sentence." in deck_text(built)


# -- sizes --------------------------------------------------------------------------------

def test_a_300_character_title_fits(built, cli):
    add_source(built, "Example heading\n\nA synthetic sentence for a long title.\n")
    title = ("A very long synthetic title " * 11)[:300]
    brief_quoting(built, "A synthetic sentence for a long title", title=title)
    result = build(cli, built)
    assert result.exit_code == 0, result.output
    from render_pptx.readback import assert_nothing_overflows
    assert_nothing_overflows((built / "build" / "b-all.pptx").read_bytes())


def test_a_single_400_character_word_fits(built, cli):
    word = "x" * 400
    add_source(built, f"Example heading\n\nA synthetic sentence with {word} in it.\n")
    brief_quoting(built, f"A synthetic sentence with {word}", text=f"A point about {word}.")
    result = build(cli, built)
    assert result.exit_code == 0, result.output
    from render_pptx.readback import assert_nothing_overflows
    assert_nothing_overflows((built / "build" / "b-all.pptx").read_bytes())


# -- URLs and paths ---------------------------------------------------------------------------

def test_urls_with_ampersands_spaces_and_non_ascii_become_links(built, cli):
    url = "https://example.org/a page/é?x=1&y=2"
    add_source(built, "Example heading\n\nA synthetic sentence with a link.\n", url=url)
    brief_quoting(built, "A synthetic sentence with a link")
    result = build(cli, built)
    assert result.exit_code == 0, result.output
    prs = Presentation(built / "build" / "b-all.pptx")
    targets = [rel.target_ref for slide in prs.slides for rel in slide.part.rels.values() if rel.is_external]
    assert targets and all(" " not in t for t in targets)
    assert any("x=1&y=2" in t for t in targets)
    html = (built / "build" / "b-all-handout.html").read_text(encoding="utf-8")
    assert "x=1&amp;y=2" in html


def test_a_source_file_outside_the_project_is_refused(built, cli):
    before = snapshot(built)
    with (built / "seeds" / "sources.yaml").open("a", encoding="utf-8") as out:
        out.write("\n- id: passwd\n  file: ../../etc/passwd\n")
    result = build(cli, built)
    assert result.exit_code == 1
    assert "outside the sources folder" in result.stderr and "sources.yaml:" in result.stderr
    assert snapshot(built) == before


# -- templates and writing ----------------------------------------------------------------------

def test_a_template_without_a_notes_master_still_gets_speaker_notes(built, cli):
    from pptx import Presentation as New

    layout = built / "layouts" / "plain"
    layout.mkdir(parents=True)
    prs = New()
    prs.save(layout / "plain.pptx")
    names = [l.name for l in New(layout / "plain.pptx").slide_layouts]
    assert "notesMaster" not in "".join(p.partname for p in New(layout / "plain.pptx").part.package.iter_parts())
    (layout / "layout.yaml").write_text(
        f"extends: default\ndescription: plain\ntemplate: plain.pptx\ntemplate_layouts:\n"
        f"  bullets: {names[1]}\n  title: {names[0]}\n", encoding="utf-8")
    (built / "briefs" / "b.yaml").write_text(BRIEF.replace("sources: ../seeds", "sources: ../seeds\nlayout: plain"),
                                             encoding="utf-8")
    result = build(cli, built)
    assert result.exit_code == 0, result.output
    deck = Presentation(built / "build" / "b-all.pptx")
    notes = [s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide]
    assert any("tip-2017-dprk:p1.s1" in n for n in notes)


def test_an_output_folder_that_cannot_be_written(built, cli):
    (built / "not-a-folder").write_text("a file where the output folder should be", encoding="utf-8")
    result = build(cli, built, "--out", "not-a-folder/out")
    assert result.exit_code == 1
    assert "cannot write" in result.stderr and "not-a-folder/out" in result.stderr


def test_a_full_disk_leaves_the_previous_outputs_intact(built, cli, monkeypatch):
    before = snapshot(built)
    (built / "briefs" / "b.yaml").write_text(BRIEF.replace("Example briefing", "Changed briefing"), encoding="utf-8")
    real_write = files._write_bytes
    calls = []

    def full_disk(handle, data):  # the first file fits; the disk is full by the second
        calls.append(len(data))
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(handle, data)

    monkeypatch.setattr(files, "_write_bytes", full_disk)
    result = build(cli, built)
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr
    assert snapshot(built) == before
    assert not [p for p in (built / "build").iterdir() if p.name.endswith(".part")]


def test_an_error_while_rendering_leaves_the_previous_deck_intact(built, cli, monkeypatch):
    before = snapshot(built)
    (built / "briefs" / "b.yaml").write_text(BRIEF.replace("Example briefing", "Changed briefing"), encoding="utf-8")

    def broken(deck, *, layout, warnings=None):
        raise RuntimeError("renderer failed half-way")

    monkeypatch.setattr("briefdeck.render.pptx.deck_to_pptx", broken)
    result = build(cli, built)
    assert result.exit_code == 1 and "renderer failed half-way" in result.stderr
    assert snapshot(built) == before
