"""Extract the advance widths that briefdeck measures slide text with.

PowerPoint lays text out with the fonts named in the deck ("Arial"), which a
build machine may not have. Liberation Sans is metric-compatible with Arial
(every glyph has Arial's advance width), so its widths, read once here and
committed as JSON, let every machine wrap a line at the same place.

    python tools/make_metrics.py [--fonts /usr/share/fonts/truetype/liberation2]

writes src/briefdeck/render/pptx/font_metrics.json. Run it again only to add a
font family or a code point range; the output is deterministic.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from fontTools.ttLib import TTFont

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src/briefdeck/render/pptx/font_metrics.json"
DEFAULT_FONTS = Path("/usr/share/fonts/truetype/liberation2")

# The name PowerPoint sees -> (the metric-compatible open font's file stem, style -> file suffix).
FAMILIES = {
    "Arial": ("LiberationSans", {"regular": "Regular", "bold": "Bold",
                                 "italic": "Italic", "bold-italic": "BoldItalic"}),
}


def advance_runs(font: TTFont) -> list[list]:
    """Advance widths (font units) of every mapped code point, as [first, [w, w, …]] runs.

    Consecutive code points share a run, which keeps the JSON small.
    """
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    runs: list[list] = []
    for code in sorted(cmap):
        width = hmtx[cmap[code]][0]
        if runs and runs[-1][0] + len(runs[-1][1]) == code:
            runs[-1][1].append(width)
        else:
            runs.append([code, [width]])
    return runs


def family_metrics(folder: Path, stem: str, styles: dict[str, str]) -> dict:
    regular = TTFont(folder / f"{stem}-{styles['regular']}.ttf")
    os2, hhea = regular["OS/2"], regular["hhea"]
    return {
        "source": f"{regular['name'].getDebugName(4)} {regular['name'].getDebugName(5)}",
        "units_per_em": regular["head"].unitsPerEm,
        # Windows line metrics: what PowerPoint uses for a line's height.
        "ascent": os2.usWinAscent,
        "descent": os2.usWinDescent,
        "line_gap": hhea.lineGap,
        "styles": {name: advance_runs(TTFont(folder / f"{stem}-{suffix}.ttf"))
                   for name, suffix in styles.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fonts", type=Path, default=DEFAULT_FONTS, help="folder holding the .ttf files")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    data = {
        "about": "Advance widths in font units per code point, made by tools/make_metrics.py",
        "fonts": {name: family_metrics(args.fonts, stem, styles) for name, (stem, styles) in FAMILIES.items()},
    }
    args.out.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
