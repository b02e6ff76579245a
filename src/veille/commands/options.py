"""The options several commands share, declared once, and the one way a read command opens a store.

``--db`` defaults to ``$VEILLE_DB`` when set, else ``veille.db``. Each option is a function
returning a click decorator, so a command can change the default or the help it shows.
"""

from __future__ import annotations

import datetime
import re
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


def _group_db(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """A subcommand's ``--db`` when given (or ``$VEILLE_DB``), else its group's: ``veille sources
    --db F add URL`` wrote to ./veille.db, the subcommand's own default, and left F untouched."""
    if ctx.get_parameter_source(param.name or "db") is not click.core.ParameterSource.DEFAULT:
        return value
    parent = ctx.parent.params.get("db") if ctx.parent is not None else None
    return parent or value


def sub_db_option(help: str = "SQLite database file, or a PostgreSQL URL (postgresql://user@host/dbname).") -> Decorator:
    """``--db FILE|URL`` of a subcommand whose group takes ``--db`` too: given after the
    subcommand it wins, else the group's value (``veille sources --db F list``) is used."""
    return click.option("--db", default=DEFAULT_DB, show_default=True, envvar=DB_ENV, show_envvar=True,
                        callback=_group_db, type=click.Path(dir_okay=False),
                        help=f"{help} Before the subcommand, the group's --db counts too.")


def limit_option(default: int, help: str = "Maximum number of rows (0: all).") -> Decorator:
    return click.option("--limit", default=default, show_default=True, type=click.IntRange(min=0), help=help)


def iso_date(ctx: click.Context | None, param: click.Parameter | None, value: str | None) -> str | None:
    """A ``DATE`` option's value checked: YYYY, YYYY-MM or a real YYYY-MM-DD (a mistyped date
    was compared as text and silently gave nothing, or everything)."""
    if value is None:
        return None
    value = value.strip()
    ok = re.fullmatch(r"\d{4}(-(0[1-9]|1[0-2]))?", value) is not None
    if not ok and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            datetime.date.fromisoformat(value)
            ok = True
        except ValueError:
            ok = False
    if not ok:
        raise click.BadParameter(f"{value!r} is not a date ({DATE_HELP})", ctx=ctx, param=param)
    return value


def since_option(help: str = "Only what is dated on or after this date") -> Decorator:
    return click.option("--since", metavar="DATE", callback=iso_date, help=f"{help} ({DATE_HELP}).")


def until_option(help: str = "Only what is dated on or before this date") -> Decorator:
    return click.option("--until", metavar="DATE", callback=iso_date,
                        help=f"{help} ({DATE_HELP}; a prefix keeps its whole month or year).")


def json_option(help: str = "One JSON object a line.") -> Decorator:
    return click.option("--json", "as_json", is_flag=True, help=help)


def format_option(choices: list[str], default: str) -> Decorator:
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
                        help="Output format.")


# Shared by every command that takes ``--db``; the core commands (extract.py, reading.py, export.py) use it by this name.
DB_OPTION = db_option()


def no_limit(limit: int) -> int | None:
    """``--limit 0`` means every row."""
    return limit or None


def limit_note(count: int, limit: int) -> None:
    """One line on stderr when the rows stopped at ``--limit`` (an export of the first 50 quotes
    looked like all of them)."""
    if limit and count >= limit:
        click.echo(f"only the first {limit} shown (--limit); --limit 0 for every one", err=True)


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


CONFIG_HELP = "TOML file with the [smtp] settings alerts mail through (env VEILLE_CONFIG)."


def config_option(help: str = CONFIG_HELP) -> Decorator:
    """``--config FILE`` (env ``VEILLE_CONFIG``): the [smtp] settings alerts mail through."""
    return click.option("--config", type=click.Path(dir_okay=False), envvar="VEILLE_CONFIG", help=help)


def open_store(db: str, create: bool = False) -> Any:
    """The store of ``--db`` (created when ``create``); a clear error instead of a traceback."""
    from veille.store import Store, StoreError

    try:
        return Store(db, create=create)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def load_alert_config(config: str | None) -> Any:
    """The alert settings of ``--config``; a broken file is a clear error."""
    from veille.alerts.deliver import AlertConfig, ConfigError

    try:
        return AlertConfig.load(config)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None


def listing_group(cli: click.Group, name: str, help: str) -> click.Group:
    """A command group that, called alone, runs its ``list`` subcommand with the same ``--db``
    (``veille alerts`` and ``veille sources`` list what is saved)."""

    @cli.group(name, invoke_without_command=True, help=help)
    @db_option()
    @click.pass_context
    def group(ctx: click.Context, db: str) -> None:
        if ctx.invoked_subcommand is None:
            ctx.invoke(group.commands["list"], db=db)

    return group
