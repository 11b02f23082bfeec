"""From a read `Source` to its findings: one per sentence, with tags, figures and speaker."""

from __future__ import annotations

from briefdeck.findings.figures import parse_figures
from briefdeck.findings.model import Finding
from briefdeck.findings.reported_speech import NamedParties, paragraph_speakers
from briefdeck.findings.tags import Lexicon
from briefdeck.sources.model import Source

# Sections whose every sentence carries a tag, whatever its words.
SECTION_TAGS = {"recommendations": "recommendations"}


def source_to_findings(source: Source, lexicon: Lexicon) -> list[Finding]:
    findings = []
    parties = NamedParties()  # named so far in the section: "the report" is one of them
    for k, paragraph in enumerate(source.paragraphs):
        section_tag = SECTION_TAGS.get((paragraph.section or "").lower())
        if k and paragraph.section != source.paragraphs[k - 1].section:
            parties = NamedParties()
        speakers = paragraph_speakers([s.text for s in paragraph.sentences], parties)
        for sentence, speaker in zip(paragraph.sentences, speakers):
            tags = set(lexicon.tags_for(sentence.text))
            if section_tag and section_tag in lexicon.tags:
                tags.add(section_tag)
            findings.append(Finding(
                source=source.id,
                paragraph=paragraph.number,
                sentence=sentence.number,
                section=paragraph.section,
                text=sentence.text,
                tags=tuple(sorted(tags)),
                figures=parse_figures(sentence.text),
                speaker=speaker,
                page=sentence.page,
            ))
    return findings
