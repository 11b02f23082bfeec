"""Theme tags for findings, from an editable lexicon of words and phrases.

The lexicon is a YAML file mapping each tag to a list of patterns; the format is
documented at the top of the bundled ``lexicon.yaml``. In short: a pattern is a
word or phrase matched case-insensitively on word boundaries, ``*`` at the end
of a word matches any ending (``traffick*``), and ``/…/`` is a regular
expression. A project may keep its own ``lexicon.yaml`` at its root; it then
replaces the bundled one entirely.

Tagging runs once per sentence of the corpus, so each pattern carries a word it
cannot match without (`_required_literal`): a plain substring test skips it in
most sentences before any regular expression runs.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import NamedTuple
from importlib import resources
from pathlib import Path

import yaml

from briefdeck.errors import BriefdeckError, Location, Problem, Problems, display_path

__all__ = ["Lexicon", "load_lexicon", "pattern_to_regex", "BUNDLED_LEXICON"]

BUNDLED_LEXICON = "lexicon.yaml"  # inside the briefdeck.findings package

_TAG_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# In a word or phrase pattern, a space or hyphen matches any run of spaces and hyphens
# ("forced labor" finds "forced-labor"), and an apostrophe matches a curly one.
_GAP = r"[\s\-‐–]+"
_GAP_CHARS = re.compile(_GAP)
_APOSTROPHE = "['’]"


class _Pattern(NamedTuple):
    """One lexicon pattern, compiled, with a word it cannot match without."""

    literal: str | None  # casefolded; None when the pattern must always be tried
    regex: re.Pattern


@dataclass(frozen=True)
class Lexicon:
    """Tags and the patterns that assign them.

    ``sha256`` is the digest of the lexicon file's bytes, so that an index built
    with one lexicon is rebuilt when the file changes. ``path`` is where it was
    read from (for messages); the bundled lexicon shows as ``lexicon.yaml``.
    """

    path: str
    sha256: str
    patterns: tuple[tuple[str, tuple[_Pattern, ...]], ...]  # (tag, its patterns), sorted by tag

    @property
    def tags(self) -> tuple[str, ...]:
        """Every tag the lexicon defines, sorted."""
        return tuple(tag for tag, _ in self.patterns)

    def tags_for(self, text: str) -> tuple[str, ...]:
        """The tags whose patterns occur in `text`, sorted."""
        folded = text.casefold()
        return tuple(tag for tag, patterns in self.patterns
                     if any((p.literal is None or p.literal in folded) and p.regex.search(text)
                            for p in patterns))


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Read a lexicon file; None reads the bundled one.

    Raises `BriefdeckError` naming the file, line and column of every problem:
    YAML syntax, a top level that is not a mapping, a bad tag name, a tag given
    twice, a value that is not a list of patterns, an empty or malformed pattern.
    """
    if path is None:
        data = resources.files("briefdeck.findings").joinpath(BUNDLED_LEXICON).read_bytes()
        shown = BUNDLED_LEXICON
    else:
        shown = display_path(path)
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise BriefdeckError(_problem(
                f"cannot read the lexicon: {error.strerror or error}", Location(shown),
                hint="check the path, or delete the file to use the bundled lexicon")) from None
    return _lexicon_from_bytes(data, shown)


def _lexicon_from_bytes(data: bytes, shown: str) -> Lexicon:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BriefdeckError(_problem(
            f"the lexicon is not UTF-8 text (byte {error.start})", Location(shown),
            hint="save the file as UTF-8")) from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Location(shown, mark.line + 1, mark.column + 1) if mark else Location(shown)
        message = f"the lexicon is not valid YAML: {error.problem}"
        if error.context and error.context_mark and error.context_mark is not mark:
            opened = error.context_mark
            message += f" ({error.context} that starts at line {opened.line + 1}, column {opened.column + 1})"
        raise BriefdeckError(_problem(message, where,
                                      hint="each tag is a line `tag:` followed by lines `  - pattern`"
                                      )) from None
    except yaml.YAMLError as error:
        raise BriefdeckError(_problem(f"the lexicon is not valid YAML: {error}", Location(shown))) from None

    problems = Problems()
    if not isinstance(root, yaml.MappingNode) or not root.value:
        found = "nothing" if root is None else _node_kind(root)
        problems.error(f"the lexicon should map tag names to lists of patterns, found {found}",
                       _where(shown, root), hint="example:\n  prison-camps:\n    - prison camp*",
                       code="lexicon-invalid")
        problems.raise_if_errors()

    compiled: dict[str, tuple[_Pattern, ...]] = {}
    seen: set[str] = set()
    for key, value in root.value:
        tag = key.value if isinstance(key, yaml.ScalarNode) else None
        if tag is None or not _TAG_NAME.fullmatch(tag):
            problems.error(f"a tag name should be lower-case words joined by hyphens, found "
                           f"{tag!r}" if tag is not None else "a tag name should be a plain word",
                           _where(shown, key), hint="for example: forced-labor", code="lexicon-invalid")
            continue
        if tag in seen:
            problems.error(f"tag '{tag}' is defined twice", _where(shown, key),
                           hint="merge its patterns into one list", code="lexicon-invalid")
            continue
        seen.add(tag)
        patterns = _tag_patterns(tag, value, shown, problems)
        if patterns:
            compiled[tag] = patterns
    problems.raise_if_errors()
    patterns = tuple(sorted(compiled.items()))
    return Lexicon(shown, hashlib.sha256(data).hexdigest(), patterns)


