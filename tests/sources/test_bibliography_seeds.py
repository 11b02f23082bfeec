"""A reference manager's export of the two seeds gives the records and the built notes of sources.yaml.

`bibliography/seeds/` holds the seeds' records as Zotero's CSL JSON (tied to
the documents by `files:` in a sources.yaml), as a Better BibLaTeX file and as
RIS (tied by Zotero's attachment paths). Each replaces seeds/sources.yaml in a
copy of the project; the example brief must build the same handout, byte for byte.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefdeck.check import check_brief
from briefdeck.outputs import build_outputs
from briefdeck.sources.corpus import list_sources

HERE = Path(__file__).parent
REPO = HERE.parents[1]
EXPORTS = HERE / "bibliography" / "seeds"
VARIANTS = {
    "zotero-csl-json": ("references.json", "sources.yaml"),
    "better-biblatex": ("references.bib",),
    "ris": ("references.ris",),
}
BRIEF = REPO / "briefs" / "dprk-trafficking.yaml"


def project_with(root: Path, files: tuple[str, ...]) -> Path:
    """A copy of the project whose seeds folder takes its records from ``files`` (None: sources.yaml)."""
    shutil.copytree(REPO / "seeds", root / "seeds")
    if files:
        (root / "seeds" / "sources.yaml").unlink()
        for name in files:
            shutil.copy(EXPORTS / name, root / "seeds" / name)
    (root / "briefs").mkdir()
    shutil.copy(BRIEF, root / "briefs" / BRIEF.name)
    return root


def handouts(root: Path) -> dict[str, str]:
    result = check_brief(root / "briefs" / BRIEF.name, strict=True)
    assert result.ok, [str(p) for p in result.errors]
    outputs = build_outputs(result, formats=("html",), out_dir=root / "build")
    return {o.path.name: o.path.read_text(encoding="utf-8") for o in outputs}


@pytest.fixture(scope="module")
def expected(tmp_path_factory) -> tuple[dict, dict[str, str]]:
    root = project_with(tmp_path_factory.mktemp("yaml") / "project", ())
    records = {f.id: dict(f.record.csl) for f in list_sources(root / "seeds").files}
    return records, handouts(root)


@pytest.mark.parametrize("variant", VARIANTS)
def test_export_gives_the_records_of_sources_yaml(variant, tmp_path, expected):
    root = project_with(tmp_path / "project", VARIANTS[variant])
    folder = list_sources(root / "seeds")
    assert {f.id: dict(f.record.csl) for f in folder.files} == expected[0]
    assert folder.warnings == ()
    # Each record says where it came from: the export's file and the record's line.
    assert {f.id: (Path(f.location.file).name, f.location.line) for f in folder.files} == {
        "zotero-csl-json": {"king-2019": ("references.json", 2), "tip-2017-dprk": ("references.json", 25)},
        "better-biblatex": {"king-2019": ("references.bib", 1), "tip-2017-dprk": ("references.bib", 11)},
        "ris": {"king-2019": ("references.ris", 1), "tip-2017-dprk": ("references.ris", 12)},
    }[variant]


@pytest.mark.parametrize("variant", VARIANTS)
def test_export_builds_the_same_handouts(variant, tmp_path, expected):
    root = project_with(tmp_path / "project", VARIANTS[variant])
    built = handouts(root)
    assert built.keys() == expected[1].keys()
    assert all("Robert R. King" in text and "The Peninsula" in text for text in built.values())
    for name, text in built.items():
        assert text == expected[1][name], name


def test_sources_command_shows_where_each_record_comes_from(tmp_path, cli):
    root = project_with(tmp_path / "project", VARIANTS["better-biblatex"])
    result = cli(root, "sources")
    assert result.exit_code == 0, result.output
    assert "king-2019  (000_5d0627c7a3221be2.txt)" in result.stdout
    assert "  record: references.bib:1\n" in result.stdout and "  record: references.bib:11\n" in result.stdout
    listed = json.loads(cli(root, "sources", "--json").stdout)
    assert {s["id"]: s["record_from"] for s in listed} == {"king-2019": "references.bib:1",
                                                           "tip-2017-dprk": "references.bib:11"}
    (root / "seeds" / "references.bib").unlink()
    result = cli(root, "sources")
    assert result.stdout.count("  record: guessed from the text\n") == 2
