"""SQL building blocks every query shares: one WHERE builder, one text-matching rule, one LIKE escape.

A filter typed by a person ("zelensk", "Chișinău", "l'otan") is matched with
:func:`veille.common.fold.search_key` on both sides (the filter and each distinct stored value),
so the CLI and the web mean the same thing by "contains". A filter on a name also matches the
names it is a transliteration of, word for word (:func:`veille.common.fold.phonetic`): "Zelenski"
finds "Volodymyr Zelensky" and "Zelenskyy", "Kyiv" finds "Kiev". The stored values are folded in Python
once per distinct value (cached) and the matching ones handed to SQL as a list: a name filter
then uses the column's index instead of calling Python on every row (55,000 quotes: 7 ms, not 500).
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

from veille.common.fold import phonetic, search_key

# Names and sources repeat across thousands of rows: the key of each is computed once.
_cached_key = functools.lru_cache(maxsize=200_000)(search_key)
# A spelling key shorter than this ("li", "kim") would match too many other names.
MIN_SPELLING_KEY = 4


@functools.lru_cache(maxsize=200_000)
def spelling_key(text: str) -> str:
    """``text``'s :func:`phonetic` key between spaces, so a name is found word for word."""
    return f" {phonetic(text)} "


def name_matches(filter_text: str | None, value: str) -> bool:
    """Whether a name filter finds ``value``: its :func:`search_key` is inside the value's, or its
    words are, spelled as any transliteration (``name_matches("zelenski", "Volodymyr Zelensky")``);
    a very short filter ("li") only by its letters."""
    key = search_key(filter_text)
    if key in _cached_key(value):
        return True
    sound = spelling_key(filter_text or "")
    return len(sound.strip()) >= MIN_SPELLING_KEY and sound in spelling_key(value)


def values_containing(conn: sqlite3.Connection, table: str, column: str, text: str | None,
                      names: bool = False) -> list[str]:
    """The distinct values of ``table.column`` whose :func:`search_key` contains ``text``'s; with
    ``names``, also those a transliteration of ``text`` names (:func:`name_matches`)."""
    key = search_key(text)
    rows = conn.execute(f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL")
    if names:
        return [v for (v,) in rows if isinstance(v, str) and name_matches(text, v)]
    return [v for (v,) in rows if isinstance(v, str) and key in _cached_key(v)]


def until_clause(column: str, until: str) -> tuple[str, int, str]:
    """A condition keeping the dates in ``column`` up to ``until`` included, at its precision
    ("2022-04" keeps "2022-04-30" and "2022-04"): the clause and its parameters."""
    return f"substr({column}, 1, ?) <= ?", len(until), until


def sql_limit(limit: int | None) -> int:
    """A LIMIT parameter both engines read; ``None`` (every row) is a number no table reaches
    (PostgreSQL refuses SQLite's ``LIMIT -1``)."""
    return 2**62 if limit is None else limit


def like_escape(text: str) -> str:
    """``text`` with LIKE's wildcards escaped (used with ``ESCAPE '\\'``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def tables(conn: sqlite3.Connection) -> set[str]:
    """The tables and views of the store (helpers' tables are optional)."""
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}


class Where:
    """A conjunction of SQL conditions and their parameters, built filter by filter."""

    def __init__(self, *always: str) -> None:
        self.clauses: list[str] = list(always)
        self.params: list[Any] = []

    def add(self, clause: str, *params: Any) -> Where:
        self.clauses.append(clause)
        self.params.extend(params)
        return self

    def contains(self, conn: sqlite3.Connection, table: str, alias: str, columns: Iterable[str],
                 text: str | None, names: bool = False) -> Where:
        """Rows of ``table`` (``alias`` in the query, "" when unaliased) where any of ``columns``
        contains ``text``, ignoring case, accents and spacing (``names``: or any transliteration
        of its words, for columns holding names). An empty filter filters nothing."""
        if not search_key(text):
            return self
        selects, params = [], []
        for column in columns:
            values = values_containing(conn, table, column, text, names=names)
            if values:  # a column with no matching value is not scanned at all
                selects.append(f"SELECT rowid FROM {table} WHERE {column} IN (SELECT value FROM json_each(?))")
                params.append(json.dumps(values, ensure_ascii=False))
        if not selects:
            return self.add("1 = 0")
        rowid = f"{alias}.rowid" if alias else "rowid"
        return self.add(f"{rowid} IN ({' UNION '.join(selects)})", *params)

    def sql(self) -> str:
        """`` WHERE a AND b`` (or nothing when there is no condition)."""
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""


def _phrase(word: str) -> str:
    return '"' + word.replace('"', "") + '"'


def plain_query(query: str, term: Callable[[str], str] = _phrase) -> str:
    """The FTS5 query for text that is not valid FTS5 syntax (a stray quote, a colon, ``-word``):
    its words as plain terms (``term`` makes each one's), a ``-word`` excluding that word (as
    search engines read it) rather than silently searching for it."""
    words = [w for w in query.split() if w.replace('"', "").strip("-")]
    wanted = [term(w) for w in words if not w.startswith("-")]
    excluded = [_phrase(w.lstrip("-")) for w in words if w.startswith("-")]
    if not wanted:
        return '""'  # FTS5 cannot list what lacks a word: nothing matches
    return " ".join(wanted) + "".join(f" NOT {t}" for t in excluded)
