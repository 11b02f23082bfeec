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

__all__ = ["NamedParties", "paragraph_speakers", "resolve_generic"]

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


class NamedParties:
    """The parties named so far in a section, by the head word a generic speaker would use.

    Sentences are read for names only when a generic speaker needs one, each once and in
    order, so resolving stays linear however long the section and a section without a
    generic speaker costs nothing.
    """

    def __init__(self, texts: Sequence[str] = ()):
        self._last: dict[str, str] = {}
        self._unread: list[str] = list(texts)

    def read(self, text: str) -> None:
        self._unread.append(text)

    def last(self, head: str) -> str | None:
        """The party last named with ``head`` in what was read, or None."""
        for text in self._unread:
            for named_head, name in _names_by_head(text):
                self._last[named_head] = name
        self._unread.clear()
        return self._last.get(head)


def paragraph_speakers(sentences: Sequence[str], earlier: Sequence[str] | NamedParties = ()) -> list[str | None]:
    """The speaker of each sentence; ``earlier`` is what the section named before (texts or parties)."""
    parties = earlier if isinstance(earlier, NamedParties) else NamedParties(earlier)
    speakers: list[str | None] = []
    for sentence in sentences:
        speaker = reported_speaker(sentence) or _colon_speaker(sentence)
        if speaker is not None:
            speaker = _resolved(speaker, parties, sentence)
        speakers.append(speaker)
        parties.read(sentence)
    return speakers


def resolve_generic(speaker: str, before: str, sentence: str = "") -> str:
    """ "The report" → the party last named with a report before it; any other speaker as it is."""
    return _resolved(speaker, NamedParties([before]), sentence)


def _resolved(speaker: str, parties: NamedParties, sentence: str) -> str:
    words = speaker.split()
    if len(words) != 2 or words[0].lower() not in _DETERMINERS or not words[1].islower():
        return speaker
    head = words[1].lower()
    own = dict(_names_by_head(sentence[:sentence.find(speaker)])) if speaker in sentence else {}
    return own.get(head) or parties.last(head) or speaker


def _names_by_head(text: str) -> list[tuple[str, str]]:
    """(head word, name) for each name in ``text``, in order: ("association", "Eastmere Workers' Association"),
    ("report", "Global Slavery Index"), ("report", "Korea Future Initiative") when a report follows it."""
    found = []
    for match in _NAME.finditer(text):
        name = match.group().strip()
        while name and (re.fullmatch(r"[0-9]{4}", name.split()[0]) or name.split()[0] in {"The", "A", "An"}):
            name = " ".join(name.split()[1:])  # "The 2019 Trafficking in Persons Report"
        if not name or len(name.split()) == 1 and match.start() == _sentence_start(text, match.start()):
            continue  # a sentence's first word is capitalised anyway
        last = name.split()[-1]
        heads = {last.lower(), last.lower().rstrip("s")}
        heads |= {h for h, names in _DOCUMENT_HEADS.items() if last in names}
        if _report_follows(text, match.end()):
            heads.add("report")  # "the Korea Future Initiative, just issued an excellent report"
        found += [(h, name) for h in sorted(heads)]
    return found


def _report_follows(text: str, end: int) -> bool:
    window = text[end:end + 120]
    if "report" not in window:
        return False
    after = _WORD.findall(window)[:_MAX_GAP_WORDS]
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
