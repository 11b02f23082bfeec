"""A brief's ``lang:``: the language its decks and handouts are written in (a BCP 47 tag).

    lang: en-GB     # or en, ko, fr-CA…

It overrides the layout's ``language`` for the slides' text, the
presentation's default and ``dc:language``, and the handout's
``<html lang>`` (the PDF's /Lang). Korean, Chinese and Japanese runs keep
their own tags. A value that is not a language tag is an error at its line.
"""

from __future__ import annotations

import re
from typing import Protocol

from briefdeck.errors import Location
from briefdeck.outline.yaml_nodes import Node

LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


class _Loader(Protocol):
    def error(self, message: str, location: Location, hint: str | None = None, *, code: str) -> None: ...
    def text(self, node: Node | None, what: str, *, required: bool = False) -> str | None: ...


def brief_language(loader: _Loader, node: Node | None) -> str | None:
    """The brief's language tag, or None when it gives none (the layout's language then applies)."""
    value = loader.text(node, "lang")
    if value is None or node is None:
        return None
    if not LANGUAGE_TAG.fullmatch(value):
        loader.error(f"lang: expected a language tag like en, en-GB or ko; found {value!r}", node.location,
                     "write the language the brief's text is in as a BCP 47 tag", code="bad-language")
        return None
    return value
