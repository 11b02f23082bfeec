"""Known document structures: section names where a capture lost the headings.

A TIP country narrative always runs summary, recommendations, prosecution,
protection, prevention, trafficking profile. Captures drop those headings but
keep a wider gap (two or more blank lines) where each section began, so the
paragraphs can be given their sections back.
"""

from __future__ import annotations

import re

KNOWN_STRUCTURES: dict[str, tuple[str, ...]] = {
    "tip-country-narrative": (
        "Summary", "Recommendations", "Prosecution", "Protection", "Prevention", "Trafficking profile",
    ),
}

_DETECT = {
    "tip-country-narrative": re.compile(r"trafficking in persons report.*country narratives?", re.IGNORECASE),
}


def detect_structure(title: str | None) -> str | None:
    """The known structure a document's title announces, if any."""
    for name, pattern in _DETECT.items():
        if title and pattern.search(title):
            return name
    return None


def sections_by_gaps(structure: str, gaps: list[int]) -> list[str | None] | None:
    """Section names for paragraphs, given the blank lines before each.

    A gap of two or more blank lines starts the next section. Returns None when
    the number of sections found does not match the structure, so nothing is
    guessed wrongly.
    """
    names = KNOWN_STRUCTURES[structure]
    group = -1
    out: list[str | None] = []
    for i, gap in enumerate(gaps):
        if i == 0 or gap >= 2:
            group += 1
        out.append(names[group] if group < len(names) else None)
    return out if group + 1 == len(names) else None
