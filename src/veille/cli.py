"""The ``veille`` command line.

Core commands live here; every module in ``veille.commands`` that defines ``register(cli)`` adds
its own (quotes, events, entities, stories, serve, …), so a capability brings its commands along.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import importlib
import json
import os
import pkgutil
import re
import sys
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, NoReturn

import click

from veille.commands.options import DB_OPTION, format_option, limit_option
from veille.commands.output import NO_DATE, UNKNOWN, written_whole
from veille.common.stopping import exit_interrupted, interrupt_behind, sigterm_as_interrupt, stop_signal_name
from veille.queries.exports import spreadsheet_safe
from veille.readers import DEFAULT_MAX_BYTES, Budget, ReadError, skipped_count, with_listed_urls


def _progress(total: int | None, desc: str):
    from tqdm import tqdm

    bar = tqdm(total=total, desc=desc, unit="art", disable=not sys.stderr.isatty(), file=sys.stderr)
    bar.desc_name = desc  # (a disabled bar keeps no desc: the off-terminal lines need it)
    return bar


def _counted(items: Iterable, bar, total: int | None = None) -> Iterator:
    """``items``, moving the bar; until the first one it says the model is loading (tens of
    seconds on a busy machine, which looked like a hang). The bar's clock starts again at the first
    article: its rate and time left counted the model's loading (8 min shown for a 21 s run). Off a
    terminal, where the bar is off, a few lines say the same (``progress.LogLines``)."""
    from veille.commands.progress import LogLines

    desc = getattr(bar, "desc", "")  # (a disabled bar, off a terminal, has none)
    log = LogLines(bar.desc_name, total) if getattr(bar, "disable", False) else None
    if log is not None:
        log.start()
    bar.set_description_str(f"{desc} (loading the language model)")
    for n, item in enumerate(items, 1):
        if n == 1:
            bar.set_description_str(desc)
            bar.reset(total=bar.total)  # (the time to the first article is the model's loading)
        bar.update(1)
        if log is not None:
            log.article(n)
        yield item


def _interrupted(summary: str) -> NoReturn:
    """Ctrl-C or SIGTERM: one line saying what was kept, exit status 130 or 143 (as a shell
    reports SIGINT or SIGTERM)."""
    click.echo(f"\ninterrupted{stop_signal_name()}: {summary}", err=True)
    exit_interrupted()


def _disk_full(store, ingesting, full, total: int | None) -> NoReturn:
    """The ingest stopped at the first article the full disk refused: one line saying how many
    were not tried (every one after would have failed alike), exit status 1."""
    tried = {a.source.path or a.source.url or a.id for a in ingesting.added + ingesting.skipped}
    tried |= {e.origin for e in ingesting.errors}
    inputs = f"{max(total - len(tried), 0)} of {total} inputs" if total is not None else "the inputs after it"
    click.echo(f"error: disk full under {store.where()}: ingest stopped; {full.untried} extracted articles and "
               f"{inputs} not tried; make room and run the same command again (what is stored is skipped)",
               err=True)
    click.echo(f"{ingesting.summary()}; {store.stats()['articles']} articles in {store.where()}, each complete",
               err=True)
    sys.exit(1)


def _count_inputs(paths: tuple[str, ...]) -> int | None:
    from veille.readers import iter_paths

    try:
        return sum(1 for _ in iter_paths(paths))
    except OSError:
        return None


def _workers_option(func: Callable) -> Callable:
    func = click.option("--scheduler", metavar="tcp://HOST:8786",
                        help="Extract on this Dask cluster instead (workers read the same paths).")(func)
    return click.option("--workers", type=click.IntRange(min=1), default=None,
                        help="Processes extracting at once, each loading the model once "
                             "(default: one per core, fewer for a small input).")(func)


def _follow_option(func: Callable) -> Callable:
    return click.option("--follow-links", is_flag=True,
                        help="A feed entry that gives only a summary, a JSON record that gives only a URL: "
                             "read the page it links to instead (a web address, or a file beside a local feed).")(func)


def _explain_option(func: Callable) -> Callable:
    return click.option("--explain", is_flag=True,
                        help="Record on each quote and event the rule behind it (`rule`).")(func)


def _budget(max_bytes: int, follow_links: bool) -> Budget:
    """What the readers are handed as their byte limit: a whole budget, which asks them to say the
    WARC records they skip (``ErrorLog`` counts those notes apart from the failures)."""
    return dataclasses.replace(Budget.of(max_bytes), follow_links=follow_links, note_skipped=True)


def _articles(paths: tuple[str, ...], workers: int | None, scheduler: str | None, max_bytes: int | Budget,
              on_error: Callable[[ReadError], None], explain: bool = False,
              bar: object = None, desc: str = "", stored: Collection[str] = ()) -> Iterable:
    """The extracted articles, in input order (year-less ones last: ``pipeline.held_last``): on a Dask
    cluster, or in local processes (in this one, ``bar`` shows the stage each article is in); those
    whose id is in ``stored`` unparsed, as ``pipeline.Stored``."""
    from veille import parallel

    factory = parallel.explaining_pipeline if explain else None
    if scheduler:
        from veille import distributed

        return distributed.extract(paths, scheduler, max_bytes=max_bytes, on_error=on_error,
                                   pipeline_factory=factory, stored=stored)
    from veille.commands.progress import StageStatus

    on_stage = StageStatus(bar, desc) if bar is not None else None
    return parallel.extract(paths, workers, max_bytes=max_bytes, on_error=on_error, pipeline_factory=factory,
                            on_stage=on_stage, stored=stored)


def refuse_output(output: str, inputs: Iterable[str], what: str = "an input") -> None:
    """Raises ``click.UsageError`` when writing ``output`` would destroy or re-read ``inputs``
    (the same file, or a file inside an input folder), or cannot be written at all (no such
    folder, no right to write there), before anything is opened for writing or read."""
    if output == "-":
        return
    out = Path(output).resolve()
    folder = out.parent
    if not folder.is_dir():
        raise click.UsageError(f"output {output}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise click.UsageError(f"output {output}: no permission to write it")
    for name in inputs:
        if re.match(r"^https?://", name, re.I) or not name.strip():
            continue  # (an empty name is no input: the readers say so, it is not the working folder)
        source = Path(name).resolve()
        same = out == source or (out.exists() and source.exists() and os.path.samefile(out, source))
        if same:
            raise click.UsageError(f"output {output} is {what} ({name}): refusing to overwrite it")
        if source.is_dir() and out.is_relative_to(source):
            raise click.UsageError(f"output {output} is inside the input folder {name}: it would be read back")


# Commands that create their database when it is missing; any other --db must name a database.
CREATES_DB = {"ingest", "serve", "add"}  # "add": `sources add` and `alerts add` start a database


def _checking_db(callback: Callable, must_exist: bool) -> Callable:
    @functools.wraps(callback)
    def run(*args, **kwargs):
        from veille.store import StoreError, check_database

        try:
            check_database(kwargs["db"], must_exist=must_exist)
            return callback(*args, **kwargs)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from None

    return run


def _guard_databases(group: click.Group) -> None:
    """Every command with a ``--db`` checks it first: one line for a missing or bad database."""
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            _guard_databases(command)
        elif command.callback and any(p.name == "db" for p in command.params):
            command.callback = _checking_db(command.callback, must_exist=name not in CREATES_DB)


class ErrorLog:
    """Prints each failure as one line on stderr and remembers them; a reader's note of what it
    skipped (a WARC's images, requests…: ``readers.skipped_count``) is a "note:" line, counted in
    ``skipped``, neither a failure nor recorded as one."""

    def __init__(self, store: Any = None) -> None:
        self.errors: list[ReadError] = []
        self.store = store
        self.skipped = 0

    def note(self, err: ReadError) -> bool:
        """Whether ``err`` is a note of skipped records (then said and counted)."""
        count = skipped_count(err)
        if count:
            self.skipped += count
            click.echo(f"note: {err.origin}: skipped {err.reason}", err=True)
        return bool(count)

    def notes_apart(self, on_error: Callable[[ReadError], None]) -> Callable[[ReadError], None]:
        """``on_error`` for the failures only, the notes said here."""
        def report(err: ReadError) -> None:
            if not self.note(err):
                on_error(err)
        return report

    def skipped_line(self) -> str:
        """What the closing line adds when records were skipped ("" when none was)."""
        return f"; {self.skipped} WARC record(s) skipped (not HTML pages)" if self.skipped else ""

    def __call__(self, err: ReadError) -> None:
        if self.note(err):
            return
        self.errors.append(err)
        click.echo(f"error: {err}", err=True)
        if self.store is not None:
            self.store.record_failure(err.origin, err.reason)


def _named(output: str) -> str:
    """An output as the closing line names it ("written to -" read as a file called "-")."""
    return "stdout" if output == "-" else output


def _cannot_write(output: str, exc: OSError) -> str:
    return f"{output}: cannot write: {exc.strerror or exc}"


def _write_line(out: IO[str], line: str, output: str) -> None:
    """A record written, or one line when the output cannot take it (a full disk: a traceback)."""
    try:
        out.write(line)
    except OSError as exc:
        raise click.ClickException(_cannot_write(output, exc)) from None


def _write_records(articles: Iterable, out: IO[str], output: str, each_time: bool) -> tuple[int, bool]:
    """The records written one a line, and whether Ctrl-C (or SIGTERM) stopped the writing."""
    if each_time:
        from veille.times import each_occurrence
    n = 0
    try:
        for article in articles:
            record = article.to_dict()
            if each_time:
                record["times"] = each_occurrence(record["times"], article.nlp_text())
            _write_line(out, json.dumps(record, ensure_ascii=False) + "\n", output)
            n += 1
    except KeyboardInterrupt:
        return n, True
    return n, False


class _Commands(click.Group):
    def invoke(self, ctx: click.Context) -> None:
        super().invoke(ctx)  # (a command's return value is no exit status: main() exits 0 after it)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="veille")
def cli() -> None:
    """Veille: clean, searchable records of French news (who said and did what, when, where)."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="JSONL file to write, one article record a line ('-' for stdout).")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, help="Size limit per input file.")
@_explain_option
@click.option("--times-each-occurrence", "each_time", is_flag=True, envvar="VEILLE_TIMES_EACH_OCCURRENCE",
              help="List a repeated time expression once per occurrence, as TimeML does "
                   "(default: once, its occurrences in `spans`).")
@_workers_option
@_follow_option
def extract(paths: tuple[str, ...], output: str, max_bytes: int, explain: bool, each_time: bool,
            workers: int | None, scheduler: str | None, follow_links: bool) -> None:
    """Extract article records from files, folders or URLs into JSONL (no database).

    PATHS: files (text, HTML, JSON/JSONL, RSS/Atom, WARC, gzip), folders (read recursively), http(s)
    URLs, or a file listing URLs one a line (given itself; a list inside a folder is not fetched).
    A bad input is one line naming it and the reason; the others go on; exit status 1."""
    refuse_output(output, paths)
    paths = tuple(with_listed_urls(paths))  # (a file listing URLs, given itself: its URLs)
    errors = ErrorLog()
    n, stopped = 0, False
    try:
        with sigterm_as_interrupt(), _progress(total := _count_inputs(paths), "extract") as bar:
            articles = _counted(_articles(paths, workers, scheduler, _budget(max_bytes, follow_links), errors,
                                          explain=explain, bar=bar, desc="extract"), bar, total)
            if output == "-":
                n, stopped = _write_records(articles, sys.stdout, output, each_time)
            else:
                # Written beside, then moved in place (as exports): an error (a full disk, a crash)
                # leaves the FILE that was there whole; Ctrl-C moves the complete records written.
                with written_whole(output) as part:
                    out = open(part, "w", encoding="utf-8")  # noqa: SIM115
                    try:
                        n, stopped = _write_records(articles, out, output, each_time)
                    finally:
                        try:
                            out.close()
                        except OSError as exc:
                            raise click.ClickException(_cannot_write(output, exc)) from None
    except KeyboardInterrupt:
        stopped = True
    if stopped:
        _interrupted(f"{n} complete records written to {_named(output)}; {len(errors.errors)} failed"
                     f"{errors.skipped_line()}")
    click.echo(f"{n} articles written to {_named(output)}; {len(errors.errors)} failed{errors.skipped_line()}",
               err=True)
    if errors.errors:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, help="Size limit per input file.")
