"""A preview server on a scratch copy of the example project, and a headless Chromium to look at it."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from briefdeck.preview import start_preview, stop_preview
from preview.support import CHROMEDRIVER, CHROMIUM, REPO, wait_for


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A project with the seeds and the example brief (and its lock)."""
    root = tmp_path / "project"
    shutil.copytree(REPO / "seeds", root / "seeds")
    (root / "briefs").mkdir()
    for name in ("dprk-trafficking.yaml", "dprk-trafficking.lock.json"):
        shutil.copy(REPO / "briefs" / name, root / "briefs" / name)
    return root


@pytest.fixture
def serve():
    """``serve(brief)``: a running preview server for ``brief``, stopped after the test."""
    running = []

    def start(brief: Path, **options):
        server = start_preview(brief, port=0, **options)
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        running.append((server, thread))
        wait_for(lambda: server.builder.snapshot.version >= 1, what="the first build")
        return server

    yield start
    for server, thread in running:
        server.shutdown()
        thread.join(timeout=5)
        stop_preview(server)


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium through chromedriver, or a skip saying what is missing."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="needs selenium (the test extra)")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,1000"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(str(CHROMEDRIVER)))
    yield driver
    driver.quit()
