"""The smaller commands: new, layouts, check --json."""

import json
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_new_writes_a_starter_that_passes_check(project, cli):
    result = cli(project, "new", "briefs/starter.yaml")
    assert result.exit_code == 0, result.output
    assert "briefs/starter.yaml" in result.stdout
    checked = cli(project, "check", "briefs/starter.yaml", "--strict")
    assert checked.exit_code == 0, checked.output
    assert "0 errors, 0 warnings" in checked.stderr


def test_new_will_not_overwrite_without_force(project, cli):
    (project / "briefs" / "mine.yaml").write_text("title: Mine\n", encoding="utf-8")
    result = cli(project, "new", "briefs/mine.yaml")
    assert result.exit_code == 2 and "already exists" in result.stderr and "--force" in result.stderr
    assert (project / "briefs" / "mine.yaml").read_text(encoding="utf-8") == "title: Mine\n"


def test_layouts_lists_the_bundled_and_the_projects_own(project, cli):
    shutil.copytree(REPO / "tests" / "golden" / "layouts" / "corp", project / "layouts" / "corp")
    result = cli(project, "layouts")
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert {"default", "classroom", "corp"} <= set(names)
    assert "renamed layouts" in result.stdout


def test_unknown_layout_lists_what_exists_and_where_it_looked(project, cli):
    text = (REPO / "tests" / "outline" / "fixtures" / "design_example.yaml").read_text(encoding="utf-8")
    (project / "briefs" / "b.yaml").write_text(text.replace("layout: default", "layout: defualt"), encoding="utf-8")
    result = cli(project, "build", "briefs/b.yaml", "--format", "pptx")
    assert result.exit_code == 1
    assert "unknown layout 'defualt'" in result.stderr and "did you mean 'default'" in result.stderr
    assert "searched" in result.stderr


def test_check_json_has_the_documented_shape(project, cli):
    shutil.copy(REPO / "tests" / "outline" / "fixtures" / "design_example.yaml", project / "briefs" / "b.yaml")
    result = cli(project, "check", "briefs/b.yaml", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == {"brief", "ok", "errors", "warnings", "problems", "audiences"}
    assert data["ok"] is True and set(data["audiences"]) == {"policy", "classroom"}
    slide = next(s for s in data["audiences"]["policy"]["slides"] if s["title"] == "Tier 3, the lowest ranking")
    assert slide["points"][0]["footnotes"] == [1]
    assert slide["footnotes"][0] == {"number": 1, "handout_number": 1, "locator": "tip-2017-dprk:p1.s1",
                                     "source": "tip-2017-dprk", "quoted": "the DPRK remained on Tier 3",
                                     "speaker": None, "page": None, "passages": [
                                         {"locator": "tip-2017-dprk:p1.s1", "quoted": "the DPRK remained on Tier 3"}]}


def test_check_json_reports_problems_with_their_place(project, cli):
    (project / "briefs" / "b.yaml").write_text(
        "title: T\nsources: ../seeds\nslides:\n  - title: S\n    points:\n      - text: x\n"
        "        quote: words nowhere in the sources at all\n", encoding="utf-8")
    result = cli(project, "check", "briefs/b.yaml", "--json")
    assert result.exit_code == 1
    (problem,) = json.loads(result.stdout)["problems"]
    assert problem["code"] == "quote-not-found" and problem["line"] == 7 and problem["file"] == "briefs/b.yaml"


def test_check_json_answers_in_json_when_the_brief_does_not_load(project, cli):
    (project / "briefs" / "b.yaml").write_text("title: T\nslides:\n  - title: S\n    kind: bulets\n", encoding="utf-8")
    result = cli(project, "check", "briefs/b.yaml", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False and data["audiences"] == {}
    assert any(p["code"] == "unknown-kind" and p["line"] == 4 for p in data["problems"])
