"""An index that repairs itself: edits it must notice, damage it must survive, verdicts it must not change."""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from briefdeck.findings.integrity import is_damage

REPO = Path(__file__).resolve().parents[2]
TIP = "001_8626f1c1c84b5475.txt"
QUOTE = "the DPRK remained on Tier 3"


@pytest.fixture
def briefed(project: Path) -> Path:
    """The project with the example brief (it finds the project's seeds/ by walking up)."""
    shutil.copy(REPO / "briefs" / "dprk-trafficking.yaml", project / "briefs" / "b.yaml")
    return project


def database(project: Path) -> Path:
    (found,) = (project / ".briefdeck").glob("findings-*.sqlite")
    return found


def edit_in_place(path: Path, old: str, new: str) -> None:
    """Change the words without changing the size or the modification time."""
    assert len(old.encode()) == len(new.encode())
    before = path.stat()
    data = path.read_bytes()
    assert data.count(old.encode()) == 1
    path.write_bytes(data.replace(old.encode(), new.encode()))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns


def verdict(result) -> dict:
    """What ``check --json`` decides, without the warning that the index was rebuilt."""
    shown = json.loads(result.stdout)
    shown["problems"] = [p for p in shown["problems"] if "findings index" not in p["message"]]
    shown["warnings"] = sum(p["severity"] == "warning" for p in shown["problems"])
    return shown


def test_a_same_size_same_time_edit_is_noticed(briefed, cli):
    assert cli(briefed, "check", "briefs/b.yaml").exit_code == 0
    edit_in_place(briefed / "seeds" / TIP, "remained on Tier 3", "remained on Tier 2")
    result = cli(briefed, "check", "briefs/b.yaml", "--json")
    assert result.exit_code == 1
    assert any(p["code"] == "quote-not-found" and QUOTE in p["message"] for p in json.loads(result.stdout)["problems"])
    found = json.loads(cli(briefed, "find", "remained on Tier", "--json").stdout)
    assert any("the DPRK remained on Tier 2" in f["text"] for f in found)
    assert not any("remained on Tier 3" in f["text"] for f in found)


def test_verify_hashes_every_file_and_the_final_match_reads_the_file_now(briefed, cli):
    assert cli(briefed, "check", "briefs/b.yaml").exit_code == 0
    # A clock that ran ahead when the index was written: its times vouch for an edit made later.
    with sqlite3.connect(database(briefed)) as db:
        db.execute("UPDATE files SET written = written + 3600 * 1000000000")
    db.close()
    edit_in_place(briefed / "seeds" / TIP, "remained on Tier 3", "remained on Tier 2")
    # The index still holds the old words, but the verdict is made against the file as it is now.
    result = cli(briefed, "check", "briefs/b.yaml", "--json")
    assert result.exit_code == 1
    assert any(p["code"] == "quote-not-found" and QUOTE in p["message"] for p in json.loads(result.stdout)["problems"])
    # --verify compares every file's bytes: the index takes the new words.
    found = json.loads(cli(briefed, "find", "remained on Tier", "--json", "--verify").stdout)
    assert any("the DPRK remained on Tier 2" in f["text"] for f in found)


def test_a_database_that_is_not_one_is_rebuilt_with_a_warning(briefed, cli):
    assert cli(briefed, "find", "prison camps").exit_code == 0
    path = database(briefed)
    path.write_bytes(b"\x00garbage" * 512)
    result = cli(briefed, "find", "prison camps", "--json")
    assert result.exit_code == 0, result.output
    assert "warning: the findings index" in result.stderr and "deleted and built again" in result.stderr
    assert json.loads(result.stdout)
    again = cli(briefed, "find", "prison camps")
    assert again.exit_code == 0 and "warning" not in again.stderr


def test_forty_random_corruptions_change_no_verdict(briefed, cli):
    clean = cli(briefed, "check", "briefs/b.yaml", "--json")
    assert clean.exit_code == 0, clean.output
    clean_find = json.loads(cli(briefed, "find", "forced labor", "--json").stdout)
    path = database(briefed)
    pristine = path.read_bytes()
    rng = random.Random(20261129)
    rebuilt = 0
    for attempt in range(40):
        for leftover in path.parent.glob(path.name + "-*"):
            leftover.unlink()
        damaged = bytearray(pristine)
        at, length = rng.randrange(len(damaged)), rng.randint(1, 64)
        damaged[at:at + length] = rng.randbytes(length)  # overwritten in place: the size stays
        state = path.stat()
        path.write_bytes(bytes(damaged[:len(pristine)]))
        if attempt % 2:  # damage that leaves the file's size and times as briefdeck left them
            os.utime(path, ns=(state.st_atime_ns, state.st_mtime_ns))
        result = cli(briefed, "check", "briefs/b.yaml", "--json")
        assert result.exit_code == 0, (attempt, at, result.output)
        assert verdict(result) == verdict(clean), (attempt, at)
        rebuilt += "findings index" in result.stdout
        if attempt % 8 == 0:  # the other commands work on the repaired index too
            found = cli(briefed, "find", "forced labor", "--json")
            assert found.exit_code == 0 and json.loads(found.stdout) == clean_find, (attempt, at)
        pristine = pristine if rng.random() < 0.5 else path.read_bytes()  # sometimes damage the repaired one
    assert rebuilt > 0  # some damage was found and repaired, not only harmless bytes hit


def test_a_busy_database_is_not_taken_for_a_damaged_one(tmp_path):
    path = tmp_path / "busy.sqlite"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t(x)")
    holder.execute("BEGIN EXCLUSIVE")
    waiting = sqlite3.connect(path, timeout=0)
    with pytest.raises(sqlite3.OperationalError) as busy:
        waiting.execute("SELECT * FROM t")
    holder.close()
    waiting.close()
    (tmp_path / "garbage.sqlite").write_bytes(b"\x00garbage" * 512)
    garbage = sqlite3.connect(tmp_path / "garbage.sqlite")
    with pytest.raises(sqlite3.DatabaseError) as damaged:
        garbage.execute("SELECT * FROM sqlite_master")
    garbage.close()
    assert not is_damage(busy.value) and is_damage(damaged.value)


def test_a_cache_folder_that_cannot_be_made_leaves_the_index_in_memory(project, cli):
    (project / ".briefdeck").write_text("not a folder", encoding="utf-8")
    result = cli(project, "find", "prison camps", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) and (project / ".briefdeck").read_text(encoding="utf-8") == "not a folder"
