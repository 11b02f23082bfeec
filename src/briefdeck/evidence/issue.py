"""An issue a check finds, and the side-by-side wording every message uses."""

from __future__ import annotations

from dataclasses import dataclass

from briefdeck.evidence.cited import Cited

_SHOWN = 150  # characters of the evidence shown in a message


@dataclass(frozen=True)
class Issue:
    """What one check found in one point: a documented code, the message and what to do.

    ``evidence`` is the index of the point's evidence the issue is about (its
    line is reported), or None for the point as a whole.
    """

    code: str
    message: str
    hint: str
    evidence: int | None = None


def side_by_side(what: str, text_words: str, cited: Cited, evidence_words: str | None = None) -> str:
    """ "what: the text says “…” — tip-2017-dprk:p1.s2 says “…”" """
    shown = evidence_words if evidence_words is not None else (cited.quoted or cited.passage)
    return f"{what}: the text says “{text_words}” — {cited.locator} says “{excerpt(shown)}”"


def excerpt(text: str, width: int = _SHOWN) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + " …"
