"""The preview in a real headless Chromium: every slide, the evidence panel, refresh on save, errors.

Screenshots of each state are written to the test's temporary folder.
"""

from __future__ import annotations

import pytest

from briefdeck.check import check_brief
from briefdeck.layouts import find_layout
from briefdeck.render.pptx.frames import Frames
from briefdeck.render.pptx.plan import deck_to_pages
from briefdeck.render.pptx.settings import pptx_settings
from briefdeck.render.pptx.template import load_base
from preview.support import BRIEF, wait_for

TIER3 = "Tier 3, the lowest ranking"


def planned_titles(brief, audience):
    """The titles of the pages the .pptx of ``audience`` has, as the PowerPoint renderer plans them."""
    result = check_brief(brief, audience=audience, write_lock=False)
    settings = pptx_settings(find_layout(result.outline.layout, project=result.workspace.root))
    return [p.title for p in deck_to_pages(result.decks[audience], Frames(settings, load_base(settings)))]


def page_figure(driver, title):
    return next(f for f in driver.find_elements("css selector", "figure.page")
                if f.find_element("css selector", "figcaption").text.split("\n")[0].endswith(title))


@pytest.mark.parametrize("audience", ["policy", "classroom"])
def test_every_slide_is_shown(example, serve, browser, audience, tmp_path):
    server = serve(example / BRIEF)
    browser.get(f"{server.address}a/{audience}")
    slides = browser.find_elements("css selector", ".pages .slide")
    titles = planned_titles(example / BRIEF, audience)
    assert len(slides) == len(titles)
    captions = [f.find_element("css selector", "figcaption").text.split("\n")[0].split(" ", 1)[1]
                for f in browser.find_elements("css selector", "figure.page")]
    assert captions == titles  # "(cont.)" pages included, in the file's order
    assert all(s.size["width"] > 500 and s.size["height"] > 250 for s in slides)
    browser.save_screenshot(str(tmp_path / f"{audience}.png"))


def test_the_first_marker_on_the_tier3_slide_shows_the_tip_paragraph(example, serve, browser, tmp_path):
    server = serve(example / BRIEF)
    browser.get(f"{server.address}a/policy")
    figure = page_figure(browser, TIER3)
    browser.execute_script("arguments[0].scrollIntoView()", figure)
    panel = browser.find_element("css selector", "#evidence")
    assert not panel.is_displayed()
    figure.find_elements("css selector", ".slide .marker")[0].click()
    wait_for(panel.is_displayed, what="the evidence panel")
    assert panel.find_element("css selector", "mark").text == "the DPRK remained on Tier 3"
    passage = panel.find_element("css selector", ".passage").text
    assert passage.startswith("The Government of the Democratic People’s Republic of Korea (DPRK or North Korea)")
    assert "tip-2017-dprk:p1.s1" in panel.text and "Democratic People's Republic of Korea" in panel.text
    assert "unchanged since the evidence lock" in panel.text
    browser.save_screenshot(str(tmp_path / "evidence.png"))


def test_saving_the_brief_changes_the_open_page(example, serve, browser, tmp_path):
    server = serve(example / BRIEF)
    browser.get(f"{server.address}a/policy")
    browser.execute_script("window.notReloaded = true")
    page_figure(browser, TIER3)
    brief = example / BRIEF
    edited = brief.with_name("edited.part")  # saved the way editors do: a new file renamed over the old
    edited.write_text(brief.read_text(encoding="utf-8").replace(TIER3, "Tier 3 (the lowest ranking)"),
                      encoding="utf-8")
    edited.replace(brief)
    wait_for(lambda: "Tier 3 (the lowest ranking)" in browser.find_element("css selector", ".pages").text,
             what="the new title on the page")
    assert browser.execute_script("return window.notReloaded") is True
    assert TIER3 not in browser.find_element("css selector", ".pages").text
    browser.save_screenshot(str(tmp_path / "edited.png"))


def test_a_brief_with_an_error_shows_it_with_its_line(example, serve, browser, tmp_path):
    server = serve(example / BRIEF)
    browser.get(f"{server.address}a/policy")
    brief = example / BRIEF
    lines = brief.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if "quote: the DPRK remained on Tier 3" in line)
    lines[at] = lines[at].replace("the DPRK remained on Tier 3", "the DPRK is said to have remained on Tier 3")
    brief.write_text("\n".join(lines), encoding="utf-8")
    where = f"dprk-trafficking.yaml:{at + 1}:"

    def shown() -> str:
        text = browser.find_element("id", "body").text
        return text if where in text else ""

    text = wait_for(shown, what="the error on the page")
    assert "The brief does not build: 1 error, 0 warnings" in text
    error = next(line for line in text.split("\n") if where in line)
    assert "error: the quote “the DPRK is said to have remained on Tier 3” is not in the sources" in error
    # the last good slides are still there
    assert "The last slides that built" in browser.page_source
    assert page_figure(browser, TIER3)
    browser.save_screenshot(str(tmp_path / "error.png"))
