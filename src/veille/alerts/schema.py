"""The alerts' tables, their reads and writes, and the ingest hook that fires them.

``on_ingest`` is registered in ``store.INGEST_HOOKS``: it runs inside the new article's
transaction, after its rows (and the other hooks' work) are written, so the saved searches see it
as the search page will; each match is one ``alert_matches`` row (primary key: alert and article),
which is what makes an alert fire once per new matching article. Delivery (webhook, mail) is
done afterwards from that table, each channel's status kept on the row.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import Any

from veille.alerts.query import AlertQuery
from veille.model import Article

SCHEMA = """
CREATE TABLE IF NOT EXISTS alerts (
    id INTEGER PRIMARY KEY,
    name TEXT, query TEXT NOT NULL,
    webhook TEXT, email TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS alert_matches (
    alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    matched_at TEXT NOT NULL,
    webhook_status TEXT, email_status TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (alert_id, article_id)
);
"""


def ensure_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def on_ingest(store: Any, article: Article) -> None:
    """Records the alerts ``article`` matches (pending delivery on the channels each alert has)."""
    conn = store.conn
    for alert in list_alerts(conn, counts=False):
        try:
            matched = alert["query"].matching(conn, [article.id])
        except (sqlite3.Error, ValueError):  # a saved search that no longer runs must not cost the article
            continue
        if matched:
            conn.execute(
                "INSERT INTO alert_matches (alert_id, article_id, matched_at, webhook_status, email_status)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (alert_id, article_id) DO NOTHING",
                (alert["id"], article.id, _now(), "pending" if alert["webhook"] else None,
                 "pending" if alert["email"] else None))


def add_alert(conn: sqlite3.Connection, query: AlertQuery, name: str | None = None,
              webhook: str | None = None, email: str | None = None) -> int:
    new_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM alerts").fetchone()[0]
    conn.execute("INSERT INTO alerts (id, name, query, webhook, email, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                 (new_id, name or query.text(), json.dumps(query.active(), ensure_ascii=False), webhook, email,
                  _now()))
    return int(new_id)


def remove_alert(conn: sqlite3.Connection, alert_id: int) -> bool:
    conn.execute("DELETE FROM alert_matches WHERE alert_id = ?", (alert_id,))
    return conn.execute("DELETE FROM alerts WHERE id = ?", (alert_id,)).rowcount > 0


def _alert(row: sqlite3.Row) -> dict[str, Any]:
    alert = dict(row)
    alert["query"] = AlertQuery.from_params(json.loads(alert["query"]), check=False)
    alert["text"] = alert["query"].text()
    return alert


def list_alerts(conn: sqlite3.Connection, counts: bool = True) -> list[dict[str, Any]]:
    """Every alert (its query as an ``AlertQuery``) with, when ``counts``, its matches so far."""
    extra = (", (SELECT count(*) FROM alert_matches m WHERE m.alert_id = al.id) AS matches,"
             " (SELECT max(matched_at) FROM alert_matches m WHERE m.alert_id = al.id) AS last_match") if counts else ""
    rows = conn.execute(f"SELECT al.*{extra} FROM alerts al ORDER BY al.id").fetchall()
    return [_alert(r) for r in rows]


def get_alert(conn: sqlite3.Connection, alert_id: int) -> dict[str, Any] | None:
    return next((a for a in list_alerts(conn) if a["id"] == alert_id), None)


def alert_matches(conn: sqlite3.Connection, alert_id: int, limit: int = 50) -> list[dict[str, Any]]:
    """The alert's matches, newest first, with their article's title, site, date and URL."""
    return [dict(r) for r in conn.execute(
        "SELECT m.article_id, m.matched_at, m.webhook_status, m.email_status, a.title, a.site, a.published,"
        " a.url FROM alert_matches m JOIN articles a ON a.id = m.article_id WHERE m.alert_id = ?"
        " ORDER BY m.matched_at DESC, m.article_id LIMIT ?", (alert_id, limit))]


def pending(conn: sqlite3.Connection, max_attempts: int) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(
        "SELECT m.alert_id, m.article_id, m.matched_at, m.webhook_status, m.email_status, m.attempts,"
        " al.name, al.webhook, al.email, a.title, a.site, a.published, a.url FROM alert_matches m"
        " JOIN alerts al ON al.id = m.alert_id JOIN articles a ON a.id = m.article_id"
        " WHERE (m.webhook_status = 'pending' OR m.email_status = 'pending') AND m.attempts < ?"
        " ORDER BY m.alert_id, m.matched_at", (max_attempts,))]


def delivered(conn: sqlite3.Connection, alert_id: int, article_id: str, webhook_status: str | None,
              email_status: str | None) -> None:
    conn.execute("UPDATE alert_matches SET webhook_status = ?, email_status = ?, attempts = attempts + 1"
                 " WHERE alert_id = ? AND article_id = ?", (webhook_status, email_status, alert_id, article_id))

