"""Who a sentence relays: "CNN reported …", "The report estimates …".

`reported_speaker` looks for a reporting verb near the start of a clause and
takes the words before it as the speaker:

- "according to X" anywhere names X;
- otherwise, in each clause (split at ";"), the first reporting verb among the
  first words, after a short leading phrase ("Just a few days ago, CNN
  reported"), with a subject before it that is a noun phrase: not empty, not
  a pronoun, not a subordinate clause ("As reported …", "If found …"), not
  negated ("The government did not report …"), not passive ("is estimated"),
  not an adjective ("an estimated 80,000").

Words that are both nouns and verbs ("report", "states", "estimates", "note")
count as the verb only where the grammar allows it: the bare form after a
plural subject ("Human rights groups estimate"), the -s form after a singular
one ("The report estimates"), and neither when another reporting verb follows
("The Korea Future Initiative report says").

The speaker returned is the proper name when the subject has one ("The
recently released Global Slavery Index" → "Global Slavery Index", "The Korea
Future Initiative report" → "Korea Future Initiative", "A report of the
Congressional-Executive Commission on China" → "Congressional-Executive
Commission on China"); otherwise the subject as written ("The report",
"Human rights groups", "An unconfirmed NGO report"). A capitalised
nationality before a common noun is not a name ("North Korean defectors").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefdeck.findings.words import lower_words

__all__ = ["reported_speaker"]

# Verbs that relay words whoever the subject is.
_REPORTING_VERBS = {
    "say", "says", "said", "report", "reports", "reported", "state", "states", "stated",
    "estimate", "estimates", "estimated", "declare", "declares", "declared",
    "conclude", "concludes", "concluded", "note", "notes", "noted", "indicate", "indicates",
    "indicated", "describe", "describes", "described", "claim", "claims", "claimed",
    "tell", "tells", "told", "write", "writes", "wrote", "warn", "warns", "warned",
    "argue", "argues", "argued", "assert", "asserts", "asserted", "allege", "alleges",
    "alleged", "announce", "announces", "announced", "determine", "determines", "determined",
}
# Verbs that relay words only when a document or a named body is their subject
# ("Credible reports show", "The 2019 … Report identified"), not "Authorities found victims".
_DOCUMENT_VERBS = {
    "show", "shows", "showed", "find", "finds", "found", "highlight", "highlights",
    "highlighted", "identify", "identifies", "identified", "reveal", "reveals", "revealed",
    "suggest", "suggests", "suggested", "document", "documented",
}
# Forms that are also nouns ("the report", "other reports", "the states").
_NOUN_FORMS = {"report", "reports", "state", "states", "estimate", "estimates", "note", "notes",
               "claim", "claims", "document", "find", "finds", "highlight", "highlights"}

_DOCUMENT_WORDS = {
    "report", "reports", "index", "survey", "surveys", "study", "studies", "article", "articles",
    "analysis", "assessment", "review", "paper", "data", "statement", "estimates", "research",
    "investigation", "inquiry", "account", "accounts", "story", "stories", "narrative", "book",
    "documentary", "release", "evidence", "findings",
}
# Heads of a noun phrase that speak for themselves: "according to officials".
_PEOPLE_WORDS = {
    "officials", "official", "sources", "source", "experts", "expert", "groups", "group",
    "survivors", "survivor", "defectors", "defector", "witnesses", "witness", "police",
    "authorities", "government", "ministry", "agency", "organizations", "organization",
    "researchers", "analysts", "media", "journalists", "activists", "spokesperson",
    "association", "inspectorate", "commission", "council", "committee", "inspectors",
}
_DETERMINERS = {
    "the", "a", "an", "this", "that", "these", "those", "one", "some", "many", "most", "other",
    "others", "several", "few", "each", "every", "all", "both", "its", "their", "his", "her",
    "our", "my", "your", "any", "such", "another", "no",
}
_PRONOUNS = {"it", "they", "he", "she", "we", "i", "you", "this", "that", "these", "those",
             "there", "who", "which", "what", "others", "nothing", "everything", "something",
             "anything", "nobody", "someone", "anyone", "everyone"}
_INDEFINITE = {"nothing", "everything", "something", "anything", "nobody", "someone", "anyone", "everyone"}
# A subject cannot begin with these: the clause is subordinate ("As reported", "If found").
_SUBORDINATORS = {"as", "if", "when", "while", "although", "though", "because", "since", "unless",
                  "after", "before", "once", "where", "whether", "that", "which", "who", "how",
                  "what", "than", "to"}
_CONJUNCTIONS = {"and", "but", "yet", "so", "or"}
_NEGATIONS = {"not", "never", "neither", "nor", "no"}
_PASSIVE = {"is", "are", "was", "were", "be", "been", "being"}
# Words that may stand between subject and verb and are not part of the speaker.
_AUXILIARIES = {"has", "have", "had", "will", "would", "may", "might", "can", "could", "should",
                "also", "just", "recently", "previously", "then", "later", "further", "now",
                "did", "does", "do"}
_LY_NOUNS = {"family", "assembly", "supply", "monopoly", "anomaly", "rally", "daily", "weekly",
             "monthly", "quarterly", "italy", "ally"}
_PREPOSITIONS = {"of", "on", "in", "for", "from", "by", "at", "with", "about", "to"}
# Lower-case words allowed inside a name when a capitalised word follows
# ("Commission on China", "Office of the High Commissioner", "Trafficking in Persons").
_NAME_CONNECTORS = {"of", "on", "in", "for", "and", "the", "to", "&", "de"}
# Capitalised words that are not names.
_GENERIC_ACRONYMS = {"NGO", "NGOs", "INGO", "INGOs"}

_MAX_LEADING_WORDS = 6  # "Just a few days ago," — a longer lead-in is a clause of its own
_MAX_SUBJECT_WORDS = 12
_MAX_VERB_POSITION = 18

_ANY_VERB = frozenset(_REPORTING_VERBS | _DOCUMENT_VERBS)
_TOKEN = re.compile(r"[^\W_](?:[\w’'.&-]*[^\W_])?|[,;:“”\"()—–]")
# "according to X": X runs to the next punctuation or the end of the sentence.
_ACCORDING_TO = re.compile(
    r"\baccording\s+to\s+(?P<phrase>[^,;:()“”\"—–]+?)(?=\s*(?:[,;:()“”\"—–]|\.(?:\s|$)|$))",
    re.IGNORECASE)
_QUOTES = {"“", "”", '"', "(", ")"}


class _Token(NamedTuple):
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


def reported_speaker(text: str) -> str | None:
    """Who the sentence reports the words of, or None when it reports no one.

    "Just a few days ago, CNN reported on …" → "CNN"; "The report estimates
    that …" → "The report"; "The DPRK holds an estimated 80,000 …" → None;
    "The government did not report any efforts …" → None. Never raises.
    """
    words = lower_words(text)
    if words.isdisjoint(_ANY_VERB) and "according" not in words:
        return None  # most sentences: no reporting verb anywhere, nothing to parse
    according = _according_to(text) if "according" in words else None
    if according:
        return according
    for clause in _clauses(text):
        speaker = _clause_speaker(text, clause)
        if speaker:
            return speaker
    return None


def _tokens(text: str, start: int = 0, end: int | None = None) -> list[_Token]:
    return [_Token(m.group(), m.start(), m.end())
            for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


def _clauses(text: str) -> list[list[_Token]]:
    """The first words of each clause (split at ";"): a reporting verb further in is too late."""
    clauses = []
    start = 0
    for part in text.split(";"):
        tokens = []
        for match in _TOKEN.finditer(text, start, start + len(part)):
            tokens.append(_Token(match.group(), match.start(), match.end()))
            if len(tokens) > _MAX_VERB_POSITION:
                break
        if tokens:
            clauses.append(tokens)
        start += len(part) + 1
    return clauses


def _according_to(text: str) -> str | None:
    """ "…, according to the UN Commission of Inquiry." → "UN Commission of Inquiry".

    Only a phrase naming a body, a document or people who speak counts:
    "according to plan" or "according to how they are meeting standards" does not.
    """
    match = _ACCORDING_TO.search(text)
    if not match:
        return None
    words = [t for t in _tokens(text, match.start("phrase"), match.end("phrase")) if t.is_word]
    words = _strip_trailing(words)
    if not words or len(words) > _MAX_SUBJECT_WORDS or words[0].lower in _SUBORDINATORS | _PRONOUNS:
        return None
    name = _name_in(words, sentence_initial=False)
    if name is None and words[-1].lower not in _DOCUMENT_WORDS | _PEOPLE_WORDS:
        return None
    return _speaker_from_subject(text, words, sentence_initial=False)


def _clause_speaker(text: str, clause: list[_Token]) -> str | None:
    for i, token in enumerate(clause[:_MAX_VERB_POSITION]):
        if token.text in _QUOTES:
            return None  # what follows is someone's words, not the sentence's subject
        verb = token.lower
        if verb not in _REPORTING_VERBS and verb not in _DOCUMENT_VERBS:
            continue
        if token.text[0].isupper() and i > 0:
            continue  # part of a name: "United States", "State Department"
        subject = _subject_before(clause, i)
        if subject is None:
            continue
        words, between = subject
        if any(w.lower in _NEGATIONS or w.lower.endswith(("n't", "n’t")) for w in between):
            return None  # "The government did not report …": a non-report, not a speaker
        if any(w.lower in _PASSIVE for w in between):
            continue  # "is estimated": the subject is what was estimated
        if not _verb_fits(verb, words, clause, i):
            continue
        if verb in _DOCUMENT_VERBS and not _is_document_or_name(words, text, clause, i):
            continue
        sentence_initial = words[0].start == _first_word_start(text)
        return _speaker_from_subject(text, words, sentence_initial=sentence_initial)
    return None


def _first_word_start(text: str) -> int:
    match = re.search(r"[^\W_]", text)
    return match.start() if match else 0


def _subject_before(clause: list[_Token], verb_index: int) -> tuple[list[_Token], list[_Token]] | None:
    """The subject's words before the verb and the auxiliaries between them, or None."""
    before = clause[:verb_index]
    # A short lead-in ending with a comma ("Just a few days ago, CNN …") is not the subject.
    commas = [k for k, t in enumerate(before) if t.text == ","]
    if commas:
        lead_in = [t for t in before[:commas[-1]] if t.is_word]
        if len(lead_in) > _MAX_LEADING_WORDS:
            return None
        before = before[commas[-1] + 1:]
    if any(not t.is_word for t in before):
        return None  # quotes or dashes: not a plain noun phrase
    between: list[_Token] = []
    while before and (before[-1].lower in _AUXILIARIES | _NEGATIONS | _PASSIVE
                      or before[-1].lower.endswith(("n't", "n’t"))
                      or _is_adverb(before[-1])):
        between.insert(0, before.pop())
    while before and before[0].lower in _CONJUNCTIONS:
        before.pop(0)
    if not before or len(before) > _MAX_SUBJECT_WORDS:
        return None
    first, last = before[0].lower, before[-1].lower
    if first in _SUBORDINATORS or (len(before) == 1 and first in _PRONOUNS) or first in _INDEFINITE:
        return None
    if last in _DETERMINERS or last in _PREPOSITIONS:
        return None  # "an estimated 80,000", "Many of the estimated …": an adjective
    if any(t.lower in _REPORTING_VERBS - _NOUN_FORMS for t in before):
        return None  # two verbs: the subject is a clause, not a noun phrase
    return before, between


