"""Events and the aid tracker: who did what to whom (``veille events|aid``, ``/api/events``, the pages).

What counts as money in an aid event is decided here, once: a quantity whose unit is one of the
currency codes of ``lexicons/currencies.tsv`` (the same file the quantity stage reads).
"""

from __future__ import annotations

import functools
import json
import sqlite3
from typing import Any

from veille.common import lexicon
from veille.queries.sql import Where, sql_limit, until_clause
from veille.store_engine import dialect

_EVENT_SQL = (
    "SELECT e.article_id, e.idx, e.type, e.source, e.target, e.date, e.place, e.mode, e.text,"
    " e.quantities, a.title AS article_title, a.published, a.site"
    " FROM events e JOIN articles a ON a.id = e.article_id")
# An event without its own date is dated by its article; undated events come last.
_WHEN = "coalesce(e.date, a.published)"
_ORDER = f" ORDER BY {_WHEN} IS NULL, {_WHEN} DESC, e.article_id, e.idx"


@functools.cache
def currency_codes() -> frozenset[str]:
    """The ISO 4217 codes the quantity stage writes as a money quantity's unit."""
    return frozenset(cols[1] for cols in lexicon.rows("currencies.tsv", min_columns=2))


def is_money(quantity: dict[str, Any]) -> bool:
    """Whether an event's quantity is an amount of money (its unit is a currency code)."""
    return str(quantity.get("unit") or "") in currency_codes()


def event_rows(conn: sqlite3.Connection, where: str, params: list[Any], limit: int | None,
               offset: int = 0) -> list[dict[str, Any]]:
    """Events matching the SQL condition ``where`` (over ``e`` events and ``a`` articles), newest
    first, each with its quantities decoded and its trigger word read from the stored record."""
    rows = conn.execute(f"{_EVENT_SQL} WHERE {where}{_ORDER} LIMIT ? OFFSET ?",
                        (*params, sql_limit(limit), offset)).fetchall()
    out = []
    for r in rows:
        d = dict(r)
        try:
            d["quantities"] = json.loads(d["quantities"] or "[]")
        except ValueError:
            d["quantities"] = []
        # Only for the rows shown: reading the trigger means parsing the article's record.
        d["trigger"] = _trigger(conn, d["article_id"], int(d["idx"]))
        out.append(d)
    return out


def _trigger(conn: sqlite3.Connection, article_id: str, idx: int) -> str | None:
    if dialect(conn) == "postgresql":
        found = conn.execute("SELECT CAST(record AS jsonb) #>> ? FROM articles WHERE id = ?",
                             (f"{{events,{idx},trigger}}", article_id)).fetchone()
    else:
        found = conn.execute("SELECT json_extract(record, ?) FROM articles WHERE id = ? AND json_valid(record)",
                             (f"$.events[{idx}].trigger", article_id)).fetchone()
    return found[0] if found and isinstance(found[0], str) else None


def _event_filter(conn: sqlite3.Connection, type: str | None, actor: str | None, since: str | None,
                  until: str | None = None, q: str | None = None) -> Where:
    w = Where("1 = 1")
    if type:
        w.add("e.type = ?", type.upper())
    # The actor is part of the source's or the target's canonical name, case and accents ignored.
    w.contains(conn, "events", "e", ["source", "target"], actor, names=True)
    w.contains(conn, "events", "e", ["text"], q)
    if since:
        w.add(f"{_WHEN} >= ?", since)
    if until:
        w.add(*until_clause(_WHEN, until))
    return w


def list_events(conn: sqlite3.Connection, type: str | None = None, actor: str | None = None,
                since: str | None = None, limit: int | None = 50, offset: int = 0,
                until: str | None = None, q: str | None = None) -> dict[str, Any]:
    """Events, newest first, and how many match. ``type`` is a PLOVER type (any case); ``actor``
    is part of the source's or target's name (case and accents ignored, any transliteration);
    ``since`` and ``until`` ISO dates (prefixes, both included) compared with the event's date,
    else its article's; ``q`` words of the sentence the event was read from."""
    w = _event_filter(conn, type, actor, since, until, q)
    where = " AND ".join(w.clauses)
    items = event_rows(conn, where, w.params, limit, offset)
    total = conn.execute("SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id WHERE " + where,
                         w.params).fetchone()[0]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def aid_rows(conn: sqlite3.Connection, since: str | None = None, donor: str | None = None,
             recipient: str | None = None, limit: int | None = 200,
             until: str | None = None) -> list[dict[str, Any]]:
    """AID events as tracker rows: the event, plus its quantities split into ``money`` (amounts in
    a currency) and ``counts`` (what was given, how many). ``donor`` and ``recipient`` are parts
    of the source's and target's names (case and accents ignored, any transliteration)."""
    w = (_event_filter(conn, "AID", None, since, until)
         .contains(conn, "events", "e", ["source"], donor, names=True)
         .contains(conn, "events", "e", ["target"], recipient, names=True))
    out = []
    for ev in event_rows(conn, " AND ".join(w.clauses), w.params, limit):
        money = [q for q in ev["quantities"] if is_money(q)]
        counts = [q for q in ev["quantities"] if not is_money(q)]
        out.append({**ev, "money": money, "counts": counts})
    return out


def aid_totals(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Money by donor, recipient, currency and mode, over ``aid_rows``: the amount, how many
    events gave it and how many articles. The same amount from the same donor to the same
    recipient reported by several articles (a copy, a follow-up) is counted once; a promise
    (``intent``) is kept apart from what was given, so a pledge and its delivery do not add up.
    By currency, the largest amount first."""
    seen: set[tuple] = set()
    totals: dict[tuple, dict[str, Any]] = {}
    for r in rows:
        mode = r.get("mode") or "fact"
        for q in r["money"]:
            if q.get("value") is None:
                continue
            key = (r["source"] or "?", r["target"] or "?", q["unit"], mode)
            row = totals.setdefault(key, {"donor": key[0], "recipient": key[1], "currency": key[2],
                                          "mode": mode, "amount": 0, "events": 0, "articles": set()})
            row["articles"].add(r["article_id"])
            if (*key, q["value"]) in seen:
                continue
            seen.add((*key, q["value"]))
            row["amount"] += q["value"]
            row["events"] += 1
    out = [{**t, "articles": len(t["articles"])} for t in totals.values()]
    return sorted(out, key=lambda t: (t["currency"], -t["amount"], t["donor"]))
