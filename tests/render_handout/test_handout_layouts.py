"""Handout templates and settings found along the layout chain."""

from __future__ import annotations

import os

import pytest

from briefdeck.errors import BriefdeckError
from briefdeck.render.handout import deck_to_html
from briefdeck.render.handout import html as handout_html
from briefdeck.render.handout.templates import handout_environment as environment

from .conftest import make_layout, render
from .decks import AUDIENCES, P, S, example_deck, make_deck


def test_a_layout_template_is_found_before_the_default(tmp_path):
    layout = make_layout(tmp_path, "school", {"reading.html": (
        '{% extends "default/reading.html" %}\n'
        '{% block header %}<h1 class="doc-title">School: {{ doc.title }}</h1>{% endblock %}\n')})
    text = render(example_deck("classroom"), layout=layout).text
    assert text.startswith("School: North Korea and Human Trafficking")
    # The memo is not overridden, so it comes from the default layout.
    memo = make_deck([S("bullets", "One", [P("Lorem ipsum.")])], audience=AUDIENCES["policy"])
    assert render(memo, layout=layout).text.startswith("Briefing memo")


def test_a_layout_stylesheet_replaces_the_default(tmp_path):
    layout = make_layout(tmp_path, "plain", {"handout.css": "body { color: #123456; }\n"})
    html = deck_to_html(example_deck("classroom"), layout=layout)
    assert "body { color: #123456; }" in html
    assert "float: footnote" not in html


def test_a_layout_without_handout_templates_uses_the_bundled_ones(tmp_path):
    folder = tmp_path / "layouts" / "default"
    folder.mkdir(parents=True)
    (folder / "layout.yaml").write_text("name: default\n", encoding="utf-8")
    from briefdeck.layouts import find_layout

    layout = find_layout("default", project=tmp_path)
    assert layout.folder == folder
    assert "Tier 3, the lowest ranking" in deck_to_html(example_deck("classroom"), layout=layout)


def test_the_layout_colours_and_language_reach_the_handout(tmp_path):
    layout = make_layout(tmp_path, "brand", settings="language: en-GB\ncolours:\n  title: 7A1F3D\n  text: '202020'\n")
    html = deck_to_html(example_deck("classroom"), layout=layout)
    assert '<html lang="en-GB">' in html
    assert "--accent: #7a1f3d;" in html and "--ink: #202020;" in html


@pytest.mark.parametrize("settings, words", [
    ("colours:\n  title: 'red; } body { display: none'\n", "layout colour 'title' must be six hex digits"),
    ("language: 'en\"><script>'\n", "layout language must be a language tag"),
])
def test_a_bad_layout_setting_is_an_error_naming_the_file(tmp_path, settings, words):
    layout = make_layout(tmp_path, "bad", settings=settings)
    with pytest.raises(BriefdeckError) as caught:
        deck_to_html(example_deck("classroom"), layout=layout)
    [problem] = caught.value.problems
    assert words in problem.message
    assert problem.location.file.endswith("bad/layout.yaml")



def test_a_builds_audiences_share_the_compiled_templates_yet_an_edited_template_is_read_again(tmp_path, monkeypatch):
    made = []
    monkeypatch.setattr(handout_html, "handout_environment", lambda layout: made.append(layout) or environment(layout))
    layout = make_layout(tmp_path, "edited", {"reading.html": (
        '{% extends "default/reading.html" %}\n{% block header %}<h1 class="doc-title">First</h1>{% endblock %}\n')})
    assert render(example_deck("classroom"), layout=layout).text.startswith("First")
    memo = make_deck([S("bullets", "One", [P("Lorem ipsum.")])], audience=AUDIENCES["policy"])
    assert render(memo, layout=layout).text.startswith("Briefing memo")
    assert made == [layout]  # one environment for both audiences
    template = layout.folder / "handout" / "reading.html"
    template.write_text(template.read_text(encoding="utf-8").replace("First", "Second"), encoding="utf-8")
    stat = template.stat()
    os.utime(template, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # a later save
    assert render(example_deck("classroom"), layout=layout).text.startswith("Second")
