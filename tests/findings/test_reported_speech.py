"""Speakers read with their paragraph and section: colon-introduced quotations, "the report" resolved."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefdeck.findings.reported_speech import paragraph_speakers, resolve_generic
from briefdeck.project import Workspace


@pytest.fixture
def speakers(project: Path) -> dict[str, str | None]:
    index, _ = Workspace.at(project).open_index()
    try:
        return {f.locator: f.speaker for s in ("king-2019", "tip-2017-dprk") for f in index.findings_in(s)}
    finally:
        index.close()


def test_seed_speakers_in_context(speakers):
    # "A British human right group, the Korea Future Initiative, just issued an excellent report …
    #  The report gives this description of the problem: “North Korean women and girls …”"
    assert speakers["king-2019:p10.s2"] == "Korea Future Initiative"
    # "The report estimates that overall this “complex … network …”": the report last named is the Initiative's.
    assert speakers["king-2019:p12.s1"] == "Korea Future Initiative"
    # "The recently released Global Slavery Index states … The report declares …"
    assert speakers["king-2019:p17.s2"] == "Global Slavery Index"
    # Under the heading "Forced Labor in North Korea": the heading is no part of the speaker.
    assert speakers["king-2019:p16.s2"] == "Trafficking in Persons Report"
    # People who act are not speakers: "Authorities reportedly send people to such centers …"
    assert not any(s and s.lower().startswith(("authorities", "inspectors")) for s in speakers.values())


def test_colon_quotation_names_the_subject_before_the_colon():
    assert paragraph_speakers([
        "The inspectorate gives this description of its main obstacle: “Employers often refuse access.”"]) == [
        "The inspectorate"]
    assert paragraph_speakers(["Workers gave this answer: “We were not paid.”"]) == [None]
    assert paragraph_speakers(["It has two parts: “first” and “second”."]) == [None]


def test_generic_speaker_resolves_to_the_party_last_named_with_that_word():
    sentences = ["The Eastmere Workers' Association estimates that 1,200 workers are owed back pay.",
                 "According to the association, these workers are owed 850 euros each."]
    assert paragraph_speakers(sentences) == ["Eastmere Workers' Association", "Eastmere Workers' Association"]
    earlier = ["The Riverside Index was released this spring."]
    assert paragraph_speakers(["The report states that wages fell."], earlier) == ["Riverside Index"]
    assert resolve_generic("The report", "Nothing was named here.") == "The report"
    assert resolve_generic("Global Slavery Index", "The Other Report said so.") == "Global Slavery Index"


def test_acting_subjects_are_not_speakers():
    assert paragraph_speakers(["Authorities investigated 40 cases.", "Police found 12 victims in the raid.",
                               "Inspectors identified 30 sites."]) == [None, None, None]
    assert paragraph_speakers(["Experts found that most workers were unpaid."]) == ["Experts"]
