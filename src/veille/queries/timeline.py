"""The timeline: counts per day, month or year of events by type, or of articles by entity."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from typing import Any

from veille.queries.sql import Where

_GRAIN = {"day": 10, "month": 7, "year": 4}


def resolved_name(conn: sqlite3.Connection, entity: str) -> str:
    """``entity`` as the store names it: itself when an entity has that name or corpus id, else
    the canonical name of the corpus entity it is a case, accent, alias or spelling variant of
    (``find_corpus_entity``), else itself."""
    if conn.execute("SELECT 1 FROM entities WHERE name = ? OR corpus_id = ? LIMIT 1", (entity, entity)).fetchone():
        return entity
    from veille.queries.entities import find_corpus_entity

    found = find_corpus_entity(conn, entity, limit=0)
    return found["name"] if found else entity


def timeline(conn: sqlite3.Connection, by: str = "type", entity: str | None = None,
             event_type: str | None = None, granularity: str = "auto", top: int = 8) -> dict[str, Any]:
    """Counts per period: events by type (dated by the event, else its article), or articles by entity."""
    entity = resolved_name(conn, entity) if entity else entity
    if by == "entity":
        w = Where("a.published IS NOT NULL")
        if entity:
            w.add("(e.name = ? OR e.corpus_id = ?)", entity, entity)
        else:
            w.add("e.name IN (SELECT name FROM entities GROUP BY name ORDER BY count(*) DESC LIMIT ?)", top)
        rows = conn.execute(
            "SELECT a.published AS d, e.name AS k, count(DISTINCT a.id) AS c"
            f" FROM entities e JOIN articles a ON a.id = e.article_id{w.sql()} GROUP BY d, k ORDER BY d, k", w.params).fetchall()
    else:
        w = Where("coalesce(e.date, a.published) IS NOT NULL")
        if event_type:
            w.add("e.type = ?", event_type.upper())
        if entity:
            # A canonical name (as the articles' entity filter), not a substring; typed otherwise
            # ("ukraine", "Zelenski") it is first resolved to the entity it names.
            w.add("(e.source = ? OR e.target = ?)", entity, entity)
        rows = conn.execute(
            "SELECT coalesce(e.date, a.published) AS d, e.type AS k, count(*) AS c"
            f" FROM events e JOIN articles a ON a.id = e.article_id{w.sql()} GROUP BY d, k ORDER BY d, k", w.params).fetchall()
    dated = [(r["d"], r["k"], r["c"]) for r in rows if r["d"] and re.match(r"^\d{4}", r["d"])]
    if granularity not in _GRAIN:
        days = {d[:10] for d, _, _ in dated if len(d) >= 10}
        granularity = "day"
        if days and (len(days) > 60 or _span_days(days) > 120):
            granularity = "month"
    width = _GRAIN[granularity]
    counts: Counter[tuple[str, str]] = Counter()
    undated = 0
    for d, k, c in dated:
        if len(d) < width:
            undated += c  # known only to the year (or month): not placed on a finer axis
            continue
        counts[(d[:width], k)] += c
    keys_total: Counter[str] = Counter()
    for (_, k), c in counts.items():
        keys_total[k] += c
    keys = [k for k, _ in keys_total.most_common()]
    buckets = _fill(sorted({b for b, _ in counts}), granularity)
    return {
        "by": by, "granularity": granularity, "keys": keys, "buckets": buckets,
        "series": [{"date": b, "key": k, "count": c} for (b, k), c in sorted(counts.items())],
        "imprecise": undated,
        "counts": counts,
    }


def _span_days(days: set[str]) -> int:
    from datetime import date

    try:
        ds = sorted(date.fromisoformat(d) for d in days)
    except ValueError:
        return 0
    return (ds[-1] - ds[0]).days


def _fill(buckets: list[str], granularity: str, cap: int = 400) -> list[str]:
    """Every period between the first and the last, so gaps show as gaps (at most ``cap``)."""
    from datetime import date, timedelta

    if len(buckets) < 2:
        return buckets
    try:
        if granularity == "day":
            a, b = date.fromisoformat(buckets[0]), date.fromisoformat(buckets[-1])
            if (b - a).days >= cap:
                return buckets
            return [(a + timedelta(days=i)).isoformat() for i in range((b - a).days + 1)]
        if granularity == "month":
            y, m = int(buckets[0][:4]), int(buckets[0][5:7])
            y2, m2 = int(buckets[-1][:4]), int(buckets[-1][5:7])
            if (y2 - y) * 12 + m2 - m >= cap:
                return buckets
            out = []
            while (y, m) <= (y2, m2):
                out.append(f"{y:04d}-{m:02d}")
                y, m = (y + 1, 1) if m == 12 else (y, m + 1)
            return out
        y, y2 = int(buckets[0]), int(buckets[-1])
        return [f"{i:04d}" for i in range(y, y2 + 1)] if y2 - y < cap else buckets
    except ValueError:
        return buckets
