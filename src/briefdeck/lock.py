"""The evidence lock: which passage each piece of evidence cited, so a changed source is noticed.

``briefs/X.lock.json`` (beside the brief, meant to be committed) records, for
every quote, finding and source locator of the brief, the locator it resolved
to and a hash of that passage's text, and for every cited source the hash of
its file. When a source file's hash changes, each piece of evidence in it is
compared again:

- a quote whose words now stand at another locator has *moved* (the note
  follows it; the author should know);
- a finding or locator whose passage now holds other words has *moved* when
  the old words stand elsewhere (the locator now means something else), else
  they are *gone* (a finding) or the paraphrased passage *changed*;
- a quote whose words are found nowhere is already an error of the resolver;
  the lock adds where they were.

All are warnings (errors under ``--strict``). ``check --update-lock`` accepts
the new state. Evidence whose source did not change is recorded as it
resolves now, so adding a point never needs ``--update-lock``. The file is
written only when its bytes change: sorted keys, no timestamps.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from briefdeck.errors import BriefdeckError, Location, Problem, display_path
from briefdeck.files import file_hash_now, write_atomic
from briefdeck.findings.index import FindingsIndex
from briefdeck.json_text import indented_json
from briefdeck.outline.model import EvidenceSpec, Outline
from briefdeck.outline.resolve import Resolution
from briefdeck.sources.locators import Locator, parse_locator

LOCK_VERSION = 1
LOCK_SUFFIX = ".lock.json"
MAX_LOCK_BYTES = 4 * 1024 * 1024
_HEX = re.compile(r"[0-9a-f]{1,64}")
TEXT_HASH = 16  # hex digits kept of a passage's sha256: enough to tell passages of one source apart
ACCEPT = "if the point still says what the source says, accept the new state with 'briefdeck check --update-lock'"


def lock_path(brief: Path) -> Path:
    """``briefs/X.yaml`` -> ``briefs/X.lock.json``."""
    return brief.with_name(brief.stem + LOCK_SUFFIX)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:TEXT_HASH]


def spec_key(spec: EvidenceSpec) -> str:
    """The lock's name for a piece of evidence: its kind and words (and where a quote is looked for)."""
    return f"{spec.kind}: {spec.value}" + (f" (in {spec.source})" if spec.source else "")


@dataclass
class LockCheck:
    """The lock compared with the sources as they are now, and the lock to write after a good check."""

    path: Path
    problems: list[Problem] = field(default_factory=list)
    new: dict = field(default_factory=dict)  # the lock's content to write
    old_bytes: bytes | None = None

    def write(self) -> list[Problem]:
        """Write the lock if it changed; a lock that cannot be written is a warning, not a failed check."""
        data = (indented_json(self.new, 1, sort_keys=True) + "\n").encode("utf-8")  # json.dumps's text
        if data == self.old_bytes:
            return []
        try:
            write_atomic(self.path, data)
        except BriefdeckError as exc:
            return [Problem(f"the evidence lock was not written: {p.message}", p.location, p.hint,
                            severity="warning", code="lock-not-written") for p in exc.problems]
        return []


def check_lock(brief: Path, outline: Outline, resolution: Resolution, index: FindingsIndex, sources: Path, *,
               update: bool = False) -> LockCheck:
    """Compare ``resolution`` with the lock beside ``brief``; ``update`` accepts every change."""
    path = lock_path(brief)
    result = LockCheck(path)
    old, result.old_bytes, problem = _read_lock(path)
    if problem is not None and not update:
        result.problems.append(problem)
        return result
    old = {} if update or old is None else old
    files = index.paths()
    old_passages, old_sources = old.get("passages", {}), old.get("sources", {})
    missing = [(spec, old_passages[spec_key(spec)]) for spec in _unresolved(outline, resolution)
               if spec_key(spec) in old_passages]
    cited = ({e.citation.source_id for e in resolution.evidence.values()}
             | {_source_of(before) for _, before in missing})
    hashes = {s: file_hash_now(sources / files[s]) for s in sorted(cited - {None}) if s in files}
    changed = {s for s in hashes if s in old_sources and old_sources[s].get("sha256") != hashes[s]}
    passages, stale_sources = {}, set()
    compare = _Comparer(index)
    for spec, evidence in resolution.evidence.items():
        key, citation = spec_key(spec), evidence.citation
        entry = {"locator": citation.locator, "text": text_hash(_passage_text(index, citation.locator))}
        before = old_passages.get(key)
        if before is not None and citation.source_id in changed:
            found = compare.resolved(spec, before, citation.locator, entry["text"])
            if found is not None:
                result.problems.append(found)
                entry = before
                stale_sources.add(citation.source_id)
        passages.setdefault(key, entry)
    for spec, before in missing:
        source = _source_of(before)
        if source in changed:
            result.problems.append(_problem(
                spec, f"the quoted words were at {before['locator']} when the lock was written; {source} has "
                "changed since and they are no longer in it", f"'briefdeck show {before['locator']}' shows what "
                "stands there now; quote the new wording if it still supports the point", "lock-gone"))
            passages[spec_key(spec)] = before
            stale_sources.add(source)
    result.new = {
        "briefdeck-lock": LOCK_VERSION,
        "passages": passages,
        "sources": {s: ({"file": files[s], "sha256": hashes[s]} if s not in stale_sources else old_sources[s])
                    for s in hashes},
    }
    return result


