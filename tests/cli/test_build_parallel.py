"""PDFs are made in a worker process, started before the brief is checked, to the bytes of a serial build.

The worker is forked only from a process running one thread: a test that
left a thread running (a preview not stopped) fails these, rather than
letting them pass without a worker.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import threading
from pathlib import Path

import pytest

from briefdeck.check import check_brief
from briefdeck.errors import BriefdeckError, Problem
from briefdeck.outputs import build_outputs, parse_formats
from briefdeck.render.handout import deck_to_html, html_to_pdf, pdf_worker
from briefdeck.render.handout.pdf_worker import PdfJob, PdfWorker
from briefdeck.layouts import find_layout
from render_handout.decks import example_deck

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="the PDF worker is forked")


@pytest.fixture(autouse=True)
def one_thread():
    others = [t for t in threading.enumerate() if t is not threading.main_thread()]
    for thread in others:
        thread.join(timeout=5)  # a daemon thread may still be finishing its last request
    left = [t.name for t in others if t.is_alive()]
    assert not left, f"threads another test left running ({', '.join(left)}): no worker is forked beside them"


@pytest.fixture
def renderers(project, monkeypatch, tmp_path):
    """The example brief in a project, and a log of the process id that made each PDF."""
    shutil.copy(REPO / "briefs" / "dprk-trafficking.yaml", project / "briefs" / "example.yaml")
    monkeypatch.chdir(project)
    log = tmp_path / "renderers.log"
    render = PdfJob.render

    def logged(job):
        with log.open("a", encoding="utf-8") as f:  # one short line per append: forked writers do not interleave
            f.write(f"{os.getpid()} {job.audience}\n")
        return render(job)

    monkeypatch.setattr(PdfJob, "render", logged)

    def made_by() -> dict[str, str]:
        lines = log.read_text(encoding="utf-8").splitlines()
        log.unlink()
        return {audience: pid for pid, audience in (line.split() for line in lines)}

    return made_by


def test_pdfs_made_side_by_side_are_the_bytes_of_a_serial_build(renderers, tmp_path):
    result = check_brief(Path("briefs/example.yaml"))
    assert not result.errors
    formats = parse_formats("pptx,html,pdf")
    serial = build_outputs(result, formats=formats, out_dir=tmp_path / "serial", workers=1)
    assert set(renderers().values()) == {str(os.getpid())}
    parallel = build_outputs(result, formats=formats, out_dir=tmp_path / "parallel", workers=2)
    by = renderers()
    assert sorted(by) == ["classroom", "policy"]
    assert str(os.getpid()) not in by.values() and len(set(by.values())) == 2  # two processes, neither this one
    assert len(serial) == len(parallel) == 6
    for a, b in zip(serial, parallel):
        assert a.path.name == b.path.name and a.path.read_bytes() == b.path.read_bytes(), a.path.name


def test_the_build_command_starts_the_worker_before_checking_and_hands_it_the_handouts(renderers, cli, project,
                                                                                      monkeypatch):
    import briefdeck.check
    events = []
    start, check = pdf_worker.PdfWorker.start, briefdeck.check.check_brief
    monkeypatch.setattr(pdf_worker.PdfWorker, "start", lambda n: events.append("start worker") or start(n))
    monkeypatch.setattr(briefdeck.check, "check_brief", lambda *a, **k: events.append("check") or check(*a, **k))
    result = cli(project, "build", "briefs/example.yaml", "--out", "out")
    assert result.exit_code == 0, result.output
    assert events == ["start worker", "check"]
    assert str(os.getpid()) not in renderers().values()
    assert pdf_worker.take_started() is None  # the build took the worker (and closed it)
    assert "out/example-classroom-handout.pdf" in result.stdout


def test_a_build_of_decks_alone_starts_no_worker(cli, project, monkeypatch):
    shutil.copy(REPO / "briefs" / "dprk-trafficking.yaml", project / "briefs" / "example.yaml")
    monkeypatch.setattr(pdf_worker.PdfWorker, "start", lambda n: pytest.fail("a worker was started"))
    result = cli(project, "build", "briefs/example.yaml", "--format", "pptx,html", "--out", "out")
    assert result.exit_code == 0, result.output


def test_a_handout_that_fails_ends_the_started_worker_and_writes_nothing(project, monkeypatch, tmp_path):
    import briefdeck.render.handout.html as handout_html

    shutil.copy(REPO / "briefs" / "dprk-trafficking.yaml", project / "briefs" / "example.yaml")
    monkeypatch.chdir(project)
    result = check_brief(Path("briefs/example.yaml"))

    def broken(deck, *, layout):
        raise BriefdeckError(Problem("the template went wrong", code="handout-template"))

    monkeypatch.setattr(handout_html, "deck_to_html", broken)
    pdf_worker.start_pdf_worker()
    with pytest.raises(BriefdeckError, match="the template went wrong"):
        build_outputs(result, formats=parse_formats("pptx,html,pdf"), out_dir=tmp_path / "out")
    assert pdf_worker.take_started() is None
    assert not [p for p in multiprocessing.active_children() if p.name == "briefdeck-pdf"]
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def default_layout():
    return find_layout("default", project=None)


@pytest.fixture(scope="module")
def memo():
    deck = example_deck("policy")
    html = deck_to_html(deck, layout=default_layout())
    return deck, html, html_to_pdf(html, deck=deck, root=default_layout().folder)


def test_the_worker_makes_the_bytes_html_to_pdf_makes(memo):
    deck, html, pdf = memo
    worker = PdfWorker.start(2)
    worker.send([PdfJob.of(html, deck, default_layout().folder)] * 3)
    assert worker.receive() == [pdf, pdf, pdf]


def test_a_refused_url_comes_back_as_the_same_problem(memo, tmp_path):
    deck, html, _ = memo
    page = html.replace("</body>", '<img src="https://example.org/x.png" alt=""></body>')
    worker = PdfWorker.start(1)
    worker.send([PdfJob.of(page, deck, tmp_path)])
    with pytest.raises(BriefdeckError) as raised:
        worker.receive()
    (problem,) = raised.value.problems
    assert problem.code == "handout-url" and "https://example.org/x.png" in problem.message
    assert "inside the project folder" in problem.hint


def test_pdfs_a_killed_worker_did_not_make_are_made_here(memo):
    deck, html, pdf = memo
    worker = PdfWorker.start(1)
    os.kill(worker.pid, signal.SIGKILL)
    worker.send([PdfJob.of(html, deck, default_layout().folder)])
    assert worker.receive() == [pdf]


def test_a_worker_whose_build_died_ends_by_itself():
    worker = PdfWorker.start(1)
    worker._connection.close()  # what the build's death does: its end of the pipe closes, no job, no goodbye
    worker._process.join(timeout=60)
    assert worker._process.exitcode == 0  # not waiting for jobs forever, holding the build's stderr open


def test_no_worker_is_forked_beside_another_thread(memo):
    release = threading.Event()
    waiting = threading.Thread(target=release.wait)
    waiting.start()
    try:
        assert PdfWorker.start(2) is None  # a lock the other thread holds would stay held in the fork
    finally:
        release.set()
        waiting.join()
    worker = PdfWorker.start(1)  # the thread has ended: forking is safe again
    assert worker is not None
    worker.close()
