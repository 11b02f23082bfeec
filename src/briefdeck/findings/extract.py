"""From a read `Source` to its findings: one per sentence, with tags, figures and speaker."""

from __future__ import annotations

from briefdeck.findings.figures import parse_figures
from briefdeck.findings.model import Finding
from briefdeck.findings.speaker import reported_speaker
from briefdeck.findings.tags import Lexicon
from briefdeck.sources.model import Source

# Sections whose every sentence carries a tag, whatever its words.
SECTION_TAGS = {"recommendations": "recommendations"}


def source_to_findings(source: Source, lexicon: Lexicon) -> list[Finding]:
    findings = []
    for paragraph in source.paragraphs:
        section_tag = SECTION_TAGS.get((paragraph.section or "").lower())
        for sentence in paragraph.sentences:
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
                speaker=reported_speaker(sentence.text),
                page=sentence.page,
            ))
    return findings
