"""The footnote area's height summed from one- and two-note areas: the same PDF as WeasyPrint's own layout."""

from __future__ import annotations

import pytest
import weasyprint.layout

from briefdeck.render.handout import deck_to_html, footnote_area, html_to_pdf

from .conftest import default_layout, pdf_pages
from .decks import long_deck

OWN = weasyprint.layout.LayoutContext._update_footnote_area


@pytest.fixture(scope="module")
def long_sheet():
    deck = long_deck(4)
    return deck, deck_to_html(deck, layout=default_layout())


def _both(monkeypatch, deck, html) -> tuple[bytes, bytes]:
    summed = html_to_pdf(html, deck=deck, root=default_layout().folder)
    with monkeypatch.context() as patch:
        patch.setattr(weasyprint.layout.LayoutContext, "_update_footnote_area", OWN.weasyprints_own)
        own = html_to_pdf(html, deck=deck, root=default_layout().folder)
    return summed, own


def test_the_installed_weasyprint_gets_the_summed_heights():
    # Fails after a WeasyPrint upgrade that changed the method: check the sum still holds, then update the hash.
    assert footnote_area.install(weasyprint.layout)
    assert OWN.summed_heights


def test_a_long_reading_sheet_is_byte_for_byte_weasyprints_own_layout(monkeypatch, long_sheet):
    deck, html = long_sheet
    summed, own = _both(monkeypatch, deck, html)
    pages = pdf_pages(summed)
    assert len(pages) >= 6 and sum(page.count("King") for page in pages) > 20  # many notes a page, over many pages
    assert summed == own


def test_an_area_with_a_maximum_height_is_laid_out_whole_as_weasyprint_does(monkeypatch, long_sheet):
    deck, html = long_sheet
    capped = html.replace("padding-top: 2mm;", "padding-top: 2mm;\n    max-height: 60mm;", 1)
    assert capped != html
    summed, own = _both(monkeypatch, deck, capped)
    assert summed == own
    assert len(pdf_pages(summed)) > len(pdf_pages(html_to_pdf(html, deck=deck, root=default_layout().folder)))


def test_notes_stack_without_a_layout_of_each_pair_only_where_just_their_margins_meet(monkeypatch, long_sheet):
    deck, html = long_sheet
    # Notes numbered ...3 get a larger bottom margin; notes numbered ...5 hold a block with a margin of its own.
    mixed = html.replace("margin-bottom: 0.6mm;\n  }", "margin-bottom: 0.6mm;\n  }\n"
                         "  .fn[data-n$='3'] { margin-bottom: 2mm; }\n"
                         "  .fn[data-n$='5']::after { content: 'x'; display: block; margin-top: 1mm; }", 1)
    assert mixed != html
    stacked = []
    original = footnote_area._stacked
    monkeypatch.setattr(footnote_area, "_stacked", lambda above, note: stacked.append(original(above, note))
                        or stacked[-1])
    summed, own = _both(monkeypatch, deck, mixed)
    assert summed == own
    assert any(s is None for s in stacked) and any(s is not None for s in stacked)  # both ways were taken
