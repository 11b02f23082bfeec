"""PDF output: the same bytes every time, and nothing fetched from outside the project."""

from __future__ import annotations

import io
import socket
import time

import pytest
from pypdf import PdfReader

from briefdeck.errors import BriefdeckError
from briefdeck.render.handout import deck_to_html, html_to_pdf

from .conftest import default_layout, render_example
from .decks import example_deck


def test_two_renders_give_identical_bytes(monkeypatch):
    deck = example_deck("classroom")
    html = deck_to_html(deck, layout=default_layout())
    assert deck_to_html(deck, layout=default_layout()) == html
    first = html_to_pdf(html, deck=deck, root=default_layout().folder)
    # A day later, the same bytes: nothing in the file depends on the clock.
    later = time.time() + 86_400
    monkeypatch.setattr(time, "time", lambda: later)
    second = html_to_pdf(html, deck=deck, root=default_layout().folder)
    assert first == second


def test_the_pdf_is_dated_from_the_brief_and_titled():
    info = PdfReader(io.BytesIO(render_example("classroom").pdf)).metadata
    assert info["/CreationDate"].startswith("D:20261122")
    assert info["/ModDate"].startswith("D:20261122")
    assert info["/Title"] == "North Korea and Human Trafficking"


def test_a_deck_without_a_date_gets_no_invented_date():
    from dataclasses import replace

    deck = replace(example_deck("classroom"), date=None)
    html = deck_to_html(deck, layout=default_layout())
    info = PdfReader(io.BytesIO(html_to_pdf(html, deck=deck, root=default_layout().folder))).metadata
    assert "/CreationDate" not in info and "/ModDate" not in info


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args}")
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def _with_resource(html: str, markup: str) -> str:
    return html.replace("</main>", markup + "</main>", 1)


@pytest.mark.parametrize("markup, url", [
    ('<img src="http://example.invalid/x.png">', "http://example.invalid/x.png"),
    ('<img src="https://example.invalid/x.png">', "https://example.invalid/x.png"),
    ('<style>@import url("http://example.invalid/x.css");</style>', "http://example.invalid/x.css"),
    ('<div style="background: url(file:///etc/passwd)">x</div>', "file:///etc/passwd"),
    ('<img src="file:///etc/passwd">', "file:///etc/passwd"),
    ('<img src="../../../../../../etc/passwd">', "file:///etc/passwd"),
])
def test_the_fetcher_refuses_the_network_and_files_outside_the_project(tmp_path, no_network, markup, url):
    deck = example_deck("classroom")
    html = _with_resource(deck_to_html(deck, layout=default_layout()), markup)
    with pytest.raises(BriefdeckError) as caught:
        html_to_pdf(html, deck=deck, root=tmp_path)
    [problem] = caught.value.problems
    assert url in problem.message
    assert problem.code == "handout-url"


def test_a_file_inside_the_project_may_be_used(tmp_path, no_network):
    (tmp_path / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
        encoding="utf-8")
    deck = example_deck("classroom")
    html = _with_resource(deck_to_html(deck, layout=default_layout()), '<img src="logo.svg" alt="">')
    assert html_to_pdf(html, deck=deck, root=tmp_path).startswith(b"%PDF")


def test_a_data_url_needs_no_fetching_and_is_allowed(tmp_path, no_network):
    deck = example_deck("classroom")
    pixel = ("data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIxIiBo"
             "ZWlnaHQ9IjEiLz4=")
    html = _with_resource(deck_to_html(deck, layout=default_layout()), f'<img src="{pixel}" alt="">')
    assert html_to_pdf(html, deck=deck, root=tmp_path).startswith(b"%PDF")


def test_a_missing_file_in_the_project_is_an_error_naming_it(tmp_path, no_network):
    deck = example_deck("classroom")
    html = _with_resource(deck_to_html(deck, layout=default_layout()), '<img src="missing.png">')
    with pytest.raises(BriefdeckError) as caught:
        html_to_pdf(html, deck=deck, root=tmp_path)
    assert (tmp_path / "missing.png").as_uri() in caught.value.problems[0].message


def test_the_html_is_self_contained(classroom):
    html = classroom.html
    for needle in ("<link", "<script", "src=", "@import", "url("):
        assert needle not in html
