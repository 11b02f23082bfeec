"""Helpers to attack a project: a brief citing both seed sources, layouts, records, snapshots."""

from __future__ import annotations

import hashlib
from pathlib import Path

BRIEF = """\
title: Example briefing
date: 2026-11-22
layout: {layout}
slides:
  - title: Tier 3
    points:
      - text: North Korea stayed on Tier 3 in 2017.
        quote: the DPRK remained on Tier 3
  - title: Reporting
    select:
      query: prison camps
      sources: [king-2019]
      limit: 1
"""


def write_brief(project: Path, *, layout: str = "default", name: str = "b.yaml", text: str | None = None) -> Path:
    path = project / "briefs" / name
    path.write_text(text if text is not None else BRIEF.format(layout=layout), encoding="utf-8")
    return path


def make_layout(project: Path, name: str, settings: str = "", files: dict[str, bytes | str] | None = None) -> Path:
    """``layouts/<name>/`` extending the default, with ``files`` (relative path → content)."""
    folder = project / "layouts" / name
    folder.mkdir(parents=True)
    (folder / "layout.yaml").write_text(f"description: test\nextends: default\n{settings}", encoding="utf-8")
    for relative, content in (files or {}).items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:
            target.write_bytes(content)
    return folder


def set_url(project: Path, source_id: str, url: str) -> None:
    """Give the seed record ``source_id`` the URL ``url`` (written as a quoted YAML string)."""
    records = project / "seeds" / "sources.yaml"
    text = records.read_text(encoding="utf-8")
    marker = f"- id: {source_id}\n"
    assert marker in text
    quoted = url.replace("\\", "\\\\").replace('"', '\\"')
    records.write_text(text.replace(marker, f'{marker}  URL: "{quoted}"\n'), encoding="utf-8")


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def assert_no_traceback(output: str) -> None:
    assert "Traceback" not in output and "internal error" not in output, output
