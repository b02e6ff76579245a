"""``veille quotes``: who said what, from the store's ``quotes`` table joined with ``articles``."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

import click


def _fold(text: str | None) -> str:
    text = (text or "").lower().replace("’", "'")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def find_quotes(store: Any, speaker: str | None = None, query: str | None = None, since: str | None = None,
                kind: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Quotes with their article's id, title and date, newest first. ``speaker`` matches the
    speaker's name or the words naming an unnamed source; ``speaker`` and ``query`` ignore case
    and accents; ``since`` is an ISO date prefix compared with the article's date."""
    sql = ("SELECT q.article_id, q.idx, q.text, q.speaker, q.kind, q.cue, q.language, q.speaker_text,"
           " a.title, a.published, a.site FROM quotes q JOIN articles a ON a.id = q.article_id")
    where, args = [], []
    if since:
        where.append("a.published >= ?")
        args.append(since)
    if kind:
        where.append("q.kind = ?")
        args.append(kind)
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY a.published DESC, q.article_id, q.idx"
    out = []
    want_speaker, want_text = _fold(speaker), _fold(query)
    for row in store.conn.execute(sql, args):
        r = dict(row)
        if want_speaker and want_speaker not in _fold(r["speaker"]) and want_speaker not in _fold(r["speaker_text"]):
            continue
        if want_text and want_text not in _fold(r["text"]):
            continue
        out.append(r)
        if limit and len(out) >= limit:
            break
    return out


def register(cli: click.Group) -> None:
    @cli.command("quotes")
    @click.option("--speaker", help="Speaker name (or words naming an unnamed source); case and accents ignored.")
    @click.option("--query", help="Words the quote must contain; case and accents ignored.")
    @click.option("--since", help="Only articles published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    @click.option("--kind", type=click.Choice(["direct", "indirect"]), help="Only direct or indirect quotes.")
    @click.option("--limit", default=50, show_default=True, help="Maximum number of quotes (0: all).")
    @click.option("--json", "as_json", is_flag=True, help="One JSON object a line.")
    @click.option("--db", default="veille.db", show_default=True, type=click.Path(dir_okay=False),
                  help="SQLite database file.")
    def quotes_command(speaker: str | None, query: str | None, since: str | None, kind: str | None,
                       limit: int, as_json: bool, db: str) -> None:
        """List who said what: quotes with speaker, date and article."""
        from pathlib import Path

        from veille.store import Store

        if not Path(db).exists():
            raise click.ClickException(f"no database {db!r} (run `veille ingest` first)")
        with Store(db) as store:
            rows = find_quotes(store, speaker=speaker, query=query, since=since, kind=kind, limit=limit or None)
        for r in rows:
            if as_json:
                click.echo(json.dumps(r, ensure_ascii=False))
                continue
            who = r["speaker"] or (f"({r['speaker_text']})" if r["speaker_text"] else "(unknown)")
            marks = ("« ", " »") if r["kind"] == "direct" else ("", "")
            click.echo(f"{r['published'] or '????-??-??'}  {who} [{r['kind']}]"
                       f"{' ' + r['cue'] if r['cue'] else ''}")
            click.echo(f"    {marks[0]}{r['text']}{marks[1]}")
            click.echo(f"    — {r['title'] or ''} ({r['article_id']})")
        if not as_json:
            click.echo(f"{len(rows)} quote(s)", err=True)
