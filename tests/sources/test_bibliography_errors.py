"""Malformed bibliographies: a clear error naming the file and, where the format has lines, the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefdeck.errors import BriefdeckError
from briefdeck.sources.corpus import list_sources

DOC = "report.txt"
TEXT = b"A Fictional Report\n\nThis paragraph is synthetic text for a test.\n"


def folder_with(root: Path, **files: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / DOC).write_bytes(TEXT)
    for name, text in files.items():
        (root / name.replace("_", ".")).write_text(text, encoding="utf-8")
    return root


def problems(folder: Path) -> list[str]:
    with pytest.raises(BriefdeckError) as caught:
        list_sources(folder)
    return [str(p) for p in caught.value.problems]


def test_bibtex_with_an_unclosed_brace_names_its_line(tmp_path):
    folder = folder_with(tmp_path, references_bib=(
        "@book{fine, title = {A Fictional Book}, file = {report.txt}}\n\n"
        "@book{broken,\n  title = {Unclosed,\n  year = 2019\n}\n\n@misc{after, title = {Next}}\n"))
    (message,) = problems(folder)
    assert "references.bib:3:" in message and "entry cannot be read" in message
    assert "every '{' needs its '}'" in message


def test_bibtex_duplicate_key(tmp_path):
    folder = folder_with(tmp_path, references_bib="@misc{same, title={One}}\n@misc{same, title={Two}}\n")
    (message,) = problems(folder)
    assert "references.bib:2:" in message and "duplicate key 'same'" in message


def test_ris_without_a_ty_line_names_its_line(tmp_path):
    folder = folder_with(tmp_path, references_ris=(
        "TY  - RPRT\nID  - fine\nTI  - A Fictional Report\nL1  - report.txt\nER  - \n\n"
        "TI  - A Record Without Its Type\nAU  - Author, Example\nER  - \n"))
    messages = problems(folder)
    assert messages[0].startswith(f"{folder / 'references.ris'}:7: error: 'TI' line outside a record")
    assert "starts with a 'TY  - ' line" in messages[0]


def test_ris_without_an_er_line(tmp_path):
    folder = folder_with(tmp_path, references_ris="TY  - RPRT\nTI  - A Fictional Report\n")
    (message,) = problems(folder)
    assert "references.ris:1:" in message and "no 'ER  - ' line" in message


def test_ris_unknown_type(tmp_path):
    folder = folder_with(tmp_path, references_ris="TY  - NOPE\nTI  - A Fictional Report\nER  - \n")
    (message,) = problems(folder)
    assert "references.ris:1:" in message and "'TY  - NOPE' is not an RIS type" in message


def test_csl_json_with_a_wrong_type_names_its_line(tmp_path):
    folder = folder_with(tmp_path, references_json=(
        '[\n  {"id": "fine", "type": "report", "title": "A Fictional Report"},\n'
        '  {"id": "odd", "type": "blogpost", "title": "Example"}\n]\n'))
    (message,) = problems(folder)
    assert "references.json:3:" in message and "type 'blogpost' is not a CSL type" in message
    assert "post-weblog" in message  # the hint offers the nearest CSL types


def test_csl_json_syntax_error_names_line_and_column(tmp_path):
    folder = folder_with(tmp_path, references_json='[\n  {"id": "fine",\n   "title": "A Fictional Report",}\n]\n')
    (message,) = problems(folder)
    assert "references.json:3:" in message and "is not valid JSON" in message


def test_csl_json_must_be_a_list(tmp_path):
    folder = folder_with(tmp_path, references_json='{"id": "fine"}')
    (message,) = problems(folder)
    assert "references.json:1" in message and "must be a JSON list of records" in message


def test_csl_yaml_refuses_aliases_and_duplicate_keys(tmp_path):
    folder = folder_with(tmp_path, references_yaml=(
        "- id: one\n  title: &t A Fictional Report\n- id: two\n  title: *t\n"))
    (message,) = problems(folder)
    assert "references.yaml:2:" in message and "anchors and aliases" in message
    folder = folder_with(tmp_path / "dup", references_yaml="- id: one\n  title: A\n  title: B\n")
    (message,) = problems(folder)
    assert "references.yaml:3:3" in message and "the key 'title' appears twice" in message


def test_duplicate_keys_across_two_files(tmp_path):
    folder = folder_with(tmp_path, references_json='[{"id": "same", "title": "One"}]',
                         references_bib="@misc{same,\n title = {Two}}\n")
    (message,) = problems(folder)
    assert "record id 'same'" in message and "references.bib:1" in message and "references.json:1" in message


def test_sources_yaml_and_an_export_with_one_id(tmp_path):
    folder = folder_with(tmp_path, sources_yaml=f"- id: same\n  file: {DOC}\n  title: One\n",
                         references_ris=f"TY  - RPRT\nID  - same\nTI  - Two\nL1  - {DOC}\nER  - \n")
    (message,) = problems(folder)
    assert "references.ris:1:" in message and "record id 'same' is also at" in message
    assert "sources.yaml:1" in message


def test_two_records_for_one_document(tmp_path):
    folder = folder_with(tmp_path, references_ris=(
        f"TY  - RPRT\nID  - one\nTI  - One\nL1  - {DOC}\nER  - \nTY  - RPRT\nID  - two\nTI  - Two\nL1  - {DOC}\nER  - \n"))
    (message,) = problems(folder)
    assert "references.ris:6:" in message and "record 'two' and record 'one'" in message and DOC in message


def test_files_map_names_an_unknown_key(tmp_path):
    folder = folder_with(tmp_path, references_json='[{"id": "fictional-2020", "title": "A Fictional Report"}]',
                         sources_yaml=f"files:\n  {DOC}: fictional-2002\n")
    (message,) = problems(folder)
    assert "sources.yaml:2:" in message and "names the key 'fictional-2002'" in message
    assert "did you mean 'fictional-2020'" in message


def test_files_map_names_a_missing_document(tmp_path):
    folder = folder_with(tmp_path, references_json='[{"id": "fictional-2020", "title": "A Fictional Report"}]',
                         sources_yaml="files:\n  gone.pdf: fictional-2020\n")
    (message,) = problems(folder)
    assert "sources.yaml:2:" in message and "'gone.pdf' is not in the sources folder" in message


def test_record_attached_to_a_missing_file_is_a_warning(tmp_path):
    folder = folder_with(tmp_path, references_bib=(
        "@report{fictional-2020,\n title = {A Fictional Report},\n"
        " file = {Full Text:/home/someone/Zotero/storage/AB12CD34/Elsewhere.pdf:application/pdf}}\n"
        "@misc{loose-2021, title = {Tied to Nothing}}\n"))
    listed = list_sources(folder)
    assert [f.id for f in listed.files] == ["report"]  # the document falls back to a guessed record
    assert any("references.bib:1: record 'fictional-2020' is attached to Elsewhere.pdf, which is not in the "
               "sources folder" in w for w in listed.warnings)
    assert any("1 record(s) name no document" in w and "loose-2021" in w for w in listed.warnings)


def test_keys_become_ids_and_names_decode(tmp_path):
    folder = folder_with(tmp_path, references_bib=(
        "@book{Author2020:Fictional,\n title = {A Fictional Book of {UN} Examples},\n"
        " author = {Author, Example and {Example Organization} and family=Berg, given=Jan, prefix=van der"
        " and {\\\"O}rnek, Ay{\\c{s}}e},\n date = {2020-03},\n file = {report.txt}}\n"))
    (source,) = list_sources(folder).files
    assert source.id == "author2020-fictional"
    assert source.record.csl["title"] == "A Fictional Book of UN Examples"
    assert source.record.csl["author"] == [
        {"family": "Author", "given": "Example"}, {"literal": "Example Organization"},
        {"family": "Berg", "given": "Jan", "non-dropping-particle": "van der"},
        {"family": "Örnek", "given": "Ayşe"}]
    assert source.record.csl["issued"] == {"date-parts": [[2020, 3]]}


def test_cli_reports_a_broken_export_without_a_traceback(project, cli):
    (project / "seeds" / "references.ris").write_text("AU  - Author, Example\n", encoding="utf-8")
    result = cli(project, "sources")
    assert result.exit_code == 1
    assert "references.ris:1:" in result.output and "outside a record" in result.output
    assert "Traceback" not in result.output
