"""A quote's final match is made against the file as it is now, even when the index is trusted cheaply.

`FindingsIndex.read_now` keeps a stored paragraph without reading its document only when the file's
hash is the one it was indexed with and the row's text equals the full-text table's own copy. These
tests change one copy behind briefdeck's back (its record of the database file put back, so that no
integrity check runs) and expect the verdict of the undamaged index.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from briefdeck.findings.integrity import remember_state

QUOTE = "the DPRK remained on Tier 3"
BRIEF = f"""title: Example
sources: ../seeds
slides:
  - title: The ranking
    points:
      - text: The country stays on the lowest tier.
        quote: {QUOTE}
        source: tip-2017-dprk
"""


def tamper(project: Path, sql: str) -> None:
    """Run ``sql`` on the index, then record the database file as if briefdeck had left it so."""
    (path,) = (project / ".briefdeck").glob("findings-*.sqlite")
    db = sqlite3.connect(path)
    with db:
        assert db.execute(sql).rowcount == 1
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    remember_state(path)


@pytest.mark.parametrize("sql", [
    # A paragraph row now holds the quoted words, which its file (unchanged) does not: the quote
    # would be found twice, at p1 and p2, if the row were believed.
    f"UPDATE paragraphs SET text = text || ' {QUOTE}.' WHERE source = 'tip-2017-dprk' AND number = 2",
    # The full-text copy of the quoted paragraph differs from its row: the file decides, and agrees with the row.
    "UPDATE paragraphs_fts SET text = text || ' Damaged.' WHERE rowid = "
    "(SELECT id FROM paragraphs WHERE source = 'tip-2017-dprk' AND number = 1)",
])
def test_a_row_that_differs_from_its_full_text_copy_is_matched_against_the_file(project, cli, sql):
    (project / "briefs" / "b.yaml").write_text(BRIEF, encoding="utf-8")
    clean = cli(project, "check", "briefs/b.yaml", "--json")
    assert clean.exit_code == 0, clean.output
    tamper(project, sql)
    again = cli(project, "check", "briefs/b.yaml", "--json")
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout) == json.loads(clean.stdout)
    lock = json.loads((project / "briefs" / "b.lock.json").read_text(encoding="utf-8"))
    assert lock["passages"][f"quote: {QUOTE} (in tip-2017-dprk)"]["locator"] == "tip-2017-dprk:p1.s1"
