"""10,000 generated briefs through `check_brief`: every one gives a result or a BriefdeckError, none an
internal error. One in 50 also goes through `briefdeck check` (no traceback, no "internal error" in its
output), and one in 20 of those that check clean is rendered to .pptx and .html.

Each brief starts from a valid one and is mutated at random, seeded so a failure can be repeated: keys and
values of every kind (text, numbers, lists, mappings, nulls, odd Unicode), slide kinds, ``select:`` blocks
(queries with full-text syntax, unknown sources and tags, odd limits), locators (huge and zero numbers,
non-ASCII digits, unknown sources), quotes (empty, punctuation only, curly quotes and ellipses, decomposed
Hangul) and audiences; some briefs are then damaged as text (characters inserted, lines repeated, cut
short). The check runs in-process; the lexicon and the index are read once and shared, so the run measures
the brief's way through loading, resolving and deck building, not the reading of the same sources 10,000
times.
"""

from __future__ import annotations

import copy
import os
import random
import traceback
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from briefdeck.check import check_brief
from briefdeck.cli import app
from briefdeck.errors import BriefdeckError
from briefdeck.layouts import find_layout
from briefdeck.project import Workspace
from briefdeck.render.handout import deck_to_html
from briefdeck.render.pptx import deck_to_pptx

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
CLI_EVERY = 50  # one brief in this many also goes through `briefdeck check`
RENDER_EVERY = 20  # of the briefs that check clean, one in this many is also rendered (pptx and html)
BRIEFS = int(os.environ.get("BRIEFDECK_FUZZ_BRIEFS", "10000"))
SEED = int(os.environ.get("BRIEFDECK_FUZZ_SEED", "20261129"))

BASE = {
    "title": "North Korea and Human Trafficking",
    "date": "2026-11-22",
    "sources": "../seeds",
    "citations": {"style": "chicago-note", "on_slides": "footnote"},
    "audiences": {
        "policy": {"label": "Policy staff", "handout": "memo"},
        "classroom": {"label": "Upper-secondary civics", "handout": "reading", "omit_tags": ["sexual-violence"],
                      "content_note": "This lesson discusses forced labour."},
    },
    "slides": [
        {"section": "The ranking"},
        {"title": "Tier 3", "points": [
            {"text": "North Korea stayed on Tier 3 in 2017.", "quote": "the DPRK remained on Tier 3"},
            {"finding": "tip-2017-dprk:p1.s2"},
            {"text": "No known investigations.", "source": "tip-2017-dprk:p4", "audiences": ["policy"]},
        ]},
        {"title": "Prison camps", "select": {"query": "prison camps forced labor",
                                             "sources": ["tip-2017-dprk", "king-2019"], "limit": 3}},
        {"title": "Key figures", "kind": "figures", "points": [
            {"text": "80,000–120,000 political prisoners", "quote": "80,000 to 120,000", "source": "tip-2017-dprk"}]},
        {"title": "In the report's words", "kind": "quote",
         "quote": "The government did not demonstrate any efforts to address human trafficking",
         "source": "tip-2017-dprk"},
        {"title": "Discuss", "kind": "questions", "audiences": ["classroom"],
         "questions": ["Why are people fleeing North Korea easy prey for brokers?"]},
    ],
}

KEYS = ["title", "subtitle", "date", "sources", "layout", "summary", "citations", "style", "on_slides",
        "audiences", "label", "handout", "omit_tags", "content_note", "slides", "section", "kind", "points",
        "questions", "notes", "text", "quote", "finding", "source", "evidence", "unsourced", "select", "query",
        "sources", "tags", "limit", "speaker", "default", "policy", "classroom", "figure", "id", "x", "", "κλειδί"]
