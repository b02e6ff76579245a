"""The store: a SQLite file (default) or a PostgreSQL database (``--db postgresql://…``); one file, one row per article, one table per extracted kind, FTS5 search.

The full record (``Article.to_dict()``) is kept as JSON in ``articles.record``; the child tables
(``entities``, ``quotes``, ``events``, ``times``, ``quantities``) repeat what queries filter on.
Every article is written atomically: in its own transaction (``add``), or under its own savepoint in
a transaction per batch of articles (``add_many``, :mod:`veille.store_batch`, what ``ingest`` uses);
a failure leaves what was stored before intact.

Corpus-wide work (entity linking across articles, duplicates, stories) plugs in through
``INGEST_HOOKS``: ``"module:function"`` specs called as ``function(store, article)`` inside the
article's transaction, after its rows are written. A hook may create its own tables in
``ensure_schema(conn)`` (a module-level function of the same module, called once per connection),
in the portable DDL :mod:`veille.store_engine` describes: the same script serves both engines.

The schema has a version (table ``schema_version``); :data:`MIGRATIONS` brings an older store up
to date, in portable SQL too. On PostgreSQL, writers take one advisory lock per transaction: the
corpus-wide hooks (duplicates, stories) read then write shared tables, as one SQLite writer does.
"""

from __future__ import annotations

import importlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from veille import store_spellings
from veille.common.fold import search_key
from veille.model import Article
from veille.queries.articles import stats as stats_of
from veille.queries.sql import plain_query
from veille.store_batch import BatchWriter, rollback_quietly
from veille.store_engine import PG_FTS, PG_SETUP, PgConnection, PgError, dialect, is_postgres, pg_search_parts

# Each hook's owner adds its line here.
INGEST_HOOKS: list[str] = [
    "veille.corpus_entities:link_entities",
    "veille.dedup:on_ingest",
    "veille.stories:on_ingest",
    "veille.watch.schema:on_ingest",
    "veille.alerts.schema:on_ingest",
]

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    path TEXT, url TEXT, site TEXT,
    title TEXT, published TEXT, published_from TEXT, language TEXT,
    dateline_place TEXT, dateline_date TEXT, dateline_agency TEXT,
    body TEXT NOT NULL DEFAULT '',
    record TEXT NOT NULL,
    duplicate_of TEXT, story TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_site ON articles(site);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, body, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
    kb_id TEXT, corpus_id TEXT, actor TEXT, mentions TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name);
CREATE INDEX IF NOT EXISTS entities_corpus_id ON entities(corpus_id);
CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, text TEXT NOT NULL, speaker TEXT, kind TEXT, cue TEXT,
    language TEXT, speaker_text TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
CREATE TABLE IF NOT EXISTS events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, type TEXT NOT NULL, source TEXT, target TEXT, date TEXT, place TEXT,
    mode TEXT, text TEXT, quantities TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS events_source ON events(source);
