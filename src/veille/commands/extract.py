"""``veille extract`` and ``veille ingest``: read inputs, extract their records, write them as JSONL or
store them; the progress they show, the failures they say one a line, how Ctrl-C and a full disk end them."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import IO, Any, NoReturn

import click

from veille.commands.options import DB_OPTION
from veille.commands.output import cannot_write, named_output, refuse_output, say_interrupted, written_whole
from veille.common.stopping import sigterm_as_interrupt
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



def _write_line(out: IO[str], line: str, output: str) -> None:
    """A record written, or one line when the output cannot take it (a full disk: a traceback)."""
    try:
        out.write(line)
    except OSError as exc:
        raise click.ClickException(cannot_write(output, exc)) from None


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



@click.command("extract")
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
                            raise click.ClickException(cannot_write(output, exc)) from None
    except KeyboardInterrupt:
        stopped = True
    if stopped:
        say_interrupted(f"{n} complete records written to {named_output(output)}; {len(errors.errors)} failed"
                     f"{errors.skipped_line()}")
    click.echo(f"{n} articles written to {named_output(output)}; {len(errors.errors)} failed{errors.skipped_line()}",
               err=True)
    if errors.errors:
        sys.exit(1)


@click.command("ingest")
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
            say_interrupted(f"{ingesting.summary()}{errors.skipped_line()} before it; "
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


def register(cli: click.Group) -> None:
    cli.add_command(extract)
    cli.add_command(ingest)
