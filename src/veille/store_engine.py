"""The two engines a store can live in: a SQLite file (the default) or a PostgreSQL database.

The store, its hooks and the query layer write one SQL dialect, SQLite's, with ``?`` parameters.
For PostgreSQL, :class:`PgConnection` offers the ``sqlite3.Connection`` calls they use
(``execute``, ``executemany``, ``executescript``, rows read by index or by name) and rewrites each
statement once (:func:`translate`, cached): the per-dialect pieces live here and nowhere else.
What cannot be rewritten statement by statement (full-text search) asks :func:`dialect`.

Portable DDL, as a hook's ``ensure_schema`` writes it, is SQLite's ``CREATE TABLE IF NOT EXISTS``
with ``INTEGER``/``REAL``/``TEXT`` columns; on PostgreSQL ``INTEGER`` becomes ``BIGINT`` (SQLite
integers are 64-bit), ``REAL`` ``DOUBLE PRECISION``, ``BLOB`` ``BYTEA``, ``INTEGER PRIMARY KEY AUTOINCREMENT`` a
``BIGSERIAL`` key, and every table except ``WITHOUT ROWID`` ones gets a ``rowid BIGSERIAL`` last
column, so that ``rowid`` in queries and positional ``INSERT … VALUES`` keep working.
"""

from __future__ import annotations

import contextlib
import functools
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

POSTGRES_PREFIXES = ("postgresql://", "postgres://", "postgresql+psycopg://")

# Text search configuration of the PostgreSQL store: French stemming after unaccent, so that
# "reseau" finds "réseau" (as FTS5's remove_diacritics does) and ts_headline highlights it.
PG_SETUP = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'veille_french') THEN
    CREATE TEXT SEARCH CONFIGURATION veille_french (COPY = french);
    ALTER TEXT SEARCH CONFIGURATION veille_french
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
  END IF;
END$$;
CREATE OR REPLACE VIEW veille_catalog AS
  SELECT c.relname::text AS name,
         CASE c.relkind WHEN 'v' THEN 'view' WHEN 'i' THEN 'index' ELSE 'table' END AS type
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'i', 'p');
"""

# The searchable text of an article: the title weighs more than the body (FTS5: bm25 5.0 / 1.0).
PG_FTS = """
ALTER TABLE articles ADD COLUMN IF NOT EXISTS tsv tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('veille_french', coalesce(title, '')), 'A') ||
  setweight(to_tsvector('veille_french', body), 'D')) STORED;
