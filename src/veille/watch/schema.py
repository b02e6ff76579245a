"""The watch's tables and every read and write of them.

Declared through the store's hook mechanism (``ensure_schema``, registered in
``store.INGEST_HOOKS``) in portable SQL: ids are given by the code, upserts use
``ON CONFLICT … DO UPDATE``. ``watch_urls`` has one row per normalised article URL (its first and
latest article, the stamp its source last gave); ``watch_versions`` one row per stored version of
that URL, so a changed page is a new version linked to the first, not another article.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from typing import Any

from veille.model import Article

SCHEMA = """
CREATE TABLE IF NOT EXISTS watch_sources (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE, name TEXT, kind TEXT,
    every_seconds INTEGER NOT NULL, added_at TEXT NOT NULL,
    etag TEXT, last_modified TEXT,
    last_polled TEXT, last_success TEXT, next_poll TEXT,
    failures INTEGER NOT NULL DEFAULT 0, last_error TEXT,
    articles INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS watch_urls (
    url_key TEXT PRIMARY KEY,
    url TEXT NOT NULL, source_id INTEGER,
    first_article TEXT, latest_article TEXT, stamp TEXT,
    versions INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT NOT NULL, last_fetched TEXT, last_error TEXT
);
CREATE TABLE IF NOT EXISTS watch_versions (
    url_key TEXT NOT NULL, version INTEGER NOT NULL,
    article_id TEXT NOT NULL, fetched_at TEXT NOT NULL,
    PRIMARY KEY (url_key, version)
);
CREATE INDEX IF NOT EXISTS watch_versions_article ON watch_versions(article_id);
"""

# A failing source waits its interval doubled per failure in a row, at most this long.
MAX_BACKOFF = timedelta(days=1)


def ensure_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def on_ingest(store: Any, article: Article) -> None:
    """Nothing to do per article: the watch links versions itself once the article is stored."""


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


# -- sources ----------------------------------------------------------------------------------------


def add_source(conn: sqlite3.Connection, url: str, name: str | None, every_seconds: int) -> int:
    """The id of the source (a new one, or the existing one with its name and interval updated)."""
    row = conn.execute("SELECT id FROM watch_sources WHERE url = ?", (url,)).fetchone()
    if row:
        conn.execute("UPDATE watch_sources SET name = coalesce(?, name), every_seconds = ? WHERE id = ?",
                     (name, every_seconds, row[0]))
        return int(row[0])
    new_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM watch_sources").fetchone()[0]
    conn.execute("INSERT INTO watch_sources (id, url, name, every_seconds, added_at) VALUES (?, ?, ?, ?, ?)",
                 (new_id, url, name, every_seconds, stamp(now())))
    return int(new_id)


def remove_source(conn: sqlite3.Connection, key: str) -> bool:
    """Removes a source by id or URL (its articles stay); False when there is none."""
    cur = conn.execute("DELETE FROM watch_sources WHERE url = ? OR CAST(id AS TEXT) = ?", (key, key))
    return cur.rowcount > 0


def list_sources(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute("SELECT * FROM watch_sources ORDER BY id")]


def due_sources(conn: sqlite3.Connection, at: datetime, every: bool = False) -> list[dict[str, Any]]:
    """Sources whose next poll time has come (all of them with ``every``)."""
    rows = list_sources(conn)
    return rows if every else [r for r in rows if not r["next_poll"] or r["next_poll"] <= stamp(at)]


def source_polled(conn: sqlite3.Connection, source: dict[str, Any], at: datetime, kind: str | None,
                  etag: str | None, last_modified: str | None, new_articles: int) -> None:
    conn.execute(
        "UPDATE watch_sources SET kind = coalesce(?, kind), etag = coalesce(?, etag),"
        " last_modified = coalesce(?, last_modified), last_polled = ?, last_success = ?, next_poll = ?,"
        " failures = 0, last_error = NULL, articles = articles + ? WHERE id = ?",
        (kind, etag, last_modified, stamp(at), stamp(at),
         stamp(at + timedelta(seconds=source["every_seconds"])), new_articles, source["id"]))


def source_failed(conn: sqlite3.Connection, source: dict[str, Any], at: datetime, reason: str,
                  new_articles: int = 0) -> None:
    """Marks the source failing; it is tried again after its interval doubled per failure."""
    failures = int(source["failures"] or 0) + 1
    wait = min(timedelta(seconds=source["every_seconds"] * 2 ** (failures - 1)), MAX_BACKOFF)
    conn.execute("UPDATE watch_sources SET last_polled = ?, next_poll = ?, failures = ?, last_error = ?,"
                 " articles = articles + ? WHERE id = ?",
                 (stamp(at), stamp(at + wait), failures, reason, new_articles, source["id"]))


# -- article URLs -----------------------------------------------------------------------------------


def known_url(conn: sqlite3.Connection, key: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT * FROM watch_urls WHERE url_key = ?", (key,)).fetchone()
    return dict(row) if row else None


def url_failed(conn: sqlite3.Connection, key: str, url: str, source_id: int, item_stamp: str | None,
               reason: str) -> None:
    """A page that could not be fetched or read: remembered with its stamp, not fetched again until
    its source gives a new stamp."""
    conn.execute(
        "INSERT INTO watch_urls (url_key, url, source_id, stamp, first_seen, last_fetched, last_error)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url_key) DO UPDATE SET stamp = excluded.stamp,"
        " last_fetched = excluded.last_fetched, last_error = excluded.last_error",
        (key, url, source_id, item_stamp, stamp(now()), stamp(now()), reason))


def url_alias(conn: sqlite3.Connection, key: str, url: str, source_id: int, item_stamp: str | None) -> None:
    """Remembers a URL that led to an article known under another URL (a redirect, a canonical
    link), so that it is not fetched again until its source gives it a new stamp."""
    conn.execute(
        "INSERT INTO watch_urls (url_key, url, source_id, stamp, first_seen, last_fetched) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (url_key) DO UPDATE SET stamp = excluded.stamp, last_fetched = excluded.last_fetched",
        (key, url, source_id, item_stamp, stamp(now()), stamp(now())))


def url_stored(conn: sqlite3.Connection, key: str, url: str, source_id: int, item_stamp: str | None,
               article_id: str) -> int:
    """Links a stored article to its URL as its next version; returns the version number (1 for a
    new URL). The same article again (the page did not change) adds no version: 0."""
    row = known_url(conn, key)
    at = stamp(now())
    if row and row["latest_article"] == article_id:
        conn.execute("UPDATE watch_urls SET stamp = ?, last_fetched = ?, last_error = NULL WHERE url_key = ?",
                     (item_stamp, at, key))
        return 0
    version = (row["versions"] if row else 0) + 1
    conn.execute(
        "INSERT INTO watch_urls (url_key, url, source_id, first_article, latest_article, stamp, versions,"
        " first_seen, last_fetched) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url_key) DO UPDATE SET"
        " first_article = coalesce(watch_urls.first_article, excluded.first_article),"
        " latest_article = excluded.latest_article, stamp = excluded.stamp, versions = excluded.versions,"
        " last_fetched = excluded.last_fetched, last_error = NULL",
        (key, url, source_id, article_id, article_id, item_stamp, version, at, at))
    conn.execute("INSERT INTO watch_versions (url_key, version, article_id, fetched_at) VALUES (?, ?, ?, ?)",
                 (key, version, article_id, at))
    return version


def versions_of(conn: sqlite3.Connection, article_id: str) -> list[dict[str, Any]]:
    """Every stored version of the page ``article_id`` was read from, oldest first."""
    return [dict(r) for r in conn.execute(
        "SELECT v.version, v.article_id, v.fetched_at, u.url FROM watch_versions v"
        " JOIN watch_urls u ON u.url_key = v.url_key WHERE v.url_key IN"
        " (SELECT url_key FROM watch_versions WHERE article_id = ?) ORDER BY v.version", (article_id,))]