class _Comparer:
    """Where a locked passage went in a changed source."""

    def __init__(self, index: FindingsIndex):
        self.index = index

    def resolved(self, spec: EvidenceSpec, before: dict, locator: str, now_hash: str) -> Problem | None:
        was = str(before.get("locator", ""))
        if spec.kind == "quote":
            if was == locator:
                return None  # the words are still there, at the same place
            return _problem(spec, f"the quoted words moved: they were at {was} when the lock was written, and are "
                            f"now at {locator}", f"the footnote now cites {locator}; {ACCEPT}", "lock-moved")
        if before.get("text") == now_hash:
            return None
        old = parse_locator(was)
        elsewhere = self._find(old, str(before.get("text"))) if old is not None else None
        if elsewhere is not None:
            return _problem(spec, f"the passage cited as {locator} now holds other words; the words it held when "
                            f"the lock was written are now at {elsewhere}",
                            f"cite {elsewhere} if that is the passage you mean; else {ACCEPT}", "lock-moved")
        if spec.kind == "finding":
            return _problem(spec, f"the sentence this point quotes ({locator}) changed: the words it held when the "
                            "lock was written are gone from the source", f"read it again ('briefdeck show {locator}'); "
                            f"{ACCEPT}", "lock-gone")
        return _problem(spec, f"the passage this point paraphrases ({locator}) changed; read it again",
                        f"'briefdeck show {locator}' shows it now; {ACCEPT}", "lock-changed")

    def _find(self, old: Locator, wanted: str) -> str | None:
        """The locator of a passage of the same kind (sentence or paragraph) whose text hashes to ``wanted``."""
        if old.paragraph is None:
            return None
        if old.sentence is not None:
            return next((f.locator for f in self.index.findings_in(old.source) if text_hash(f.text) == wanted), None)
        return next((str(Locator(p.source, p.number)) for p in self.index.paragraphs(old.source)
                     if text_hash(p.text) == wanted), None)


def _passage_text(index: FindingsIndex, locator: str) -> str:
    """The text a locator names now ("" for a whole source, whose file hash stands for it)."""
    parsed = parse_locator(locator)
    if parsed is None or parsed.paragraph is None:
        return ""
    if parsed.sentence is not None:
        return index.sentence_text(parsed.source, parsed.paragraph, parsed.sentence) or ""
    paragraph = index.paragraph(parsed.source, parsed.paragraph)
    return paragraph.text if paragraph is not None else ""


def _unresolved(outline: Outline, resolution: Resolution) -> list[EvidenceSpec]:
    """The quotes the resolver could not find (their problem carries the quote's location)."""
    places = {p.location for p in resolution.problems if p.code == "quote-not-found"}
    if not places:
        return []
    return [spec for slide in outline.slides for point in (*slide.points, *slide.questions)
            for spec in point.evidence if spec.kind == "quote" and spec.location in places]


def _source_of(entry: dict) -> str | None:
    """The source id of a locked entry's locator."""
    parsed = parse_locator(str(entry.get("locator", "")))
    return parsed.source if parsed is not None else None


def _problem(spec: EvidenceSpec, message: str, hint: str, code: str) -> Problem:
    return Problem(message, spec.location, hint, severity="warning", code=code)


def _read_lock(path: Path) -> tuple[dict | None, bytes | None, Problem | None]:
    """The lock's content and bytes (None when there is none), or a problem saying why it cannot be used."""
    if not path.exists():
        return None, None, None
    where = Location(display_path(path))
    hint = ("resolve it by hand (it is JSON), or delete it, or write a new one from the sources as they are "
            "with 'briefdeck check --update-lock'")
    try:
        if path.stat().st_size > MAX_LOCK_BYTES:
            return None, None, Problem(f"the evidence lock is over {MAX_LOCK_BYTES // 2**20} MB", where, hint,
                                 code="lock-unreadable")
        raw = path.read_bytes()
        data = json.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        line = getattr(exc, "lineno", None)
        return None, None, Problem(f"the evidence lock cannot be read: {getattr(exc, 'msg', None) or exc}",
                             Location(where.file, line, getattr(exc, "colno", None) if line else None), hint,
                             code="lock-unreadable")
    if not _well_formed(data):
        return None, None, Problem(f"the evidence lock is not one briefdeck {LOCK_VERSION} writes", where, hint,
                             code="lock-unreadable")
    return data, raw, None


def _well_formed(data: object) -> bool:
    """The shape `check_lock` writes; locators and hashes are checked too, as they are shown to the user."""
    if not isinstance(data, dict) or data.get("briefdeck-lock") != LOCK_VERSION:
        return False
    passages, sources = data.get("passages"), data.get("sources")
    return (isinstance(passages, dict) and isinstance(sources, dict)
            and all(isinstance(v, dict) and isinstance(v.get("locator"), str) and parse_locator(v["locator"])
                    and isinstance(v.get("text"), str) and _HEX.fullmatch(v["text"]) for v in passages.values())
            and all(isinstance(v, dict) and isinstance(v.get("sha256"), str) and _HEX.fullmatch(v["sha256"])
                    and isinstance(v.get("file"), str) for v in sources.values()))
