"""``veille events`` and ``veille aid``: who did what to whom, read from the store's events table."""

from __future__ import annotations

import json
from typing import Any

import click

DB_OPTION = click.option("--db", default="veille.db", show_default=True, type=click.Path(dir_okay=False),
                         help="SQLite database file.")
CURRENCIES = {"USD", "EUR", "GBP", "JPY", "CHF", "CAD", "RUB", "UAH", "CNY", "PLN", "SEK", "NOK", "DKK",
              "AUD", "INR", "TRY"}


def query_events(conn: Any, etype: str | None = None, actor: str | None = None, since: str | None = None,
                 limit: int | None = None) -> list[dict[str, Any]]:
    """Events from the store, newest first; ``actor`` matches the source or the target (any case)."""
    sql = ("SELECT e.article_id, e.idx, e.type, e.source, e.target, e.date, e.place, e.mode, e.text,"
           " e.quantities, a.published, a.title, a.record"
           " FROM events e JOIN articles a ON a.id = e.article_id WHERE 1=1")
    args: list[Any] = []
    if etype:
        sql += " AND e.type = ?"
        args.append(etype.upper())
    if actor:
        sql += " AND (lower(e.source) LIKE ? OR lower(e.target) LIKE ?)"
        args += [f"%{actor.lower()}%"] * 2
    if since:
        # An event without its own date is dated by its article.
        sql += " AND coalesce(e.date, a.published) >= ?"
        args.append(since)
    sql += " ORDER BY coalesce(e.date, a.published) DESC, e.article_id, e.idx"
    if limit:
        sql += " LIMIT ?"
        args.append(limit)
    rows = []
    for r in conn.execute(sql, args).fetchall():
        row = dict(r)
        row["quantities"] = json.loads(row["quantities"] or "[]")
        record = json.loads(row.pop("record") or "{}")
        events = record.get("events") or []
        row["trigger"] = events[row["idx"]].get("trigger") if row["idx"] < len(events) else None
        rows.append(row)
    return rows


def aid_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One aid-tracker line per AID event: donor, recipient, what, how many, value, date, article."""
    out = []
    for r in rows:
        counts = [q for q in r["quantities"] if q.get("unit") not in CURRENCIES]
        money = [q for q in r["quantities"] if q.get("unit") in CURRENCIES]
        what = ", ".join(q["unit"] for q in counts if q.get("unit")) or (r.get("trigger") or "")
        out.append({
            "donor": r["source"] or "?", "recipient": r["target"] or "?", "what": what,
            "how_many": ", ".join(_num(q["value"]) for q in counts if q.get("value") is not None),
            "value": ", ".join(f"{_num(q['value'])} {q['unit']}" for q in money if q.get("value") is not None),
            "date": r["date"] or r["published"] or "", "mode": r["mode"] or "", "article": r["article_id"],
        })
    return out


def _num(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}".replace(",", " ") if isinstance(value, int) else str(value)


def _table(rows: list[dict[str, Any]], columns: list[str]) -> list[str]:
    widths = {c: max([len(c)] + [len(str(r[c])) for r in rows]) for c in columns}
    widths = {c: min(w, 40) for c, w in widths.items()}
    lines = ["  ".join(c.upper().ljust(widths[c]) for c in columns)]
    for r in rows:
        lines.append("  ".join(str(r[c])[:widths[c]].ljust(widths[c]) for c in columns).rstrip())
    return lines


def register(cli: click.Group) -> None:
    @cli.command("events")
    @click.option("--type", "etype", type=click.Choice(
        ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"], case_sensitive=False),
        help="Only events of this PLOVER type.")
    @click.option("--actor", help="Only events whose source or target contains this name.")
    @click.option("--since", help="Only events dated (or published) on or after this ISO date.")
    @click.option("--limit", default=100, show_default=True, help="Maximum number of events.")
    @click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
    @DB_OPTION
    def events_cmd(etype: str | None, actor: str | None, since: str | None, limit: int, as_json: bool,
                   db: str) -> None:
        """Who did what to whom: coded events (PLOVER types) from the stored articles."""
        from veille.store import Store

        with Store(db) as store:
            rows = query_events(store.conn, etype, actor, since, limit)
        for r in rows:
            if as_json:
                click.echo(json.dumps({k: v for k, v in r.items() if k != "title"}, ensure_ascii=False))
                continue
            mode = "" if r["mode"] in (None, "fact") else f" [{r['mode']}]"
            where = f" @ {r['place']}" if r["place"] else ""
            click.echo(f"{r['date'] or r['published'] or '????-??-??'}  {r['type']:9} "
                       f"{r['source'] or '?'} -> {r['target'] or '-'}{where}{mode}  ({r['article_id'][:10]})")
            click.echo(f"    {r['text'][:160]}")
        if not rows:
            click.echo("no events", err=True)

    @cli.command("aid")
    @click.option("--since", help="Only aid dated (or published) on or after this ISO date.")
    @click.option("--donor", help="Only aid whose donor contains this name.")
    @click.option("--recipient", help="Only aid whose recipient contains this name.")
    @click.option("--limit", default=200, show_default=True)
    @DB_OPTION
    def aid_cmd(since: str | None, donor: str | None, recipient: str | None, limit: int, db: str) -> None:
        """Aid tracker: donor -> recipient, what, how many, value, date, article (AID events)."""
        from veille.store import Store

        with Store(db) as store:
            rows = query_events(store.conn, "AID", None, since, None)
        if donor:
            rows = [r for r in rows if donor.lower() in (r["source"] or "").lower()]
        if recipient:
            rows = [r for r in rows if recipient.lower() in (r["target"] or "").lower()]
        table = aid_rows(rows[:limit])
        if not table:
            click.echo("no aid events", err=True)
            return
        for line in _table(table, ["donor", "recipient", "what", "how_many", "value", "date", "mode", "article"]):
            click.echo(line)
