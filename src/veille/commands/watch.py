"""``veille sources`` (add, list, remove) and ``veille watch``: sources followed over time."""

from __future__ import annotations

import sys
import time

import click

from veille.commands.options import config_option, db_option, listing_group, load_alert_config, sub_db_option
from veille.commands.options import open_store as _open
from veille.common.stopping import exit_interrupted, sigterm_as_interrupt


def register(cli: click.Group) -> None:
    sources = listing_group(cli, "sources", "Sources followed by `veille watch` (feeds, sitemaps, listing pages); "
                                            "alone: list them.")

    @sources.command("add")
    @click.argument("url")
    @click.option("--name", help="A name to show instead of the URL.")
    @click.option("--every", default="15m", show_default=True, help="Polling interval: 90s, 15m, 2h, 1d.")
    @sub_db_option("SQLite database file (created when missing), or a PostgreSQL URL (postgresql://user@host/dbname).")
    def add_source(url: str, name: str | None, every: str, db: str) -> None:
        """Follow URL: an RSS/Atom feed, a sitemap (news sitemaps too) or a page listing articles."""
        from veille.watch import schema
        from veille.watch.urls import every_text, parse_every

        if not url.lower().startswith(("http://", "https://")):
            raise click.UsageError(f"{url}: not an http(s) URL")
        try:
            seconds = parse_every(every)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--every") from None
        with _open(db, create=True) as store:
            known = any(r["url"] == url for r in schema.list_sources(store.conn))
            source_id = schema.add_source(store.conn, url, name, seconds)
        # (added twice, it answered as for a new source: the user could not tell it was the same one)
        again = " (already followed: its name and interval updated)" if known else ""
        click.echo(f"source {source_id}: {url} every {every_text(seconds)}{again}")

    @sources.command("list")
    @sub_db_option()
    def list_sources(db: str) -> None:
        """Each source: interval, last success, failures in a row, articles stored."""
        from veille.watch import schema
        from veille.watch.urls import every_text

        with _open(db) as store:
            rows = schema.list_sources(store.conn)
        for r in rows:
            state = f"FAILING ×{r['failures']}: {r['last_error']}" if r["failures"] else "ok"
            click.echo(f"{r['id']:>3}  {r['name'] or r['url']}  [{r['kind'] or '?'}, every {every_text(r['every_seconds'])}]"
                       f"  last success {r['last_success'] or 'never'}  articles {r['articles']}  {state}")
        click.echo(f"{len(rows)} source(s)", err=True)

    @sources.command("remove")
    @click.argument("source")
    @sub_db_option()
    def remove_source(source: str, db: str) -> None:
        """Stop following SOURCE (its id or URL); its articles stay."""
        from veille.watch import schema

        with _open(db) as store:
            if not schema.remove_source(store.conn, source):
                raise click.ClickException(f"no source {source!r} in {db}")
        click.echo(f"source {source} removed")

    @cli.command("watch")
    @click.option("--once", is_flag=True,
                  help="One round over every source, then exit (cron, tests): exit status 1 when every "
                       "source polled failed, 0 when at least one was read (or none is due).")
    @click.option("--rounds", type=click.IntRange(min=1), help="Stop after this many rounds.")
    @click.option("--delay", default=1.0, show_default=True, type=click.FloatRange(min=0),
                  help="Seconds between two requests to one host.")
    @click.option("--timeout", default=20.0, show_default=True, type=click.FloatRange(min=0.1),
                  help="Seconds one request may take in total.")
    @click.option("--retries", default=2, show_default=True, type=click.IntRange(min=0),
                  help="Further tries of a request that may pass (timeout, 5xx).")
    @click.option("--tick", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
                  help="Seconds between two looks at which sources are due.")
    @config_option()
    @db_option()
    def watch(once: bool, rounds: int | None, delay: float, timeout: float, retries: int, tick: float,
              config: str | None, db: str) -> None:
        """Poll the sources when due, store new articles, fire alerts; a progress line per round.
        With --once, the exit status is 1 when every source polled failed (0 when one was read)."""
        from veille.pipeline import Pipeline
        from veille.store_ingest import AlertsSent
        from veille.watch.fetch import FetchSettings
        from veille.watch.rounds import Watcher

        alert_config = load_alert_config(config)
        settings = FetchSettings(delay=delay, timeout=timeout, retries=retries, backoff=min(1.0, timeout / 4))
        with _open(db) as store:
            watcher = Watcher(store, Pipeline, settings, on_error=lambda line: click.echo(f"error: {line}", err=True),
                              alert_config=alert_config)
            number = 0
            try:
                with sigterm_as_interrupt():  # `systemctl stop`: the round in progress ends as on Ctrl-C
                    if not once:  # (a first round waits for a source to be due: minutes of silence, as if hung)
                        click.echo(_watching(store.conn, tick), err=True)
                    while True:
                        report = watcher.run_round(every=once)
                        if report.polled or once:
                            number += 1
                            sent = watcher.send_alerts()  # as `veille ingest` and the web upload send them
                            click.echo(report.line(number) + "; " + (sent or AlertsSent()).line(), err=True)
                        if once and report.polled and report.failing == report.polled:
                            click.echo(f"error: all {report.polled} source(s) failed, nothing was read", err=True)
                            sys.exit(1)
                        if once or (rounds and number >= rounds):
                            break
                        time.sleep(tick)
            except KeyboardInterrupt:
                click.echo("stopped", err=True)
                exit_interrupted()


def _watching(conn, tick: float) -> str:
    """The line ``veille watch`` starts with: how many sources, and when the first is due."""
    from veille.watch import schema

    rows = schema.list_sources(conn)
    if not rows:
        return ("watching no source yet: add one with `veille sources add URL` "
                f"(looked for again every {tick:g} s; Ctrl-C stops)")
    now = schema.stamp(schema.now())
    first = min(rows, key=lambda r: r["next_poll"] or "")
    when = "now" if not first["next_poll"] or first["next_poll"] <= now else f"at {first['next_poll']}"
    return f"watching {len(rows)} source(s); the first due, {first['name'] or first['url']}, is polled {when} (Ctrl-C stops)"