def _is_adverb(word: _Token) -> bool:
    """ "clearly", "publicly": an -ly word that is not a noun ("family", "assembly")."""
    return (word.text[0].islower() and word.lower.endswith("ly") and len(word.lower) > 4
            and word.lower not in _LY_NOUNS)


def _verb_fits(verb: str, subject: list[_Token], clause: list[_Token], i: int) -> bool:
    """Whether a noun-or-verb form is a verb here (see the module docstring)."""
    if verb not in _NOUN_FORMS:
        return True
    following = clause[i + 1] if i + 1 < len(clause) else None
    if following is not None and following.lower in _REPORTING_VERBS | _DOCUMENT_VERBS:
        return False  # "report says", "reports note": this one is the noun
    plural_subject = _is_plural(subject[-1].lower)
    return plural_subject if not verb.endswith("s") else not plural_subject


def _is_plural(word: str) -> bool:
    if word in {"people", "police", "media", "staff", "authorities", "officials"}:
        return True
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _is_document_or_name(words: list[_Token], text: str, clause: list[_Token], i: int) -> bool:
    """A document ("Credible reports show") or a name ("The State Department found"), not
    people who act ("Inspectors found violations", "Authorities identified victims").

    People relay words with these verbs only before "that" ("Experts found that …").
    """
    head = words[-1]
    if head.lower in _DOCUMENT_WORDS:
        return True
    if head.lower in _PEOPLE_WORDS or (len(words) == 1 and head.start == _first_word_start(text)
                                       and not head.text.isupper()):
        following = clause[i + 1] if i + 1 < len(clause) else None
        return following is not None and following.lower == "that"
    return head.text[0].isupper()


