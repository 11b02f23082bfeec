"""``references.yaml``: CSL YAML, as pandoc and Quarto users keep it.

Either a list of records or pandoc's ``references:`` list. Read with the one
hardened YAML loader (`briefdeck.yamlfile`): no aliases, anchors, tags or
duplicate keys, bounded size and depth, dates checked against the calendar,
every problem with its line and column.
"""

from __future__ import annotations

from pathlib import Path

from briefdeck.errors import Problems
from briefdeck.sources.bibliography.reference import Reference, from_csl, malformed
from briefdeck.yamlfile import FileKind, MapNode, ScalarNode, SeqNode, describe, node_to_data, read_yaml_file

REFERENCES_YAML = FileKind("references.yaml", "references.yaml", "references.yaml")


def read_csl_yaml(path: Path, shown: str) -> list[Reference]:
    node = read_yaml_file(path, shown, REFERENCES_YAML)
    if node is None or (isinstance(node, ScalarNode) and node.is_empty):
        return []
    if isinstance(node, MapNode) and isinstance(node.get("references"), SeqNode):
        node = node.get("references")
    if not isinstance(node, SeqNode):
        raise malformed(f"{path.name} must be a list of records, or 'references:' and a list (found {describe(node)})",
                        node.location, "start each record with '- id: …'", code="references-shape")
    problems = Problems()
    references = []
    for item_node in node.items:
        reference = from_csl(node_to_data(item_node, problems), item_node.location, problems)
        if reference:
            references.append(reference)
    problems.raise_if_errors()
    return references
