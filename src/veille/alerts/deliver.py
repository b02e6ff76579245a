"""Sending what alerts found: a JSON POST to the alert's webhook, a mail through the SMTP server
of the config file. Each pending match is tried at most ``MAX_ATTEMPTS`` times (once per round);
what happened is kept on the match (``sent``, ``pending``, ``failed: reason``).

The config file is TOML (``--config``, ``$VEILLE_CONFIG``, else ``veille.toml`` when present)::

    [smtp]
    host = "smtp.example.org"
    port = 587
    starttls = true            # or ssl = true for port 465
    user = "veille"
    password_env = "VEILLE_SMTP_PASSWORD"   # the password is read from this variable, never the file
    from = "veille@example.org"

    [web]
    base_url = "http://127.0.0.1:8000"      # links in mails and webhooks
"""

from __future__ import annotations

import os
import smtplib
import sqlite3
import tomllib
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx

from veille.alerts import schema

CONFIG_ENV = "VEILLE_CONFIG"
DEFAULT_CONFIG = "veille.toml"
MAX_ATTEMPTS = 3


class ConfigError(ValueError):
    """A config file that cannot be used; ``str()`` names the file and the reason."""


@dataclass
class AlertConfig:
    smtp: dict[str, Any] = field(default_factory=dict)
    base_url: str = "http://127.0.0.1:8000"

    @classmethod
    def load(cls, path: str | Path | None = None) -> AlertConfig:
        """The config at ``path`` (else ``$VEILLE_CONFIG``, else ``./veille.toml``; none: defaults)."""
        chosen = path or os.environ.get(CONFIG_ENV) or (DEFAULT_CONFIG if Path(DEFAULT_CONFIG).is_file() else None)
        if not chosen:
            return cls()
        try:
            data = tomllib.loads(Path(chosen).read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"{chosen}: cannot read: {exc.strerror or exc}") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{chosen}: not valid TOML: {exc}") from None
        smtp = data.get("smtp") or {}
        if smtp and not smtp.get("host"):
            raise ConfigError(f"{chosen}: [smtp] needs a host")
        return cls(smtp=smtp, base_url=str((data.get("web") or {}).get("base_url", cls.base_url)).rstrip("/"))


def payload(match: dict[str, Any], base_url: str) -> dict[str, Any]:
    return {"alert": {"id": match["alert_id"], "name": match["name"],
                      "feed": f"{base_url}/alertes/{match['alert_id']}.atom"},
            "article": {"id": match["article_id"], "title": match["title"], "site": match["site"],
                        "published": match["published"], "url": match["url"],
                        "link": f"{base_url}/articles/{match['article_id']}"},
            "matched_at": match["matched_at"]}


def post_webhook(url: str, body: dict[str, Any], timeout: float = 10.0) -> str:
    try:
        resp = httpx.post(url, json=body, timeout=timeout, follow_redirects=False)
    except httpx.HTTPError as exc:
        return f"{exc.__class__.__name__}: {exc}"
    return "sent" if resp.status_code < 300 else f"HTTP {resp.status_code}"


def send_mail(smtp: dict[str, Any], to: str, subject: str, text: str, timeout: float = 10.0) -> str:
    if not smtp:
        return "no [smtp] section in the config file"
    msg = EmailMessage()
    msg["From"] = smtp.get("from", "veille@localhost")
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(text)
    host, port = smtp["host"], int(smtp.get("port", 465 if smtp.get("ssl") else 25))
    try:
        klass = smtplib.SMTP_SSL if smtp.get("ssl") else smtplib.SMTP
        with klass(host, port, timeout=timeout) as server:
            if smtp.get("starttls"):
                server.starttls()
            if smtp.get("user"):
                server.login(smtp["user"], os.environ.get(smtp.get("password_env", ""), ""))
            server.send_message(msg)
    except (OSError, smtplib.SMTPException) as exc:
        return f"{exc.__class__.__name__}: {exc}"
    return "sent"


def _mail_text(match: dict[str, Any], body: dict[str, Any]) -> tuple[str, str]:
    art = body["article"]
    subject = f"[Veille] {match['name']} : {art['title'] or art['id']}"
    lines = [f"Nouvel article pour l'alerte « {match['name']} » :", "", art["title"] or "(sans titre)",
             f"{art['site'] or ''} {art['published'] or ''}".strip(), art["url"] or "", art["link"], "",
             f"Flux de l'alerte : {body['alert']['feed']}"]
    return subject, "\n".join(line for line in lines if line is not None)


def _status(result: str, attempts: int) -> str:
    if result == "sent":
        return "sent"
    return "pending" if attempts + 1 < MAX_ATTEMPTS else f"failed: {result}"


def deliver_pending(conn: sqlite3.Connection, config: AlertConfig) -> dict[str, int]:
    """Sends every pending match on its channels; counts of what was sent and what failed."""
    counts = {"webhook": 0, "email": 0, "failed": 0}
    for match in schema.pending(conn, MAX_ATTEMPTS):
        body = payload(match, config.base_url)
        webhook, email = match["webhook_status"], match["email_status"]
        if webhook == "pending":
            webhook = _status(post_webhook(match["webhook"], body), match["attempts"])
            counts["webhook" if webhook == "sent" else "failed"] += 1
        if email == "pending":
            email = _status(send_mail(config.smtp, match["email"], *_mail_text(match, body)), match["attempts"])
            counts["email" if email == "sent" else "failed"] += 1
        schema.delivered(conn, match["alert_id"], match["article_id"], webhook, email)
    return counts