def _tag_patterns(tag: str, node: yaml.Node, shown: str, problems: Problems) -> tuple[_Pattern, ...]:
    """One tag's patterns, compiled; problems are recorded, not raised."""
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        problems.error(f"tag '{tag}' should have a list of patterns, found {_node_kind(node)}",
                       _where(shown, node), hint=f"write `{tag}:` then lines like `  - some phrase`",
                       code="lexicon-invalid")
        return ()
    patterns = []
    for item in node.value:
        if not isinstance(item, yaml.ScalarNode) or not item.value.strip():
            problems.error(f"a pattern of tag '{tag}' should be a word, phrase or /regex/, "
                           f"found {_node_kind(item)}", _where(shown, item), code="lexicon-invalid")
            continue
        try:
            regex = pattern_to_regex(item.value)
        except ValueError as error:
            hint = ("check the expression between the slashes (Python regular expression syntax)"
                    if item.value.strip().startswith("/") else
                    "write a word or phrase, with * only at the end of a word (traffick*)")
            problems.error(f"pattern {item.value!r} of tag '{tag}': {error}", _where(shown, item),
                           hint=hint, code="lexicon-invalid")
            continue
        patterns.append(_Pattern(_required_literal(item.value), re.compile(regex, re.IGNORECASE)))
    return tuple(patterns)


def pattern_to_regex(pattern: str) -> str:
    """The regular expression for one lexicon pattern (see the format in lexicon.yaml).

    Raises ValueError when the pattern is malformed.
    """
    pattern = pattern.strip()
    if _is_regex(pattern):
        regex = pattern[1:-1]
        try:
            compiled = re.compile(regex, re.IGNORECASE)
        except re.error as error:
            raise ValueError(f"not a valid regular expression: {error}") from None
        if compiled.search(""):
            raise ValueError("the regular expression matches empty text, so it would tag everything")
        return regex
    parts = []
    for word in _GAP_CHARS.split(pattern):
        if not word:
            continue
        stem = word.endswith("*")
        body = word[:-1] if stem else word
        if not body or "*" in body:
            raise ValueError("a * may only stand at the end of a word, after at least one letter")
        escaped = _APOSTROPHE.join(re.escape(piece) for piece in re.split(r"['’]", body))
        parts.append(escaped + (r"\w*" if stem else ""))
    if not parts:
        raise ValueError("the pattern has no words")
    regex = _GAP.join(parts)
    # Word boundaries where the pattern starts or ends with a word character.
    if re.match(r"\w", pattern):
        regex = r"\b" + regex
    if re.search(r"[\w*]$", pattern):
        regex += r"\b"
    return regex


def _is_regex(pattern: str) -> bool:
    return len(pattern) >= 2 and pattern.startswith("/") and pattern.endswith("/")


def _required_literal(pattern: str) -> str | None:
    """Text that any match of the pattern contains, casefolded, to skip it quickly; or None.

    Searching a sentence for a plain substring costs a fraction of running a
    regular expression, and most patterns do not occur in most sentences. For a
    word or phrase it is its longest piece; for a /regex/ the plain letters it
    starts with (after an optional \\b), when it has no top-level alternative.
    """
    pattern = pattern.strip()
    if not _is_regex(pattern):
        pieces = re.split(r"[\s\-‐–'’*]+", pattern)
        return max(pieces, key=len).casefold() or None
    regex = pattern[1:-1]
    if _has_top_level_alternative(regex):
        return None
    body = regex[2:] if regex.startswith(r"\b") else regex
    literal = ""
    for char in body:
        if char.isascii() and (char.isalnum() or char == " "):
            literal += char
            continue
        if char in "?*{":
            literal = literal[:-1]  # the last letter is optional or repeated
        break
    return literal.casefold() if len(literal) >= 3 else None


def _has_top_level_alternative(regex: str) -> bool:
    """Whether `regex` has a | outside every group and character class."""
    depth = 0
    i = 0
    while i < len(regex):
        char = regex[i]
        if char == "\\":
            i += 1  # skip the escaped character
        elif char == "[":
            i += 1
            if i < len(regex) and regex[i] == "^":
                i += 1
            if i < len(regex) and regex[i] == "]":
                i += 1  # a ] first in a class is a literal
            while i < len(regex) and regex[i] != "]":
                i += 2 if regex[i] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
        i += 1
    return False


def _problem(message: str, location: Location, *, hint: str | None = None) -> Problem:
    return Problem(message, location, hint, "error", "lexicon-invalid")


def _where(shown: str, node: yaml.Node | None) -> Location:
    if node is None:
        return Location(shown, 1, 1)
    return Location(shown, node.start_mark.line + 1, node.start_mark.column + 1)


def _node_kind(node: yaml.Node | None) -> str:
    if node is None or (isinstance(node, yaml.ScalarNode) and node.value == ""):
        return "nothing"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list" if node.value else "an empty list"
    return f"{node.value!r}"
