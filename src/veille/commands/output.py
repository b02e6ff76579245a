"""How a listing command prints its rows as CSV (``--csv``): the columns and rows of
``veille.queries.exports``, the same the web's CSV links give."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

import click

from veille.queries.exports import csv_lines


def echo_csv(rows: Iterable[dict[str, Any]], columns: list[str]) -> None:
    """``rows`` as CSV on stdout."""
    for chunk in csv_lines(rows, columns):
        sys.stdout.write(chunk)
    sys.stdout.flush()


def csv_option(help: str = "CSV on stdout (a header, one row a line), for a spreadsheet.") -> Any:
    return click.option("--csv", "as_csv", is_flag=True, help=help)
