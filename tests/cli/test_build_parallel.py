"""Audiences and formats render in processes of their own, to the bytes of a serial build."""

from __future__ import annotations

import multiprocessing
import os
import shutil
from pathlib import Path

import pytest

from briefdeck import outputs
from briefdeck.check import check_brief
from briefdeck.outputs import build_outputs, parse_formats

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="parallel rendering forks")


@pytest.fixture
def checked(project, monkeypatch, tmp_path):
    """The example brief checked, and a log of the process id that rendered each output."""
    shutil.copy(REPO / "briefs" / "dprk-trafficking.yaml", project / "briefs" / "example.yaml")
    monkeypatch.chdir(project)
    log = tmp_path / "renderers.log"
    render = outputs._render

    def logged(output, *args):
        with log.open("a", encoding="utf-8") as f:  # one short line per append: forked writers do not interleave
            f.write(f"{os.getpid()} {output.path.name}\n")
        return render(output, *args)

    monkeypatch.setattr(outputs, "_render", logged)
    result = check_brief(Path("briefs/example.yaml"))
    assert not result.errors
    return result, log


def renderers(log: Path) -> dict[str, str]:
    lines = log.read_text(encoding="utf-8").splitlines()
    log.unlink()
    return {name: pid for pid, name in (line.split() for line in lines)}


def test_a_parallel_build_writes_the_bytes_of_a_serial_one(checked, tmp_path):
    result, log = checked
    formats = parse_formats("pptx,html,pdf")
    serial = build_outputs(result, formats=formats, out_dir=tmp_path / "serial", workers=1)
    assert set(renderers(log).values()) == {str(os.getpid())}
    parallel = build_outputs(result, formats=formats, out_dir=tmp_path / "parallel", workers=2)
    by = renderers(log)
    assert len(serial) == len(parallel) == 6 and sorted(by) == sorted(o.path.name for o in parallel)
    assert str(os.getpid()) not in by.values() and len(set(by.values())) == 2
    # an audience's .pdf is made from its .html in the same process; each deck on its own
    assert by["example-policy-handout.html"] == by["example-policy-handout.pdf"]
    for a, b in zip(serial, parallel):
        assert a.path.name == b.path.name and a.path.read_bytes() == b.path.read_bytes(), a.path.name
