"""briefdeck: briefing decks and handouts in which every claim cites the exact words of its source."""

__version__ = "0.1.0"
