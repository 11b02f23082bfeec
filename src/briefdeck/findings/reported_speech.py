"""Who each sentence of a paragraph relays, read with what came before it.

`reported_speaker` reads one sentence. Two things need the sentences around it:

- reported speech introduced by a colon and quotation marks: "The report gives
  this description of the problem: “…”" relays the report, though "gives" is
  no reporting verb; the subject before the colon is the speaker;
- a generic speaker ("The report", "the association") is resolved to the party
  last named with that head word, earlier in the paragraph, then in the earlier
  paragraphs of the same section, nearest first: "A British human right group,
  the Korea Future Initiative, just issued an excellent report … The report
  gives …" → "Korea Future Initiative". Unresolved, it stays as written.

Headings are never part of a speaker: only paragraph text is read.
"""

from __future__ import annotations

import re
from typing import Sequence

from briefdeck.findings.speaker import reported_speaker

__all__ = ["paragraph_speakers", "resolve_generic"]

# "…: “" or '…: "': what follows the colon is someone's words.
_COLON_QUOTE = re.compile(r":\s*[“\"]")
_WORD = re.compile(r"[^\W_][\w’'.&-]*")
_DETERMINERS = {"the", "a", "an", "this", "that", "its", "their", "one", "another"}
# Heads a colon-introduced speaker may have besides a name.
_SPEAKING_HEADS = {
    "report", "index", "survey", "study", "article", "analysis", "assessment", "review", "paper",
    "statement", "narrative", "inquiry", "commission", "inspectorate", "association", "group",
    "organization", "organisation", "ministry", "agency", "government", "court", "committee",
    "council", "survivor", "victim", "witness", "official", "spokesperson", "researcher", "author",
}
# Heads resolved through a name that contains a document word ("Global Slavery Index").
_DOCUMENT_HEADS = {"report": ("Report", "Index", "Survey", "Study"), "index": ("Index",),
                   "survey": ("Survey",), "study": ("Study",)}
_NAME = re.compile(r"(?:[A-Z][\w’'&-]*|[0-9]{4})(?:\s+(?:(?:of|on|in|for|and|the|to)\s+)*[A-Z][\w’'&-]*)*")
_MAX_GAP_WORDS = 8  # "the Korea Future Initiative, just issued an excellent report"


def paragraph_speakers(sentences: Sequence[str], earlier: Sequence[str] = ()) -> list[str | None]:
    """The speaker of each sentence; ``earlier`` are the section's previous paragraphs, in order."""
    speakers: list[str | None] = []
    for k, sentence in enumerate(sentences):
        speaker = reported_speaker(sentence) or _colon_speaker(sentence)
        if speaker is not None:
            before = " ".join([*earlier, *sentences[:k]])
            speaker = resolve_generic(speaker, before, sentence)
        speakers.append(speaker)
    return speakers


def resolve_generic(speaker: str, before: str, sentence: str = "") -> str:
    """ "The report" → the party last named with a report before it; any other speaker as it is."""
    words = speaker.split()
    if len(words) != 2 or words[0].lower() not in _DETERMINERS or not words[1].islower():
        return speaker
    head = words[1].lower()
    own = sentence[:sentence.find(speaker)] if speaker in sentence else ""
    for text in (own, before):
        found = _last_named(head, text)
        if found:
            return found
    return speaker


def _last_named(head: str, text: str) -> str | None:
    best: tuple[int, str] | None = None
    for match in _NAME.finditer(text):
        name = match.group().strip()
        while name and (re.fullmatch(r"[0-9]{4}", name.split()[0]) or name.split()[0] in {"The", "A", "An"}):
            name = " ".join(name.split()[1:])  # "The 2019 Trafficking in Persons Report"
        if not name or len(name.split()) == 1 and match.start() == _sentence_start(text, match.start()):
            continue  # a sentence's first word is capitalised anyway
        position = None
        last = name.split()[-1]
        if last.lower() == head or last.lower().rstrip("s") == head or last in _DOCUMENT_HEADS.get(head, ()):
            position = match.end()
        elif head in _DOCUMENT_HEADS and _report_follows(text, match.end()):
            position = match.end()  # "the Korea Future Initiative, just issued an excellent report"
        if position is not None and (best is None or position >= best[0]):
            best = (position, name)
    return best[1] if best else None


def _report_follows(text: str, end: int) -> bool:
    after = _WORD.findall(text[end:end + 120])[:_MAX_GAP_WORDS]
    for word in after:
        if word.lower() in {"report", "reports"}:
            return True
        if word[0].isupper() or word.endswith("."):
            return False
    return False


def _sentence_start(text: str, position: int) -> int:
    k = position
    while k > 0 and text[k - 1] == " ":
        k -= 1
    return position if k == 0 or text[k - 1] in ".!?”\"" else -1


def _colon_speaker(sentence: str) -> str | None:
    """ "The report gives this description of the problem: “…”" → "The report"."""
    match = _COLON_QUOTE.search(sentence)
    if not match:
        return None
    words = _WORD.findall(sentence[:match.start()])
    phrase: list[str] = []
    for word in words:
        lower = word.lower()
        if phrase and word.islower() and lower not in {"of", "on", "for", "the", "and"} and (
                lower.endswith(("s", "ed")) or lower in {"has", "had", "is", "was", "put", "puts"}):
            break  # the verb: what came before is the subject
        phrase.append(word)
        if len(phrase) > 8:
            return None
    while phrase and phrase[-1].lower() in {"of", "on", "for", "the", "and"}:
        phrase.pop()
    if not phrase or len(phrase) == len(words):
        return None
    head = phrase[-1]
    if head.lower() not in _SPEAKING_HEADS and not head[0].isupper():
        return None
    if len(phrase) == 1 and head.lower() not in _SPEAKING_HEADS and not head.isupper():
        return None  # "Inspectors gave …": a sentence's first word is capitalised anyway
    return " ".join(phrase)
