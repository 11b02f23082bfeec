"""Fixtures for the citation-style tests: the seed records and citations of them."""

from __future__ import annotations

import pytest

from briefdeck.sources.model import Citation, SourceRecord

from .records import SEED_QUOTES, cite, seed_records


@pytest.fixture
def seeds() -> dict[str, SourceRecord]:
    return seed_records()


@pytest.fixture
def tip(seeds) -> Citation:
    return cite(seeds["tip-2017-dprk"], 1, quoted=SEED_QUOTES[("tip-2017-dprk", 1)])


@pytest.fixture
def king(seeds) -> Citation:
    return cite(seeds["king-2019"], 17, quoted=SEED_QUOTES[("king-2019", 17)])


@pytest.fixture
def king_cnn(seeds) -> Citation:
    """King 2019 relays CNN's reporting in paragraph 9."""
    return cite(seeds["king-2019"], 9, 1, quoted=SEED_QUOTES[("king-2019", 9)], speaker="CNN")
