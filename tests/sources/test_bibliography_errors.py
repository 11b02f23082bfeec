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


def test_ris_without_a_ty_line_names_its_line(tmp_path):
    folder = folder_with(tmp_path, references_ris=(
        "TY  - RPRT\nID  - fine\nTI  - A Fictional Report\nL1  - report.txt\nER  - \n\n"
        "TI  - A Record Without Its Type\nAU  - Author, Example\nER  - \n"))
    messages = problems(folder)
    assert messages[0].startswith(f"{folder / 'references.ris'}:7: error: 'TI' line outside a record")
    assert "starts with a 'TY  - ' line" in messages[0]


@pytest.mark.parametrize("name, text, words", [
    ('references.bib', "@book{fine, title = {A Fictional Book}, file = {report.txt}}\n\n"
                       "@book{broken,\n  title = {Unclosed,\n  year = 2019\n}\n\n@misc{after, title = {Next}}\n",
     ("references.bib:3:", "entry cannot be read", "every '{' needs its '}'")),  # bibtex with an unclosed brace
    ('references.json', '[\n  {"id": "fine", "type": "report", "title": "A Fictional Report"},\n'
                        '  {"id": "odd", "type": "blogpost", "title": "Example"}\n]\n',
     ("references.json:3:", "type 'blogpost' is not a CSL type", "post-weblog")),  # CSL JSON with a wrong type
    ('references.bib', "@misc{same, title={One}}\n@misc{same, title={Two}}\n",
     ("references.bib:2:", "duplicate key 'same'",)),  # bibtex duplicate key
    ('references.ris', "TY  - RPRT\nTI  - A Fictional Report\n",
     ("references.ris:1:", "no 'ER  - ' line",)),  # ris without an er line
    ('references.ris', "TY  - NOPE\nTI  - A Fictional Report\nER  - \n",
     ("references.ris:1:", "'TY  - NOPE' is not an RIS type",)),  # ris unknown type
    ('references.json', '[\n  {"id": "fine",\n   "title": "A Fictional Report",}\n]\n',
     ("references.json:3:", "is not valid JSON",)),  # csl json syntax error names line and column
    ('references.json', '{"id": "fine"}',
     ("references.json:1", "must be a JSON list of records",)),  # csl json must be a list
])
def test_malformed_file_names_file_and_line(tmp_path, name, text, words):
    folder = folder_with(tmp_path, **{name.replace(".", "_"): text})
    (message,) = problems(folder)
    assert all(w in message for w in words), message


def test_csl_yaml_refuses_aliases_and_duplicate_keys(tmp_path):
    folder = folder_with(tmp_path, references_yaml=(
        "- id: one\n  title: &t A Fictional Report\n- id: two\n  title: *t\n"))
    messages = problems(folder)
    assert "references.yaml:2:10:" in messages[0] and "anchors (&name) and aliases (*name) are not allowed" in messages[0]
    folder = folder_with(tmp_path / "dup", references_yaml="- id: one\n  title: A\n  title: B\n")
    (message,) = problems(folder)
    assert "references.yaml:3:3" in message and "duplicate key 'title'" in message


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


def test_sources_yaml_holds_records_and_a_files_map_together(tmp_path):
    folder = folder_with(tmp_path, references_yaml=(
        "references:\n  - id: Fictional2020\n    type: report\n    title: A Fictional Report\n"
        "    issued: 2020-03-04\n"),
        sources_yaml=f"records:\n  - id: other\n    file: other.txt\n    title: Another Fictional Text\n"
                     f"files:\n  {DOC}: Fictional2020\n")
    (folder / "other.txt").write_bytes(b"Another synthetic text for a test.\n")
    listed = {f.id: f for f in list_sources(folder).files}
    assert set(listed) == {"other", "fictional2020"}
    assert listed["fictional2020"].path.name == DOC
    assert listed["fictional2020"].record.csl["issued"] == {"date-parts": [[2020, 3, 4]]}
    assert listed["other"].location.line == 2


def test_files_map_must_be_a_mapping(tmp_path):
    folder = folder_with(tmp_path, sources_yaml=f"files:\n  - {DOC}\n")
    (message,) = problems(folder)
    assert "sources.yaml:2:" in message and "'files:' must map a document's file name to a citation key" in message


@pytest.mark.parametrize("name, text", [
    ("references.json", "[" * 3000 + "]" * 3000),
    ("references.yaml", "- " + "[" * 3000 + "]" * 3000),
    ("references.yaml", "- id: x\n  title: A\x0b\n"),  # a control character YAML refuses
    ("references.bib", "@misc{x, title={" + "{" * 3000 + "}}"),
    ("references.ris", "TY  - JOUR\nAU  - " + "," * 1000 + "\nER  - \n"),
])
def test_hostile_bibliography_is_an_error_or_nothing_never_a_traceback(tmp_path, name, text):
    folder = folder_with(tmp_path, **{name.replace(".", "_"): text})
    try:
        listed = list_sources(folder)
    except BriefdeckError as exc:
        assert all(name in str(p.location) for p in exc.problems)
    else:
        assert [f.id for f in listed.files] == ["report"]