CREATE INDEX IF NOT EXISTS articles_tsv ON articles USING GIN (tsv);
"""


def is_postgres(db: object) -> bool:
    """Whether ``--db`` names a PostgreSQL database (a URL) rather than a SQLite file."""
    return isinstance(db, str) and db.startswith(POSTGRES_PREFIXES)


def dialect(conn: Any) -> str:
    """``"postgresql"`` or ``"sqlite"``."""
    return "postgresql" if isinstance(conn, PgConnection) else "sqlite"


class PgError(sqlite3.OperationalError):
    """A PostgreSQL error, raised as the ``sqlite3`` error the callers already handle (a bad
    FTS query, a missing table): one ``except`` serves both engines."""


class Row(tuple):
    """A row read by position or by column name, like ``sqlite3.Row``."""

    _index: dict[str, int]

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor: Any) -> Any:
    index = {col.name: i for i, col in enumerate(cursor.description or ())}

    def make(values: Sequence[Any]) -> Row:
        row = Row(values)
        row._index = index
        return row
    return make


_STRING = re.compile(r"'(?:[^']|'')*'")
_CREATE_TABLE = re.compile(r"^\s*CREATE\s+TABLE", re.I)
_INSERT_OR = re.compile(r"^\s*INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+(\w+)", re.I)


def _outside_strings(sql: str, fn: Any) -> str:
    """``fn`` applied to the parts of ``sql`` outside string literals."""
    out, last = [], 0
    for m in _STRING.finditer(sql):
        out.append(fn(sql[last:m.start()]))
        out.append(m.group(0).replace("%", "%%"))
        last = m.end()
    out.append(fn(sql[last:]))
    return "".join(out)


def _code(part: str) -> str:
    part = part.replace("%", "%%").replace("?", "%s")
    part = re.sub(r"\bjson_each\(%s\)", "json_array_elements_text(CAST(%s AS json))", part)
    part = re.sub(r"\bsqlite_master\b", "veille_catalog", part)
    part = re.sub(r"\bLIKE\b", "ILIKE", part)  # SQLite's LIKE ignores (ASCII) case
    part = re.sub(r"\bBEGIN\s+IMMEDIATE\b", "BEGIN", part, flags=re.I)
    return part


def _ddl(sql: str) -> str:
    without_rowid = re.search(r"\bWITHOUT\s+ROWID\b", sql, re.I) is not None
    sql = re.sub(r"\bWITHOUT\s+ROWID\b", "", sql, flags=re.I)
    sql = re.sub(r"\bINTEGER\s+PRIMARY\s+KEY\s+AUTOINCREMENT\b", "BIGSERIAL PRIMARY KEY", sql, flags=re.I)
    sql = re.sub(r"\bINTEGER\b", "BIGINT", sql, flags=re.I)
    sql = re.sub(r"\bREAL\b", "DOUBLE PRECISION", sql, flags=re.I)
    sql = re.sub(r"\bBLOB\b", "BYTEA", sql, flags=re.I)
    if not without_rowid and not re.search(r"\browid\b", sql):
        end = sql.rstrip().rfind(")")
        sql = sql[:end] + ", rowid BIGSERIAL" + sql[end:]
    return sql


@functools.lru_cache(maxsize=4096)
def translate(sql: str) -> str | None:
    """The PostgreSQL form of one SQLite statement; None for a statement with no PostgreSQL
    meaning (a PRAGMA, the FTS5 virtual table: PostgreSQL searches a column of ``articles``)."""
    head = sql.lstrip().upper()
    if head.startswith("PRAGMA") or head.startswith("CREATE VIRTUAL TABLE"):
        return None
    if _CREATE_TABLE.match(sql):
        sql = _ddl(sql)
    sql = _outside_strings(sql, _code)
    m = _INSERT_OR.match(sql)
    if m and m.group(1).upper() == "IGNORE":
        sql = sql[:m.start()] + f"INSERT INTO {m.group(2)}" + sql[m.end():] + " ON CONFLICT DO NOTHING"
    return sql


def split_script(script: str) -> list[str]:
    """The statements of a script: ``--`` comments dropped (they may hold a ``;``), then split
    at each ``;`` outside ``$$`` bodies."""
    script = "\n".join(line for line in script.splitlines() if not line.strip().startswith("--"))
    statements, current, in_dollar = [], [], False
    for part in re.split(r"(\$\$|;)", script):
        if part == "$$":
            in_dollar = not in_dollar
        if part == ";" and not in_dollar:
            statements.append("".join(current))
            current = []
        else:
            current.append(part)
    statements.append("".join(current))
    return [s.strip() for s in statements if s.strip()]


class _NoRows:
    """What a statement without a PostgreSQL meaning returns."""

    rowcount = 0
    lastrowid = None

    def fetchone(self) -> None:
        return None

    def fetchall(self) -> list:
        return []

    def __iter__(self):
        return iter(())


class PgConnection:
    """A PostgreSQL connection with the calls of ``sqlite3.Connection`` the store and the query
    layer use. Autocommit, as the SQLite store runs (``isolation_level=None``): a transaction is
    an explicit ``BEGIN`` … ``COMMIT``."""

    def __init__(self, url: str, read_only: bool = False) -> None:
        # Parameters bound on the client, as SQLite binds them: a None or a string compared with
        # anything needs no declared type (server-side binding fails on ``? IS NOT NULL``).
        import psycopg

        self._psycopg = psycopg
        self.url = url
        try:
            self.raw = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"),
                                       autocommit=True, row_factory=_row_factory,
                                       cursor_factory=psycopg.ClientCursor)
        except psycopg.Error as exc:
            raise PgError(str(exc).strip().splitlines()[0]) from None
        if read_only:
            self.raw.execute("SET default_transaction_read_only = on")
        self._upserts: dict[str, str] = {}
        self._pipe: Any = None

    def _statement(self, sql: str) -> str | None:
        pg = translate(sql)
        m = _INSERT_OR.match(sql)
        if pg is not None and m and m.group(1).upper() == "REPLACE":
            pg = self._upsert(m.group(2), pg)
        return pg

    def _upsert(self, table: str, pg: str) -> str:
        """``INSERT OR REPLACE`` as an upsert on the table's primary key."""
        if table not in self._upserts:
            key = [r[0] for r in self.raw.execute(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid"
                " AND a.attnum = ANY(i.indkey) WHERE i.indrelid = %s::regclass AND i.indisprimary",
                (table,))]
            cols = [r[0] for r in self.raw.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = %s"
                " AND table_schema = current_schema() AND column_name <> 'rowid'", (table,))]
            sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in cols if c not in key)
            self._upserts[table] = (f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET {sets}" if sets
                                    else " ON CONFLICT DO NOTHING")
        body = re.sub(r"^\s*INSERT\s+OR\s+REPLACE\s+INTO", "INSERT INTO", pg, flags=re.I)
        return body + self._upserts[table]

    def execute(self, sql: str, params: Iterable[Any] = ()) -> Any:
        pg = self._statement(sql)
        if pg is None:
            return _NoRows()
        try:
            return self.raw.execute(pg, tuple(params))
        except self._psycopg.Error as exc:
            raise PgError(f"{exc}".strip()) from exc

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        pg = self._statement(sql)
        rows = [tuple(r) for r in rows]
        if pg is None or not rows:
            return
        try:
            with self.raw.cursor() as cur:
                cur.executemany(pg, rows)
        except self._psycopg.Error as exc:
            raise PgError(f"{exc}".strip()) from exc

    def executescript(self, script: str) -> None:
        for statement in split_script(script):
            self.execute(statement)

    @contextlib.contextmanager
    def pipelined(self) -> Iterator[None]:
        """psycopg's pipeline mode: each statement is sent without waiting for its answer, until a
        row is read or :meth:`sync` is called (one round trip for a run of writes). A failed
        statement is reported at that point; the statements after it, up to the next
        :meth:`sync`, are skipped."""
        with self.raw.pipeline() as pipe:
            self._pipe = pipe
            try:
                yield
            finally:
                self._pipe = None

    def sync(self) -> None:
        """Waits for the answers of the statements sent in pipeline mode; raises the first error."""
        if self._pipe is not None:
            try:
                self._pipe.sync()
            except self._psycopg.Error as exc:
                raise PgError(f"{exc}".strip()) from exc

    def close(self) -> None:
        self.raw.close()


def pg_search_parts(hl_open: str, hl_close: str, words: int) -> tuple[str, str, str]:
    """(FROM addition, snippet, rank) of a PostgreSQL full-text search; the query text is the one
    parameter of the FROM addition. ``websearch_to_tsquery`` reads what people type ("a phrase",
    ``-word``, ``or``) and never fails on stray syntax. Rank: lower is better, as FTS5's bm25."""
    source = ", websearch_to_tsquery('veille_french', ?) AS fts_q"
    snippet = (f"ts_headline('veille_french', a.body, fts_q, 'StartSel={hl_open}, StopSel={hl_close},"
               f" MaxWords={words}, MinWords={max(3, words // 3)}, MaxFragments=1, FragmentDelimiter=…')")
    rank = "-ts_rank('{0.2, 0.2, 0.4, 1.0}', a.tsv, fts_q)"
    return source, snippet, rank
