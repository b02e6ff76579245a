"""``veille search``, ``veille show`` and ``veille stats``: what the database holds, read back."""

from __future__ import annotations

import json

import click

from veille.commands.options import DB_OPTION, limit_option
from veille.commands.output import NO_DATE, UNKNOWN


@click.command("search")
@click.argument("query")
@DB_OPTION
@limit_option(20, "Maximum number of articles (0: all).")
def search(query: str, db: str, limit: int) -> None:
    """Full-text search of titles and bodies."""
    from veille import queries
    from veille.commands.options import limit_note, no_limit
    from veille.queries.sql import sql_limit
    from veille.store import Store

    with Store(db) as store:
        # --limit 0 found nothing and said "no article matches" (every other command reads 0 as all)
        rows = queries.search(store.conn, query, limit=sql_limit(no_limit(limit)))
        for row in rows:
            click.echo(f"{row['id']}  {row['published'] or NO_DATE}  {row['title']}")
            snippet = " ".join((row["snippet"] or "").split())  # one line, whatever paragraphs it spans
            click.echo(f"    {snippet.replace(queries.HL_OPEN, '[').replace(queries.HL_CLOSE, ']')}")
        if not rows:
            click.echo(f"no article matches {query!r} in {store.where()}", err=True)
        limit_note(len(rows), limit)


def _no_article(conn, article_id: str, db: str) -> str:
    """Why ``veille show ID`` found nothing: "no article '4'" when several ids start with 4 read as
    if none did."""
    from veille.queries.sql import like_escape

    starting = conn.execute("SELECT count(*) AS n FROM articles WHERE id LIKE ? ESCAPE '\\'",
                            (like_escape(article_id) + "%",)).fetchone()["n"] if article_id else 0
    if starting > 1 and len(article_id) >= 4:
        return f"{starting} articles have an id starting with {article_id!r} in {db}: give more of it"
    if starting and len(article_id) < 4:
        return (f"{article_id!r}: an id prefix needs at least 4 characters "
                f"({starting} article(s) in {db} start with it)")
    return f"no article {article_id!r} in {db}"


@click.command("show")
@click.argument("article_id")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the full JSON record.")
def show(article_id: str, db: str, as_json: bool) -> None:
    """Show one article (by id or unique id prefix)."""
    from veille import queries
    from veille.store import Store

    with Store(db) as store:
        art = queries.get_article(store.conn, article_id)
        if art is None:
            raise click.ClickException(_no_article(store.conn, article_id, db))
    if as_json:
        click.echo(json.dumps(art.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"{art.title}\n{art.published or 'undated'} · {art.source.site or art.source.path}")
    if art.dateline:
        click.echo(f"dateline: {art.dateline.place}, {art.dateline.date} ({art.dateline.agency})")
    click.echo("")
    for p in art.paragraphs:
        click.echo(p + "\n")
    if art.entities:
        click.echo("entities: " + ", ".join(f"{e.name} ({e.type})" for e in art.entities))
    for q in art.quotes:
        click.echo(f"quote [{q.kind}] {q.speaker or (f'({q.speaker_text})' if q.speaker_text else UNKNOWN)}: {q.text}"
                   + (f"  (rule: {q.rule})" if q.rule else ""))
    for e in art.events:
        click.echo(f"event {e.type}: {e.source or UNKNOWN} -> {e.target or UNKNOWN}" + (f" {e.date}" if e.date else "")
                   + (f"  (rule: {e.rule})" if e.rule else ""))


@click.command("stats")
@DB_OPTION
def stats(db: str) -> None:
    """Counts of what the database holds."""
    from veille import queries
    from veille.store import Store

    with Store(db) as store:
        for key, value in queries.stats(store.conn).items():
            click.echo(f"{key:12} {value}")


def register(cli: click.Group) -> None:
    for command in (search, show, stats):
        cli.add_command(command)
