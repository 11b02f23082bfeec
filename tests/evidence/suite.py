"""The planted-error suite's machinery: one brief per case, checked against the seeds and a fictional report.

A case (tests/evidence/cases/*.yaml) is one brief point (`point:`) or one slide
(`slide:`); planted cases name the `kind` of the one error they hide. Each case
becomes its own brief in a scratch project whose sources are the two seeds and
`corpus/eastmere-inspection-2023.txt`, and is checked as `briefdeck check` does.
"""

from __future__ import annotations

import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from briefdeck.check import check_brief

HERE = Path(__file__).parent
CASES = HERE / "cases"
SEEDS = HERE.parents[1] / "seeds"
KINDS = ("attribution", "polarity", "years", "units", "quantifiers", "support", "misquote")


def load_cases(name: str) -> list[dict]:
    return yaml.safe_load((CASES / name).read_text(encoding="utf-8"))


def make_project(root: Path) -> Path:
    """Seeds plus the fictional report, with one sources.yaml listing all three."""
    shutil.copytree(SEEDS, root / "seeds")
    corpus = HERE / "corpus"
    shutil.copy(corpus / "eastmere-inspection-2023.txt", root / "seeds")
    records = (root / "seeds" / "sources.yaml").read_text(encoding="utf-8")
    extra = (corpus / "sources.yaml").read_text(encoding="utf-8")
    (root / "seeds" / "sources.yaml").write_text(records + "\n" + extra, encoding="utf-8")
    (root / "briefs").mkdir()
    return root


@dataclass
class Outcome:
    case: dict
    problems: list  # Problem records about the brief (source warnings left out)

    @property
    def flagged(self) -> bool:
        return bool(self.problems)

    @property
    def codes(self) -> list[str]:
        return [p.code for p in self.problems]


def run_case(project: Path, case: dict) -> Outcome:
    slide = dict(case["slide"]) if "slide" in case else {"points": [case["point"]]}
    slide.setdefault("title", f"Case {case['id']}")
    brief = {"title": f"Case {case['id']}", "slides": [slide]}
    path = project / "briefs" / f"{case['id']}.yaml"
    path.write_text(yaml.safe_dump(brief, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = check_brief(path)
    return Outcome(case, [p for p in result.problems if p.code != "source-warning"])


def catch_table(outcomes: list[Outcome]) -> str:
    """Caught / planted per kind, as the suite reports it."""
    caught: Counter = Counter()
    total: Counter = Counter()
    for o in outcomes:
        total[o.case["kind"]] += 1
        caught[o.case["kind"]] += o.flagged
    rows = [f"{k:12} {caught[k]:3}/{total[k]:<3} {100 * caught[k] / total[k]:5.1f}%" for k in KINDS if total[k]]
    all_caught, all_total = sum(caught.values()), sum(total.values())
    rows.append(f"{'all':12} {all_caught:3}/{all_total:<3} {100 * all_caught / all_total:5.1f}%")
    return "\n".join(rows)


def missed(outcomes: list[Outcome]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for o in outcomes:
        if not o.flagged:
            out[o.case["kind"]].append(o.case["id"])
    return dict(out)
