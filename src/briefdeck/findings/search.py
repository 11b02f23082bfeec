"""``find``: the findings that best answer a query, ranked, in a time that stays bounded.

FTS5 ranks (BM25) every match of a query before it can give the best ten; for a
phrase as common as "forced labor" in a corpus of millions of words that is
hundreds of thousands of matches. So a query (without a section or tag) that
matches more than `RANKED_MATCHES` sentences is answered from a sample of its
matches spread over the whole corpus: the first few matches of each of
`STRATA` equal stretches of the findings in source order, shortest first (for
a phrase that occurs once in most of them, BM25 would mostly prefer the short
ones too). Every part of the corpus is represented, not only its first documents.
"""

from __future__ import annotations

from typing import Iterable

from briefdeck.findings.index import WORD, FindingsIndex, finding_of_row
from briefdeck.findings.model import Finding

_TIE_WINDOW = 50  # extra rows fetched so that equal ranks can be ordered by position
# Ranking a match costs about 2 µs: a query matching more sentences than this ranks only a sample
# of this many, drawn from `STRATA` stretches of the corpus, shortest first.
RANKED_MATCHES = 1000
STRATA = 10


def search(index: FindingsIndex, query: str, *, sources: Iterable[str] = (), section: str | None = None,
           tags: Iterable[str] = (), limit: int = 10) -> list[Finding]:
    """The best-ranked findings for ``query`` (all of its words; if none has all, any of them).

    Ties are broken by source order and position so the result is stable. Ranking scores
    every match, so a query (without a section or tag) that matches more than
    `RANKED_MATCHES` sentences is answered from a sample of about that many matches,
    spread over `STRATA` stretches of the corpus, shortest first: the time a query
    takes stays bounded however large the corpus and however common its words.
    """
    words = WORD.findall(query)
    if not words:
        return []
    for joiner in (" AND ", " OR "):
        found = _search(index, joiner.join(f'"{w}"' for w in words), list(sources), section, list(tags), limit)
        if found or len(words) == 1:
            return found
    return []


def _search(index: FindingsIndex, match: str, sources: list[str], section: str | None, tags: list[str],
            limit: int) -> list[Finding]:
    if not section and not tags:
        ranges = index.finding_ranges(sources)
        if len(_first_matches(index, match, ranges, RANKED_MATCHES + 1)) > RANKED_MATCHES:
            each = max(1, RANKED_MATCHES // STRATA)
            sample = [i for stretch in _stretches(ranges, STRATA) for i in _first_matches(index, match, stretch, each)]
            return _shortest(index, sample, limit)
    # Rank inside the full-text table first and join only the best rows: joining every match
    # before ranking costs ten times more on a large corpus. Ties in rank are then ordered by
    # source and position among the rows fetched.
    sql = "SELECT findings_fts.rowid, rank FROM findings_fts"
    args: list = []
    filters = []
    if sources:
        filters.append(f"f.source IN ({','.join('?' * len(sources))})")
        args += sources
    if section:
        filters.append("instr(lower(f.section), lower(?)) > 0")
        args.append(section)
    for tag in tags:
        filters.append("f.id IN (SELECT finding FROM finding_tags WHERE tag = ?)")
        args.append(tag)
    if filters:
        sql += " CROSS JOIN findings f ON f.id = findings_fts.rowid"
    sql += " WHERE findings_fts MATCH ?" + "".join(f" AND {f}" for f in filters) + " ORDER BY rank LIMIT ?"
    hits = index.db.execute(sql, [match, *args, limit + _TIE_WINDOW]).fetchall()
    if not hits:
        return []
    rank = dict(hits)
    rows = index.db.execute(
        "SELECT f.id, files.ord, f.source, f.paragraph, f.sentence, f.section, f.text, f.tags, f.figures, "
        f"f.speaker, f.page FROM findings f JOIN files ON files.source = f.source WHERE f.id IN "
        f"({','.join('?' * len(rank))})", list(rank)).fetchall()
    rows.sort(key=lambda r: (rank[r[0]], r[1], r[3], r[4]))
    return [finding_of_row(r[2:]) for r in rows[:limit]]


def _first_matches(index: FindingsIndex, match: str, ranges: list[tuple[int, int]], count: int) -> list[int]:
    """The ids of the first ``count`` findings matching within ``ranges`` (finding ids in source order).

    A document's findings have consecutive ids in order; documents written together
    follow each other, so the corpus is read in a few id ranges, each in id order.
    """
    found: list[int] = []
    for low, high in ranges:
        found += [row[0] for row in index.db.execute(
            "SELECT rowid FROM findings_fts WHERE findings_fts MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?",
            (match, low, high, count - len(found)))]
        if len(found) >= count:
            break
    return found


def _stretches(ranges: list[tuple[int, int]], count: int) -> list[list[tuple[int, int]]]:
    """``ranges`` cut into ``count`` stretches holding (nearly) as many finding ids each, in order."""
    total = sum(high - low + 1 for low, high in ranges)
    bounds = [total * k // count for k in range(1, count + 1)]  # ids before each stretch's end
    stretches: list[list[tuple[int, int]]] = [[] for _ in range(count)]
    passed, k = 0, 0
    for low, high in ranges:
        while low <= high:
            while k < count - 1 and passed >= bounds[k]:
                k += 1
            take = min(high - low + 1, bounds[k] - passed) if k < count - 1 else high - low + 1
            take = max(take, 1)
            stretches[k].append((low, low + take - 1))
            low += take
            passed += take
    return [s for s in stretches if s]


def _shortest(index: FindingsIndex, ids: list[int], limit: int) -> list[Finding]:
    """The shortest ``limit`` of the findings ``ids`` (in source order), ties in that order."""
    marks = ",".join("?" * len(ids))
    length = dict(index.db.execute(f"SELECT id, length(text) FROM findings WHERE id IN ({marks})", ids))
    best = sorted(ids, key=lambda i: length[i])[:limit]
    rows = {r[0]: r[1:] for r in index.db.execute(
        "SELECT id, source, paragraph, sentence, section, text, tags, figures, speaker, page FROM findings "
        f"WHERE id IN ({','.join('?' * len(best))})", best)}
    return [finding_of_row(rows[i]) for i in best]
