"""The source commands as a user runs them: sources, show, find — and their errors."""

import json

import pytest


def test_find_returns_both_sources_for_political_prison_camps(project, cli):
    result = cli(project, "find", "political prison camps", "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    locators = [f["locator"] for f in found]
    assert any(loc.startswith("tip-2017-dprk:p8.") for loc in locators)
    assert any(loc.startswith("king-2019:p23.") for loc in locators)
    assert set(found[0]) == {"locator", "source", "paragraph", "sentence", "section", "text", "tags", "figures",
                             "speaker", "page"}


def test_show_prints_the_paragraph_with_its_section(project, cli):
    result = cli(project, "show", "tip-2017-dprk:p8")
    assert result.exit_code == 0
    assert "80,000 to 120,000" in result.stdout
    assert "Trafficking profile" in result.stdout.splitlines()[0]


def test_show_a_sentence_lists_its_figures_and_tags(project, cli):
    result = cli(project, "show", "tip-2017-dprk:p8.s5")
    assert result.exit_code == 0
    assert "The DPRK holds an estimated 80,000 to 120,000 prisoners" in result.stdout
    assert "figures: 80,000 to 120,000" in result.stdout
    assert "prison-camps" in result.stdout


def figures_of(project, cli, query, source):
    found = json.loads(cli(project, "find", query, "--source", source, "--json").stdout)
    return {f["locator"]: f["figures"] for f in found}


def test_figures_are_parsed_values_in_json(project, cli):
    p17 = figures_of(project, cli, "Global Slavery Index", "king-2019")["king-2019:p17.s1"]
    assert any(f["low"] == 2_600_000 and f["high"] == 2_600_000 for f in p17)
    p12 = figures_of(project, cli, "complex interconnected network", "king-2019")["king-2019:p12.s1"]
    assert any(f["low"] == 105_000_000 and f["unit"] == "USD" for f in p12)
    p8 = figures_of(project, cli, "political prison camps remote areas", "tip-2017-dprk")["tip-2017-dprk:p8.s5"]
    assert [(f["low"], f["high"]) for f in p8] == [(80_000, 120_000)]


def test_reported_speech_names_the_speaker(project, cli):
    found = json.loads(cli(project, "find", "CNN reported", "--json").stdout)
    assert found[0]["locator"] == "king-2019:p9.s1" and found[0]["speaker"] == "CNN"


@pytest.mark.parametrize("words", ["Search All Site Content", "Subscribe Mailing List", "Return to the Peninsula",
                                   "Stay Informed", "Register to receive updates"])
def test_no_boilerplate_is_a_finding(project, cli, words):
    found = json.loads(cli(project, "find", words, "--json").stdout)
    assert not any(words.lower() in f["text"].lower() for f in found)


def test_filters_by_section_tag_and_source(project, cli):
    found = json.loads(cli(project, "find", "government", "--section", "prosecution", "--tag", "ranking",
                           "--json", "--limit", "50").stdout)
    assert all(f["section"] == "Prosecution" and "ranking" in f["tags"] for f in found)
    found = json.loads(cli(project, "find", "forced labor", "--source", "king-2019", "--json").stdout)
    assert found and all(f["source"] == "king-2019" for f in found)


def test_sources_lists_both_documents_with_counts(project, cli):
    result = cli(project, "sources", "--json")
    assert result.exit_code == 0
    listed = {s["id"]: s for s in json.loads(result.stdout)}
    assert listed["king-2019"]["paragraphs"] == 26
    assert listed["tip-2017-dprk"]["paragraphs"] == 11
    assert listed["king-2019"]["sections"][0] == "North Korea’s Record on Trafficking"


# -- errors -------------------------------------------------------------------------

def test_unknown_paragraph_names_the_valid_range(project, cli):
    result = cli(project, "show", "tip-2017-dprk:p99")
    assert result.exit_code == 1
    assert "tip-2017-dprk has no paragraph 99" in result.stderr
    assert "p1–p11" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_source_suggests_the_nearest(project, cli):
    result = cli(project, "show", "tip-2017:p1")
    assert result.exit_code == 1
    assert "unknown source 'tip-2017'" in result.stderr and "did you mean 'tip-2017-dprk'" in result.stderr


def test_malformed_locator(project, cli):
    result = cli(project, "show", "tip-2017-dprk:paragraph8")
    assert result.exit_code == 1 and "is not a locator" in result.stderr and "SOURCE:pN" in result.stderr


def test_unknown_tag_is_wrong_usage(project, cli):
    result = cli(project, "find", "camps", "--tag", "prison-camp")
    assert result.exit_code == 2 and "did you mean 'prison-camps'" in result.stderr


def test_missing_seeds_folder(tmp_path, cli):
    (tmp_path / "briefs").mkdir()
    result = cli(tmp_path, "sources")
    assert result.exit_code == 1
    # Every place looked is listed, nearest first, and the ways to name the folder are given.
    assert f"no sources folder: looked for seeds, {tmp_path.parent / 'seeds'}" in result.stderr
    assert "--sources DIR" in result.stderr and "'sources: DIR' in the brief" in result.stderr


def test_empty_file(project, cli):
    (project / "seeds" / "empty.txt").write_bytes(b"")
    result = cli(project, "find", "camps")
    assert result.exit_code == 1
    assert "seeds/empty.txt" in result.stderr and "is empty" in result.stderr


def test_binary_file(project, cli):
    (project / "seeds" / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 10)
    result = cli(project, "sources")
    assert result.exit_code == 1 and "photo.txt is not a text file" in result.stderr


def test_cp1252_file_is_read_with_a_warning(project, cli):
    (project / "seeds" / "legacy.txt").write_bytes("Synthetic \x93legacy\x94 text for a test.\n".encode("latin-1"))
    result = cli(project, "sources")
    assert result.exit_code == 0
    assert "not valid UTF-8" in result.stdout and "cp1252" in result.stdout


def test_file_of_control_characters(project, cli):
    (project / "seeds" / "noise.txt").write_bytes(bytes([1, 2, 3, 7, 27, 127]) * 50)
    result = cli(project, "sources")
    assert result.exit_code == 1 and "noise.txt is not a text file" in result.stderr


def test_sources_yaml_syntax_error_shows_line_and_column(project, cli):
    records = project / "seeds" / "sources.yaml"
    records.write_text(records.read_text(encoding="utf-8").replace("type: report", "type: [report"),
                       encoding="utf-8")
    result = cli(project, "sources")
    assert result.exit_code == 1
    assert "seeds/sources.yaml:" in result.stderr and "is not closed where expected" in result.stderr
    line = result.stderr.split("seeds/sources.yaml:")[1].split(":")[0]
    assert line.isdigit()


def test_index_is_rebuilt_only_for_the_changed_file(project):
    from briefdeck.project import Workspace

    workspace = Workspace.at(project)
    index, report = workspace.open_index()
    index.close()
    assert set(report.read) == {"king-2019", "tip-2017-dprk"}
    index, report = workspace.open_index()
    index.close()
    assert report.read == ()
    tip = project / "seeds" / "001_8626f1c1c84b5475.txt"
    tip.write_text(tip.read_text(encoding="utf-8") + "\n\nA synthetic added paragraph.\n", encoding="utf-8")
    index, report = workspace.open_index()
    assert report.read == ("tip-2017-dprk",)
    assert index.paragraph_count("tip-2017-dprk") == 12
    index.close()