def _strip_trailing(words: list[_Token]) -> list[_Token]:
    while words and (words[-1].lower in _PREPOSITIONS or words[-1].lower in _DETERMINERS):
        words = words[:-1]
    return words


# --- from the subject to the speaker's name -------------------------------------------------

def _speaker_from_subject(text: str, words: list[_Token], *, sentence_initial: bool) -> str:
    name = _name_in(words, sentence_initial=sentence_initial)
    chosen = name if name else words
    speaker = text[chosen[0].start:chosen[-1].end]
    return re.sub(r"[’']s$", "", speaker)  # "the State Department’s report" → "State Department"


def _name_in(words: list[_Token], *, sentence_initial: bool) -> list[_Token] | None:
    """The proper name that heads or authors the subject, or None when it has none."""
    for k, word in enumerate(words):
        if not _is_name_word(word, first=(k == 0 and sentence_initial), next_word=_at(words, k + 1)):
            continue
        run = _name_run(words, k)
        while run:
            rest = words[k + len(run):]
            if _name_heads(rest):
                return run
            cut = _last_connector(run)
            if cut is None:
                break
            run = run[:cut]
        return None  # a capitalised modifier ("North Korean defectors")
    return None


def _at(words: list[_Token], k: int) -> _Token | None:
    return words[k] if k < len(words) else None


