"""Polarity and quantifiers: what the text denies or generalises against what the evidence says.

- `negation-mismatch`: the text has a negator ("not", "no", "never", "refuses",
  "fails to", "lack", "without", "little"…) and the cited words none, or the
  other way round. A quote's cited words include the few words right before it.
- `quote-after-negator`: a quote begins right after a negator ("do not |
  prohibit all forms …"): the quoted words say the opposite of the sentence.
- `ellipsis-omits`: an ellipsis in a quote leaves out a negation, a hedge
  ("reportedly", "allegedly", "some") or a quantifier.
- `quantifier-widened`: "all", "every", "always", "none" in the text where the
  evidence says "some", "many", "most", "often" (and not "all" itself).
"""

from __future__ import annotations

from briefdeck.evidence.cited import Cited
from briefdeck.evidence.issue import Issue, side_by_side
from briefdeck.evidence.words import negations_in, phrases_in, tokens, words

_AUXILIARIES = {"do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "will", "would",
                "can", "could", "be", "been"}


def scope(cited: Cited) -> str:
    """The evidence's words the checks compare: a quote with the words before it, else the passage."""
    if cited.kind == "quote":
        return f"{cited.before} {cited.quoted}".strip()
    return cited.passage or cited.quoted


def check_polarity(text: str, cited: list[Cited]) -> list[Issue]:
    issues = []
    flagged = False
    for n, c in enumerate(cited):
        if c.kind != "quote":
            continue
        last = tokens(c.before)[-2:]
        if last and (last[-1] in {"not", "n't", "no", "never", "without", "nor", "cannot"}
                     or " ".join(last) in words().negators):
            flagged = True
            issues.append(Issue("quote-after-negator",
                                side_by_side("the quote begins right after a negation", c.quoted, c,
                                             f"{c.before} {c.quoted}"),
                                f"start the quote at “{' '.join(c.before.split()[-2:])}”, or cite words that say "
                                "what the text says", n))
        for gap in c.omitted:
            dropped = negations_in(gap) + phrases_in(gap, words().hedges + words().universal + words().partial)
            if dropped:
                flagged = True
                issues.append(Issue("ellipsis-omits",
                                    f"the quote's ellipsis leaves out “{gap}”, which holds "
                                    f"“{', '.join(dict.fromkeys(dropped))}” — {c.locator} says “{c.quoted}”",
                                    "quote the words in full, or end the quote before them", n))
    evidence = [c for c in cited if not c.whole_source]
    if flagged or not evidence:
        return issues
    text_neg = negations_in(text)
    cited_neg = [w for c in evidence for w in negations_in(scope(c))]
    if not text_neg and all(c.coarse for c in evidence):
        return issues  # a paragraph's other sentences may deny what the text does not repeat
    if bool(text_neg) != bool(cited_neg):
        c = next((c for c in evidence if negations_in(scope(c))), evidence[0])
        what = (f"the text denies (“{', '.join(text_neg)}”) what the evidence affirms" if text_neg
                else f"the evidence denies (“{', '.join(dict.fromkeys(cited_neg))}”) what the text affirms")
        issues.append(Issue("negation-mismatch", side_by_side(what, text, c, scope(c)),
                            "say what the source says, negation included, or cite the words that say yours"))
    return issues


def check_quantifiers(text: str, cited: list[Cited]) -> list[Issue]:
    known = words()
    widened = phrases_in(text, known.universal)
    evidence = [c for c in cited if not c.whole_source and not c.coarse]
    if not widened or not evidence:
        return []
    scopes = " ".join(scope(c) for c in evidence)
    partial = phrases_in(scopes, known.partial)
    if not partial or phrases_in(scopes, known.universal):
        return []
    c = next((c for c in evidence if phrases_in(scope(c), known.partial)), evidence[0])
    return [Issue("quantifier-widened",
                  side_by_side(f"the text says “{', '.join(widened)}” where the evidence says "
                               f"“{', '.join(partial)}”", text, c, scope(c)),
                  f"keep the source's “{partial[0]}”, or cite words that say “{widened[0]}”")]
