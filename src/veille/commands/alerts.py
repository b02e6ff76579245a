"""``veille alerts`` (add, list, remove, send): saved searches that fire on new articles."""

from __future__ import annotations

import click

from veille.commands.options import config_option, listing_group, load_alert_config, sub_db_option
from veille.commands.options import open_store as _open


def _warn_without_smtp(config: str | None) -> None:
    """One line on stderr when mails of a new alert cannot go out: no [smtp] in the config file."""
    from veille.alerts.deliver import AlertConfig, ConfigError

    try:
        smtp = AlertConfig.load(config).smtp
    except ConfigError as exc:
        click.echo(f"warning: mails will not be sent until the config file is fixed: {exc}", err=True)
        return
    if not smtp:
        click.echo("warning: no [smtp] section configured (veille.toml, --config or $VEILLE_CONFIG): "
                   "mails will not be sent until [smtp] is set; the alert is stored", err=True)


def register(cli: click.Group) -> None:
    alerts = listing_group(cli, "alerts", "Saved searches: each new matching article fires once "
                                          "(Atom feed, webhook, mail).")

    @alerts.command("add")
    @click.argument("search")
    @click.option("--name", help="A name for the alert (default: the search).")
    @click.option("--webhook", help="URL that receives a JSON POST per new matching article.")
    @click.option("--email", help="Address that receives a mail per new matching article "
                                  "(sent through the [smtp] section of the config file).")
    @config_option()
    @sub_db_option("SQLite database file (created when missing), or a PostgreSQL URL (postgresql://user@host/dbname).")
    def add_alert(search: str, name: str | None, webhook: str | None, email: str | None, config: str | None,
                  db: str) -> None:
        """Save SEARCH: words plus filters site:, from:, to:, year:, entity:, type:, speaker:
        (quote values with spaces: entity:"Jean Dupont")."""
        from veille.alerts import schema
        from veille.alerts.query import AlertQuery, AlertQueryError

        if webhook and not webhook.lower().startswith(("http://", "https://")):
            raise click.BadParameter(f"{webhook}: not an http(s) URL", param_hint="--webhook")
        if email and "@" not in email:
            raise click.BadParameter(f"{email}: not a mail address", param_hint="--email")
        try:
            query = AlertQuery.parse(search)
        except AlertQueryError as exc:
            raise click.BadParameter(str(exc), param_hint="SEARCH") from None
        with _open(db, create=True) as store:
            alert_id = schema.add_alert(store.conn, query, name, webhook, email)
        click.echo(f"alert {alert_id}: {query.text()}  (feed: /alertes/{alert_id}.atom)")
        if email:
            _warn_without_smtp(config)


    @alerts.command("list")
    @sub_db_option()
    def list_alerts(db: str) -> None:
        """Each alert with its search, channels and matches so far."""
        from veille.alerts import schema

        with _open(db) as store:
            rows = schema.list_alerts(store.conn)
        for a in rows:
            channels = ", ".join(c for c in (a["webhook"] and "webhook", a["email"] and f"mail {a['email']}") if c)
            click.echo(f"{a['id']:>3}  {a['name']}  [{a['text']}]  {a['matches']} match(es)"
                       f"{'  last ' + a['last_match'] if a['last_match'] else ''}  {channels or 'feed only'}")
        click.echo(f"{len(rows)} alert(s)", err=True)

    @alerts.command("remove")
    @click.argument("alert_id", type=int)
    @sub_db_option()
    def remove_alert(alert_id: int, db: str) -> None:
        """Delete an alert and its matches."""
        from veille.alerts import schema

        with _open(db) as store:
            if not schema.remove_alert(store.conn, alert_id):
                raise click.ClickException(f"no alert {alert_id} in {db}")
        click.echo(f"alert {alert_id} removed")

    @alerts.command("send")
    @config_option("TOML file with the [smtp] settings (env VEILLE_CONFIG).")
    @sub_db_option()
    def send_alerts(config: str | None, db: str) -> None:
        """Send what is pending (matches of articles stored by `veille ingest` or the web upload);
        `veille watch` does this after each round."""
        from veille.alerts.deliver import deliver_pending

        alert_config = load_alert_config(config)
        with _open(db) as store:
            sent = deliver_pending(store.conn, alert_config)
        click.echo(f"{sent['webhook']} webhook(s), {sent['email']} mail(s) sent, {sent['failed']} failed", err=True)
