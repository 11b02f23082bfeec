"""A synthetic corpus for the benchmarks: scaled copies of the two seed documents.

Copies are exact, so every figure the benchmarks report is about the same
text the product ships with, only more of it. Each copy is its own source
(``copy-0001-king`` …); there is no ``sources.yaml``, so records are guessed
from the text as they would be for a user's unrecorded documents.
"""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SEED_FILES = {"king": "000_5d0627c7a3221be2.txt", "tip": "001_8626f1c1c84b5475.txt"}


def seed_words() -> int:
    return sum(len((SEEDS / name).read_text(encoding="utf-8").split()) for name in SEED_FILES.values())


def make_corpus(root: Path, words: int) -> tuple[Path, int]:
    """A project at ``root`` whose ``seeds/`` holds at least ``words`` words; returns it and the word count."""
    if root.exists():
        shutil.rmtree(root)
    folder = root / "seeds"
    folder.mkdir(parents=True)
    texts = {key: (SEEDS / name).read_bytes() for key, name in SEED_FILES.items()}
    per_pair = seed_words()
    copies = -(-words // per_pair)
    for n in range(1, copies + 1):
        for key, data in texts.items():
            (folder / f"copy-{n:04d}-{key}.txt").write_bytes(data)
    return root, copies * per_pair
