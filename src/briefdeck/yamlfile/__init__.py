"""The one YAML loader: every file from elsewhere (brief, layout.yaml, sources.yaml,
lexicon) is read, bounded and composed into located nodes here."""

from briefdeck.yamlfile.nodes import (
    BRIEF, DEFAULT_LOADER, LAYOUT, LEXICON, MAX_DEPTH, RECORDS, Composed, FileKind, MapNode, Node, ScalarNode,
    SeqNode, compose, describe, shorten,
)
from briefdeck.yamlfile.read import MAX_YAML_BYTES, read_yaml_file, yaml_text_to_node
from briefdeck.yamlfile.values import ISO_DATE, calendar_date, is_text_key, node_to_data, scalar_to_value

__all__ = [
    "BRIEF", "DEFAULT_LOADER", "LAYOUT", "LEXICON", "MAX_DEPTH", "MAX_YAML_BYTES", "RECORDS", "Composed",
    "FileKind", "ISO_DATE", "MapNode", "Node", "ScalarNode", "SeqNode", "calendar_date", "compose", "describe",
    "is_text_key", "node_to_data", "read_yaml_file", "scalar_to_value", "shorten", "yaml_text_to_node",
]
