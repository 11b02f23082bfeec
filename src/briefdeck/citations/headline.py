"""Headline-style capitalization of titles (The Chicago Manual of Style, 17th ed., 8.159–61).

Chicago prints the titles of works in headline style whatever case the record
stores them in. The conversion only ever raises a first letter, or lowers the
first letter of a minor word, so what the record states is kept:

- the first and last words, and the first word after a colon, are capitalized;
- articles, prepositions, the conjunctions and, but, for, or, nor, and "to"
  and "as" are lower case elsewhere (8.159);
- every other word gets a capital first letter; a word with a capital or a
  digit after its first letter ("UN", "NGOs", "iPhone", "U.S.", "2nd") is
  left exactly as written, and so are URLs and e-mail addresses;
- each part of a hyphenated compound follows the same rules ("So-Called",
  "Run-of-the-Mill"; 8.161).
"""

from __future__ import annotations

import functools
import re

from briefdeck.citations.work import MINOR_WORDS

# Chicago capitalizes "so" and "yet" (they are not among its lower-cased conjunctions).
HEADLINE_MINOR = MINOR_WORDS - {"so", "yet"}
_WORD = re.compile(r"[^\s]+")
_EDGE = "“”‘’\"'([{«»)]}.,;:!?—–"


@functools.lru_cache(maxsize=4096)  # a deck cases the same few titles in every note
def headline_case(title: str) -> str:
    """The title in headline style: "State Department Report finds…" → "State Department Report Finds…"."""
    words = [(m.start(), m.group()) for m in _WORD.finditer(title)]
    out = list(title)
    for index, (start, word) in enumerate(words):
        first = index == 0 or words[index - 1][1].rstrip("”’\"')").endswith((":", "—", "?", "!"))
        last = index == len(words) - 1
        if "://" in word or "@" in word:  # an address is never retyped
            continue
        cased = "-".join(_case(part, first=first and i == 0, last=last)
                         for i, part in enumerate(word.split("-")))
        out[start:start + len(word)] = cased
    return "".join(out)


def _case(word: str, *, first: bool, last: bool) -> str:
    lead = len(word) - len(word.lstrip(_EDGE))
    core = word[lead:].rstrip(_EDGE)
    if not core or not core[0].isalpha() or "." in core.rstrip(".")[1:]:
        return word
    if any(c.isupper() or c.isdigit() for c in core[1:]):
        return word  # an acronym or a name with its own capitals: "UN", "iPhone", "McCain"
    bare = core.casefold()
    if bare in HEADLINE_MINOR and not first and not last:
        changed = core[0].lower() + core[1:]
    else:
        changed = core[0].upper() + core[1:]
    return word[:lead] + changed + word[lead + len(core):]
