"""How a listing command takes its last options and prints its rows as CSV (``--csv``, ``--excel``): the columns and rows of
``veille.queries.exports``, the same the web's CSV links give; how an output file is checked before any work
(``refuse_output``) and written whole; the one line a command ends with when it cannot write, or is interrupted."""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, NoReturn

import click

from veille.commands.options import Decorator, db_option, json_option, limit_option
from veille.common.stopping import exit_interrupted, stop_signal_name
from veille.queries.exports import csv_lines

# What a listing prints for a value the record lacks, the same in every command (a missing target
# was "-" in `veille events`, "?" as its source; `veille show` printed "-" for both; a missing
# date "????" in one listing, "????-??-??" in the others).
UNKNOWN = "?"  # a doer, a target, a speaker, a donor, a recipient no rule found
NO_DATE = "????-??-??"
NO_SITE = "(no site)"


# The UTF-8 byte-order mark by which a spreadsheet opened by double-click (Excel) knows a CSV's
# encoding. Off by default: most tools read UTF-8 as is, and Python's csv module would see the mark
# as part of the first column's name ("\ufeffid") unless opened with encoding="utf-8-sig".
BOM = "\ufeff"
EXCEL_HELP = ("CSV for a spreadsheet opened by double-click: UTF-8 starting with a byte-order mark, so that Excel "
              "reads the accents (Python's csv module then needs encoding='utf-8-sig'). Default: no mark.")


def excel_option() -> Any:
    """``--excel``, the same option (and meaning) on every command that writes CSV."""
    return click.option("--excel", is_flag=True, help=EXCEL_HELP)


def refuse_excel(excel: bool, csv_chosen: bool, what: str = "--csv") -> None:
    """A usage error for ``--excel`` without CSV (``what``: the option that asks for CSV)."""
    if excel and not csv_chosen:
        raise click.UsageError(f"--excel is for {what} (a byte-order mark belongs to a CSV file only)")


@contextlib.contextmanager
def csv_stdout(excel: bool = False) -> Iterator[IO[str]]:
    """Where a command writes its CSV on stdout: stdout itself, or with ``excel`` a UTF-8 writer
    over its bytes that starts with the byte-order mark, whatever the terminal's encoding (the
    bytes are what a spreadsheet reads)."""
    binary = getattr(sys.stdout, "buffer", None) if excel else None
    if binary is None:
        if excel:
            sys.stdout.write(BOM)
        yield sys.stdout
        sys.stdout.flush()
        return
    sys.stdout.flush()  # (anything written as text before comes first)
    out = io.TextIOWrapper(binary, encoding="utf-8", newline="")
    try:
        out.write(BOM)
        yield out
    finally:
        out.flush()
        out.detach()  # (stdout's own buffer stays open)


def echo_csv(rows: Iterable[dict[str, Any]], columns: list[str], excel: bool = False) -> None:
    """``rows`` as CSV on stdout; with ``excel``, UTF-8 behind a byte-order mark (``csv_stdout``)."""
    with csv_stdout(excel) as out:
        for chunk in csv_lines(rows, columns):
            out.write(chunk)


def csv_option(help: str = "CSV on stdout (a header, one row a line), for a spreadsheet.") -> Any:
    return click.option("--csv", "as_csv", is_flag=True, help=help)


def listing_options(limit: int, limit_help: str, as_json: bool = True) -> Decorator:
    """The last options of a command that lists rows (``quotes``, ``events``, ``aid``), in the order
    ``--help`` shows them: ``--limit``, ``--json`` (unless ``as_json`` is false), ``--csv``, ``--excel``,
    ``--db``."""
    options = [limit_option(limit, limit_help), *([json_option()] if as_json else []), csv_option(), excel_option(),
               db_option()]

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


def named_output(output: str) -> str:
    """An output as the closing line names it ("written to -" read as a file called "-")."""
    return "stdout" if output == "-" else output


def cannot_write(output: str, exc: OSError) -> str:
    """One line for an output that could not be written (a full disk: no traceback)."""
    return f"{output}: cannot write: {exc.strerror or exc}"


def say_interrupted(summary: str) -> NoReturn:
    """Ctrl-C or SIGTERM: one line saying what was kept, exit status 130 or 143 (as a shell
    reports SIGINT or SIGTERM)."""
    click.echo(f"\ninterrupted{stop_signal_name()}: {summary}", err=True)
    exit_interrupted()
