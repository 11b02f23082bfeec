"""YAML text to a small tree of nodes that remember where they were written.

Every YAML file briefdeck reads (a brief, ``layout.yaml``, ``sources.yaml``,
the lexicon) comes from elsewhere and goes through `compose`. We compose the
tree ourselves from PyYAML's parse events instead of letting PyYAML build
Python objects, so that:

- every scalar stays the text the author wrote: YAML 1.1 would read ``no`` as
  False and ``1.0`` as a float; the schema of each file (`briefdeck.yamlfile.values`
  for plain data) decides what a value means;
- anchors, aliases and tags are refused at the event that introduces them,
  before anything could be expanded (an "alias bomb" costs no more than its text);
- duplicate keys are found, with both lines (PyYAML keeps the last silently);
- nesting is bounded (`MAX_DEPTH`), so no later step recurses without end;
- every node keeps its 1-based line and column for error messages.

A syntax error becomes a `Problem` with a human explanation, not an exception.
The libyaml parser is used when PyYAML has it (its wheels on PyPI do): it is
twenty times faster. The pure-Python parser, used otherwise, differs in two
corners: it ends a plain text at '?' inside brackets (``questions: [Why?]``
must then be quoted) and refuses a tab after ``key:``. For the errors
explained here both give the same lines, columns and messages (the tests run both).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml
from yaml import events

from briefdeck.errors import Location, Problem
from briefdeck.yamlfile.syntax import location_of_offset, shorten, syntax_problem

DEFAULT_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 64  # lists and mappings inside each other; a brief needs about 8

# What YAML accepts in a stream (PyYAML's Reader.NON_PRINTABLE): checked first
# so a stray control character gets a line and column, not an offset.
_NON_PRINTABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
_STANDARD_TAGS = "tag:yaml.org,2002:"


@dataclass(frozen=True)
class FileKind:
    """How a kind of YAML file is named in messages: "the brief …", "… in a brief", "brief is 2 MB"."""

    the: str
    in_a: str
    noun: str


BRIEF = FileKind("the brief", "a brief", "brief")
LAYOUT = FileKind("layout.yaml", "layout.yaml", "layout.yaml")
RECORDS = FileKind("sources.yaml", "sources.yaml", "sources.yaml")
LEXICON = FileKind("the lexicon", "a lexicon", "lexicon")


@dataclass(frozen=True, eq=False)
class ScalarNode:
    """A scalar, always as text. ``plain`` is false for quoted and block scalars."""

    value: str
    location: Location
    plain: bool = True

    @property
    def is_empty(self) -> bool:
        """``key:`` with nothing after it, or ``key: ~``: no value was given."""
        return self.plain and self.value in ("", "~")


@dataclass(frozen=True, eq=False)
class SeqNode:
    items: tuple["Node", ...]
    location: Location


@dataclass(frozen=True, eq=False)
class MapNode:
    """A mapping; keys are scalars, in the order written, without duplicates."""

    pairs: tuple[tuple[ScalarNode, "Node"], ...]
    location: Location

    def get(self, key: str) -> "Node | None":
        return next((value for k, value in self.pairs if k.value == key), None)

    def key(self, key: str) -> ScalarNode | None:
        return next((k for k, _ in self.pairs if k.value == key), None)


Node = ScalarNode | SeqNode | MapNode


def describe(node: Node) -> str:
    """How a node is named in a "found …" message."""
    if isinstance(node, MapNode):
        return "a mapping (key: value lines)"
    if isinstance(node, SeqNode):
        return "a list"
    if node.is_empty:
        return "nothing"
    return f"the text {shorten(node.value)!r}"


@dataclass
class Composed:
    """The result of `compose`: the tree (None when the stream is empty or
    unusable), the problems found, and whether the tree is complete enough to
    validate (false after a syntax error, an alias or too deep a nesting)."""

    root: Node | None
    problems: list[Problem] = field(default_factory=list)
    usable: bool = True


def compose(text: str, filename: str, *, kind: FileKind = BRIEF, loader: type | None = None) -> Composed:
    """Parse YAML ``text`` into nodes, collecting problems rather than raising.

    ``loader`` picks PyYAML's parser (tests run both); by default `DEFAULT_LOADER`.
    """
    bad = _NON_PRINTABLE.search(text)
    if bad:
        char = bad.group()
        return Composed(None, [Problem(
            f"{kind.the} contains a control character (U+{ord(char):04X}), which YAML does not allow",
            location_of_offset(text, bad.start(), filename),
            "remove it; it is often left by copying from a PDF or a word processor",
            code="bad-character")], usable=False)
    composer = _Composer(filename, kind)
    try:
        composer.run(yaml.parse(text, Loader=loader or DEFAULT_LOADER))
    except yaml.MarkedYAMLError as exc:
        composer.problems.append(syntax_problem(exc, text, filename, kind.the))
        return Composed(None, composer.problems, usable=False)
    except yaml.YAMLError as exc:  # a reader error without a mark
        position = getattr(exc, "position", 0) or 0
        composer.problems.append(Problem(f"{kind.the} is not valid YAML: {exc}",
                                         location_of_offset(text, min(position, len(text)), filename),
                                         code="yaml-syntax"))
        return Composed(None, composer.problems, usable=False)
    usable = not composer.aliases and not composer.too_deep
    return Composed(composer.root if usable else None, composer.problems, usable=usable)


class _Composer:
    """Builds nodes from events with an explicit stack, at most `MAX_DEPTH` deep."""

    def __init__(self, filename: str, kind: FileKind):
        self.filename = filename
        self.kind = kind
        self.problems: list[Problem] = []
        self.root: Node | None = None
        self.anchors: list[tuple[Location, str]] = []
        self.aliases: list[tuple[Location, str]] = []
        self.too_deep = False
        # Each frame: [kind, location, items, pending key, {key: first location}]
        self.stack: list[list] = []

    def location(self, mark: yaml.Mark) -> Location:
        return Location(self.filename, mark.line + 1, mark.column + 1)

    def run(self, stream) -> None:
        # Dispatched on the exact event class, scalars first: a brief is mostly scalars, and this
        # loop is most of the time it takes to read a long one.
        documents = 0
        filename = self.filename
        for event in stream:
            kind = type(event)
            if kind is events.ScalarEvent:
                if event.anchor is not None or event.tag is not None:
                    self.check_anchor_and_tag(event)
                mark = event.start_mark
                # libyaml marks a plain scalar with style '', the Python parser with None.
                self.add(ScalarNode(event.value, Location(filename, mark.line + 1, mark.column + 1),
                                    plain=not event.style))
            elif kind is events.MappingStartEvent or kind is events.SequenceStartEvent:
                if event.anchor is not None or event.tag is not None:
                    self.check_anchor_and_tag(event)
                if len(self.stack) >= MAX_DEPTH:
                    self.problems.append(Problem(
                        f"{self.kind.the} nests lists and mappings more than {MAX_DEPTH} levels deep",
                        self.location(event.start_mark), "flatten the structure; no briefdeck file needs "
                        "that depth", code="yaml-too-deep"))
                    self.too_deep = True
                    break
                self.stack.append(["map" if kind is events.MappingStartEvent else "seq",
                                   self.location(event.start_mark), [], None, {}])
            elif kind is events.MappingEndEvent or kind is events.SequenceEndEvent:
                frame, location, items, _, _ = self.stack.pop()
                self.add(MapNode(tuple(items), location) if frame == "map" else SeqNode(tuple(items), location))
            elif kind is events.AliasEvent:
                self.aliases.append((self.location(event.start_mark), event.anchor))
                self.add(ScalarNode("", self.location(event.start_mark)))
            elif kind is events.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self.problems.append(Problem(
                        f"{self.kind.the} holds more than one YAML document (a second '---' line)",
                        self.location(event.start_mark),
                        "keep one document: remove the '---' line and join the parts, or split them into two files",
                        code="yaml-multiple-documents"))
                    break
        self.report_anchors()

    def check_anchor_and_tag(self, event: events.NodeEvent) -> None:
        if event.anchor is not None:
            self.anchors.append((self.location(event.start_mark), event.anchor))
        tag = getattr(event, "tag", None)
        if tag is not None:
            if tag.startswith(_STANDARD_TAGS):
                tag = "!!" + tag[len(_STANDARD_TAGS):]
            self.problems.append(Problem(
                f"YAML tags such as '{tag}' have no meaning in {self.kind.in_a}",
                self.location(event.start_mark), "remove the tag: every value is read as the text written",
                code="yaml-tag"))

    def add(self, node: Node) -> None:
        if not self.stack:
            self.root = node
            return
        frame = self.stack[-1]
        kind, _, items, key, seen = frame
        if kind == "seq":
            items.append(node)
        elif key is None:
            frame[3] = node
        else:
            frame[3] = None
            self.add_pair(items, seen, key, node)

    def add_pair(self, items: list, seen: dict, key: Node, value: Node) -> None:
        if not isinstance(key, ScalarNode):
            self.problems.append(Problem(
                f"a key must be a name, found {describe(key)}", key.location,
                "write keys as plain names such as 'title:'", code="yaml-complex-key"))
            return
        first = seen.get(key.value)
        if first is not None:
            self.problems.append(Problem(
                f"duplicate key '{key.value}': first at line {first.line}, again at line {key.location.line}",
                key.location, "keep one of them (YAML would silently use the last)", code="duplicate-key"))
            return
        seen[key.value] = key.location
        items.append((key, value))

    def report_anchors(self) -> None:
        # One problem for anchors and one for aliases, with counts: an alias
        # bomb has hundreds and listing them all would bury the point.
        hint = "write the value out in full wherever it is needed"
        for found, mark, noun in ((self.anchors, "&", "anchor"), (self.aliases, "*", "alias")):
            if not found:
                continue
            location, name = found[0]
            more = f" ({len(found)} {noun}{'es' if noun == 'alias' else 's'} in all)" if len(found) > 1 else ""
            self.problems.append(Problem(
                f"YAML anchors (&name) and aliases (*name) are not allowed in {self.kind.in_a}; "
                f"found the {noun} '{mark}{name}'{more}",
                location, hint, code=f"yaml-{noun}"))
