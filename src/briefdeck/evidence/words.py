"""The word lists of the evidence checks, read once from ``words.yaml``, and the tokens they match."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from briefdeck.yamlfile.nodes import DEFAULT_LOADER

WORDS_FILE = Path(__file__).with_name("words.yaml")
_TOKEN = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*\.?|n't")
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": " ", "”": " ", "—": " ", "–": " ", "-": " "})


@dataclass(frozen=True)
class Words:
    negators: tuple[str, ...]
    hedges: tuple[str, ...]
    universal: tuple[str, ...]
    partial: tuple[str, ...]
    attribution_verbs: frozenset[str]
    attribution_nouns: frozenset[str]
    generic_party_words: frozenset[str]
    durations: dict[str, str]  # "months" -> "month"
    rate_words: dict[str, str]  # "per month" -> "month"
    scope_words: tuple[str, ...]
    identifier_words: frozenset[str]
    stopwords: frozenset[str]


@lru_cache(maxsize=1)
def words() -> Words:
    # The bundled file, read with libyaml when PyYAML has it (a tenth of the pure-Python parser's time).
    data = yaml.load(WORDS_FILE.read_text(encoding="utf-8"), Loader=DEFAULT_LOADER)
    return Words(
        negators=tuple(data["negators"]), hedges=tuple(data["hedges"]),
        universal=tuple(data["universal"]), partial=tuple(data["partial"]),
        attribution_verbs=frozenset(data["attribution_verbs"]),
        attribution_nouns=frozenset(data["attribution_nouns"]),
        generic_party_words=frozenset(data["generic_party_words"]),
        durations={w: unit for unit, forms in data["durations"].items() for w in forms},
        rate_words={w: unit for unit, forms in data["rate_words"].items() for w in forms},
        scope_words=tuple(data["scope_words"]),
        identifier_words=frozenset(data["identifier_words"]),
        stopwords=frozenset(data["stopwords"]),
    )


def tokens(text: str) -> list[str]:
    """Lower-case words; "don't" gives "do" and "n't" so that "n't" is a word of its own."""
    folded = text.translate(_FOLD).lower().replace("n't", " n't")
    return [t.rstrip(".") if not t.endswith("u.s.") else t for t in _TOKEN.findall(folded)]


def joined(text: str) -> str:
    """The tokens joined by single spaces and padded, for phrase search: " the report says "."""
    return " " + " ".join(tokens(text)) + " "


def phrases_in(text: str, phrases: tuple[str, ...] | frozenset[str]) -> list[str]:
    """The phrases of a list that occur in ``text`` as whole words, in list order."""
    padded = joined(text)
    return [p for p in phrases if f" {p} " in padded]


def negations_in(text: str) -> list[str]:
    """The negators in ``text``; "little" only where it is not "as little as" or "a little"."""
    padded = joined(text)
    found = [p for p in words().negators if f" {p} " in padded and p != "little"]
    if " little " in padded and re.search(r"(?<! as)(?<! a) little (?!as )", padded):
        found.append("little")
    return found