@_workers_option
@click.option("--config", type=click.Path(dir_okay=False), envvar="VEILLE_CONFIG",
              help="TOML file with the [smtp] settings alerts mail through (env VEILLE_CONFIG; "
                   "default ./veille.toml when present).")
@click.option("--no-alerts", is_flag=True, help="Do not send the alerts the new articles match (`veille watch` will).")
@_follow_option
@_explain_option
def ingest(paths: tuple[str, ...], db: str, max_bytes: int, workers: int | None,
           scheduler: str | None, config: str | None, no_alerts: bool, follow_links: bool,
           explain: bool) -> None:
    """Extract and store articles in the database (the same input twice is stored once); then
    send the alerts the new articles match, by mail and webhook, as `veille watch` does.

    PATHS: files (text, HTML, JSON/JSONL, RSS/Atom, WARC, gzip), folders (read recursively), http(s)
    URLs, or a file listing URLs one a line (given itself; a list inside a folder is not fetched).
    A bad input is one line naming it and the reason, recorded in the failures table; the others go
    on; exit status 1. Off a terminal (cron), a few progress lines instead of the bar."""
    from veille.store import Store
    from veille.store_full import DiskFull
    from veille.store_ingest import Ingest

    paths = tuple(with_listed_urls(paths))  # (a file listing URLs, given itself: its URLs)
    with Store(db) as store:
        store.check_writable()  # a read-only database: one line before any work
        # The one way in (veille.store_ingest): the CLI, the watch, the web and the API store and alert alike.
        errors = ErrorLog()
        ingesting = Ingest(store, on_error=errors, config=config)
        try:
            total = _count_inputs(paths)
            with sigterm_as_interrupt(), _progress(total, "ingest") as bar:
                # Several articles to a transaction, each under its own savepoint (Store.add_many);
                # the bar moves as articles are extracted, the counts as their batch is committed.
                # What the store holds already is read but not parsed: the same command again after a
                # Ctrl-C goes on where it stopped instead of extracting every page again.
                extracted = _counted(_articles(paths, workers, scheduler, _budget(max_bytes, follow_links),
                                               errors.notes_apart(ingesting.failed),
                                               explain=explain, bar=bar, desc="ingest", stored=store.ids()), bar, total)
                try:
                    for _ in ingesting.add(extracted):
                        pass
                except DiskFull as full:
                    extracted.close()  # (the workers stop: nothing more would fit)
                    _disk_full(store, ingesting, full, total)
        except KeyboardInterrupt:
            _interrupted(f"{ingesting.summary()}{errors.skipped_line()} before it; "
                         f"{store.stats()['articles']} articles in {store.where()}, each complete; "
                         "the same command again goes on (what is stored is skipped)")
        stats = store.stats()
        click.echo(f"{ingesting.summary()}{errors.skipped_line()}; {stats['articles']} articles in {store.where()}",
                   err=True)
        sent = None if no_alerts else ingesting.send_alerts()
        if sent is not None:
            click.echo(sent.line(), err=True)
    if errors.errors:
        sys.exit(1)


