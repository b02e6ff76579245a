"""``veille export``: the stored articles as JSONL (full records), CSV or Parquet (one row per article)."""

from __future__ import annotations

import csv
import json
from typing import IO

import click

from veille.commands.options import DB_OPTION, format_option
from veille.commands.output import (
    BOM,
    cannot_write,
    csv_stdout,
    excel_option,
    named_output,
    refuse_excel,
    refuse_output,
    written_whole,
)
from veille.queries.exports import spreadsheet_safe


@click.command("export")
@DB_OPTION
@format_option(["jsonl", "csv", "parquet"], "jsonl")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="File to write ('-' for stdout, JSONL or CSV).")
@excel_option()
def export(db: str, fmt: str, output: str, excel: bool) -> None:
    """Export stored articles: JSONL (full records), CSV or Parquet (one row per article).

    CSV is UTF-8 without a byte-order mark, as most tools expect; `--excel` adds the mark."""
    from veille import queries
    from veille.store import Store

    refuse_excel(excel, fmt == "csv", "--format csv")
    refuse_output(output, [db, f"{db}-wal", f"{db}-shm", f"{db}-journal"], what="the database")

    with Store(db) as store:
        articles = list(queries.iter_articles(store.conn))
    try:
        if output == "-":
            with csv_stdout(excel) as out:
                _export_to(out, articles, fmt)
        else:
            # Written beside, then put in place whole: an export cut short (a full disk, Ctrl-C,
            # SIGTERM) leaves the previous file as it was, never half of the new one.
            with written_whole(output) as part:
                if fmt == "parquet":
                    _export_parquet(articles, part)
                else:
                    with open(part, "w", encoding="utf-8", newline="" if fmt == "csv" else None) as out:
                        if excel:
                            out.write(BOM)
                        _export_to(out, articles, fmt)
    except OSError as exc:
        raise click.ClickException(cannot_write(output, exc)) from None
    click.echo(f"{len(articles)} articles exported to {named_output(output)}", err=True)


def _export_to(out: IO[str], articles: list, fmt: str) -> None:
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


def register(cli: click.Group) -> None:
    cli.add_command(export)
