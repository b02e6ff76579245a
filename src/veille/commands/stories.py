"""``veille stories``, ``veille story ID`` and ``veille duplicates``: what the corpus tells, once."""

from __future__ import annotations

import json

import click

from veille.commands.options import db_option, json_option, limit_option, no_limit, read_db, since_option
from veille.commands.output import NO_DATE, NO_SITE, UNKNOWN


def register(cli: click.Group) -> None:
    @cli.command()
    @db_option()
    @since_option("Only stories active on or after this date, undated ones kept")
    @click.option("--min-articles", default=1, show_default=True, help="Hide smaller stories.")
    @limit_option(50, "At most this many stories (0: all).")
    @json_option()
    def stories(db: str, since: str | None, min_articles: int, limit: int, as_json: bool) -> None:
        """List stories (articles grouped by what they tell), latest first."""
        from veille import queries

        with read_db(db) as conn:
            rows = queries.list_stories(conn, since=since, min_articles=min_articles, limit=no_limit(limit))
        if not rows and not as_json:  # (it printed nothing at all, as if the command had not run)
            kept = [f"at least {min_articles} articles"] if min_articles > 1 else []
            kept += [f"active since {since}"] if since else []
            click.echo("no story" + (f" ({', '.join(kept)})" if kept else ""), err=True)
        for s in rows:
            if as_json:
                click.echo(json.dumps(s, ensure_ascii=False))
                continue
            span = s["first_date"] or "undated"
            if s["last_date"] and s["last_date"] != s["first_date"]:
                span += f" → {s['last_date']}"
            click.echo(f"{s['id']}  {span:25}  {s['n_articles']:3} art.  {s['label']}")

    @cli.command()
    @click.argument("story_id")
    @db_option()
    @json_option("Print the story as JSON.")
    def story(story_id: str, db: str, as_json: bool) -> None:
        """One story (by id or unique id prefix): its articles, events and quotes in time order."""
        from veille import queries

        with read_db(db) as conn:
            s = queries.story_detail(conn, story_id)
            if s is None and not story_id.upper().startswith("S-"):
                # `veille stories` lists "S-<id>"; the id typed without its "S-" (or an article's id,
                # which names its story when it opened it) found nothing.
                s = queries.story_detail(conn, "S-" + story_id)
        if s is None:
            raise click.ClickException(f"no story {story_id!r} in {db}")
        if as_json:
            click.echo(json.dumps(s, ensure_ascii=False, indent=2))
            return
        click.echo(f"{s['id']}  {s['label']}")
        click.echo(f"{s['first_date'] or 'undated'} → {s['last_date'] or UNKNOWN} · {s['n_articles']} articles\n")
        click.echo("Articles:")
        for a in s["articles"]:
            copy = f"  (copy of {a['duplicate_of']})" if a["duplicate_of"] else ""
            click.echo(f"  {a['published'] or NO_DATE:10}  {a['id']}  {a['site'] or NO_SITE}  {a['title']}{copy}")
        if s["events"]:
            click.echo("\nEvents:")
            published = {a["id"]: a["published"] for a in s["articles"] if a["published"]}

            def placed(e: dict) -> str:
                dates = sorted(published[i] for i in e.get("articles") or [] if i in published)
                return e["date"] or (f"{dates[0]}*" if dates else NO_DATE)

            # An event the text does not date is placed on its first article's date, marked "*"
            # (as `veille events` dates it), in order, not listed as "????" after the dated ones.
            by_article = False
            for e in sorted(s["events"], key=lambda e: placed(e).rstrip("*").replace("?", "9")):
                when = placed(e)
                by_article = by_article or when.endswith("*")
                click.echo(f"  {when:11} {e['type']:9} {e['source'] or UNKNOWN} → "
                           f"{e['target'] or UNKNOWN}{' @ ' + e['place'] if e['place'] else ''}"
                           f"  [{e['n_reports']} report{'s' if e['n_reports'] > 1 else ''}]")
            if by_article:
                click.echo("  * the article's date: the text gives the event none")
        if s["quotes"]:
            click.echo("\nQuotes:")
            for q in s["quotes"]:
                click.echo(f"  {q['speaker'] or UNKNOWN}: « {q['text']} »" if q["kind"] == "direct"
                           else f"  {q['speaker'] or UNKNOWN} (indirect): {q['text']}")

    @cli.command()
    @db_option()
    @limit_option(0, "At most this many groups (0: all).")
    @json_option()
    def duplicates(db: str, limit: int, as_json: bool) -> None:
        """Groups of copies of one text (syndicated, edited or re-translated), first stored copy first."""
        from veille import queries

        with read_db(db) as conn:
            groups = queries.duplicates(conn, limit=no_limit(limit))
        if not groups and not as_json:
            click.echo("no duplicates")
        for g in groups:
            if as_json:
                click.echo(json.dumps(g, ensure_ascii=False))
                continue
            r = g["root"]
            click.echo(f"{r['id']}  {r['published'] or NO_DATE}  {r['site'] or NO_SITE}  {r['title']}")
            for c in g["copies"]:
                note = f"  [{c['syndication']}]" if c["syndication"] else ""
                click.echo(f"  = {c['id']}  {c['site'] or NO_SITE}  {c['method']} {c['score']:.2f}{note}")
