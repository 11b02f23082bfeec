"""Sources stay in their folder: links out of it, FIFOs, unreadable files and undecodable names."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefdeck.sources.corpus import list_sources

SECRET = "root:x:0:0:a line that must never reach the index"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file outside the project, like /etc/passwd (written here so the test needs no system file)."""
    target = tmp_path / "elsewhere" / "passwd"
    target.parent.mkdir()
    target.write_text(f"{SECRET}\n\nAnother paragraph of the private file.\n", encoding="utf-8")
    return target


def test_an_unrecorded_link_out_of_the_folder_never_reaches_the_index(project, cli, outside):
    (project / "seeds" / "notes.txt").symlink_to(outside)
    result = cli(project, "find", "root", "--json")
    assert result.exit_code == 0, result.output
    assert not any("never reach" in f["text"] for f in json.loads(result.stdout))
    assert f"skipped notes.txt: it links to {outside}, outside the sources folder" in result.stderr
    listed = json.loads(cli(project, "sources", "--json").stdout)
    assert "notes" not in {s["id"] for s in listed}


def test_a_link_to_etc_passwd_is_refused(project):
    if not Path("/etc/passwd").is_file():
        pytest.skip("no /etc/passwd on this system")
    (project / "seeds" / "notes.txt").symlink_to("/etc/passwd")
    folder = list_sources(project / "seeds")
    assert "notes" not in {f.id for f in folder.files}
    assert any("notes.txt: it links to /etc/passwd" in w for w in folder.warnings)


def test_a_link_inside_the_folder_is_read(project, cli):
    (project / "seeds" / "tip-copy.txt").symlink_to(project / "seeds" / "001_8626f1c1c84b5475.txt")
    found = json.loads(cli(project, "find", "Tier 3", "--source", "tip-copy", "--json").stdout)
    assert found and all(f["source"] == "tip-copy" for f in found)


def test_a_named_pipe_is_skipped_with_a_warning(project, cli):
    os.mkfifo(project / "seeds" / "pipe.txt")
    result = cli(project, "find", "prison camps")  # would hang if the pipe were opened
    assert result.exit_code == 0
    assert "skipped pipe.txt: it is not a regular file (a named pipe)" in result.stderr


def test_a_dangling_link_is_skipped_with_a_warning(project, cli):
    (project / "seeds" / "gone.txt").symlink_to(project / "nowhere.txt")
    result = cli(project, "find", "prison camps")
    assert result.exit_code == 0
    assert "skipped gone.txt: it cannot be opened" in result.stderr


@pytest.mark.parametrize("error", [PermissionError(13, "Permission denied"), OSError(5, "Input/output error")])
def test_an_unreadable_source_is_reported_not_crashed_on(project, cli, monkeypatch, error):
    # Tests run as root, who may read anything: the operating system's refusal is simulated.
    (project / "seeds" / "locked.txt").write_text("A paragraph nobody may read.\n", encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == "locked.txt":
            raise error
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = cli(project, "find", "prison camps")
    assert result.exit_code == 1
    assert "internal error" not in result.output and "Traceback" not in result.output
    assert f"locked.txt cannot be read: {error.strerror}" in result.stderr
    monkeypatch.undo()
    assert cli(project, "find", "prison camps").exit_code == 0  # readable again: indexed, nothing left over


def test_a_name_with_invalid_utf8_bytes_is_shown_escaped(project, cli):
    name = os.fsdecode(b"caf\xe9-notes.txt")
    (project / "seeds" / name).write_text("The caf\u00e9 notes hold one paragraph about labor camps.\n\n"
                                          "And a second paragraph about the same camps.\n", encoding="utf-8")
    listed = cli(project, "sources")
    assert listed.exit_code == 0, listed.output
    assert "caf\\xe9-notes.txt" in listed.stdout
    found = cli(project, "find", "café notes", "--json")
    assert found.exit_code == 0, found.output
    assert any(f["source"] == "caf-notes" for f in json.loads(found.stdout))
    assert cli(project, "show", "caf-notes:p1").exit_code == 0


def test_a_txt_holding_a_broken_pdf_is_read_as_a_pdf_and_its_error_names_it(project, cli):
    """Listing knows notes.txt by its suffix; reading it knows it by its bytes, and says what is wrong."""
    (project / "seeds" / "notes.txt").write_bytes(b"%PDF-1.7\nnot the rest of a PDF\n")
    result = cli(project, "sources")
    assert result.exit_code == 1, result.output
    assert "notes.txt" in result.stderr and "damaged or truncated" in result.stderr
    assert "Traceback" not in result.output and "internal error" not in result.output.lower()


def test_listing_opens_no_file_whose_suffix_a_reader_claims(project, monkeypatch):
    """Thousands of documents are listed by name; only a name no reader claims is known by its first bytes."""
    (project / "seeds" / "saved-page").write_text("<!DOCTYPE html><html><body><p>Words.</p></body></html>",
                                                  encoding="utf-8")
    (project / "seeds" / "data.bin").write_bytes(b"\x00\x01 no reader knows this")
    opened = []
    real = Path.open

    def open_(path: Path, *args, **kwargs):
        opened.append(path.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_)
    folder = list_sources(project / "seeds")
    assert sorted(opened) == ["data.bin", "saved-page"]
    assert "saved-page" in {f.id for f in folder.files}
    assert "skipped data.bin: briefdeck has no reader for '.bin' files" in folder.warnings


@pytest.mark.parametrize("head", [b"", b"%PDF-1.7\n", b"<!DOCTYPE html><html>", b"PK\x03\x04", b"\x00\xff plain"])
def test_every_reader_takes_a_file_named_with_its_suffix_whatever_its_bytes(head):
    """What `has_reader` rests on: a claimed suffix is enough for listing, whatever the file holds."""
    from briefdeck.sources.read import READERS, has_reader, reader_for

    for reader in READERS:
        for suffix in reader.suffixes:
            path = Path(f"document{suffix.upper()}")
            assert reader.detect(path, head), (reader.name, suffix, head)
            assert has_reader(path)
    assert reader_for(Path("no-such-file.txt")) is not None  # known by its suffix even when it cannot be opened
