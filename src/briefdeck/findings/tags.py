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
from functools import cached_property
from typing import NamedTuple
from importlib import resources
from pathlib import Path

from briefdeck.errors import BriefdeckError, Location, Problems, display_path
from briefdeck.findings.regex_safety import check_regex
from briefdeck.yamlfile import LEXICON, MapNode, Node, ScalarNode, SeqNode, compose, is_text_key, shorten
from briefdeck.yamlfile.read import check_text_size, decode_yaml, read_yaml_bytes

__all__ = ["Lexicon", "load_lexicon", "pattern_to_regex", "BUNDLED_LEXICON"]

BUNDLED_LEXICON = "lexicon.yaml"  # inside the briefdeck.findings package

_TAG_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# In a word or phrase pattern, a space or hyphen matches any run of spaces and hyphens
# ("forced labor" finds "forced-labor"), and an apostrophe matches a curly one.
_GAP = r"[\s\-‐–]+"
_GAP_CHARS = re.compile(_GAP)
_APOSTROPHE = "['’]"


# Besides ASCII, characters that have no case (typographic quotes, dashes): in a text of only
# these, a word or phrase pattern in ASCII matches the casefolded text exactly where it matches
# the text ignoring case (no other character is equal to an ASCII letter ignoring case).
_CASED_OTHER = re.compile("[^\x00-\x7f“”‘’‐‑–—…•·°€£¥§©®™«»\xa0]")


class _Rule(NamedTuple):
    """One lexicon pattern as written (``text``) and checked (``regex``), not yet compiled."""

    text: str
    regex: str


class _Pattern(NamedTuple):
    """One lexicon pattern, compiled, with a word it cannot match without."""

    literal: str | None  # casefolded; None when the pattern must always be tried
    regex: re.Pattern
    # For casefolded text of `_CASED_OTHER`-free text, or None: case-sensitive and without the
    # leading \b, which `_lowercase_search` checks, SRE scans for its first letters quickly.
    lowercase: re.Pattern | None = None
    word_start: bool = False  # the pattern starts with \b

    @classmethod
    def of(cls, rule: _Rule) -> "_Pattern":
        return cls(_required_literal(rule.text), re.compile(rule.regex, re.IGNORECASE), *_lowercase_form(rule.text))

    def search(self, text: str, folded: str, caseless: bool) -> bool:
        if not (caseless and self.lowercase):
            return self.regex.search(text) is not None
        at = 0
        while (match := self.lowercase.search(folded, at)) is not None:
            start = match.start()
            if not self.word_start or start == 0 or not (folded[start - 1].isalnum() or folded[start - 1] == "_"):
                return True
            at = start + 1
        return False


