"""The options several commands share, declared once, and the one way a read command opens a store.

``--db`` defaults to ``$VEILLE_DB`` when set, else ``veille.db``. Each option is a function
returning a click decorator, so a command can change the default or the help it shows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

DB_ENV = "VEILLE_DB"
DEFAULT_DB = "veille.db"
DATE_HELP = "an ISO date or prefix: YYYY, YYYY-MM or YYYY-MM-DD"

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def db_option(help: str = "SQLite database file, or a PostgreSQL URL (postgresql://user@host/dbname).") -> Decorator:
    """``--db FILE|URL`` (env ``VEILLE_DB``)."""
    return click.option("--db", default=DEFAULT_DB, show_default=True, envvar=DB_ENV, show_envvar=True,
                        type=click.Path(dir_okay=False), help=help)


def limit_option(default: int, help: str = "Maximum number of rows (0: all).") -> Decorator:
    return click.option("--limit", default=default, show_default=True, type=click.IntRange(min=0), help=help)


def since_option(help: str = "Only what is dated on or after this date") -> Decorator:
    return click.option("--since", metavar="DATE", help=f"{help} ({DATE_HELP}).")


def json_option(help: str = "One JSON object a line.") -> Decorator:
    return click.option("--json", "as_json", is_flag=True, help=help)


def format_option(choices: list[str], default: str) -> Decorator:
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
                        help="Output format.")


# Shared by every command that takes ``--db``; ``veille.cli`` keeps the name for its own commands.
DB_OPTION = db_option()


def no_limit(limit: int) -> int | None:
    """``--limit 0`` means every row."""
    return limit or None


@contextmanager
def read_db(db: str) -> Iterator[sqlite3.Connection]:
    """A read connection to an existing store; a clear error when the file is not there."""
    from veille.store import Store, StoreError

    try:
        store = Store(db, create=False)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    with store:
        yield store.conn
