"""The PDF worker: the PDFs of html_to_pdf, a handout's problems whole, and a lost worker made up for here."""

from __future__ import annotations

import multiprocessing
import os
import signal

import pytest

from briefdeck.errors import BriefdeckError
from briefdeck.render.handout import deck_to_html, html_to_pdf
from briefdeck.render.handout.pdf_worker import PdfJob, PdfWorker

from .conftest import default_layout
from .decks import example_deck

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="the PDF worker is forked")


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
