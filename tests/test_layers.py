"""The pipeline runs one way: no module imports from a later stage.

    base (errors, files, yamlfile, layouts) < sources < findings < outline < citations < evidence
    < deck < render < (check, lock, project, outputs, reports) < preview < cli

citations comes before deck because deck/ words every footnote through a
citation style (deck/notes.py); renderers only lay the words out. Imports
inside functions count too. A new top-level module or package must be given
its place in `LAYERS` below.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "briefdeck"

LAYERS = (
    ("base", ("__init__", "errors", "files", "yamlfile", "layouts", "contrast", "json_text")),
    ("sources", ("sources", "links")),
    ("findings", ("findings",)),
    ("outline", ("outline",)),
    ("citations", ("citations",)),
    ("evidence", ("evidence",)),
    ("deck", ("deck",)),
    ("render", ("render",)),
    ("outputs", ("check", "lock", "project", "outputs", "reports")),
    ("preview", ("preview",)),
    ("cli", ("cli", "cli_parts", "cli_text", "entry", "__main__")),
)
RANK = {name: rank for rank, (_, names) in enumerate(LAYERS) for name in names}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> int:
    """The rank of ``briefdeck.<top>…``; ``briefdeck`` itself is base."""
    top = module.split(".")[1] if "." in module else "__init__"
    assert top in RANK, f"briefdeck.{top} has no layer: add it to LAYERS in tests/test_layers.py"
    return RANK[top]


def imports_of(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every briefdeck import in ``path``, lazy ones included, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "briefdeck"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] == "briefdeck":
                found.append((node.lineno, target))
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[module_name(p) for p in MODULES])
def test_no_module_imports_from_a_later_stage(path):
    here = layer_of(module_name(path))
    against = [f"{path.relative_to(PACKAGE.parent)}:{line} imports {target} ({LAYERS[layer_of(target)][0]}, "
               f"after {LAYERS[here][0]})" for line, target in imports_of(path) if layer_of(target) > here]
    assert not against, "\n".join(against)


def test_the_check_sees_relative_and_lazy_imports(tmp_path):
    """The test itself: a lazy import and a relative one are both found and resolved."""
    probe = PACKAGE / "render" / "handout" / "view.py"
    targets = [t for _, t in imports_of(probe)]
    assert "briefdeck.render.handout.text" in targets  # written "from .text import …"
    lazy = PACKAGE / "outputs.py"
    assert "briefdeck.render.pptx" in [t for _, t in imports_of(lazy)]  # imported inside a function
    assert layer_of("briefdeck.deck.notes") > layer_of("briefdeck.citations.text")
