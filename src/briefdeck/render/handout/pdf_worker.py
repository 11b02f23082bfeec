"""A process that imports WeasyPrint while the brief is checked, then turns the handouts' HTML into PDF.

Importing WeasyPrint takes about as long as checking the example brief.
`PdfWorker.start` forks a process that imports it at once, so the two overlap
when a second core is free; the build sends it every audience's HTML
(`send`), writes the decks meanwhile, and collects the PDFs (`receive`). Told
that more cores are idle, the worker forks a child per further PDF once
WeasyPrint is loaded, so handouts render side by side without importing it
twice. Each PDF is `pdf.pdf_bytes` of the same HTML, the bytes of a build
in one process.

A problem with a handout (a refused URL) comes back as the same
BriefdeckError; a PDF the worker could not make for any other reason (it
crashed, or was killed) is made again in the build's own process, which
then fails or succeeds as a serial build would.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import math
import os
import pickle
import signal
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from briefdeck.errors import BriefdeckError

if TYPE_CHECKING:
    from briefdeck.deck.model import Deck


@dataclass(frozen=True)
class PdfJob:
    """What a handout's PDF is made from: its HTML and the few things about its deck the PDF records."""

    html: str
    name: str
    audience: str
    date: dt.date | None
    root: Path

    @classmethod
    def of(cls, html: str, deck: Deck, root: Path) -> PdfJob:
        return cls(html, deck.name, deck.audience.key, deck.date, Path(root))

    def render(self) -> bytes:
        from .pdf import pdf_bytes
        return pdf_bytes(self.html, name=self.name, audience=self.audience, date=self.date, root=self.root)


# The worker the command line started before checking the brief (`start_pdf_worker`), if any.
_STARTED: PdfWorker | None = None


def start_pdf_worker() -> None:
    """Fork the PDF worker now, before a build that makes PDFs, so WeasyPrint loads while the brief is checked.

    The next build takes it (`take_started`); a build that stops before (an
    error in the brief) leaves it to be ended at exit, as a daemon, or by the
    next start.
    """
    global _STARTED
    started = take_started()
    if started is not None:
        started.close()
    _STARTED = PdfWorker.start(idle_cores())


def take_started() -> PdfWorker | None:
    """The worker `start_pdf_worker` started, now the caller's to close; None if there is none."""
    global _STARTED
    started, _STARTED = _STARTED, None
    return started


def idle_cores() -> int:
    """Cores that other processes are not using now: on a busy machine side-by-side renders only add CPU time."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    try:
        with open("/proc/loadavg", encoding="ascii") as f:  # runnable at this moment, this process included
            busy: float = int(f.read().split()[3].partition("/")[0]) - 1
    except (OSError, ValueError, IndexError):  # not Linux: the last minute's average
        try:
            busy = os.getloadavg()[0]
        except OSError:
            busy = 0.0
    return max(1, min(cores, math.ceil(cores - busy)))


# An answer per job: ("pdf", bytes), ("problems", (problems, usage)), or None (make it again here).
Answer = tuple | None


class PdfWorker:
    """A forked process that has WeasyPrint loaded (or is loading it) and makes one build's PDFs."""

    def __init__(self, process, connection):
        self._process = process
        self._connection = connection
        self._jobs: list[PdfJob] = []

    @classmethod
    def start(cls, side_by_side: int) -> PdfWorker | None:
        """A worker rendering up to ``side_by_side`` PDFs at once; None where forking is unsafe or unknown."""
        import multiprocessing  # here, not at the top: a build that writes only decks never forks

        if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() != 1:
            return None  # fork copies a single thread only: another thread's locks could be held forever
        context = multiprocessing.get_context("fork")
        ours, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(theirs, side_by_side, ours), name="briefdeck-pdf",
                                  daemon=True)
        process.start()
        theirs.close()
        return cls(process, ours)

    @property
    def pid(self) -> int:
        return self._process.pid

    def send(self, jobs: list[PdfJob]) -> None:
        self._jobs = jobs
        try:
            self._connection.send(jobs)
        except OSError:  # the worker is gone: receive() makes the PDFs here
            pass

    def receive(self) -> list[bytes]:
        """Each job's PDF, in order. A problem with a handout raises its BriefdeckError."""
        try:
            answers: list[Answer] = self._connection.recv()
        except (EOFError, OSError, pickle.UnpicklingError):
            answers = [None] * len(self._jobs)
        finally:
            self.close()
        pdfs = []
        for job, answer in zip(self._jobs, answers):
            if answer is None:
                pdfs.append(job.render())
            elif answer[0] == "problems":
                problems, usage = answer[1]
                raise BriefdeckError(problems, usage=usage)
            else:
                pdfs.append(answer[1])
        return pdfs

    def close(self) -> None:
        self._connection.close()
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()


