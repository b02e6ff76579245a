"""``veille serve``: the JSON API and the web UI over one database, in one process."""

from __future__ import annotations

import click

from veille.commands.options import db_option


def register(cli: click.Group) -> None:
    @cli.command()
    @db_option("SQLite database file (created when missing).")
    @click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
    @click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port.")
    def serve(db: str, host: str, port: int) -> None:
        """Serve the web UI (/) and the JSON API (/api, docs at /docs) over DB."""
        import uvicorn

        from veille.web import create_app
        from veille.web.security import hosts_for

        click.echo(f"Veille on http://{host}:{port}/  (API docs: http://{host}:{port}/docs)", err=True)
        uvicorn.run(create_app(db, allowed_hosts=hosts_for(host)), host=host, port=port, log_level="warning")
