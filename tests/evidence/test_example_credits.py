"""Who the example builds credit: every "quoted in" note and every pull quote, read from the files."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
import yaml
from pptx import Presentation

from briefdeck.check import check_brief
from briefdeck.outputs import build_outputs

REPO = Path(__file__).resolve().parents[2]
QUOTED_IN = re.compile(r"([A-Z][^.,;:“”<>]*?), quoted in ([A-Z][\w.]+)")


def pptx_text(path: Path) -> str:
    prs = Presentation(io.BytesIO(path.read_bytes()))
    parts = []
    for slide in prs.slides:
        parts += [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        if slide.has_notes_slide:
            parts.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(parts)


def build(project: Path, name: str) -> dict[str, str]:
    result = check_brief(project / "briefs" / name, strict=True)
    assert result.problems == [], [str(p) for p in result.problems]
    build_outputs(result, formats=("pptx", "html"), out_dir=project / "build")
    stem = name.removesuffix(".yaml")
    return {p.name: pptx_text(p) if p.suffix == ".pptx" else p.read_text(encoding="utf-8")
            for p in sorted((project / "build").glob(f"{stem}-*"))}


@pytest.fixture
def examples(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(REPO / "seeds", root / "seeds")
    shutil.copytree(REPO / "briefs", root / "briefs")
    return root


def test_example_builds_credit_quoted_words_to_who_said_them(examples):
    files = build(examples, "dprk-trafficking.yaml") | build(examples, "tip-2017-recommendations.yaml")
    assert len(files) == 6  # two audiences and one: a deck and a handout each
    credited = {speaker for text in files.values() for speaker, _ in QUOTED_IN.findall(text)}
    relayers = {by for text in files.values() for _, by in QUOTED_IN.findall(text)}
    # Only the Korea Future Initiative's words stand in quotation marks in what the briefs quote.
    assert credited == {"Korea Future Initiative"} and relayers <= {"King", "Robert"}
    for name, text in files.items():
        assert "Authorities, quoted in" not in text and "The report, quoted in" not in text, name
    pull_quotes = {name: re.findall(r"— ?(?:</?\w+>)?([A-Z][A-Za-z. ]+)", text)
                   for name, text in files.items() if name.startswith("dprk")}
    for name, credits in pull_quotes.items():
        assert "U.S. Department of State" in credits, name
        assert "Trafficking in Persons Report" not in credits, name


def test_a_pull_quote_of_kings_own_sentence_credits_king_and_quoted_words_their_speaker(examples):
    brief = {"title": "Pull quotes", "slides": [
        {"kind": "quote", "title": "King",
         "quote": "The 2019 Trafficking in Persons Report identified North Korea as a country that uses forced labor"},
        {"kind": "quote", "title": "The Korea Future Initiative",
         "quote": "North Korean women and girls are passed through the hands of traffickers"}]}
    (examples / "briefs" / "pull.yaml").write_text(yaml.safe_dump(brief, sort_keys=False), encoding="utf-8")
    files = build(examples, "pull.yaml")
    deck = files["pull-all.pptx"]
    assert "— Robert R. King" in deck or "—Robert R. King" in deck
    assert "Korea Future Initiative" in deck
    assert "Trafficking in Persons Report\n" not in deck and "— Trafficking in Persons Report" not in deck
    handout = files["pull-all-handout.html"]
    credits = re.findall(r"<footer>— ([^<]+)</footer>", handout)
    assert credits == ["Robert R. King", "Korea Future Initiative"]
    assert "Korea Future Initiative, quoted in King" in handout
