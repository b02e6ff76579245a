"""``veille quotes``: who said what (``veille.queries.list_quotes``, as ``/api/quotes``)."""

from __future__ import annotations

import json

import click

from veille.commands.options import limit_note, no_limit, read_db, since_option, until_option
from veille.commands.output import NO_DATE, UNKNOWN, echo_csv, listing_options, refuse_excel
from veille.queries.exports import QUOTE_COLUMNS


def register(cli: click.Group) -> None:
    @cli.command("quotes")
    @click.option("--speaker", help="Part of the speaker's name (or of the words naming an unnamed source); "
                                    "case, accents and transliteration (Zelenski, Zelensky) ignored.")
    @click.option("--query", help="Words the quote must contain; case and accents ignored.")
    @since_option("Only articles published on or after this date")
    @until_option("Only articles published on or before this date")
    @click.option("--kind", type=click.Choice(["direct", "indirect"]), help="Only direct or indirect quotes.")
    @listing_options(50, "Maximum number of quotes (0: all).")
    def quotes_command(speaker: str | None, query: str | None, since: str | None, until: str | None,
                       kind: str | None, limit: int, as_json: bool, as_csv: bool, excel: bool, db: str) -> None:
        """List who said what: quotes with speaker, date and article."""
        from veille import queries

        refuse_excel(excel, as_csv)

        with read_db(db) as conn:
            rows = queries.list_quotes(conn, speaker=speaker, q=query, since=since, kind=kind,
                                       limit=no_limit(limit), until=until)["items"]
        if as_csv:
            echo_csv(rows, QUOTE_COLUMNS, excel)
            click.echo(f"{len(rows)} quote(s)", err=True)
            limit_note(len(rows), limit)
            return
        for r in rows:
            if as_json:
                click.echo(json.dumps(r, ensure_ascii=False))  # (its title once: article_title, as --csv)
                continue
            who = r["speaker"] or (f"({r['speaker_text']})" if r["speaker_text"] else UNKNOWN)
            marks = ("« ", " »") if r["kind"] == "direct" else ("", "")
            click.echo(f"{r['published'] or NO_DATE}  {who} [{r['kind']}]"
                       f"{' ' + r['cue'] if r['cue'] else ''}")
            click.echo(f"    {marks[0]}{r['text']}{marks[1]}")
            click.echo(f"    — {r['article_title'] or ''} ({r['article_id']})")
        if not as_json:
            click.echo(f"{len(rows)} quote(s)", err=True)
        limit_note(len(rows), limit)
