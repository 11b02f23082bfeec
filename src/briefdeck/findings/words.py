"""The lower-case ASCII words of a sentence, which several readers of the same sentence ask for.

Indexing looks in this set for a reporting verb (`briefdeck.findings.speaker`) and for a number
word (`briefdeck.findings.numerals`) in every sentence of the corpus; it is made once per
sentence and remembered for the sentences of a paragraph, which are read by one and then the other.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ASCII_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1024)
def lower_words(text: str) -> frozenset[str]:
    """The runs of the letters a-z in ``text``, lower-cased ("U.S. officials said": u, s, officials, said)."""
    return frozenset(_ASCII_WORD.findall(text.lower()))