KINDS = ["bullets", "section", "figures", "quote", "questions", "title", "sources", "Bullets", "nope", ""]
SOURCES = ["tip-2017-dprk", "king-2019", "nobody", "TIP-2017-DPRK", "tip-2017-dprk ", "", "a:b", "../seeds"]
TAGS = ["sexual-violence", "forced-labor", "children", "no-such-tag", "", "Sexual-Violence"]
WORDS = ["the DPRK remained on Tier 3", "80,000 to 120,000", "prison camps", "forced labor", "Tier 3", "the",
         "…", "...", "“the DPRK”", "‘remained’", "the DPRK … Tier 3", ". . .", "---", "—", "", " ", "\t",
         "a pillar of its economic system", "북한", "\u1107\u116e\u11a8\u1112\u1161\u11ab", "ÅÄÖ", "\u200b",
         "\x00", "\x1b[31m", "<script>alert(1)</script>", "{{ 7*7 }}", "%s%n", "' OR 1=1 --", "\\", "\ud800",
         "x" * 2000, "NEAR(prison camps)", "prison AND", "\"", "*", "^", "camps*", "NOT", "OR OR", "(", ")",
         "col:prison", "{prison camps}", "prison -camps", "2.6 million", "$105,000,000", "1e309", "-0"]
DATES = ["2026-11-22", "9999-12-31", "0001-01-01", "1979-12-31", "2107-12-31", "2108-01-01", "2024-02-29",
         "Autumn term 2026", "2026-W48"]
TAME_WORDS = [w for w in WORDS if w.strip() and w.isprintable()]  # words a brief may well hold
NUMBERS = [0, 1, 3, 50, 51, -1, 99999999999999999999999, 2**63, 1.5, float("inf"), True, False]


def locator(rng: random.Random, tame: bool = False) -> str:
    """A locator: well formed (an existing or unknown source, numbers in or far out of range) when ``tame``."""
    source = rng.choice(SOURCES[:3] if tame else SOURCES)
    shape = rng.randrange(6 if tame else 8)
    digits = ["1", "2", "4", "8", "34", "999", "99999999999999999999999", "0"]
    if not tame:
        digits += ["٣", "００1", "-1", "1e3", "", " 2"]
    if shape == 0:
        return source
    if shape in (1, 2):
        return f"{source}:p{rng.choice(digits)}"
    if shape in (3, 4, 5):
        return f"{source}:p{rng.choice(digits)}.s{rng.choice(digits)}"
    if shape == 6:
        return f"{source}:{rng.choice(['P1', 'p1s2', 'p1.', 'p.s', 'paragraph 4', 'p1.s2.s3', ':', ''])}"
    return rng.choice(WORDS)


