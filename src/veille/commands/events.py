"""``veille events`` and ``veille aid``: who did what to whom (``veille.queries``, as the web)."""

from __future__ import annotations

import json
from typing import Any

import click

from veille.commands.options import limit_note, no_limit, read_db, since_option, until_option
from veille.commands.output import NO_DATE, UNKNOWN, echo_csv, listing_options, refuse_excel
from veille.model import EVENT_TYPES
from veille.queries.exports import AID_COLUMNS, AID_TOTAL_COLUMNS, EVENT_COLUMNS, aid_flat, event_flat


def aid_table(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One printed aid-tracker line per row of ``queries.aid_rows``: donor, recipient, what, how
    many, value, date, mode, article."""
    out = []
    for r in rows:
        counts, money = r["counts"], r["money"]
        what = ", ".join(q["unit"] for q in counts if q.get("unit")) or (r.get("trigger") or "")
        out.append({
            "donor": r["source"] or UNKNOWN, "recipient": r["target"] or UNKNOWN, "what": what,
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
    @click.option("--type", "etype", type=click.Choice(list(EVENT_TYPES), case_sensitive=False),
                  help="Only events of this PLOVER type.")
    @click.option("--actor", help="Only events whose source or target contains this name; case, accents "
                                  "and transliteration ignored.")
    @click.option("--query", help="Only events read from a sentence with these words (e.g. Ukraine); "
                                  "case and accents ignored.")
    @since_option("Only events dated (or published) on or after this date")
    @until_option("Only events dated (or published) on or before this date")
    @listing_options(100, "Maximum number of events (0: all).")
    def events_cmd(etype: str | None, actor: str | None, query: str | None, since: str | None,
                   until: str | None, limit: int, as_json: bool, as_csv: bool, excel: bool, db: str) -> None:
        """Who did what to whom: coded events (PLOVER types) from the stored articles."""
        from veille import queries

        refuse_excel(excel, as_csv)

        with read_db(db) as conn:
            rows = queries.list_events(conn, etype, actor, since, limit=no_limit(limit), until=until,
                                       q=query)["items"]
        limit_note(len(rows), limit)
        if as_csv:
            echo_csv((event_flat(r) for r in rows), EVENT_COLUMNS, excel)
            return
        for r in rows:
            if as_json:
                click.echo(json.dumps(r, ensure_ascii=False))  # (article_title, as --csv and `quotes --json`)
                continue
            mode = "" if r["mode"] in (None, "fact") else f" [{r['mode']}]"
            where = f" @ {r['place']}" if r["place"] else ""
            click.echo(f"{r['date'] or r['published'] or NO_DATE}  {r['type']:9} "
                       f"{r['source'] or UNKNOWN} -> {r['target'] or UNKNOWN}{where}{mode}  ({r['article_id'][:10]})")
            click.echo(f"    {(r['text'] or '')[:160]}")
        if not rows:
            click.echo("no events", err=True)

    @cli.command("aid")
    @since_option("Only aid dated (or published) on or after this date")
    @until_option("Only aid dated (or published) on or before this date")
    @click.option("--donor", help="Only aid whose donor contains this name; case and accents ignored.")
    @click.option("--recipient", help="Only aid whose recipient contains this name; case and accents ignored.")
    @click.option("--totals", is_flag=True,
                  help="Money by donor, recipient and currency, promises (intent) apart; the same amount "
                       "reported by several articles counted once.")
    @listing_options(200, "Maximum number of rows (0: all).", as_json=False)
    def aid_cmd(since: str | None, until: str | None, donor: str | None, recipient: str | None,
                totals: bool, limit: int, as_csv: bool, excel: bool, db: str) -> None:
        """Aid tracker: donor -> recipient, what, how many, value, date, article (AID events)."""
        from veille import queries

        refuse_excel(excel, as_csv)

        with read_db(db) as conn:
            # Totals are over every matching event: a limit would make them partial.
            rows = queries.aid_rows(conn, since, donor, recipient,
                                    limit=None if totals else no_limit(limit), until=until)
        if totals:
            sums = queries.aid_totals(rows)
            if as_csv:
                echo_csv(sums, AID_TOTAL_COLUMNS, excel)
            elif not sums:
                click.echo("no aid amounts", err=True)
            else:
                for line in _table([{**t, "amount": _num(t["amount"])} for t in sums], AID_TOTAL_COLUMNS):
                    click.echo(line)
            return
        limit_note(len(rows), limit)
        if as_csv:
            echo_csv((aid_flat(r) for r in rows), AID_COLUMNS, excel)
            return
        table = aid_table(rows)
        if not table:
            click.echo("no aid events", err=True)
            return
        for line in _table(table, ["donor", "recipient", "what", "how_many", "value", "date", "mode", "article"]):
            click.echo(line)