@cli.command()
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


@cli.command()
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


@cli.command()
@DB_OPTION
def stats(db: str) -> None:
    """Counts of what the database holds."""
    from veille import queries
    from veille.store import Store

    with Store(db) as store:
        for key, value in queries.stats(store.conn).items():
            click.echo(f"{key:12} {value}")


@cli.command()
@DB_OPTION
@format_option(["jsonl", "csv", "parquet"], "jsonl")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="File to write ('-' for stdout, JSONL or CSV).")
@click.option("--excel", is_flag=True,
              help="CSV for a spreadsheet opened by double-click: the file starts with a UTF-8 byte-order "
                   "mark, so that Excel reads the accents (Python's csv module then needs "
                   "encoding='utf-8-sig'). Default: no mark.")
def export(db: str, fmt: str, output: str, excel: bool) -> None:
    """Export stored articles: JSONL (full records), CSV or Parquet (one row per article).

    CSV is UTF-8 without a byte-order mark, as most tools expect; `--excel` adds the mark."""
    from veille import queries
    from veille.store import Store

    if excel and fmt != "csv":
        raise click.UsageError(f"--excel is for --format csv (a byte-order mark has no place in {fmt})")
    refuse_output(output, [db, f"{db}-wal", f"{db}-shm", f"{db}-journal"], what="the database")

    with Store(db) as store:
        articles = list(queries.iter_articles(store.conn))
    try:
        if output == "-":
            _export_to(sys.stdout, articles, fmt, excel)
        else:
            # Written beside, then put in place whole: an export cut short (a full disk, Ctrl-C,
            # SIGTERM) leaves the previous file as it was, never half of the new one.
            with written_whole(output) as part:
                if fmt == "parquet":
                    _export_parquet(articles, part)
                else:
                    with open(part, "w", encoding="utf-8", newline="" if fmt == "csv" else None) as out:
                        _export_to(out, articles, fmt, excel)
    except OSError as exc:
        raise click.ClickException(_cannot_write(output, exc)) from None
    click.echo(f"{len(articles)} articles exported to {_named(output)}", err=True)


