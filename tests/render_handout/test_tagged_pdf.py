"""Handouts everyone can read: tagged PDF (PDF/UA-1), language and title, headings in order, landmarks.

veraPDF (the PDF/UA validator) is a Java tool with no Debian or PyPI
package here, so these tests assert what it would look at first: the
structure tree, MarkInfo, /Lang, the displayed title, the PDF/UA
identification in the metadata, and headings that never skip a level.
"""

from __future__ import annotations

import io
import re

import pytest
from lxml import html as lxml_html
from pypdf import PdfReader

from briefdeck.check import check_brief
from briefdeck.layouts import find_layout
from briefdeck.render.handout import deck_to_html, html_to_pdf

from .conftest import render_example
from .decks import REPO

HANDOUTS = [("classroom", None), ("policy", None), ("policy", "slides"), ("classroom", "memo")]


def _structure(pdf: bytes) -> tuple[dict, list[str]]:
    """The catalog, and the structure tree's element types in reading order."""
    catalog = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    found: list[str] = []

    def walk(node) -> None:
        node = node.get_object()
        if isinstance(node, dict) and "/S" in node:
            found.append(str(node["/S"]))
            kids = node.get("/K")
            for kid in kids if isinstance(kids, list) else [kids]:
                if kid is not None and hasattr(kid, "get_object"):
                    walk(kid)

    for kid in catalog["/StructTreeRoot"]["/K"]:
        walk(kid)
    return catalog, found


@pytest.mark.parametrize("audience, kind", HANDOUTS)
def test_the_pdf_is_tagged_with_language_title_and_pdf_ua_identification(audience, kind):
    rendered = render_example(audience, handout=kind)
    catalog, tags = _structure(rendered.pdf)
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert catalog["/Lang"] == "en-GB"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert PdfReader(io.BytesIO(rendered.pdf)).metadata["/Title"] == "North Korea and Human Trafficking"
    assert tags[0] == "/Document" and "/H1" in tags and "/P" in tags
    metadata = catalog["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfuaid:part[^0-9]*1", metadata)


@pytest.mark.parametrize("audience, kind", HANDOUTS)
def test_headings_start_at_one_and_never_skip_a_level(audience, kind):
    rendered = render_example(audience, handout=kind)
    _, tags = _structure(rendered.pdf)
    levels = [int(t[2]) for t in tags if re.fullmatch(r"/H[1-6]", t)]
    assert levels[0] == 1 and len(levels) > 3
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels
    page = lxml_html.fromstring(rendered.html)
    html_levels = [int(h.tag[1]) for h in page.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert html_levels == levels


@pytest.mark.parametrize("audience, kind", HANDOUTS)
def test_every_word_of_the_html_is_in_a_landmark(audience, kind):
    page = lxml_html.fromstring(render_example(audience, handout=kind).html)
    body = page.find("body")
    assert [child.tag for child in body] == ["header", "main"]
    assert len(page.findall(".//main")) == 1 and page.find(".//header/h1") is not None


def _figure_alts(pdf: bytes) -> list[str]:
    found: list[str] = []

    def walk(node) -> None:
        node = node.get_object()
        if isinstance(node, dict) and "/S" in node:
            if node["/S"] == "/Figure":
                found.append(str(node.get("/Alt", "")))
            kids = node.get("/K")
            for kid in kids if isinstance(kids, list) else [kids]:
                if kid is not None and hasattr(kid, "get_object"):
                    walk(kid)

    for kid in PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/StructTreeRoot"]["/K"]:
        walk(kid)
    return found


def test_the_example_chart_is_an_svg_figure_with_its_text_alternative_and_footnoted_data():
    brief = REPO / "briefs" / "dprk-trafficking.yaml"
    result = check_brief(brief, strict=True)
    deck = result.decks["policy"]
    layout = find_layout(result.outline.layout, project=result.workspace.root, base=brief.parent)
    html = deck_to_html(deck, layout=layout)
    alt = ("Bar chart: Two estimates King cites (People by Estimate). In forced labour or modern slavery "
           "(Global Slavery Index): 2.6 million; In work brigades (human rights groups): 400,000.")
    figure = lxml_html.fromstring(html).find(".//figure[@class='chart']")
    svg = figure.find("svg")
    assert svg.get("role") == "img" and svg.find("title").text == alt
    assert svg.get("aria-labelledby") == svg.find("title").get("id")
    data = [li.text_content() for li in figure.findall(".//figcaption//li")]
    assert data[0].startswith("In forced labour or modern slavery (Global Slavery Index): 2.6 million")
    # the footnote, floated to the page foot in print (King states the estimate in his own words: no "quoted in")
    assert data[0].endswith("King, “State Department Report,” par. 17.")
    assert _figure_alts(html_to_pdf(html, deck=deck, root=REPO)) == [alt]
