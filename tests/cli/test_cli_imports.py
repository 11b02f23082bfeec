"""Each command imports only what it uses: start-up is most of a small command's time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# Run the command in a fresh interpreter, then print which of the heavy modules it imported.
PROBE = """
import json, sys
from briefdeck.cli import main
code = 0
try:
    main(sys.argv[1:])
except SystemExit as exit:
    code = exit.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""

RENDERERS = ("pptx", "weasyprint")
CHECKING = ("briefdeck.check", "briefdeck.citations", "briefdeck.deck", "briefdeck.findings", "briefdeck.outline")


def imported_by(cwd: Path, *args: str, whole: bool = False) -> set[str]:
    """The packages (or with ``whole``, the modules) a command imported."""
    done = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["code"] == 0, done.stderr
    if whole:
        return set(report["modules"])
    return {m.split(".")[0] if not m.startswith("briefdeck.") else ".".join(m.split(".")[:2])
            for m in report["modules"]}


def test_help_imports_no_renderer_and_no_checking(tmp_path):
    modules = imported_by(tmp_path, "--help")
    assert modules.isdisjoint(RENDERERS + CHECKING + ("pydantic",)), sorted(modules & set(RENDERERS + CHECKING))


@pytest.mark.parametrize("command", [("find", "forced labor"), ("find", "prison", "--json")])
def test_find_imports_the_index_but_no_renderer(project, command):
    modules = imported_by(project, *command)
    assert "briefdeck.findings" in modules
    assert modules.isdisjoint(RENDERERS + ("briefdeck.check", "pydantic")), sorted(modules & set(RENDERERS))


def test_check_validates_the_layout_without_python_pptx(project):
    (project / "briefs" / "example.yaml").write_bytes((Path(__file__).parents[2] / "briefs" /
                                                       "dprk-trafficking.yaml").read_bytes())
    modules = imported_by(project, "check", "briefs/example.yaml")
    assert "briefdeck.check" in modules
    assert modules.isdisjoint(RENDERERS), sorted(modules & set(RENDERERS))


@pytest.mark.parametrize("name", ["tip-2017-recommendations.yaml", "dprk-trafficking.yaml"])
def test_building_a_deck_does_not_import_python_pptx(project, name):
    # python-pptx costs a build about 0.1 s of start-up: decks, with or without a chart, are written without it
    # (render/pptx/opc.py, chart_part.py). The first example has no chart, the second one.
    brief = Path(__file__).parents[2] / "briefs" / name
    assert ("kind: chart" in brief.read_text(encoding="utf-8")) == (name == "dprk-trafficking.yaml")
    (project / "briefs" / "example.yaml").write_bytes(brief.read_bytes())
    modules = imported_by(project, "build", "briefs/example.yaml", "--format", "pptx")
    assert "briefdeck.render" in modules and list((project / "build").glob("*.pptx")), sorted(modules)
    # nor the handout's Jinja2 and WeasyPrint, nor xml.sax.saxutils (which pulls in urllib.request and ssl)
    unused = {"pptx", "PIL", "xlsxwriter", "jinja2", "weasyprint", "xml.sax.saxutils", "pypdfium2", "multiprocessing"}
    assert modules.isdisjoint(unused), sorted(modules & unused)


def test_a_build_whose_index_is_up_to_date_loads_no_reading_and_no_csl_code(project):
    # Reading documents (block cutting, capture cleaning, sentence extraction) and pandoc's CSL wrapper
    # are loaded only by a run that reads a document or words notes in a CSL style.
    (project / "briefs" / "example.yaml").write_bytes((Path(__file__).parents[2] / "briefs" /
                                                       "dprk-trafficking.yaml").read_bytes())
    first = imported_by(project, "build", "briefs/example.yaml", "--format", "pptx", whole=True)
    assert "briefdeck.sources.blocks" in first  # the first build reads the sources into the index
    modules = imported_by(project, "build", "briefs/example.yaml", "--format", "pptx", whole=True)
    unused = {"briefdeck.sources.assemble", "briefdeck.sources.blocks", "briefdeck.sources.capture",
              "briefdeck.findings.extract", "briefdeck.citations.csl", "html.parser"}
    assert modules.isdisjoint(unused), sorted(modules & unused)