CREATE INDEX IF NOT EXISTS events_target ON events(target);
CREATE TABLE IF NOT EXISTS times (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, text TEXT NOT NULL, value TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS quantities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, text TEXT NOT NULL, value REAL, unit TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS failures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    origin TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL
);
"""

# One row per input and reason: a re-run updates the time instead of adding a row. Databases
# written before keep their first row of each pair.
FAILURES_UNIQUE = """
DELETE FROM failures WHERE id NOT IN (SELECT min(id) FROM failures GROUP BY origin, reason);
CREATE UNIQUE INDEX IF NOT EXISTS failures_origin_reason ON failures(origin, reason);
"""

# (version, portable SQL script, or a function of the connection for what SQL alone cannot
# compute): each is run once, in order, on a store of a lower version.
MIGRATIONS: list[tuple[int, str | Callable[[Any], None]]] = [
    (1, FAILURES_UNIQUE),
    (2, store_spellings.migrate),  # entities.name_key and entity_spellings: names by spelling, indexed
]
SCHEMA_VERSION = MIGRATIONS[-1][0]
# Key of the PostgreSQL advisory lock held by each writing transaction and by the schema set-up.
PG_WRITE_LOCK = 7_357_001

SQLITE_MAGIC = b"SQLite format 3\x00"
LOCK_RETRIES = 5


class StoreError(Exception):
    """The database cannot be used (missing, not a database, unreadable); ``str()`` says why."""


def check_database(path: str | Path, must_exist: bool = True) -> None:
    """Raises ``StoreError`` unless ``path`` is a SQLite database (or, with ``must_exist`` false,
    a place where one can be created): a mistyped ``--db`` must not become an empty database.
    A PostgreSQL URL is checked when the store connects."""
    if is_postgres(path):
        return
    p = Path(path)
    if p.is_dir():
        raise StoreError(f"{path}: is a folder, not a database file")
    if not p.exists():
        if must_exist:
            raise StoreError(f"{path}: no such database (create it with `veille ingest`)")
        if not p.parent.is_dir():
            raise StoreError(f"{path}: folder {p.parent} does not exist")
        return
    try:
        with open(p, "rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if head and head != SQLITE_MAGIC:
        raise StoreError(f"{path}: not a SQLite database")
    if not head and must_exist:
        raise StoreError(f"{path}: empty file, not a database")
    if head:
        foreign = _foreign_tables(p)
        if foreign:
            shown = ", ".join(foreign[:5]) + (", …" if len(foreign) > 5 else "")
            raise StoreError(f"{path}: a SQLite database of another application (tables {shown}), "
                             "not a Veille database: left untouched")


def _foreign_tables(p: Path) -> list[str]:
    """The tables of a SQLite file that has some but no Veille ``articles`` table (another
    application's database, which ``ingest`` must not fill with its own); [] otherwise."""
    try:
        conn = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        finally:
            conn.close()
    except sqlite3.Error:
        return []  # locked or damaged: the store says why when it opens it
    return sorted(names) if names and "articles" not in names else []


def _is_locked(exc: sqlite3.Error) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


def _clean(text: str) -> str:
    """Text SQLite accepts: undecodable file-name bytes (surrogates) shown as escapes."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store(BatchWriter):
    """A Veille database. ``Store(path)`` creates the file and its schema when missing
    (``create=False``: ``StoreError`` instead). Another writer holding the lock is waited for
    (``timeout`` seconds, then ``LOCK_RETRIES`` more tries) rather than failing the article."""

    def __init__(self, path: str | Path = "veille.db", create: bool = True, timeout: float = 30.0) -> None:
        self.path = str(path)
        check_database(path, must_exist=not create)
        self.timeout = timeout
        self._adding: str | None = None  # the article whose hooks are running (its record waits)
        if is_postgres(self.path):
            self._open_postgres(create)
            # Several processes may set up the same database at once: one at a time.
            self.conn.execute("SELECT pg_advisory_lock(?)", (PG_WRITE_LOCK,))
            try:
                self.hooks = [self._load_hook(spec) for spec in INGEST_HOOKS]
                self.conn.execute("SELECT pg_advisory_unlock(?)", (PG_WRITE_LOCK,))
            except PgError as exc:
                self.conn.close()  # which also releases the lock
                raise StoreError(f"{self.where()}: cannot use the database: {exc}") from None
        else:
            self._open_sqlite()
            self.hooks = [self._load_hook(spec) for spec in INGEST_HOOKS]

    def check_writable(self) -> None:
        """Raises ``StoreError`` when the database cannot be written (a read-only file, a read-only
        mount): said once before any work, not once per article after each was extracted. A
        database locked by another writer is writable (the articles wait for it)."""
        if is_postgres(self.path):
            return
        conn = self.conn
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute("DELETE FROM schema_version WHERE 0")  # a write of nothing
            finally:
                conn.execute("ROLLBACK")
        except sqlite3.OperationalError as exc:
            if not _is_locked(exc):
                raise StoreError(f"{self.path}: cannot write the database: {exc}") from None
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")

    def where(self) -> str:
        """The store's place for messages: the file, or the server and database (never a password)."""
        return self.path.rsplit("@", 1)[-1] if is_postgres(self.path) else self.path

    def _open_sqlite(self) -> None:
        path, timeout = self.path, self.timeout
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                        timeout=timeout)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.executescript(SCHEMA)
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot use the database: {exc}") from None

    def _open_postgres(self, create: bool) -> None:
        where = self.where()
        try:
            self.conn = PgConnection(self.path)
        except PgError as exc:
            raise StoreError(f"{where}: cannot connect: {exc}") from None
        try:
            if not create and not self.conn.execute(
                    "SELECT 1 FROM information_schema.tables WHERE table_name = 'articles'"
                    " AND table_schema = current_schema()").fetchone():
                raise StoreError(f"{where}: no Veille store in this database (create it with `veille ingest`)")
            # Several processes may set up the same database at once: one at a time.
            self.conn.execute("SELECT pg_advisory_lock(?)", (PG_WRITE_LOCK,))
            try:
                self.conn.executescript(PG_SETUP)
                self.conn.executescript(SCHEMA)
                self.conn.executescript(PG_FTS)
                self._migrate()
            finally:
                self.conn.execute("SELECT pg_advisory_unlock(?)", (PG_WRITE_LOCK,))
        except PgError as exc:
            self.conn.close()
            raise StoreError(f"{where}: cannot use the database: {exc}") from None

    def _migrate(self) -> None:
        conn = self.conn
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
        current = row[0] or 0
        for version, script in MIGRATIONS:
            if version > current:
                if callable(script):
                    script(conn)
                else:
                    conn.executescript(script)
                conn.execute("DELETE FROM schema_version")
                conn.execute("INSERT INTO schema_version VALUES (?)", (version,))
        # A store whose unique index was dropped by hand gets it back (and loses its repeats).
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'failures_origin_reason'").fetchone():
            conn.executescript(FAILURES_UNIQUE)

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return dialect(self.conn)

    def _load_hook(self, spec: str):
        module_name, _, func = spec.partition(":")
        module = importlib.import_module(module_name)
        if hasattr(module, "ensure_schema"):
            module.ensure_schema(self.conn)
        return getattr(module, func)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def ids(self) -> frozenset[str]:
        """Every stored article's id (``veille ingest`` run again parses none of them)."""
        return frozenset(row[0] for row in self.conn.execute("SELECT id FROM articles"))

    def add(self, article: Article) -> bool:
        """Stores one article and its extractions atomically; False when it was already there
        (also when another writer stored it meanwhile)."""
        if self.has(article.id):
            return False
        conn = self.conn
        self._begin()
        try:
            added = self._write(article)
            conn.execute("COMMIT" if added else "ROLLBACK")
        except BaseException:
            # (Quietly: SQLite ends the transaction itself on a full disk or an I/O error, and a
            # failed ROLLBACK then hid that reason behind "no transaction is active".)
            rollback_quietly(conn)
            raise
        return added

    def _write(self, article: Article) -> bool:
        """The rows of one article, its hooks, then its record, inside the caller's transaction;
        False when the article was already there. The record (the costly JSON of the whole
        article) is written once, after the hooks have set the corpus-wide fields."""
        if self.dialect == "postgresql" and self.has(article.id):
            return False  # (in pipeline mode an INSERT's row count is not known until a sync)
        if not self._insert(article, known_new=self.dialect == "postgresql"):
            return False
        self._adding = article.id
        try:
            for hook in self.hooks:
                hook(self, article)
        finally:
            self._adding = None
        self._write_record(article)
        return True

    def _begin(self) -> None:
        """BEGIN IMMEDIATE, waiting out another writer: the busy timeout, then a few retries."""
        if self.dialect == "postgresql":
            self.conn.execute("BEGIN")
            self.conn.execute("SELECT pg_advisory_xact_lock(?)", (PG_WRITE_LOCK,))
            return
        for attempt in range(LOCK_RETRIES + 1):
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not _is_locked(exc) or attempt == LOCK_RETRIES:
                    raise
                time.sleep(min(0.1 * 2 ** attempt, 2.0))

    def _insert(self, a: Article, known_new: bool = False) -> bool:
        """The article's rows, its record left empty (``_write`` fills it); ``known_new``: the
        caller checked that the id is not stored, under the writers' lock."""
        conn = self.conn
        d = a.dateline
        body = "\n\n".join(a.paragraphs)
        cur = conn.execute(
            "INSERT OR IGNORE INTO articles (id, path, url, site, title, published, published_from, language,"
            " dateline_place, dateline_date, dateline_agency, body, record, duplicate_of, story, ingested_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (a.id, a.source.path, a.source.url, a.source.site, a.title, a.published, a.published_from,
             a.language, d.place if d else None, d.date if d else None, d.agency if d else None, body,
             "{}", a.duplicate_of, a.story, _now()))
        if not known_new and cur.rowcount == 0:
            return False
        if self.dialect == "sqlite":  # PostgreSQL indexes a generated column of articles
            conn.execute("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
                         (cur.lastrowid, a.title or "", body))
        conn.executemany(
            "INSERT INTO entities (article_id, idx, name, type, kb_id, corpus_id, actor, mentions, name_key)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            [(a.id, i, e.name, e.type, e.kb_id, e.corpus_id, e.actor, json.dumps(e.mentions, ensure_ascii=False),
              search_key(e.name)) for i, e in enumerate(a.entities)])
        store_spellings.write(conn, [(e.name, e.mentions) for e in a.entities])
        conn.executemany(
            "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?)",
            [(a.id, i, q.text, q.speaker, q.kind, q.cue, q.language, q.speaker_text)
             for i, q in enumerate(a.quotes)])
        conn.executemany(
            "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(a.id, i, e.type, e.source, e.target, e.date, e.place, e.mode, e.text,
              json.dumps([q.__dict__ for q in e.quantities], ensure_ascii=False))
             for i, e in enumerate(a.events)])
        conn.executemany("INSERT INTO times VALUES (?,?,?,?)",
                         [(a.id, i, t.text, t.value) for i, t in enumerate(a.times)])
        conn.executemany("INSERT INTO quantities VALUES (?,?,?,?,?)",
                         [(a.id, i, q.text, q.value, q.unit) for i, q in enumerate(a.quantities)])
        return True

    def update_record(self, article: Article) -> None:
        """Rewrites an article's stored record (for corpus-level fields set after ingest). For the
        article being added, nothing yet: its record is written once its hooks have all run."""
        if article.id != self._adding:
            self._write_record(article)

    def _write_record(self, article: Article) -> None:
        self.conn.execute("UPDATE articles SET duplicate_of = ?, story = ?, record = ? WHERE id = ?",
                          (article.duplicate_of, article.story,
                           json.dumps(article.to_dict(), ensure_ascii=False), article.id))

    def record_failure(self, origin: str, reason: str) -> bool:
        """Notes that ``origin`` could not be read or stored, once per origin and reason. Never
        raises: a failure to note a failure must not stop the batch (False then)."""
        sql = ("INSERT INTO failures (origin, reason, at) VALUES (?, ?, ?)"
               " ON CONFLICT(origin, reason) DO UPDATE SET at = excluded.at")
        for attempt in range(LOCK_RETRIES + 1):
            try:
                self.conn.execute(sql, (_clean(str(origin)), _clean(str(reason)), _now()))
                return True
            except sqlite3.Error as exc:
                if not _is_locked(exc) or attempt == LOCK_RETRIES:
                    return False
                time.sleep(min(0.1 * 2 ** attempt, 2.0))
        return False

    # -- reading ------------------------------------------------------------------------------

    def get(self, article_id: str) -> Article | None:
        """An article by id, or by a unique id prefix."""
        row = self.conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None and len(article_id) >= 4:
            rows = self.conn.execute("SELECT record FROM articles WHERE id LIKE ? LIMIT 2",
                                     (article_id + "%",)).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return Article.from_dict(json.loads(row["record"])) if row else None

    def iter_articles(self) -> Iterator[Article]:
        for row in self.conn.execute("SELECT record FROM articles ORDER BY published, id"):
            yield Article.from_dict(json.loads(row["record"]))

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Full-text search (FTS5 syntax; a plain phrase works) with highlighted snippets."""
        if self.dialect == "postgresql":
            source, snippet, rank = pg_search_parts("[", "]", 16)
            sql = (f"SELECT a.id, a.title, a.published, a.site, {snippet} AS snippet, {rank} AS rank"
                   f" FROM articles a{source} WHERE a.tsv @@ fts_q ORDER BY rank, a.rowid LIMIT ? OFFSET ?")
            return [dict(r) for r in self.conn.execute(sql, (query, limit, offset)).fetchall()]
        from veille.queries.articles import fts_query  # the CLI's and the web's reading of the words

        match = fts_query(self.conn, query)
        if match is None:
            return []
        sql = ("SELECT a.id, a.title, a.published, a.site,"
               " snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, bm25(articles_fts) AS rank"
               " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
               " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?")
        try:
            rows = self.conn.execute(sql, (match, limit, offset)).fetchall()
        except sqlite3.OperationalError:
            rows = self.conn.execute(sql, (plain_query(query), limit, offset)).fetchall()
        return [dict(r) for r in rows]

    def stats(self) -> dict[str, Any]:
        """What the store holds (``veille stats``): the query layer's one answer."""
        return stats_of(self.conn)
