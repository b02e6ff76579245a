"""``veille timeline``: counts per day, month or year (``veille.queries.timeline``, as the web's
/chronologie): events by type, or articles by entity, to follow a story over time."""

from __future__ import annotations

import click

from veille.commands.options import db_option, read_db
from veille.commands.output import csv_option, echo_csv, excel_option, refuse_excel
from veille.model import EVENT_TYPES


def register(cli: click.Group) -> None:
    @cli.command("timeline")
    @click.option("--by", type=click.Choice(["type", "entity"]), default="type", show_default=True,
                  help="Events by PLOVER type, or articles by entity.")
    @click.option("--entity", help="Only this entity (any case, accent or spelling: Zelenski, kyiv).")
    @click.option("--type", "etype", type=click.Choice(list(EVENT_TYPES), case_sensitive=False),
                  help="Only events of this type (with --by type).")
    @click.option("--granularity", type=click.Choice(["auto", "day", "month", "year"]), default="auto",
                  show_default=True)
    @csv_option()
    @excel_option()
    @db_option()
    def timeline_command(by: str, entity: str | None, etype: str | None, granularity: str, as_csv: bool,
                         excel: bool, db: str) -> None:
        """Counts per period: events by type, or articles naming an entity; one line per period."""
        from veille import queries

        refuse_excel(excel, as_csv)
        with read_db(db) as conn:
            data = queries.timeline(conn, by, entity, etype, granularity)
        rows = [{"period": s["date"], "key": s["key"], "count": s["count"]} for s in data["series"]]
        if as_csv:
            echo_csv(rows, ["period", "key", "count"], excel)
        else:
            per: dict[str, list[str]] = {}
            for r in rows:
                per.setdefault(r["period"], []).append(f"{r['key']} {r['count']}")
            for period, parts in per.items():
                click.echo(f"{period:10}  " + ", ".join(parts))
        if data["imprecise"]:
            click.echo(f"{data['imprecise']} dated coarser than a {data['granularity']} (not counted)", err=True)
        if not rows:
            click.echo(_nothing(by, entity, etype), err=True)


def _nothing(by: str, entity: str | None, etype: str | None) -> str:
    """What an empty timeline means, with the filters that made it empty ("nothing dated" read as
    if the entity's events had no date, when it names no event at all)."""
    if by == "entity":
        return f"no dated article naming {entity!r}" if entity else "no dated article naming an entity"
    what = f"no dated {etype.upper()} event" if etype else "no dated event"
    if entity:
        return (f"{what} with {entity!r} as source or target "
                "(--by entity counts the articles naming it)")
    return what