def _export_to(out: IO[str], articles: list, fmt: str, excel: bool = False) -> None:
    if excel:
        out.write("\ufeff")  # the UTF-8 byte-order mark by which a spreadsheet knows the encoding
    if fmt == "jsonl":
        for a in articles:
            out.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(_flat_row(None).keys()))
        writer.writeheader()
        writer.writerows(spreadsheet_safe(_flat_row(a)) for a in articles)
    else:
        raise click.UsageError("Parquet needs a file (--output FILE), not stdout")


def _export_parquet(articles: list, path: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    # One schema whether or not there are rows: the counts stay integers in an empty export too.
    schema = pa.schema([(k, pa.int64() if k in ("quotes", "events") else pa.string()) for k in _flat_row(None)])
    pq.write_table(pa.Table.from_pylist([_flat_row(a) for a in articles], schema=schema), path)


def _flat_row(a) -> dict:
    if a is None:
        from veille.model import Article

        a = Article(id="")
    return {
        "id": a.id, "site": a.source.site, "path": a.source.path, "url": a.source.url,
        "title": a.title, "published": a.published, "published_from": a.published_from,
        "dateline_place": a.dateline.place if a.dateline else None, "language": a.language,
        "text": "\n\n".join(a.paragraphs),
        "entities": "; ".join(e.name for e in a.entities),
        "quotes": len(a.quotes), "events": len(a.events),
        "duplicate_of": a.duplicate_of, "story": a.story,
    }


def _register_plugins() -> None:
    import veille.commands as pkg

    for info in pkgutil.iter_modules(pkg.__path__):
        module = importlib.import_module(f"veille.commands.{info.name}")
        if hasattr(module, "register"):
            module.register(cli)


try:
    _register_plugins()
except (KeyboardInterrupt, ImportError) as exc:  # Ctrl-C while the commands load (the `veille` script imports this module)
    if not interrupt_behind(exc):
        raise
    print("\ninterrupted while starting: nothing done", file=sys.stderr)
    exit_interrupted()
_guard_databases(cli)


def main() -> None:
    """``veille``: click's own handling but for Ctrl-C (or SIGTERM where it is taken as one), which
    click turns into "Aborted!" and exit status 1 wherever it lands outside a command's own
    handler (opening the store, between click's steps): one line and 130 (143) instead, as the
    commands themselves say. An interrupted write is rolled back by SQLite: nothing half-written."""
    try:
        try:
            status = cli.main(prog_name="veille", standalone_mode=False)
        except click.exceptions.Abort as abort:
            if not isinstance(abort.__context__, KeyboardInterrupt):
                raise  # (end of input at a prompt: click's word for it)
            raise KeyboardInterrupt from None
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted!", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        _interrupted("stopped before it finished; nothing half-written")
    except ImportError as exc:
        if not interrupt_behind(exc):
            raise
        _interrupted("stopped before it finished; nothing half-written")
    # (standalone_mode=False gives back ctx.exit()'s status, as --help and --version end)
    sys.exit(status or 0)


if __name__ == "__main__":
    main()

__all__ = ["cli", "main", "Path"]