def _is_name_word(word: _Token, *, first: bool, next_word: _Token | None) -> bool:
    text = word.text
    if not text[0].isupper() or word.lower in _DETERMINERS or text in _GENERIC_ACRONYMS:
        return False
    if first and not (text.isupper() and len(text) > 1):
        # A sentence's first word is capitalised anyway: a name only if the next word is
        # capitalised too ("South China Morning Post") or it stands alone ("Reuters").
        return next_word is None or next_word.text[0].isupper()
    return True


def _name_run(words: list[_Token], k: int) -> list[_Token]:
    run = [words[k]]
    j = k + 1
    while j < len(words):
        word = words[j]
        if word.text[0].isupper() and word.text not in _GENERIC_ACRONYMS:
            run.append(word)
            j += 1
            continue
        # Connectors join two capitalised parts: "Commission on China".
        m = j
        while m < len(words) and words[m].lower in _NAME_CONNECTORS and not words[m].text[0].isupper():
            m += 1
        if m > j and m < len(words) and words[m].text[0].isupper():
            run.extend(words[j:m + 1])
            j = m + 1
            continue
        break
    return run


def _name_heads(rest: list[_Token]) -> bool:
    """Whether a name followed by `rest` is the speaker, not a modifier of `rest`.

    It is when nothing follows, when a prepositional phrase follows ("UN Commission
    of Inquiry | on North Korea human rights in 2014"), or when the rest names the
    name's document ("Korea Future Initiative | report", "State Department |
    trafficking report").
    """
    if not rest or rest[0].lower in _PREPOSITIONS:
        return True
    return rest[-1].lower in _DOCUMENT_WORDS and all(w.text[0].islower() for w in rest)


def _last_connector(run: list[_Token]) -> int | None:
    for k in range(len(run) - 1, 0, -1):
        if run[k].lower in _NAME_CONNECTORS and not run[k].text[0].isupper():
            # Drop connectors left dangling at the end ("Commission of the").
            while k > 0 and run[k - 1].lower in _NAME_CONNECTORS and not run[k - 1].text[0].isupper():
                k -= 1
            return k
    return None