def _serve(connection, side_by_side: int, builds_end) -> None:
    """The worker: import WeasyPrint, take the build's jobs, answer once.

    Whatever goes wrong here ends the worker quietly: the build then makes
    the PDFs itself and says what is wrong, as a build in one process would.
    """
    # The fork copied the build's end of the pipe: closed here, so that a build that dies without
    # ending this process (killed, or interrupted before it could) is seen as the end of the pipe,
    # instead of this process waiting for jobs forever, holding the build's stderr open.
    builds_end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle; it ends this process
    signal.signal(signal.SIGTERM, _end_with_children)
    received: list[list[PdfJob]] = []
    # The jobs are read while WeasyPrint loads, so that the build never waits to hand over a long handout.
    reader = threading.Thread(target=_receive, args=(connection, received))
    reader.start()
    try:
        from . import pdf  # noqa: F401  (what this process is for: the import, while the build checks the brief)
    except Exception:  # noqa: BLE001  (WeasyPrint cannot load: the build's own import says why)
        reader.join()
        return
    reader.join()
    if received:
        with contextlib.suppress(OSError):
            connection.send(_answers(received[0], side_by_side))


def _receive(connection, into: list) -> None:
    with contextlib.suppress(EOFError, OSError):  # EOF: the build stopped (an error in the brief)
        into.append(connection.recv())


def _answers(jobs: list[PdfJob], side_by_side: int) -> list[Answer]:
    """Each job's answer, ``side_by_side`` of them made at once: this process and forked children."""
    lanes = max(1, min(side_by_side, len(jobs)))
    groups = [list(range(len(jobs)))[lane::lanes] for lane in range(lanes)]
    gc.freeze()  # the children's collections then leave the loaded modules' pages shared
    children = [_forked([jobs[i] for i in group]) for group in groups[1:]]
    answers: dict[int, Answer] = {i: _answer(jobs[i]) for i in groups[0]}
    for group, collect in zip(groups[1:], children):
        answers.update(zip(group, collect()))
    return [answers[i] for i in range(len(jobs))]


def _answer(job: PdfJob) -> Answer:
    try:
        return ("pdf", job.render())
    except BriefdeckError as exc:  # its problems, whole: the exception pickles only its message
        return ("problems", (exc.problems, exc.usage))
    except Exception:  # noqa: BLE001  made again in the build's process, which reports it as a serial build would
        return None


_CHILDREN: list[int] = []  # the worker's forked children, ended with it


def _end_with_children(signum, frame) -> None:
    for pid in _CHILDREN:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    os._exit(1)


def _forked(jobs: list[PdfJob]) -> Callable[[], list[Answer]]:
    """Render ``jobs`` in a forked child; call the result to wait for its answers."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer through the pipe, then leave without the parent's exit handlers
        try:
            signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C ends it (os._exit below)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.close(read)
            with os.fdopen(write, "wb") as pipe:
                pipe.write(pickle.dumps([_answer(job) for job in jobs]))
        finally:
            os._exit(0)
    _CHILDREN.append(pid)
    os.close(write)

    def collect() -> list[Answer]:
        with os.fdopen(read, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        return pickle.loads(data) if data else [None] * len(jobs)

    return collect
