"""How a listing command takes its last options and prints its rows as CSV (``--csv``): the columns and rows of
``veille.queries.exports``, the same the web's CSV links give; how an export file is written whole."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from veille.commands.options import Decorator, db_option, json_option, limit_option
from veille.queries.exports import csv_lines

# What a listing prints for a value the record lacks, the same in every command (a missing target
# was "-" in `veille events`, "?" as its source; `veille show` printed "-" for both; a missing
# date "????" in one listing, "????-??-??" in the others).
UNKNOWN = "?"  # a doer, a target, a speaker, a donor, a recipient no rule found
NO_DATE = "????-??-??"
NO_SITE = "(no site)"


def echo_csv(rows: Iterable[dict[str, Any]], columns: list[str]) -> None:
    """``rows`` as CSV on stdout."""
    for chunk in csv_lines(rows, columns):
        sys.stdout.write(chunk)
    sys.stdout.flush()


def csv_option(help: str = "CSV on stdout (a header, one row a line), for a spreadsheet.") -> Any:
    return click.option("--csv", "as_csv", is_flag=True, help=help)


def listing_options(limit: int, limit_help: str, as_json: bool = True) -> Decorator:
    """The last options of a command that lists rows (``quotes``, ``events``, ``aid``), in the order
    ``--help`` shows them: ``--limit``, ``--json`` (unless ``as_json`` is false), ``--csv``, ``--db``."""
    options = [limit_option(limit, limit_help), *([json_option()] if as_json else []), csv_option(), db_option()]

    def apply(command: Any) -> Any:
        for option in reversed(options):  # click lists the option applied last first
            command = option(command)
        return command

    return apply


@contextlib.contextmanager
def written_whole(output: str) -> Iterator[str]:
    """A path to write ``output``'s new content to, moved in place once the block ends without an
    error: a write cut short leaves the file that was there untouched, and no half file."""
    target = Path(os.path.realpath(output))  # through a link, as open() would write
    if target.exists() and not target.is_file():
        # A device or a pipe (/dev/null, /dev/stdout, a FIFO): nothing there to keep, and a file
        # moved over it would replace the device itself.
        yield str(target)
        return
    part = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        yield str(part)
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
