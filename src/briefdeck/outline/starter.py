"""The starter outline ``briefdeck new`` writes.

It is made from the project's own sources, so that it passes ``check`` as
written: every quote and locator in it is taken from the index, none is typed
in here.
"""

from __future__ import annotations

import json

from briefdeck.findings.index import FindingsIndex

_QUOTE_WORDS = 8


def _yaml_text(text: str) -> str:
    """A YAML scalar that reads back as exactly ``text`` (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def starter_outline(index: FindingsIndex, *, sources: str) -> str:
    records = index.records()
    lines = [
        "# A starter outline written by 'briefdeck new'. The README's 'The outline format' explains every key.",
        "# Run 'briefdeck check' on it, then replace the points with your own.",
        "title: New briefing",
        "subtitle: What the sources say",
        f"sources: {_yaml_text(sources)}",
        "layout: default",
        "citations:",
        "  style: chicago-note       # chicago-note | apa",
        "  on_slides: footnote       # footnote | end | notes",
        "audiences:",
        "  briefing:",
        "    label: Briefing",
        "    handout: memo           # reading | memo | slides",
        "  classroom:",
        "    label: Classroom",
        "    handout: reading",
        "    content_note: Write a content note for this audience here.",
        "slides:",
        "  - section: What the sources say",
    ]
    for source_id in list(records)[:2]:
        first = index.findings_in(source_id, 1)
        if not first:
            continue
        sentence = first[0]
        words = sentence.text.split()
        quote = " ".join(words[:_QUOTE_WORDS]).rstrip(",;:")
        title = records[source_id].title
        lines += [
            f"  - title: {_yaml_text(title[:60])}",
            "    points:",
            f"      - finding: {sentence.locator}        # the sentence itself is the point",
            "      - text: Put the passage in your own words here.",
            f"        source: {source_id}:p1              # a paraphrase of a passage",
            "        audiences: [briefing]",
            "      - text: A point resting on the source's exact words.",
            f"        quote: {_yaml_text(quote)}",
            f"        source: {source_id}:p1",
            "    notes: Speaker notes; the quoted evidence is added below them.",
        ]
    query = _query_word(index)
    if query:
        lines += [
            f"  - title: {_yaml_text('What the sources say about ' + query)}",
            f"    select: {{query: {_yaml_text(query)}, limit: 3}}",
        ]
    lines += [
        "  - title: Discuss",
        "    kind: questions",
        "    questions:",
        "      - What do the sources agree on, and where do they differ?",
        "",
    ]
    return "\n".join(lines)


def _query_word(index: FindingsIndex) -> str | None:
    """A word from the first finding that the search finds again (so the select block is never empty)."""
    for source_id in index.source_ids():
        for finding in index.findings_in(source_id, 1)[:1]:
            for word in sorted(finding.text.split(), key=len, reverse=True):
                word = word.strip(".,;:()“”\"'’")
                if word.isalpha() and index.search(word, limit=1):
                    return word.lower()
    return None
