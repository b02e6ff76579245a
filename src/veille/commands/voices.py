"""``veille voices``: who gets a voice, by gender, per outlet and per month (``queries.voices``)."""

from __future__ import annotations

import json

import click

from veille.commands.options import db_option, iso_date, json_option, since_option


def _pct(part: int, total: int) -> str:
    return f"{100 * part / total:5.1f} %" if total else "    – "


def register(cli: click.Group) -> None:
    @cli.command("voices")
    @click.option("--site", help="Only this outlet.")
    @since_option("Only articles published on or after this date")
    @click.option("--until", metavar="DATE", callback=iso_date,
                  help="Only articles published up to this date (prefix).")
    @click.option("--by", type=click.Choice(["site", "month"]), default="site", show_default=True,
                  help="Rows of the table.")
    @click.option("--top", default=10, show_default=True, type=click.IntRange(min=0), help="Most-quoted people shown.")
    @json_option("The whole result as one JSON object.")
    @db_option()
    def voices_command(site: str | None, since: str | None, until: str | None, by: str, top: int,
                       as_json: bool, db: str) -> None:
        """Share of quotes and of people quoted by gender (women, men, unknown), per outlet or month."""
        from veille.commands.options import read_db
        from veille.queries.voices import voices

        with read_db(db) as conn:
            data = voices(conn, site=site, since=since, until=until, top=top)
        if as_json:
            click.echo(json.dumps(data, ensure_ascii=False))
            return
        click.echo(f"{by:<28} {'quotes':>7} {'women':>8} {'men':>8} {'unknown':>8} | {'people':>6} "
                   f"{'women':>8} {'men':>8} {'unknown':>8}")
        for row in [*data["by_" + by], {by: "TOTAL", **data["total"]}]:
            q, p = row["quotes"], row["people"]
            click.echo(f"{_english(row[by])[:28]:<28} {row['quote_total']:>7} "
                       + " ".join(f"{_pct(q[g], row['quote_total']):>8}" for g in ("f", "m", "unknown"))
                       + f" | {row['people_total']:>6} "
                       + " ".join(f"{_pct(p[g], row['people_total']):>8}" for g in ("f", "m", "unknown")))
        if data["top"]:
            click.echo("\nmost quoted:")
            for person in data["top"]:
                # "(unknown, from none)" read as a source called "none": an unknown gender has none.
                known = person["gender_from"] and person["gender_from"] != "none"
                how = f"{person['gender']}, from {person['gender_from']}" if known else person["gender"]
                click.echo(f"  {person['quotes']:>4}  {person['speaker']} ({how})  in {', '.join(map(_english, person['sites']))}")
        click.echo(f"{data['unattributed']} quote(s) without a named speaker, {data['organisations']} by "
                   "organisations (not counted)", err=True)


def _english(label: str) -> str:
    """The query's label for pages with no site is the web page's French; this output is English."""
    return "(no site)" if label == "(site inconnu)" else label
