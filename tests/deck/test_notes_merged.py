"""Which citations of one point share a note ("pars. 16–17"), and what each form of that note says."""

from __future__ import annotations

from dataclasses import replace

from briefdeck.citations.text import plain
from briefdeck.deck.model import Point, Slide
from briefdeck.deck.notes import Notebook, renumbered, speaker_entry
from briefdeck.sources.model import Citation
from render_pptx.decks import EXAMPLE, KING, PILLAR, SLAVERY, TIER3

CONCERN = Citation(KING, "king-2019:p16.s1", 16, 1, "Forced labor is the other major area of concern")
KING_WHOLE = Citation(KING, "king-2019", None, None, "")
SHORT = "King, “State Department Report,”"


def lorem(n: int, speaker: str | None = None) -> Citation:
    """A synthetic citation of paragraph ``n`` of the Example Source."""
    return Citation(EXAMPLE, f"example-source:p{n}", n, None, f"Lorem {n}.", speaker=speaker)


def test_neighbouring_paragraphs_of_one_work_share_one_marker_and_one_note():
    notes = Notebook("chicago-note").slide()
    assert notes.cite_all([PILLAR, SLAVERY]) == (1,)
    (note,) = notes.footnotes
    assert plain(note.band) == f"{SHORT} pars. 16–17."
    assert [c.locator for c in note.cited] == ["king-2019:p16.s2", "king-2019:p17.s1"]
    assert note.citation.locator == "king-2019:p16.s2"  # the first passage stands for the note


def test_apa_says_paras_in_the_parenthetical():
    notes = Notebook("apa").slide()
    notes.cite_all([SLAVERY, PILLAR])
    assert plain(notes.footnotes[0].handout) == "(King, 2019, paras. 16–17)"


def test_only_runs_of_neighbours_merge_and_other_citations_keep_their_own_notes():
    notes = Notebook("chicago-note").slide()
    assert notes.cite_all([lorem(5), KING_WHOLE, lorem(3), lorem(4), TIER3, lorem(9)]) == (1, 2, 3, 4)
    assert [[c.locator for c in f.cited] for f in notes.footnotes] == [
        ["example-source:p5", "example-source:p3", "example-source:p4"], ["king-2019"], ["tip-2017-dprk:p1.s1"],
        ["example-source:p9"]]
    assert plain(notes.footnotes[0].band).endswith("pars. 3–5.")


def test_two_sentences_of_one_paragraph_keep_two_markers_whose_band_line_is_shared():
    notes = Notebook("chicago-note").slide()
    assert notes.cite_all([CONCERN, PILLAR]) == (1, 2)
    assert plain(notes.footnotes[0].band) == plain(notes.footnotes[1].band) == f"{SHORT} par. 16."


def test_passages_relayed_by_different_speakers_are_not_merged():
    notes = Notebook("chicago-note").slide()
    assert notes.cite_all([lorem(3, "Example Agency"), lorem(4)]) == (1, 2)


def test_the_same_passages_cited_again_on_the_slide_keep_the_number():
    notes = Notebook("chicago-note").slide()
    assert notes.cite_all([PILLAR, SLAVERY]) == (1,)
    assert notes.cite_all([SLAVERY, PILLAR, PILLAR]) == (1,)  # in any order
    assert notes.cite_all([PILLAR]) == (2,) and len(notes.footnotes) == 2


def test_speaker_notes_keep_every_passage_and_renumbering_keeps_the_merged_note():
    notes = Notebook("chicago-note").slide()
    notes.cite_all([PILLAR, SLAVERY])
    lines = speaker_entry(notes.footnotes[0])
    assert lines[0].startswith("[1] Robert R. King, “State Department Report") and lines[0].endswith("pars. 16–17.")
    assert lines[1:] == ("Quoted: “a pillar of its economic system”", "Locator: king-2019:p16.s2",
                         "Quoted: “as many as 2.6 million people”", "Locator: king-2019:p17.s1")
    slide = Slide("bullets", "Example", (Point("A point.", (1,)),), notes.footnotes)
    (again,), _ = renumbered([replace(slide)], "chicago-note")
    assert again.points[0].footnotes == (1,) and again.footnotes[0].cited == notes.footnotes[0].cited
