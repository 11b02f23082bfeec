"""YAML text to a small tree of nodes that remember where they were written.

We compose the tree ourselves from PyYAML's parse events instead of letting
PyYAML build Python objects, so that:

- every scalar stays the text the author wrote: YAML 1.1 would read ``no`` as
  False and ``1.0`` as a float, and the schema (not YAML) decides what a value
  means;
- anchors and aliases are refused at the event that introduces them, before
  anything could be expanded (an "alias bomb" costs no more than its text);
- duplicate keys are found, with both lines (PyYAML keeps the last silently);
- every node keeps its 1-based line and column for error messages.

A syntax error becomes a `Problem` with a human explanation, not an exception.
The libyaml parser is used when PyYAML has it (its wheels on PyPI do): it is
twenty times faster, and it reads what DESIGN.md's example writes. The
pure-Python parser, used otherwise, differs in two corners: it ends a plain
text at '?' inside brackets (``questions: [Why?]`` must then be quoted) and
refuses a tab after ``key:``. For the errors explained here both give the same
lines, columns and messages (the tests run both).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml
from yaml import events

from briefdeck.errors import Location, Problem

DEFAULT_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# What YAML accepts in a stream (PyYAML's Reader.NON_PRINTABLE): checked first
# so a stray control character gets a line and column, not an offset.
_NON_PRINTABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


_STANDARD_TAGS = "tag:yaml.org,2002:"


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


def shorten(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass
class Composed:
    """The result of `compose`: the tree (None when the stream is empty or
    unusable), the problems found, and whether the tree is complete enough to
    validate (false after a syntax error or an alias)."""

    root: Node | None
    problems: list[Problem] = field(default_factory=list)
    usable: bool = True


def compose(text: str, filename: str, *, loader: type | None = None) -> Composed:
    """Parse YAML ``text`` into nodes, collecting problems rather than raising.

    ``loader`` picks PyYAML's parser (tests run both); by default `DEFAULT_LOADER`.
    """
    bad = _NON_PRINTABLE.search(text)
    if bad:
        char = bad.group()
        return Composed(None, [Problem(
            f"the brief contains a control character (U+{ord(char):04X}), which YAML does not allow",
            _location_of_offset(text, bad.start(), filename),
            "remove it; it is often left by copying from a PDF or a word processor",
            code="bad-character")], usable=False)
    composer = _Composer(filename)
    try:
        composer.run(yaml.parse(text, Loader=loader or DEFAULT_LOADER))
    except yaml.MarkedYAMLError as exc:
        composer.problems.append(syntax_problem(exc, text, filename))
        return Composed(None, composer.problems, usable=False)
    except yaml.YAMLError as exc:  # a reader error without a mark
        position = getattr(exc, "position", 0) or 0
        composer.problems.append(Problem(f"the brief is not valid YAML: {exc}",
                                         _location_of_offset(text, min(position, len(text)), filename),
                                         code="yaml-syntax"))
        return Composed(None, composer.problems, usable=False)
    return Composed(composer.root, composer.problems, usable=not composer.aliases)


class _Composer:
    """Builds nodes from events with an explicit stack (no recursion: nesting depth is unbounded)."""

    def __init__(self, filename: str):
        self.filename = filename
        self.problems: list[Problem] = []
        self.root: Node | None = None
        self.anchors: list[tuple[Location, str]] = []
        self.aliases: list[tuple[Location, str]] = []
        # Each frame: [kind, location, items, pending key, {key: first location}]
        self.stack: list[list] = []

    def location(self, mark: yaml.Mark) -> Location:
        return Location(self.filename, mark.line + 1, mark.column + 1)

    def run(self, stream) -> None:
        documents = 0
        for event in stream:
            if isinstance(event, events.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.problems.append(Problem(
                        "the brief holds more than one YAML document (a second '---' line)",
                        self.location(event.start_mark),
                        "keep one document: remove the '---' line and join the parts, or split them into two briefs",
                        code="yaml-multiple-documents"))
                    break
                continue
            if isinstance(event, events.AliasEvent):
                self.aliases.append((self.location(event.start_mark), event.anchor))
                self.add(ScalarNode("", self.location(event.start_mark)))
                continue
            if isinstance(event, events.NodeEvent):
                self.check_anchor_and_tag(event)
            if isinstance(event, events.ScalarEvent):
                # libyaml marks a plain scalar with style '', the Python parser with None.
                plain = not event.style
                self.add(ScalarNode(event.value, self.location(event.start_mark), plain=plain))
            elif isinstance(event, (events.MappingStartEvent, events.SequenceStartEvent)):
                kind = "map" if isinstance(event, events.MappingStartEvent) else "seq"
                self.stack.append([kind, self.location(event.start_mark), [], None, {}])
            elif isinstance(event, (events.MappingEndEvent, events.SequenceEndEvent)):
                kind, location, items, _, _ = self.stack.pop()
                self.add(MapNode(tuple(items), location) if kind == "map" else SeqNode(tuple(items), location))
        self.report_anchors()

    def check_anchor_and_tag(self, event: events.NodeEvent) -> None:
        if event.anchor is not None:
            self.anchors.append((self.location(event.start_mark), event.anchor))
        tag = getattr(event, "tag", None)
        if tag is not None:
            if tag.startswith(_STANDARD_TAGS):
                tag = "!!" + tag[len(_STANDARD_TAGS):]
            self.problems.append(Problem(
                f"YAML tags such as '{tag}' have no meaning in a brief",
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
                f"YAML anchors (&name) and aliases (*name) are not allowed in a brief; "
                f"found the {noun} '{mark}{name}'{more}",
                location, hint, code=f"yaml-{noun}"))


def _location_of_offset(text: str, offset: int, filename: str) -> Location:
    line_start = text.rfind("\n", 0, offset) + 1
    return Location(filename, text.count("\n", 0, offset) + 1, offset - line_start + 1)


def _line_text(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line] if 0 <= line < len(lines) else ""


def syntax_problem(exc: yaml.MarkedYAMLError, text: str, filename: str) -> Problem:
    """A YAML syntax error explained for a person: what went wrong, where, and what to do."""
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    where = Location(filename, mark.line + 1, mark.column + 1) if mark else Location(filename, 1, 1)
    context_mark = exc.context_mark
    opened = (f"line {context_mark.line + 1}, column {context_mark.column + 1}" if context_mark else "")
    line = _line_text(text, mark.line) if mark else ""
    indent = line[: len(line) - len(line.lstrip(" \t"))]

    if mark is not None and ("\t" in indent or (mark.column < len(line) and line[mark.column] == "\t")):
        in_indent = "\t" in indent
        column = (indent.index("\t") if in_indent else mark.column) + 1
        return Problem("a tab is used for indentation; YAML indents with spaces only" if in_indent
                       else "a tab where YAML expects spaces",
                       Location(filename, mark.line + 1, column),
                       "replace the tab with spaces (set your editor to insert spaces for Tab)",
                       code="yaml-tab")
    if "quoted scalar" in context and context_mark is not None:
        return Problem("a quoted text that starts here is never closed: found the end of the file "
                       "before its closing quote mark",
                       Location(filename, context_mark.line + 1, context_mark.column + 1),
                       "add the closing quote mark, or remove the opening one "
                       "(inside '…' write a single quote as '')",
                       code="yaml-unclosed-quote")
    if ("flow mapping" in context or "flow sequence" in context) and context_mark is not None:
        bracket = "{" if "mapping" in context else "["
        closing = "}" if bracket == "{" else "]"
        return Problem(f"a '{bracket}' opened at {opened} is not closed where expected; found "
                       f"{_found_at(text, mark)}",
                       where, f"close it with '{closing}' and separate items with ', '",
                       code="yaml-unclosed-bracket")
    if "mapping values are not allowed" in problem:
        return Problem("a ':' where no new key can start: this line is indented more than the keys "
                       "around it, or a value contains ': ' and needs quotes",
                       where, "line the key up with the keys above it, or put the value in quotes",
                       code="yaml-indentation")
    if "block end" in problem or "expected key" in problem or "'-' indicator" in problem:
        block = f"the block that starts at {opened}" if opened else "the block above"
        return Problem(f"bad indentation: expected this line to line up with {block}; found "
                       f"{_found_at(text, mark)}",
                       where, "indent keys of the same mapping (and items of the same list) "
                       "by exactly the same number of spaces",
                       code="yaml-indentation")
    detail = f"{context} at {opened}: {problem}" if context and opened else (problem or str(exc))
    return Problem(f"the brief is not valid YAML: {detail}", where,
                   "check the punctuation at that place (quotes, colons, brackets, indentation)",
                   code="yaml-syntax")


def _found_at(text: str, mark: yaml.Mark | None) -> str:
    if mark is None:
        return "the end of the file"
    rest = _line_text(text, mark.line)[mark.column:].strip()
    if not rest and mark.line >= len(text.splitlines()):
        return "the end of the file"
    return f"{shorten(rest, 40)!r}" if rest else "an empty line"