def value(rng: random.Random, depth: int = 0):
    pick = rng.randrange(12 if depth < 3 else 8)
    if pick < 3:
        return rng.choice(WORDS)
    if pick == 3:
        return rng.choice(NUMBERS)
    if pick == 4:
        return None
    if pick == 5:
        return locator(rng)
    if pick == 6:
        return rng.choice(KINDS + TAGS + ["memo", "reading", "slides", "apa", "end", "notes", "2026-02-30",
                                          "0000-01-01", "9999-12-31", "2026-13-01", "yes", "no", "~"])
    if pick == 7:
        return "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x80, 0x3000)]))
                       for _ in range(rng.randrange(12)))
    if pick < 10:
        return [value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {rng.choice(KEYS): value(rng, depth + 1) for _ in range(rng.randrange(4))}


def evidence(rng: random.Random, tame: bool = False, kinds: int = 5) -> dict:
    kind = rng.randrange(kinds)
    words = TAME_WORDS if tame else WORDS
    if kind == 0:
        return {"quote": rng.choice(words)}
    if kind == 1:
        return {"quote": rng.choice(words), "source": locator(rng, tame)}
    if kind == 2:
        return {"finding": locator(rng, tame)}
    if kind == 3:
        return {"source": locator(rng, tame)}
    return {"evidence": [evidence(rng, tame, 4) for _ in range(rng.randrange(1 if tame else 0, 3))]}


def select(rng: random.Random, tame: bool = False) -> dict:
    block: dict = {"query": rng.choice(WORDS[:16] if tame and rng.random() < 0.5 else WORDS)}
    if rng.random() < 0.6:
        block["sources"] = rng.sample(SOURCES[:3] if tame else SOURCES, rng.randrange(1 if tame else 0, 3))
    if rng.random() < 0.4:
        block["tags"] = rng.sample(TAGS[:4] if tame else TAGS, rng.randrange(1 if tame else 0, 3))
    if rng.random() < 0.4:
        block["section"] = rng.choice(WORDS)
    if rng.random() < 0.5:
        block["limit"] = rng.choice([1, 3, 50]) if tame else rng.choice(NUMBERS + ["3", "lots"])
    if not tame and rng.random() < 0.1:
        block[rng.choice(KEYS)] = value(rng)
    return block


def containers(node, path=()):
    """Every mapping and list in ``node`` with its path."""
    if isinstance(node, (dict, list)):
        yield path, node
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, child in items:
            yield from containers(child, path + (key,))


def mutate(rng: random.Random, brief: dict, tame: bool) -> None:
    """One random change somewhere in ``brief``; a ``tame`` change keeps the brief's shape valid."""
    slides = brief.get("slides") if isinstance(brief.get("slides"), list) else None
    action = rng.randrange(5 if tame else 10)
    if slides is None:
        action = max(action, 5)
    if action == 4:
        brief["date"] = rng.choice(DATES)
    elif action == 0:
        slides.append({"title": rng.choice(WORDS[:4]), "select": select(rng, tame)})
    elif action == 1:
        points = [{"text": rng.choice(TAME_WORDS if tame else WORDS), **evidence(rng, tame)}
                  for _ in range(rng.randrange(1, 3))]
        for point in points:
            if rng.random() < 0.3:
                point["audiences"] = rng.sample(["policy", "classroom"] if tame else ["policy", "classroom", "nobody",
                                                                                      ""], rng.randrange(1, 3))
        slides.append({"title": rng.choice(WORDS[:4]), "kind": rng.choice(["bullets", "figures"] if tame else KINDS),
                       "points": points})
    elif action == 2:
        slides.append({"title": rng.choice(WORDS[:4]), "kind": "quote", **evidence(rng, tame, 2 if tame else 5),
                       **({"speaker": rng.choice(WORDS)} if rng.random() < 0.3 else {})})
    elif action == 3:
        slides.append({"title": rng.choice(WORDS[:4]), "points": [
            {"text": rng.choice(TAME_WORDS if tame else WORDS), "unsourced": rng.choice([True, "true"] if tame else [True, False, "maybe"])}]})
    elif action == 5:
        brief["audiences"] = {rng.choice(["policy", "classroom", "x", "", "a b"]): {
            "label": rng.choice(WORDS), "handout": rng.choice(["memo", "reading", "slides", "poster", None]),
            "omit_tags": rng.sample(TAGS, rng.randrange(3))} for _ in range(rng.randrange(1, 3))}
    else:  # set, replace or delete anything anywhere
        path, node = rng.choice(list(containers(brief)))
        if isinstance(node, dict):
            key = rng.choice(KEYS) if rng.random() < 0.6 or not node else rng.choice(list(node))
            if rng.random() < 0.15 and key in node:
                del node[key]
            else:
                node[key] = value(rng)
        elif node and rng.random() < 0.3:
            node.pop(rng.randrange(len(node)))
        else:
            node.append(value(rng))


def damage(rng: random.Random, text: str) -> str:
    """``text`` with one textual accident: a character inserted, a line repeated or dropped, or cut short."""
    lines = text.splitlines(keepends=True) or [""]
    action = rng.randrange(5)
    at = rng.randrange(len(lines))
    if action == 0:
        pos = rng.randrange(len(text) + 1)
        return text[:pos] + rng.choice(["\t", ":", "-", "'", '"', "&a", "*a", "!!python/object:os.system",
                                        "{", "[", "#", "\ufeff", "\x00", "%", "@", "|", ">", "? "]) + text[pos:]
    if action == 1:
        return "".join(lines[:at + 1] + lines[at:])
    if action == 2:
        return "".join(lines[:at] + lines[at + 1:])
    if action == 3:
        return text[:rng.randrange(len(text) + 1)]
    return "".join(lines[:at] + ["  " + lines[at]] + lines[at + 1:])


def generated_briefs(count: int, seed: int):
    rng = random.Random(seed)
    for number in range(count):
        brief = copy.deepcopy(BASE)
        tame = rng.random() < 0.5
        for _ in range(rng.randrange(1, 6)):
            mutate(rng, brief, tame)
        try:
            text = yaml.dump(brief, Dumper=DUMPER, allow_unicode=rng.random() < 0.7,
                             default_flow_style=rng.random() < 0.1, sort_keys=False)
        except (yaml.YAMLError, UnicodeEncodeError):  # a lone surrogate: the pure-Python dumper escapes it
            text = yaml.safe_dump(brief, allow_unicode=False, sort_keys=False)
        if not tame and rng.random() < 0.3:
            text = damage(rng, text)
        yield number, text


class _SharedIndex:
    """The index opened once; `check_brief` closes what it opens, so closing this one does nothing."""

    def __init__(self, index):
        self._index = index

    def __getattr__(self, name):
        return getattr(self._index, name)

    def close(self) -> None:
        pass


@pytest.fixture(scope="module")
def fuzz_project(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz-briefs") / "project"
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    (root / "briefs").mkdir(parents=True)
    (root / "seeds").mkdir()
    for path in seeds.iterdir():
        (root / "seeds" / path.name).write_bytes(path.read_bytes())
    workspace = Workspace.at(root)
    lexicon = workspace.lexicon()
    index, _ = workspace.open_index(lexicon=lexicon)
    yield root, lexicon, _SharedIndex(index)
    index.close()


def test_ten_thousand_generated_briefs_give_no_internal_error(fuzz_project, monkeypatch, capsys):
    root, lexicon, index = fuzz_project
    monkeypatch.setattr(Workspace, "lexicon", lambda self: lexicon)
    # One index for every brief: the check uses it and leaves it open.
    monkeypatch.setattr(Workspace, "with_index",
                        lambda self, use, progress=None, *, lexicon=None, verify=False: (use(index), _NoReport()))
    path = root / "briefs" / "fuzz.yaml"
    internal, outcomes = [], {"ok": 0, "errors": 0, "refused": 0, "rendered": 0, "cli": 0}
    layout = find_layout("default", project=root)
    for number, text in generated_briefs(BRIEFS, SEED):
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        if number % CLI_EVERY == 0:  # a sample through the command line too: its words, not only its exceptions
            shown = CliRunner().invoke(app, ["check", str(path)], catch_exceptions=False)
            assert shown.exit_code in (0, 1, 2), shown.output
            if "Traceback" in shown.output or "internal error" in shown.output:
                internal.append(f"`check` of brief {number} (seed {SEED}):\n{text}\n{shown.output}")
            outcomes["cli"] += 1
        try:
            result = check_brief(path, strict=number % 2 == 0)
        except BriefdeckError as exc:
            assert exc.problems and all(p.message for p in exc.problems), text
            outcomes["refused"] += 1
            continue
        except Exception:  # noqa: BLE001 -- exactly what this test counts
            if len(internal) < 5:
                internal.append(f"brief {number} (seed {SEED}):\n{text}\n{traceback.format_exc()}")
            else:
                internal.append(f"brief {number}")
            continue
        if result.errors:
            assert all(p.location is not None for p in result.errors), result.errors
            outcomes["errors"] += 1
        else:
            assert result.decks, text
            outcomes["ok"] += 1
            if outcomes["ok"] % RENDER_EVERY == 1:  # a sample goes on to the renderers (slower: seconds each)
                try:
                    for deck in result.decks.values():
                        assert deck_to_pptx(deck, layout=layout) and deck_to_html(deck, layout=layout)
                    outcomes["rendered"] += 1
                except BriefdeckError as exc:
                    assert exc.problems and all(p.message for p in exc.problems), text
                except Exception:  # noqa: BLE001 -- exactly what this test counts
                    internal.append(f"rendering brief {number} (seed {SEED}):\n{text}\n{traceback.format_exc()}")
    summary = (f"fuzzed {BRIEFS} briefs: {len(internal)} internal errors "
               f"({outcomes['ok']} checked clean, {outcomes['rendered']} of them rendered, "
               f"{outcomes['errors']} with located errors, {outcomes['refused']} refused; "
               f"{outcomes['cli']} also through `briefdeck check`)")
    with capsys.disabled():  # shown in CI's log, even under -q
        print(f"\n{summary}")
    assert not internal, summary + "\n\n" + "\n\n".join(internal[:5])
    assert outcomes["ok"] > BRIEFS // 20 and outcomes["errors"] > BRIEFS // 20, summary  # both ways exercised


class _NoReport:
    warnings: tuple = ()
