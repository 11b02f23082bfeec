"""``references.yaml``: CSL YAML, as pandoc and Quarto users keep it.

Either a list of records or pandoc's ``references:`` list. Read with
PyYAML's safe loader, refusing what a bibliography never needs and a hostile
file could abuse: aliases and anchors (which can multiply a small file into
a huge one) and duplicate keys (where the second silently wins).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from briefdeck.errors import Location, Problems
from briefdeck.sources.bibliography.reference import Reference, from_csl, malformed, read_text

_HINT = "fix the YAML at that place (indent with spaces, close quotes and brackets)"


class StrictLoader(yaml.SafeLoader):
    """The safe loader without anchors, aliases or duplicate keys; dates stay text."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(None, None, "anchors and aliases (&name, *name) are not allowed",
                                              event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, (str, int)) and key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"the key '{key}' appears twice",
                                                        key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", StrictLoader.construct_yaml_str)


def read_csl_yaml(path: Path, shown: str) -> list[Reference]:
    text = read_text(path, shown)
    try:
        loader = StrictLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = Location(shown, mark.line + 1, mark.column + 1) if mark else Location(shown)
        problem = getattr(exc, "problem", None) or " ".join(str(exc).split("\n")[0].split())
        raise malformed(f"{path.name} is not valid YAML: {problem}", where, _HINT) from None
    except RecursionError:
        raise malformed(f"{path.name} is nested too deeply to be a bibliography", Location(shown), _HINT) from None
    if data is None:
        return []
    items, item_nodes = data, getattr(node, "value", [])
    if isinstance(data, dict) and isinstance(data.get("references"), list):
        items = data["references"]
        item_nodes = next(v for k, v in node.value if k.value == "references").value
    if not isinstance(items, list):
        raise malformed(f"{path.name} must be a list of records, or 'references:' and a list",
                        _at(shown, node), "start each record with '- id: …'", code="references-shape")
    problems = Problems()
    references = []
    for item, item_node in zip(items, item_nodes):
        where = _at(shown, item_node)
        reference = from_csl(item if not isinstance(item, dict) else {str(k): v for k, v in item.items()},
                             where, problems)
        if reference:
            references.append(reference)
    problems.raise_if_errors()
    return references


def _at(shown: str, node: Any) -> Location:
    mark = getattr(node, "start_mark", None)
    return Location(shown, mark.line + 1, mark.column + 1) if mark else Location(shown)
