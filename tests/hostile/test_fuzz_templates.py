"""Organisation templates damaged at random (elements and attributes removed or given odd values in any
XML part): each gives a deck that passes `check_pptx` or a located error, never an internal error."""

from __future__ import annotations

import io
import random
import traceback
import zipfile

from lxml import etree

from briefdeck.errors import BriefdeckError
from briefdeck.layouts import find_layout
from briefdeck.render.pptx import check_pptx, deck_to_pptx

from render_pptx.decks import example_deck
from .templates import plain_template, rewrite

TEMPLATES = 150
SEED = 17
ODD_VALUES = ["", "-1", "99999999999", "abc", "rId999", "0", "1e9", "../../../etc/passwd"]


def damaged(rng: random.Random, base: bytes, parts: list[str]) -> bytes:
    target = rng.choice(parts)

    def change(name: str, blob: bytes) -> bytes:
        if name != target:
            return blob
        root = etree.fromstring(blob)
        elements = list(root.iter())
        for _ in range(rng.randrange(1, 4)):
            element = rng.choice(elements)
            roll = rng.random()
            if roll < 0.4 and element.getparent() is not None:
                element.getparent().remove(element)
            elif roll < 0.8 and element.attrib:
                key = rng.choice(list(element.attrib))
                if rng.random() < 0.5:
                    del element.attrib[key]
                else:
                    element.attrib[key] = rng.choice(ODD_VALUES)
            else:
                element.text = rng.choice(ODD_VALUES)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    return rewrite(base, change)


def test_damaged_templates_give_a_good_deck_or_a_located_error(tmp_path, capsys):
    folder = tmp_path / "layouts" / "corp"
    folder.mkdir(parents=True)
    (folder / "layout.yaml").write_text("extends: default\ntemplate: corp.pptx\n", encoding="utf-8")
    base = plain_template()
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        parts = sorted(n for n in archive.namelist() if n.endswith((".xml", ".rels")))
    deck = example_deck("policy")
    rng = random.Random(SEED)
    outcomes = {"deck": 0, "located": 0}
    internal = []
    for number in range(TEMPLATES):
        (folder / "corp.pptx").write_bytes(damaged(rng, base, parts))
        try:
            data = deck_to_pptx(deck, layout=find_layout("corp", project=tmp_path))
        except BriefdeckError as exc:
            assert exc.problems[0].location is not None and exc.problems[0].location.file.endswith("corp.pptx")
            outcomes["located"] += 1
            continue
        except Exception:  # noqa: BLE001 -- exactly what this test counts
            internal.append(f"template {number} (seed {SEED}):\n{traceback.format_exc()}")
            continue
        assert check_pptx(data) == [], number
        outcomes["deck"] += 1
    summary = f"fuzzed {TEMPLATES} damaged templates: {len(internal)} internal errors ({outcomes})"
    with capsys.disabled():  # shown in CI's log, even under -q
        print(f"\n{summary}")
    assert not internal, summary + "\n" + "\n".join(internal[:3])
    assert outcomes["deck"] and outcomes["located"], summary