@dataclass(frozen=True)
class Lexicon:
    """Tags and the patterns that assign them.

    ``sha256`` is the digest of the lexicon file's bytes, so that an index built
    with one lexicon is rebuilt when the file changes. ``path`` is where it was
    read from (for messages); the bundled lexicon shows as ``lexicon.yaml``.
    """

    path: str
    sha256: str
    patterns: tuple[tuple[str, tuple[_Rule, ...]], ...]  # (tag, its patterns), sorted by tag

    @property
    def tags(self) -> tuple[str, ...]:
        """Every tag the lexicon defines, sorted."""
        return tuple(tag for tag, _ in self.patterns)

    def tags_for(self, text: str) -> tuple[str, ...]:
        """The tags whose patterns occur in `text`, sorted."""
        folded = text.casefold()
        caseless = _CASED_OTHER.search(text) is None
        by_literal, always = self._by_literal
        found: set[int] = set()
        for literal in [None, *(w for w in by_literal if w in folded)]:
            for k, pattern in always if literal is None else by_literal[literal]:
                if k not in found and pattern.search(text, folded, caseless):
                    found.add(k)
        return tuple(tag for k, (tag, _) in enumerate(self.patterns) if k in found) if found else ()

    @cached_property
    def _by_literal(self) -> tuple[dict[str, list[tuple[int, _Pattern]]], list[tuple[int, _Pattern]]]:
        """Each required word with the (tag number, pattern) pairs that need it, and the pairs that need none.

        One substring test per distinct word, rather than one per pattern with a generator around it.
        The patterns are compiled here, when the first text is tagged: most commands only read the
        lexicon's tags and digest, and compiling its two hundred expressions costs tens of milliseconds.
        """
        by_literal: dict[str, list[tuple[int, _Pattern]]] = {}
        always = []
        for k, (_, rules) in enumerate(self.patterns):
            for p in map(_Pattern.of, rules):
                if p.literal is None:
                    always.append((k, p))
                else:
                    by_literal.setdefault(p.literal, []).append((k, p))
        return by_literal, always


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Read a lexicon file; None reads the bundled one.

    The file goes through the hardened YAML loader (`briefdeck.yamlfile`).
    Raises `BriefdeckError` naming the file, line and column of every problem:
    YAML syntax, aliases, tags or a duplicate tag, a top level that is not a
    mapping, a bad tag name, a value that is not a list of patterns, an empty,
    malformed or dangerous pattern (see `briefdeck.findings.regex_safety`).
    """
    if path is None:
        data = resources.files("briefdeck.findings").joinpath(BUNDLED_LEXICON).read_bytes()
        shown = BUNDLED_LEXICON
    else:
        shown = display_path(path)
        data = read_yaml_bytes(Path(path), shown, LEXICON)
    return _lexicon_from_bytes(data, shown)


def _lexicon_from_bytes(data: bytes, shown: str) -> Lexicon:
    text = decode_yaml(data, shown, LEXICON)
    check_text_size(text, shown, LEXICON)
    composed = compose(text, shown, kind=LEXICON)
    if not composed.usable:
        raise BriefdeckError(composed.problems)
    root = composed.root
    problems = Problems(list(composed.problems))
    if not isinstance(root, MapNode) or not root.pairs:
        found = "nothing" if root is None else _node_kind(root)
        problems.error(f"the lexicon should map tag names to lists of patterns, found {found}",
                       root.location if root is not None else Location(shown, 1, 1),
                       hint="example:\n  prison-camps:\n    - prison camp*", code="lexicon-invalid")
        raise BriefdeckError(problems.items)

    checked: dict[str, tuple[_Rule, ...]] = {}
    for key, value in root.pairs:
        tag = key.value
        if not is_text_key(key):
            problems.error(f"a tag name should be lower-case words joined by hyphens, found {tag!r}, which YAML "
                           "reads as a number or true/false", key.location, hint="for example: forced-labor",
                           code="lexicon-invalid")
            continue
        if not _TAG_NAME.fullmatch(tag):
            problems.error(f"a tag name should be lower-case words joined by hyphens, found {tag!r}",
                           key.location, hint="for example: forced-labor", code="lexicon-invalid")
            continue
        patterns = _tag_patterns(tag, value, problems)
        if patterns:
            checked[tag] = patterns
    problems.items.sort(key=lambda p: (p.location.line or 0, p.location.column or 0) if p.location else (0, 0))
    problems.raise_if_errors()
    patterns = tuple(sorted(checked.items()))
    return Lexicon(shown, hashlib.sha256(data).hexdigest(), patterns)


def _tag_patterns(tag: str, node: Node, problems: Problems) -> tuple[_Rule, ...]:
    """One tag's patterns, checked; problems are recorded, not raised."""
    if not isinstance(node, SeqNode) or not node.items:
        problems.error(f"tag '{tag}' should have a list of patterns, found {_node_kind(node)}",
                       node.location, hint=f"write `{tag}:` then lines like `  - some phrase`",
                       code="lexicon-invalid")
        return ()
    patterns = []
    for item in node.items:
        if not isinstance(item, ScalarNode) or not item.value.strip():
            problems.error(f"a pattern of tag '{tag}' should be a word, phrase or /regex/, "
                           f"found {_node_kind(item)}", item.location, code="lexicon-invalid")
            continue
        try:
            regex = pattern_to_regex(item.value)
        except ValueError as error:
            hint = ("check the expression between the slashes (Python regular expression syntax)"
                    if item.value.strip().startswith("/") else
                    "write a word or phrase, with * only at the end of a word (traffick*)")
            problems.error(f"pattern {shorten(item.value, 60)!r} of tag '{tag}': {error}", item.location,
                           hint=hint, code="lexicon-invalid")
            continue
        patterns.append(_Rule(item.value, regex))
    return tuple(patterns)


def pattern_to_regex(pattern: str) -> str:
    """The regular expression for one lexicon pattern (see the format in lexicon.yaml).

    Raises ValueError when the pattern is malformed.
    """
    pattern = pattern.strip()
    if _is_regex(pattern):
        regex = pattern[1:-1]
        check_regex(regex)  # before compiling: a hostile pattern must not hang or allocate
        try:
            compiled = re.compile(regex, re.IGNORECASE)
        except (re.error, OverflowError, RecursionError) as error:
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


def _lowercase_form(pattern: str) -> tuple[re.Pattern | None, bool]:
    """A word or phrase pattern in ASCII for casefolded text (`_Pattern.lowercase`), and whether it starts with \\b."""
    pattern = pattern.strip()
    if _is_regex(pattern) or not pattern.isascii():
        return None, False
    regex = pattern_to_regex(pattern.lower())
    word_start = regex.startswith(r"\b")
    return re.compile(regex[2:] if word_start else regex), word_start


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


def _node_kind(node: Node | None) -> str:
    if node is None or (isinstance(node, ScalarNode) and node.value == ""):
        return "nothing"
    if isinstance(node, MapNode):
        return "a mapping"
    if isinstance(node, SeqNode):
        return "a list" if node.items else "an empty list"
    return f"{shorten(node.value, 60)!r}"
