"""Rendering helpers for the handout tests: render once per deck, read the PDF as a reader would."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefdeck.deck.model import Deck
from briefdeck.layouts import Layout, find_layout
from briefdeck.render.handout import deck_to_html, html_to_pdf

from .decks import REPO, example_deck


@dataclass(frozen=True)
class Rendered:
    html: str
    pdf: bytes

    @property
    def pages(self) -> list[str]:
        """The PDF's text, page by page, with runs of whitespace folded to one space."""
        return pdf_pages(self.pdf)

    @property
    def text(self) -> str:
        return " ".join(self.pages)


def pdf_pages(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [re.sub(r"\s+", " ", page.extract_text()).strip() for page in reader.pages]


def default_layout() -> Layout:
    return find_layout("default", project=None)


def make_layout(project: Path, name: str, templates: dict[str, str] | None = None, settings: str = "") -> Layout:
    """A layout ``name`` in ``project``'s layouts/ folder, with these handout templates."""
    folder = project / "layouts" / name
    (folder / "handout").mkdir(parents=True)
    (folder / "layout.yaml").write_text(f"name: {name}\n{settings}", encoding="utf-8")
    for file, text in (templates or {}).items():
        (folder / "handout" / file).write_text(text, encoding="utf-8")
    return find_layout(name, project=project)


def render(deck: Deck, layout: Layout | None = None, root: Path = REPO) -> Rendered:
    html = deck_to_html(deck, layout=layout or default_layout())
    return Rendered(html, html_to_pdf(html, deck=deck, root=root))


@lru_cache(maxsize=None)
def render_example(audience: str, style: str = "chicago-note", handout: str | None = None) -> Rendered:
    """The DESIGN.md example's handout, rendered once per test session."""
    return render(example_deck(audience, style=style, handout=handout))


@pytest.fixture
def classroom() -> Rendered:
    return render_example("classroom")


@pytest.fixture
def policy() -> Rendered:
    return render_example("policy")
