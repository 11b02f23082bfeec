"""The evidence lock: a changed source is noticed point by point, and --update-lock accepts it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BRIEF = "briefs/dprk-trafficking.yaml"
LOCK = "briefs/dprk-trafficking.lock.json"
TIP = "seeds/001_8626f1c1c84b5475.txt"
REWORDED = ("During the reporting period, there were no known investigations, prosecutions, or convictions of "
            "traffickers.", "In the reporting period, there were no known investigations, prosecutions, or "
            "convictions of traffickers.")


@pytest.fixture
def example(project: Path) -> Path:
    shutil.copy(REPO / BRIEF, project / BRIEF)
    return project


def edited_tip(project: Path) -> None:
    """The TIP narrative with its last two paragraphs swapped and the sentence cited as p4.s1 reworded."""
    path = project / TIP
    lines = path.read_text(encoding="utf-8").split("\n")
    body = [i for i, line in enumerate(lines) if line.strip()][1:]  # the first line is the page title
    last, before = body[-1], body[-2]
    lines[last], lines[before] = lines[before], lines[last]
    text = "\n".join(lines)
    assert REWORDED[0] in text
    path.write_text(text.replace(REWORDED[0], REWORDED[1]), encoding="utf-8")


def test_first_check_writes_a_stable_lock_quietly(example, cli):
    first = cli(example, "check", BRIEF)
    assert first.exit_code == 0, first.output
    assert "lock" not in first.output
    data = (example / LOCK).read_bytes()
    lock = json.loads(data)
    assert lock["passages"]["quote: the DPRK remained on Tier 3"]["locator"] == "tip-2017-dprk:p1.s1"
    assert set(lock["sources"]) == {"king-2019", "tip-2017-dprk"}
    assert lock["sources"]["tip-2017-dprk"]["file"] == "001_8626f1c1c84b5475.txt"
    stamp = (example / LOCK).stat().st_mtime_ns
    assert cli(example, "check", BRIEF).exit_code == 0
    assert (example / LOCK).read_bytes() == data
    assert (example / LOCK).stat().st_mtime_ns == stamp  # unchanged: not even rewritten


def test_the_committed_example_locks_are_current(tmp_path, cli):
    """The locks in briefs/ are the ones check writes (so running the examples never changes the repository)."""
    root = tmp_path / "p"
    shutil.copytree(REPO / "seeds", root / "seeds")
    shutil.copytree(REPO / "briefs", root / "briefs")
    for lock in sorted((root / "briefs").glob("*.lock.json")):
        lock.unlink()
    for brief in sorted((REPO / "briefs").glob("*.yaml")):
        assert cli(root, "check", f"briefs/{brief.name}").exit_code == 0
        name = brief.stem + ".lock.json"
        assert (root / "briefs" / name).read_bytes() == (REPO / "briefs" / name).read_bytes(), name


def test_a_moved_paragraph_and_a_reworded_sentence_are_reported(example, cli):
    assert cli(example, "check", BRIEF).exit_code == 0
    locked = (example / LOCK).read_bytes()
    edited_tip(example)

    result = cli(example, "check", BRIEF)
    assert result.exit_code == 0, result.output  # warnings
    err = result.stderr
    # a quote in the paragraph that moved up: found again, at its new place
    assert ("warning: the quoted words moved: they were at tip-2017-dprk:p11.s2 when the lock was written, "
            "and are now at tip-2017-dprk:p10.s2") in err
    # the finding whose sentence was reworded
    assert ("warning: the sentence this point quotes (tip-2017-dprk:p4.s1) changed: the words it held when the "
            "lock was written are gone from the source") in err
    assert "briefs/dprk-trafficking.yaml:59:" in err  # the line of `finding: tip-2017-dprk:p4.s1`
    assert (example / LOCK).read_bytes() == locked  # stale entries are kept until accepted

    strict = cli(example, "check", BRIEF, "--strict")
    assert strict.exit_code == 1
    assert "error: the quoted words moved" in strict.stderr

    accepted = cli(example, "check", BRIEF, "--update-lock")
    assert accepted.exit_code == 0, accepted.output
    assert "0 errors, 0 warnings" in accepted.stderr
    again = cli(example, "check", BRIEF, "--strict")
    assert again.exit_code == 0, again.output
    lock = json.loads((example / LOCK).read_bytes())
    assert lock["passages"]["finding: tip-2017-dprk:p4.s1"]["locator"] == "tip-2017-dprk:p4.s1"


def test_a_quote_reworded_away_says_where_it_was(example, cli):
    assert cli(example, "check", BRIEF).exit_code == 0
    path = example / TIP
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("the DPRK remained on Tier 3", "the DPRK stayed on Tier 3"), encoding="utf-8")
    result = cli(example, "check", BRIEF)
    assert result.exit_code == 1
    assert "quote “the DPRK remained on Tier 3” is not in the sources" in result.stderr
    assert ("warning: the quoted words were at tip-2017-dprk:p1.s1 when the lock was written; tip-2017-dprk has "
            "changed since and they are no longer in it") in result.stderr


def test_a_changed_paraphrased_passage_is_a_warning(project, cli):
    (project / "briefs" / "b.yaml").write_text(
        "title: T\nslides:\n  - title: S\n    points:\n      - text: A paraphrase.\n"
        "        source: tip-2017-dprk:p4\n", encoding="utf-8")
    assert cli(project, "check", "briefs/b.yaml").exit_code == 0
    edited_tip(project)
    result = cli(project, "check", "briefs/b.yaml")
    assert result.exit_code == 0
    assert ("b.yaml:6:17: warning: the passage this point paraphrases (tip-2017-dprk:p4) changed; read it again"
            in result.stderr)


@pytest.mark.parametrize("content", ["<<<<<<< HEAD\n{}\n", '{"briefdeck-lock": 1, "passages": []}',
                                     '{"briefdeck-lock": 1, "sources": {}, "passages": {"quote: x": '
                                     '{"locator": "\\u001b[2Jx:p1", "text": "00"}}}'])
def test_an_unreadable_lock_is_an_error_until_rewritten(example, cli, content):
    (example / LOCK).write_text(content, encoding="utf-8")
    result = cli(example, "check", BRIEF)
    assert result.exit_code == 1
    assert "dprk-trafficking.lock.json" in result.stderr and "evidence lock" in result.stderr
    assert "--update-lock" in result.stderr
    assert cli(example, "check", BRIEF, "--update-lock").exit_code == 0
    assert json.loads((example / LOCK).read_text(encoding="utf-8"))["briefdeck-lock"] == 1


def test_every_lock_code_is_documented():
    import re

    import briefdeck.lock
    import briefdeck.outline

    source = Path(briefdeck.lock.__file__).read_text(encoding="utf-8")
    emitted = set(re.findall(r'"(lock-[a-z-]+)"', source))
    codes = (Path(briefdeck.outline.__file__).parent / "codes.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z0-9-]+)` \|", codes, re.MULTILINE))
    assert emitted == {"lock-moved", "lock-gone", "lock-changed", "lock-unreadable", "lock-not-written"}
    assert emitted <= documented
