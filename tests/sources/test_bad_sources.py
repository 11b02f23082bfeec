"""Bad sources are errors or warnings that say which file and what to do, never a traceback."""

from pathlib import Path

import pytest

from briefdeck.errors import BriefdeckError
from briefdeck.sources.corpus import list_sources, read_all


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return folder / name


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(BriefdeckError) as caught:
        read_all(list_sources(folder))
    return [str(p) for p in caught.value.problems]


def test_missing_folder(tmp_path):
    with pytest.raises(BriefdeckError) as caught:
        list_sources(tmp_path / "nowhere")
    message = str(caught.value)
    assert "sources folder" in message and "does not exist" in message and "--sources" in message


def test_empty_file(tmp_path):
    write(tmp_path, "blank.txt", b"  \n\n ")
    (message,) = problems_of(tmp_path)
    assert "blank.txt" in message and "is empty" in message


def test_binary_file(tmp_path):
    write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (message,) = problems_of(tmp_path)
    assert "image.txt" in message and "not a text file" in message


def test_cp1252_file_is_read_with_a_warning(tmp_path):
    text = "Example Heading\n\nThe \x93quoted\x94 words cost \x8020 in this synthetic example.\n"
    write(tmp_path, "legacy.txt", text.encode("latin-1"))
    (source,) = read_all(list_sources(tmp_path))
    assert source.paragraphs[0].text == "The “quoted” words cost €20 in this synthetic example."
    assert any("not valid UTF-8" in w and "cp1252" in w for w in source.warnings)


def test_file_full_of_control_characters(tmp_path):
    write(tmp_path, "noise.txt", bytes([7, 27, 127, 8, 14, 15, 1, 2, 3]) * 20 + b"\n")
    (message,) = problems_of(tmp_path)
    assert "noise.txt" in message and "not a text file" in message


def test_control_characters_inside_text_are_removed(tmp_path):
    write(tmp_path, "ctl.txt", "An example\x07 sentence\x1b with\x7f controls.\u2028Next one.\n".encode())
    (source,) = read_all(list_sources(tmp_path))
    assert source.paragraphs[0].text == "An example sentence with controls. Next one."


def test_sources_yaml_syntax_error_names_line_and_column(tmp_path):
    write(tmp_path, "doc.txt", b"Some synthetic text for a test.\n")
    write(tmp_path, "sources.yaml", b"- id: doc\n  file: doc.txt\n  title: [unclosed\n")
    with pytest.raises(BriefdeckError) as caught:
        list_sources(tmp_path)
    (problem,) = caught.value.problems
    assert problem.location.file.endswith("sources.yaml")
    assert problem.location.line == 4 and problem.location.column == 1
    assert problem.message.startswith("a '[' opened at line 3, column 10 is not closed")
    assert problem.code == "yaml-unclosed-bracket"


def test_record_pointing_outside_the_folder_is_refused(tmp_path):
    write(tmp_path, "doc.txt", b"Some synthetic text for a test.\n")
    write(tmp_path, "sources.yaml", b"- id: doc\n  file: ../../etc/passwd\n")
    with pytest.raises(BriefdeckError) as caught:
        list_sources(tmp_path)
    assert "outside the sources folder" in str(caught.value)
    assert caught.value.problems[0].location.line == 1


def test_file_without_record_gets_a_guessed_record_and_a_warning(tmp_path):
    text = ("Example Site\n\nAn Example Title About Nothing\n\nPublished March 3, 2021\nAuthor: Ann Example\n\n"
            "The first body paragraph says nothing real.\n")
    write(tmp_path, "example.txt", text.encode())
    (source,) = read_all(list_sources(tmp_path))
    assert source.id == "example"
    assert source.record.title == "An Example Title About Nothing"
    assert source.record.csl["author"] == [{"family": "Example", "given": "Ann"}]
    assert source.record.issued == (2021, 3, 3)
    assert any("guessed" in w for w in source.warnings)
    assert [p.text for p in source.paragraphs] == ["The first body paragraph says nothing real."]


def test_crlf_and_bare_cr_line_endings_give_the_same_paragraphs(tmp_path):
    body = "Heading Line\n\nFirst synthetic paragraph.\nStill the first.\n\nSecond synthetic paragraph.\n"
    write(tmp_path / "a", "lf.txt", body.encode())
    write(tmp_path / "b", "crlf.txt", body.replace("\n", "\r\n").encode())
    write(tmp_path / "c", "cr.txt", body.replace("\n", "\r").encode())
    texts = [[p.text for p in read_all(list_sources(tmp_path / d))[0].paragraphs] for d in "abc"]
    assert texts[0] == texts[1] == texts[2] == ["First synthetic paragraph. Still the first.",
                                                "Second synthetic paragraph."]
