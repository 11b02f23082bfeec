"""Golden tests: every built deck and handout compared with an expected one.

Decks are compared part by part: the same parts; XML parts after normalising
(canonical form, pretty-printed, timestamps blanked) with a diff naming the
part; media and other parts byte for byte. Handout HTML is compared as text.

After an intended change, regenerate the expected files and review the diff:

    BRIEFDECK_REGENERATE_GOLDEN=1 .venv/bin/pytest tests/golden

(see tests/golden/README.md).
"""

from __future__ import annotations

import difflib
import io
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from briefdeck.check import check_brief
from briefdeck.outputs import build_outputs

HERE = Path(__file__).parent
REPO = HERE.parents[1]
EXPECTED = HERE / "expected"
REGENERATE = bool(os.environ.get("BRIEFDECK_REGENERATE_GOLDEN"))

# The focused briefs beside this file, and the project's example briefs (named: a user's own
# brief in briefs/ has no expected files).
EXAMPLES = ("dprk-trafficking.yaml", "tip-2017-recommendations.yaml")
BRIEFS = sorted(HERE.glob("briefs/*.yaml")) + [REPO / "briefs" / name for name in EXAMPLES]
_TIMESTAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """A project holding the seeds, the golden briefs and layouts, and the example briefs."""
    root = tmp_path_factory.mktemp("golden") / "project"
    shutil.copytree(REPO / "seeds", root / "seeds")
    shutil.copytree(HERE / "layouts", root / "layouts")
    (root / "briefs").mkdir()
    for brief in BRIEFS:
        shutil.copy(brief, root / "briefs" / brief.name)
    return root


@pytest.fixture(scope="module")
def builds(workspace) -> dict[str, dict[str, bytes]]:
    """Each brief's built files by name, built once for the module (filled as tests ask)."""
    return {}


def built(workspace: Path, brief: Path, builds: dict[str, dict[str, bytes]]) -> dict[str, bytes]:
    if brief.name not in builds:
        result = check_brief(workspace / "briefs" / brief.name, strict=True)
        assert result.ok, [str(p) for p in result.errors]
        out = workspace / "build" / brief.stem
        outputs = build_outputs(result, formats=("pptx", "html"), out_dir=out)
        builds[brief.name] = {o.path.name: o.path.read_bytes() for o in outputs}
    return builds[brief.name]


@pytest.mark.parametrize("brief", BRIEFS, ids=[b.stem for b in BRIEFS])
def test_built_files_match_the_expected_ones(workspace, builds, brief):
    files = built(workspace, brief, builds)
    for name, data in files.items():
        expected = EXPECTED / name
        if REGENERATE:
            EXPECTED.mkdir(exist_ok=True)
            expected.write_bytes(data)
            continue
        assert expected.exists(), f"no expected file {expected.relative_to(REPO)}; regenerate (see tests/golden/README.md)"
        if name.endswith(".pptx"):
            compare_pptx(expected.read_bytes(), data, name)
        else:
            compare_text(expected.read_text(encoding="utf-8"), data.decode("utf-8"), name)


def test_every_expected_file_has_a_build(workspace, builds):
    """An expected file no brief builds any more (a brief or audience renamed) is an error, not dead weight."""
    names = {name for brief in BRIEFS for name in built(workspace, brief, builds)}
    stale = sorted(p.name for p in EXPECTED.iterdir() if p.name not in names)
    if REGENERATE:
        for name in stale:
            (EXPECTED / name).unlink()
        return
    assert not stale, f"expected files with no build: {stale}; delete them or regenerate (see tests/golden/README.md)"


def compare_pptx(expected: bytes, actual: bytes, name: str) -> None:
    want, got = _parts(expected), _parts(actual)
    missing, extra = sorted(set(want) - set(got)), sorted(set(got) - set(want))
    assert not missing and not extra, f"{name}: parts missing {missing}, parts not expected {extra}"
    for part in want:
        if part.endswith((".xml", ".rels")):
            a, b = _normal_xml(want[part]), _normal_xml(got[part])
            if a != b:
                diff = "\n".join(list(difflib.unified_diff(a.splitlines(), b.splitlines(), f"expected {part}",
                                                           f"built {part}", lineterm="", n=2))[:60])
                pytest.fail(f"{name}: part {part} differs\n{diff}")
        else:
            assert want[part] == got[part], f"{name}: part {part} differs (binary)"


def compare_text(expected: str, actual: str, name: str) -> None:
    if expected != actual:
        diff = "\n".join(list(difflib.unified_diff(expected.splitlines(), actual.splitlines(), f"expected {name}",
                                                   f"built {name}", lineterm="", n=2))[:60])
        pytest.fail(f"{name} differs\n{diff}")


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _normal_xml(data: bytes) -> str:
    data = _TIMESTAMP.sub(rb"\1\2", data)
    parser = etree.XMLParser(remove_blank_text=True)
    root = etree.fromstring(data, parser)
    canonical = etree.tostring(root, method="c14n")
    return etree.tostring(etree.fromstring(canonical, parser), pretty_print=True).decode("utf-8")
