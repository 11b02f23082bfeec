"""Records, citations and helpers for the citation-style golden tests.

The two corpus records come from the project's seeds/sources.yaml. Every other
record is obviously synthetic ("Example Author", "Journal of Examples") and
stands for a source type the corpus lacks; none describes a real work.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from briefdeck.citations.text import Formatted
from briefdeck.sources.model import Citation, SourceRecord

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

EXAMPLE = {"family": "Author", "given": "Example"}
OTHER = {"family": "Writer", "given": "Other"}
THIRD = {"family": "Person", "given": "Third"}
FOURTH = {"family": "Name", "given": "Fourth"}

SYNTHETIC = {
    "example-journal": {
        "type": "article-journal", "author": [EXAMPLE], "title": "A Study of Examples",
        "container-title": "Journal of Examples", "volume": 12, "issue": 3, "page": "45-67",
        "issued": {"date-parts": [[2020]]}, "URL": "https://example.org/articles?id=12&format=full",
    },
    "example-journal-older": {
        "type": "article-journal", "author": [EXAMPLE], "title": "Further Examples",
        "container-title": "Journal of Examples", "volume": 7, "issued": {"date-parts": [[2015]]},
    },
    "example-book": {
        "type": "book", "author": [EXAMPLE, OTHER],
        "title": "A Book of Examples: Notes on Nothing in Particular",
        "publisher": "Example Press", "publisher-place": "Example City", "issued": {"date-parts": [[2018]]},
    },
    "example-news": {
        "type": "article-newspaper", "author": [EXAMPLE, OTHER, THIRD],
        "title": 'The So-Called "Example" Problem', "container-title": "The Example Times",
        "issued": {"date-parts": [[2021, 3, 4]]}, "URL": "https://news.example.com/story?id=7&section=world",
    },
    "example-report": {
        "type": "report", "author": [EXAMPLE, OTHER, THIRD, FOURTH], "title": "Report on Example Matters",
        "publisher": "Example Institute", "issued": {"date-parts": [[2016, 11]]},
    },
    "example-page": {
        "type": "webpage", "author": [{"literal": "Example Organization"}], "title": 'Beyond "Example"',
        "container-title": "Example Site", "accessed": {"date-parts": [[2024, 1, 15]]},
        "URL": "https://example.org/page?a=1&b=2",
    },
    "example-post": {
        "type": "post-weblog", "author": [EXAMPLE], "title": "Lorem Ipsum Dolor",
        "container-title": "Example Blog",
    },
    "example-unsigned": {
        "type": "article-newspaper", "title": "Example Headline About Nothing",
        "container-title": "The Example Times", "issued": {"date-parts": [[2022, 5, 6]]},
    },
}


def seed_records() -> dict[str, SourceRecord]:
    """The corpus's records as sources.yaml gives them (without the file name)."""
    entries = yaml.safe_load((SEEDS / "sources.yaml").read_text(encoding="utf-8"))
    return {e["id"]: SourceRecord(e["id"], {k: v for k, v in e.items() if k != "file"}) for e in entries}


def synthetic(record_id: str, **changes) -> SourceRecord:
    csl = {"id": record_id, **SYNTHETIC[record_id], **changes}
    return SourceRecord(record_id, csl)


def cite(record: SourceRecord, paragraph: int | None = None, sentence: int | None = None, *,
         quoted: str = "", speaker: str | None = None) -> Citation:
    """A citation of a paragraph, a sentence or (no paragraph) the whole source."""
    locator = record.id
    if paragraph is not None:
        locator += f":p{paragraph}" + (f".s{sentence}" if sentence else "")
    return Citation(record=record, locator=locator, paragraph=paragraph, sentence=sentence,
                    quoted=quoted, speaker=speaker)


def italics(formatted: Formatted) -> list[str]:
    """The italic runs, as a reader sees them."""
    return [s.text for s in formatted if s.italic]


def links(formatted: Formatted) -> list[tuple[str, str]]:
    """(text, url) of every live link."""
    return [(s.text, s.url) for s in formatted if s.url]


# Words from the seed texts that the seed citations (conftest.py) rest on, with the body
# paragraph that holds them (headings and page furniture are not counted).
SEED_QUOTES = {
    ("tip-2017-dprk", 1): "does not fully meet the minimum standards for the elimination of trafficking",
    ("king-2019", 9): "CNN reported on some of these victims",
    ("king-2019", 17): "The recently released Global Slavery Index",
}
