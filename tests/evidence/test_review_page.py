"""The review page: written per audience, self-contained, each quote marked inside its paragraph.

The browser test opens the page in headless Chromium (selenium), with no
network, and reads what the page shows; it is skipped, saying why, where
Chromium or its driver is not installed.
"""

from __future__ import annotations

import html
import os
import re
import shutil
from pathlib import Path

import pytest

from briefdeck.outline.quotes import normalise, quote_pieces

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def reviewed(tmp_path: Path, cli) -> Path:
    root = tmp_path / "project"
    shutil.copytree(REPO / "seeds", root / "seeds")
    shutil.copytree(REPO / "briefs", root / "briefs")
    result = cli(root, "check", "briefs/dprk-trafficking.yaml", "--review")
    assert result.exit_code == 0, result.output
    assert "review: build/dprk-trafficking-policy-review.html" in result.stderr
    assert "review: build/dprk-trafficking-classroom-review.html" in result.stderr
    return root / "build"


def test_review_pages_are_self_contained_and_mark_each_quote_in_its_paragraph(reviewed):
    page = (reviewed / "dprk-trafficking-policy-review.html").read_text(encoding="utf-8")
    assert "<script" not in page and "http://" not in page and "https://" not in page and "<link" not in page
    assert not list(reviewed.glob("*.part"))
    blocks = re.findall(r'data-quote="([^"]*)">.*?<p class="paragraph">(.*?)</p>', page, re.DOTALL)
    assert len(blocks) >= 40
    for quote, paragraph in blocks:
        marked = re.search(r"<mark>(.*?)</mark>", paragraph, re.DOTALL)
        assert marked, quote
        words = normalise(html.unescape(marked.group(1))).text
        for piece in quote_pieces(html.unescape(quote)):
            assert piece in words, (quote, marked.group(1))
    assert "words of Korea Future Initiative, relayed by Robert R. King" in page
    assert page.count('<li class="pass">attribution</li>') >= 40


def test_review_page_lists_a_failed_check_beside_its_point(tmp_path, cli):
    root = tmp_path / "project"
    shutil.copytree(REPO / "seeds", root / "seeds")
    (root / "briefs").mkdir()
    (root / "briefs" / "b.yaml").write_text(
        "title: T\nslides:\n  - title: S\n    points:\n"
        "      - text: King writes that as many as 2.6 million people are in forced labour.\n"
        "        quote: as many as 2.6 million people\n"
        "      - text: North Korea stayed on Tier 3.\n        quote: the DPRK stayed on Tier 3\n", encoding="utf-8")
    result = cli(root, "check", "briefs/b.yaml", "--review")
    assert result.exit_code == 1
    page = (root / "build" / "b-all-review.html").read_text(encoding="utf-8")
    assert '<li class="fail">attribution<span class="msg">attribution: the text credits “King”' in page
    assert '<li class="fail">evidence found<span class="msg">the quote “the DPRK stayed on Tier 3”' in page
    assert "<mark>as many as 2.6 million people</mark>" in page


def _driver():
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver_path = shutil.which("chromedriver")
    if not browser or not driver_path:
        pytest.skip("Chromium or chromedriver is not installed (apt-get install chromium chromium-driver)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1200,1600", "--proxy-server=http://0.0.0.0:9", "--proxy-bypass-list=<-loopback>"):
        options.add_argument(flag)  # the proxy that goes nowhere: the page must need no network
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(driver_path), options=options)


def test_review_page_in_a_real_browser_highlights_every_quote_without_errors(reviewed):
    driver = _driver()
    try:
        driver.get((reviewed / "dprk-trafficking-classroom-review.html").as_uri())
        blocks = driver.execute_script("""
            return Array.from(document.querySelectorAll('.evidence[data-quote]')).map(e => {
              const p = e.querySelector('p.paragraph'), m = p && p.querySelector('mark');
              const box = m ? m.getBoundingClientRect() : null;
              return [e.dataset.quote, m ? m.textContent : null, p ? p.textContent : '',
                      m ? getComputedStyle(m).backgroundColor : '', box ? box.width * box.height : 0];
            });""")
        assert len(blocks) >= 30
        for quote, marked, paragraph, colour, area in blocks:
            assert marked is not None and marked in paragraph, quote
            assert colour not in ("", "rgba(0, 0, 0, 0)", "transparent") and area > 0, quote
            folded = normalise(marked).text
            assert all(piece in folded for piece in quote_pieces(quote)), (quote, marked)
        errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
        assert errors == []
        shot = os.environ.get("BRIEFDECK_REVIEW_SCREENSHOT")
        if shot:
            driver.save_screenshot(shot)
    finally:
        driver.quit()
