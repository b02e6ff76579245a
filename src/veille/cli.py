"""The ``veille`` command line: the ``veille`` group, the ``--db`` check every command gets, and ``main``.

Every module in ``veille.commands`` that defines ``register(cli)`` adds its own commands (extract
and ingest, search/show/stats, export, quotes, events, entities, stories, serve, …), so a
capability brings its commands along.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import sys
from collections.abc import Callable
from pathlib import Path

import click

from veille.commands.output import say_interrupted
from veille.common.stopping import exit_interrupted, interrupt_behind

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


class _Commands(click.Group):
    def invoke(self, ctx: click.Context) -> None:
        super().invoke(ctx)  # (a command's return value is no exit status: main() exits 0 after it)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="veille")
def cli() -> None:
    """Veille: clean, searchable records of French news (who said and did what, when, where)."""


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
        say_interrupted("stopped before it finished; nothing half-written")
    except ImportError as exc:
        if not interrupt_behind(exc):
            raise
        say_interrupted("stopped before it finished; nothing half-written")
    # (standalone_mode=False gives back ctx.exit()'s status, as --help and --version end)
    sys.exit(status or 0)


if __name__ == "__main__":
    main()

__all__ = ["cli", "main", "Path"]
