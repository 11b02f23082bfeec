"""Source and author text reach the handout as visible text and run nothing."""

from __future__ import annotations

import pytest

from briefdeck.errors import BriefdeckError
from briefdeck.sources.model import SourceRecord

from .conftest import make_layout, render
from .decks import AUDIENCES, P, S, cite, make_deck

SCRIPT = "<script>alert(1)</script>"
JINJA = "{{ 7*7 }} and {% if true %}x{% endif %}"
CONTROLS = "Lorem\x00ipsum\x1b dolor\x85 sit\ud800 amet\ufffe\uffff."

EXAMPLE = SourceRecord("example", {
    "id": "example", "type": "report",
    "title": f"Example Source {SCRIPT} {{{{ 7*7 }}}} & More",  # headline style, as Chicago prints it
    "author": [{"literal": "Example Author"}],
    "issued": {"date-parts": [[2020]]},
})


def _hostile_deck(style: str = "chicago-note"):
    records = {"example": EXAMPLE}
    slides = [
        S("section", f"Section {JINJA}"),
        S("bullets", f"Title {SCRIPT}", [
            P(f"Point with {SCRIPT} & an ampersand.", (cite("example", 1, 1, "Lorem", records=records),)),
            P(f"Point with {JINJA}.", (cite("example", 2, None, "Lorem", records=records),)),
            P(CONTROLS),
        ], section=f"Section {JINJA}"),
    ]
    return make_deck(slides, audience=AUDIENCES["classroom"], style=style,
                     title=f"Handout {SCRIPT}", subtitle=None)


@pytest.fixture(scope="module")
def hostile():
    return render(_hostile_deck())


def _body(html: str) -> str:
    return html.split("</style>", 1)[1]


def test_html_in_text_is_escaped(hostile):
    body = _body(hostile.html)
    assert "<script" not in hostile.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&amp; an ampersand" in body


def test_html_in_text_is_visible_in_the_pdf(hostile):
    text = hostile.text
    assert f"Title {SCRIPT}" in text
    assert f"Point with {SCRIPT} & an ampersand." in text
    assert f"Example Source {SCRIPT} {{{{ 7*7 }}}} & More" in text  # the source's title, in note and bibliography
    assert f"Handout {SCRIPT}" in text


def test_template_syntax_in_text_is_not_run(hostile):
    assert JINJA in hostile.text
    assert "49" not in hostile.text
    assert "49" not in _body(hostile.html)
    assert "{{ 7*7 }}" in _body(hostile.html)


def test_control_characters_are_removed(hostile):
    assert "Loremipsum dolor sit amet." in hostile.html
    assert "Loremipsum dolor sit amet." in hostile.text
    for char in "\x00\x1b\x85\ud800\ufffe\uffff":
        assert char not in hostile.html


def test_a_record_url_that_is_not_a_web_link_is_not_made_a_link():
    record = SourceRecord("example", dict(EXAMPLE.csl, URL="javascript:alert(1)"))
    deck = make_deck([S("bullets", "One", [P("Lorem.", (cite("example", 1, records={"example": record}),))])],
                     audience=AUDIENCES["classroom"])
    html = render(deck).html
    assert 'href="javascript' not in html


def test_an_undefined_name_in_a_template_names_the_template_and_line(tmp_path):
    layout = make_layout(tmp_path, "broken", {"reading.html": (
        '{% extends "default/reading.html" %}\n'
        "{% block body %}\n"
        "<p>{{ doc.no_such_field }}</p>\n"
        "{% endblock %}\n")})
    with pytest.raises(BriefdeckError) as caught:
        render(_hostile_deck(), layout=layout)
    [problem] = caught.value.problems
    assert "undefined" in problem.message and "no_such_field" in problem.message
    assert problem.location.file.endswith("broken/handout/reading.html")
    assert problem.location.line == 3


def test_an_undefined_top_level_name_is_an_error_too(tmp_path):
    layout = make_layout(tmp_path, "broken", {"reading.html": "<p>\n{{ nowhere }}</p>\n"})
    with pytest.raises(BriefdeckError) as caught:
        render(_hostile_deck(), layout=layout)
    [problem] = caught.value.problems
    assert "'nowhere' is undefined" in problem.message
    assert (problem.location.file.endswith("reading.html"), problem.location.line) == (True, 2)


def test_a_template_syntax_error_names_the_template_and_line(tmp_path):
    layout = make_layout(tmp_path, "broken", {"reading.html": "<p>\n\n{% if %}</p>\n"})
    with pytest.raises(BriefdeckError) as caught:
        render(_hostile_deck(), layout=layout)
    [problem] = caught.value.problems
    assert "syntax" in problem.message
    assert problem.location.file.endswith("reading.html") and problem.location.line == 3
