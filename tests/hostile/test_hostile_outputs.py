"""Outputs survive a full disk and a killed build: every file of every audience is written before any
is renamed into place, and the ``.part`` files a killed build leaves are removed by the next build."""

from __future__ import annotations

import errno
import fcntl
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from briefdeck import files
from briefdeck.render.pptx import check_pptx

from .helpers import assert_no_traceback, snapshot, write_brief

TWO_AUDIENCES = """\
title: Example briefing
date: 2026-11-22
audiences:
  policy:
    label: Policy staff
    handout: memo
  classroom:
    label: Upper-secondary civics
    handout: reading
slides:
  - title: Tier 3
    points:
      - text: North Korea stayed on Tier 3 in 2017.
        quote: the DPRK remained on Tier 3
"""
FORMATS = ("--format", "pptx,html")


def built(project: Path, cli) -> dict[str, str]:
    write_brief(project, text=TWO_AUDIENCES)
    result = cli(project, "build", "briefs/b.yaml", *FORMATS)
    assert result.exit_code == 0, result.output
    return snapshot(project / "build")


def change_brief(project: Path) -> None:
    write_brief(project, text=TWO_AUDIENCES.replace("Example briefing", "Changed briefing"))


def parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_a_full_disk_on_the_third_file_leaves_every_earlier_file_whole(project, cli, monkeypatch):
    before = built(project, cli)
    change_brief(project)
    real_write = files._write_bytes
    written = []

    def full_disk(handle, data):  # two files fit; the disk is full by the third (the second audience's deck)
        written.append(len(data))
        if len(written) > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(handle, data)

    monkeypatch.setattr(files, "_write_bytes", full_disk)
    result = cli(project, "build", "briefs/b.yaml", *FORMATS)
    assert result.exit_code == 1
    assert ("build/b-classroom.pptx: error: cannot write build/b-classroom.pptx: No space left on device"
            in result.stderr)
    assert_no_traceback(result.output)
    assert snapshot(project / "build") == before  # neither audience has a new file
    assert parts(project / "build") == []


def test_a_short_write_is_completed_not_truncated(project, cli, monkeypatch):
    real_write = os.write
    monkeypatch.setattr(files.os, "write", lambda handle, data: real_write(handle, bytes(data)[:1000]))
    built(project, cli)
    monkeypatch.undo()
    for name in ("b-policy.pptx", "b-classroom.pptx"):
        assert check_pptx((project / "build" / name).read_bytes()) == []


def test_parts_left_by_a_dead_build_are_removed_and_others_kept(project, cli):
    before = built(project, cli)
    folder = project / "build"
    dead = folder / ".b-policy.pptx.k3j2h1g0.part"
    dead.write_bytes(b"half a deck")
    other = folder / ".other-brief-policy-handout.pdf.a1b2c3d4.part"  # another brief's, also dead
    other.write_bytes(b"half a handout")
    unrelated = folder / ".notes.txt.abcdef.part"  # not briefdeck's
    unrelated.write_bytes(b"someone else's")
    held = folder / ".b-classroom.pptx.zzzzzz.part"  # a build running now holds its lock
    held.write_bytes(b"being written")
    for path in (dead, other, unrelated, held):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    holder = os.open(held, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        result = cli(project, "build", "briefs/b.yaml", *FORMATS)
    finally:
        os.close(holder)
    assert result.exit_code == 0, result.output
    assert not dead.exists() and not other.exists() and unrelated.exists() and held.exists()
    assert snapshot(folder).keys() == before.keys() | {unrelated.name, held.name}


KILLER = """
import os, signal, sys
from briefdeck import cli, files

def write_half_then_die(handle, data):
    os.write(handle, bytes(data)[: len(data) // 2])
    os.fsync(handle)
    os.kill(os.getpid(), signal.SIGKILL)

files._write_bytes = write_half_then_die
cli.main(["build", "briefs/b.yaml", "--format", "pptx,html"])
"""


def test_a_build_killed_while_writing_leaves_the_old_files_and_the_next_build_cleans_up(project, cli):
    before = built(project, cli)
    change_brief(project)
    killed = subprocess.run([sys.executable, "-c", textwrap.dedent(KILLER)], cwd=project, capture_output=True,
                            text=True, timeout=300)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    folder = project / "build"
    left = parts(folder)
    assert len(left) == 1 and left[0].startswith(".b-policy.pptx.")  # what the kill left behind
    assert {k: v for k, v in snapshot(folder).items() if not k.endswith(".part")} == before
    result = cli(project, "build", "briefs/b.yaml", *FORMATS)
    assert result.exit_code == 0, result.output
    assert parts(folder) == []
    assert sorted(snapshot(folder)) == sorted(before)
    for name in ("b-policy.pptx", "b-classroom.pptx"):
        assert check_pptx((folder / name).read_bytes()) == []
    assert "Changed briefing" in (folder / "b-classroom-handout.html").read_text(encoding="utf-8")
