"""Citation keys as reference managers and pandoc write them, turned into briefdeck ids and locators.

A reference manager's key ("King2019State", "tip_2017:dprk") becomes a source
id by `key_to_id`: lower case, and every run of characters a locator cannot
hold becomes one dash. A brief may then cite ``@King2019State``,
``@king-2019, para. 5`` or pandoc's ``[@tip-2017-dprk, p. 212]``;
`citation_to_locator` turns each into the locator briefdeck uses
(``king-2019:p5``).
"""

from __future__ import annotations

import re

# A pandoc citation key: starts with a letter, digit or _, then key characters; internal
# punctuation (:.#$%&-+?<>~/) is allowed when followed by a key character.
_KEY = r"[\w][\w:.#$%&+?<>~/-]*?(?=[\s,;\]]|$)"
_CITATION = re.compile(
    rf"\s*(?P<bracket>\[)?\s*@(?:\{{(?P<braced>[^}}]+)\}}|(?P<key>{_KEY}))\s*"
    r"(?:,\s*(?P<label>[a-z]+\.?)\s*(?P<number>\d+)\s*)?(?(bracket)\]|)\s*", re.IGNORECASE)
# Labels that name a body paragraph. Pages are a print unit briefdeck does not number, so "p. 212"
# means paragraph 212 only where the brief's author wrote it that way on purpose: see below.
PARAGRAPH_LABELS = frozenset({"para", "para.", "paras", "paras.", "par", "par.", "pars.", "paragraph",
                              "¶", "p", "p.", "pp.", "page"})


def key_to_id(key: str) -> str:
    """The source id for a citation key: "King2019State" → "king2019state", "tip_2017:dprk" → "tip-2017-dprk"."""
    return re.sub(r"[^a-z0-9._-]+", "-", key.strip().casefold()).strip("-._") or "source"


def is_citation(text: str) -> bool:
    """True when ``text`` is written as a citation key (starts with "@" or "[@")."""
    return text.lstrip().startswith(("@", "[@"))


def citation_to_locator(text: str) -> str | None:
    """The briefdeck locator a citation-key locator spells, or None when it is not one.

    ``@king-2019`` → ``king-2019``; ``@king-2019, para. 5`` → ``king-2019:p5``;
    ``[@tip-2017-dprk, p. 212]`` → ``tip-2017-dprk:p212``. The number is a body
    paragraph, as everywhere in briefdeck (the sources are text, not pages), so
    "p." and "para." give the same locator.
    """
    match = _CITATION.fullmatch(text)
    if not match:
        return None
    source = key_to_id(match.group("braced") or match.group("key"))
    label, number = match.group("label"), match.group("number")
    if label is None:
        return source
    if label.casefold() not in PARAGRAPH_LABELS:
        return None
    return f"{source}:p{int(number)}"
