"""Citation keys as reference managers and pandoc write them, turned into briefdeck ids and locators.

A reference manager's key ("King2019State", "tip_2017:dprk") becomes a source
id by `key_to_id`: lower case, and every run of characters a locator cannot
hold becomes one dash. A brief may then cite ``@King2019State``,
``@king-2019, para. 5`` or pandoc's ``[@tip-2017-dprk, para. 8]``;
`citation_to_locator` turns each into the locator briefdeck uses
(``king-2019:p5``), so a brief can be written with the keys users know.
"""

from __future__ import annotations

import re

# A pandoc citation key: starts with a letter, digit or _, then key characters; internal
# punctuation (:.#$%&-+?<>~/) is allowed when followed by a key character.
_KEY = r"[\w][\w:.#$%&+?<>~/-]*?(?=[\s,;\]]|$)"
_CITATION = re.compile(
    rf"\s*(?P<bracket>\[)?\s*@(?:\{{(?P<braced>[^}}]+)\}}|(?P<key>{_KEY}))\s*"
    r"(?:,\s*(?P<label>¶|[a-z]+\.?)\s*(?P<number>\d+)\s*)?(?(bracket)\]|)\s*", re.IGNORECASE)
PARAGRAPH_LABELS = frozenset({"para", "para.", "paras", "paras.", "par", "par.", "pars.", "paragraph", "¶"})
PAGE_LABELS = frozenset({"p", "p.", "pp", "pp.", "page", "pages"})


class CitationKeyError(ValueError):
    """A citation written with a key that cannot become a locator; the message says what to write."""


class PageCitationError(CitationKeyError):
    """A citation of a page ("[@key, p. 212]"): refused while sources are read without page numbers.

    The hook for paginated sources (PDF paragraphs carrying a page label): a
    caller that can resolve ``source`` and ``page`` to paragraphs catches this
    error instead of reporting it.
    """

    def __init__(self, message: str, source: str, page: int):
        super().__init__(message)
        self.source, self.page = source, page


def key_to_id(key: str) -> str:
    """The source id for a citation key: "King2019State" → "king2019state", "tip_2017:dprk" → "tip_2017-dprk"."""
    return re.sub(r"[^a-z0-9._-]+", "-", key.strip().casefold()).strip("-._") or "source"


def is_citation(text: str) -> bool:
    """True when ``text`` is written as a citation key (starts with "@" or "[@")."""
    return re.match(r"\s*\[?\s*@", text) is not None


def citation_to_locator(text: str) -> str | None:
    """The briefdeck locator a citation-key locator spells; None when ``text`` is not written as one.

    ``@king-2019`` → ``king-2019``; ``@king-2019, para. 5`` → ``king-2019:p5``;
    ``[@tip-2017-dprk, para. 8]`` → ``tip-2017-dprk:p8``. A page ("p. 212")
    raises `PageCitationError`: briefdeck's locators count body paragraphs, and a
    page number must not be read as a paragraph number.
    """
    if not is_citation(text):
        return None
    match = _CITATION.fullmatch(text)
    if not match:
        raise CitationKeyError(f"'{text.strip()}' is not a citation: write @key, @key, para. N or [@key, para. N]")
    source = key_to_id(match.group("braced") or match.group("key"))
    label, number = match.group("label"), match.group("number")
    if label is None:
        return source
    if label.casefold() in PAGE_LABELS:
        raise PageCitationError(f"'{text.strip()}' cites a page; page locators are accepted only for "
                                f"paginated sources: write [@{source}, para. N] "
                                f"(see 'briefdeck show {source}' for the numbers)", source, int(number))
    if label.casefold() not in PARAGRAPH_LABELS:
        raise CitationKeyError(f"'{text.strip()}': unknown locator label '{label}'; write para. N")
    return f"{source}:p{int(number)}"
