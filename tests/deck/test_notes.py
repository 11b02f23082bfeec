"""Footnote numbers and words as `briefdeck.deck.notes` decides them, on the seeds' own passages."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from briefdeck.citations.text import plain
from briefdeck.deck.model import Point, Slide
from briefdeck.deck.notes import Notebook, band_lines, marker_label, renumbered, speaker_entry
from briefdeck.sources.model import Citation
from render_pptx.decks import KING, NO_INVESTIGATIONS, PILLAR, PRISONERS, TIER3

REPO = Path(__file__).resolve().parents[2]

# Another sentence of the paragraph PILLAR cites (king-2019:p16.s1): a different passage, the same short note.
CONCERN = Citation(KING, "king-2019:p16.s1", 16, 1, "Forced labor is the other major area of concern")


def test_markers_restart_per_slide_and_the_same_passage_keeps_its_number():
    book = Notebook("chicago-note")
    first = book.slide()
    assert first.cite_all([TIER3, NO_INVESTIGATIONS]) == (1, 2)
    assert first.cite_all([TIER3, TIER3]) == (1,)
    second = book.slide()
    assert second.cite(PILLAR) == 1
    assert [f.handout_number for f in first.footnotes + second.footnotes] == [1, 2, 3]
    assert [f.first for f in first.footnotes + second.footnotes] == [True, False, True]
    assert [r.id for r in book.bibliography] == ["tip-2017-dprk", "king-2019"]


def test_chicago_words_full_note_first_and_short_note_after_in_the_handout():
    notes = Notebook("chicago-note").slide()
    notes.cite_all([TIER3, NO_INVESTIGATIONS])
    full, short = notes.footnotes
    work = "U.S. Department of State, “Democratic People’s Republic of Korea,”"
    assert plain(full.handout).startswith(f"{work} in ")
    assert plain(short.handout) == plain(short.band) == f"{work} par. 4."
    assert any(span.italic for span in full.handout)  # the report's title stays italic


def test_apa_handout_note_is_the_author_date_parenthetical():
    book = Notebook("apa")
    notes = book.slide()
    notes.cite(PILLAR)
    assert plain(notes.footnotes[0].handout) == "(King, 2019, para. 16)"
    assert book.references().author_date and book.references().heading == "References"


def test_band_gives_one_line_per_distinct_note_with_its_markers():
    notes = Notebook("chicago-note").slide()
    notes.cite_all([PILLAR, PRISONERS, CONCERN])
    lines = band_lines(notes.footnotes)
    assert [(line.label, plain(line.text)) for line in lines] == [
        ("1, 3", "King, “State Department Report,” par. 16."),
        ("2", "U.S. Department of State, “Democratic People’s Republic of Korea,” par. 8.")]
    # a continuation page carrying notes 2 and 3 only keeps their numbers
    assert [line.label for line in band_lines(notes.footnotes[1:])] == ["2", "3"]


def test_marker_labels_join_runs():
    assert [marker_label(x) for x in ([1], [1, 2], [1, 2, 3], [1, 3], [1, 2, 3, 5], [6, 4, 5, 2])] == \
        ["1", "1, 2", "1–3", "1, 3", "1–3, 5", "2, 4–6"]


def test_speaker_entry_holds_the_full_note_the_quoted_words_and_the_locator():
    notes = Notebook("chicago-note").slide()
    notes.cite(NO_INVESTIGATIONS)
    number, quoted, locator = speaker_entry(notes.footnotes[0])
    assert number.startswith("[1] U.S. Department of State, “Democratic People’s Republic of Korea,” in ")
    assert quoted == ("Quoted: “During the reporting period, there were no known investigations, prosecutions, "
                      "or convictions of traffickers.”")
    assert locator == "Locator: tip-2017-dprk:p4.s1"


def test_renumbered_keeps_what_each_point_cites_and_a_note_no_point_calls():
    draft = Notebook("chicago-note").slide()
    point = Point("North Korea stayed on Tier 3 in 2017.", draft.cite_all([TIER3]))
    extra = replace(_one(PILLAR), number=2)  # a note on the slide that no point calls
    slides, book = renumbered([Slide("bullets", "Tier 3", (point,), (draft.footnotes[0], extra)),
                               Slide("bullets", "Again", (point,), draft.footnotes)], "chicago-note")
    assert [[f.citation.locator for f in s.footnotes] for s in slides] == [
        ["tip-2017-dprk:p1.s1", "king-2019:p16.s2"], ["tip-2017-dprk:p1.s1"]]
    assert [f.handout_number for s in slides for f in s.footnotes] == [1, 2, 3]
    assert [f.first for s in slides for f in s.footnotes] == [True, True, False]
    assert [r.id for r in book.bibliography] == ["tip-2017-dprk", "king-2019"]  # order of first citation
    entries = [plain(e) for e in book.references().entries]  # the style's order: by author
    assert entries[0].startswith("King, Robert R.") and entries[1].startswith("U.S. Department of State.")


def _one(citation: Citation):
    notes = Notebook("chicago-note").slide()
    notes.cite(citation)
    return notes.footnotes[0]


def test_a_chicago_deck_is_worded_without_a_first_pass_and_reads_as_with_one(project, monkeypatch):
    """Only year letters (APA) and a CSL style's one run need the deck's citations before wording a note."""
    import shutil

    from briefdeck.check import check_brief
    from briefdeck.deck.build import brief_to_deck

    assert not Notebook("chicago-note").learns_from_deck and Notebook("apa").learns_from_deck
    brief = project / "briefs" / "dprk-trafficking.yaml"
    shutil.copy(REPO / "briefs" / "dprk-trafficking.yaml", brief)
    result = check_brief(brief, write_lock=False)
    assert result.ok and result.outline.citations.style == "chicago-note"
    built = {key: brief_to_deck(result.outline, result.resolution, key) for key in result.decks}
    monkeypatch.setattr(Notebook, "learns_from_deck", property(lambda book: True))
    assert {key: brief_to_deck(result.outline, result.resolution, key) for key in result.decks} == built


def test_a_deck_without_words_cites_as_the_worded_one_and_reads_every_cited_record(project):
    """``check`` shows no note's words: its decks have none, and a malformed record is still the same error."""
    import shutil

    import pytest

    from briefdeck.check import check_brief
    from briefdeck.deck.build import brief_to_deck
    from briefdeck.errors import BriefdeckError
    from briefdeck.outline.resolve import Resolution
    from briefdeck.sources.model import SourceRecord

    brief = project / "briefs" / "dprk-trafficking.yaml"
    shutil.copy(REPO / "briefs" / "dprk-trafficking.yaml", brief)
    result = check_brief(brief, write_lock=False)
    worded, _ = brief_to_deck(result.outline, result.resolution, "policy")
    bare, _ = brief_to_deck(result.outline, result.resolution, "policy", worded=False)

    def cited(deck):
        return [(s.kind, s.title, s.points, [(f.number, f.handout_number, f.citation, f.first, f.passages)
                                             for f in s.footnotes]) for s in deck.slides]

    assert cited(bare) == cited(worded) and bare.bibliography == worded.bibliography
    assert all(f.band and f.full for f in worded.footnotes)
    assert not any(f.band or f.handout or f.full for f in bare.footnotes) and not bare.references.entries

    # A record that only wording reads closely (a bullets slide: no pull quote names its author).
    (project / "briefs" / "plain.yaml").write_text(
        "title: Plain\nslides:\n  - title: Tier 3\n    points:\n      - text: North Korea stayed on Tier 3.\n"
        "        source: tip-2017-dprk:p1\n", encoding="utf-8")
    plain_result = check_brief(project / "briefs" / "plain.yaml", write_lock=False)

    def undated(citation):
        return replace(citation, record=SourceRecord(citation.record.id, {**citation.record.csl,
                                                                          "issued": {"date-parts": [["someday"]]}}))
    broken = Resolution({spec: replace(e, citation=undated(e.citation))
                         for spec, e in plain_result.resolution.evidence.items()})
    with pytest.raises(BriefdeckError) as as_worded:
        brief_to_deck(plain_result.outline, broken, "all")
    with pytest.raises(BriefdeckError) as as_bare:
        brief_to_deck(plain_result.outline, broken, "all", worded=False)
    assert str(as_bare.value) == str(as_worded.value) and "someday" in str(as_bare.value)


def test_a_citation_cited_again_is_worded_as_a_later_note_and_another_record_is_worded_anew():
    """The notebook words each (citation, first or not) once; any difference in what is cited words it again."""
    from briefdeck.sources.model import SourceRecord

    book = Notebook("chicago-note")
    slides = [book.slide() for _ in range(3)]
    slides[0].cite(TIER3)
    slides[1].cite(TIER3)
    retitled = replace(TIER3, record=SourceRecord(TIER3.record.id, {**TIER3.record.csl, "title": "Another report"}))
    slides[2].cite(retitled)
    first, again, other = (s.footnotes[0] for s in slides)
    assert first.handout == first.full and again.handout == again.band == first.band  # full, then short
    assert "Another Report" in plain(other.band) and "Another Report" in plain(other.full)
