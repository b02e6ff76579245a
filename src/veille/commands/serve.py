"""``veille serve``: the JSON API and the web UI over one database, in one process."""

from __future__ import annotations

import click

from veille.commands.options import db_option, load_alert_config


def register(cli: click.Group) -> None:
    @cli.command()
    @db_option("SQLite database file (created when missing), or a PostgreSQL URL (postgresql://user@host/dbname).")
    @click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
    @click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port.")
    @click.option("--config", type=click.Path(dir_okay=False), envvar="VEILLE_CONFIG",
                  help="TOML file with the [smtp] settings the alerts of uploaded articles mail through "
                       "(env VEILLE_CONFIG; default ./veille.toml when present).")
    def serve(db: str, host: str, port: int, config: str | None) -> None:
        """Serve the web UI (/) and the JSON API (/api, docs at /docs) over DB; articles uploaded
        there send the alerts they match, as `veille ingest` does."""
        import uvicorn

        from veille.web import create_app
        from veille.web.security import hosts_for

        # Both were found only after "Veille on …" was printed: a port in use as uvicorn's ERROR line
        # (exit status 3), a missing --config file at the first upload's alerts.
        load_alert_config(config)
        problem = _bind_problem(host, port)
        if problem:
            raise click.ClickException(problem)
        click.echo(f"Veille on http://{host}:{port}/  (API docs: http://{host}:{port}/docs)", err=True)
        uvicorn.run(create_app(db, allowed_hosts=hosts_for(host), alert_config=config), host=host, port=port, log_level="warning")


def _bind_problem(host: str, port: int) -> str | None:
    """Why ``serve`` could not listen on ``host:port`` (tried and let go at once), or None."""
    import errno
    import socket

    if port == 0:
        return None
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # (as uvicorn binds)
            probe.bind(address)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            return f"port {port} on {host} is already in use (another `veille serve`?): choose another with --port"
        return f"cannot listen on {host}:{port}: {exc.strerror or exc}"
    return None
