"""SQL building blocks every query shares: one WHERE builder, one text-matching rule, one LIKE escape.

A filter typed by a person ("zelensk", "Chișinău", "l'otan") is matched with
:func:`veille.common.fold.search_key` on both sides, through the SQL function ``veille_key``
registered on the connection, so the CLI and the web mean the same thing by "contains".
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterable
from typing import Any

from veille.common.fold import search_key

KEY_FUNCTION = "veille_key"
# Names and sources repeat across thousands of rows: the key of each is computed once.
_cached_key = functools.lru_cache(maxsize=200_000)(search_key)


def like_escape(text: str) -> str:
    """``text`` with LIKE's wildcards escaped (used with ``ESCAPE '\\'``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def tables(conn: sqlite3.Connection) -> set[str]:
    """The tables and views of the store (helpers' tables are optional)."""
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}


def register_functions(conn: sqlite3.Connection) -> sqlite3.Connection:
    """Registers ``veille_key(text)`` (= ``search_key``) on ``conn``; cheap, safe to repeat."""
    conn.create_function(KEY_FUNCTION, 1, _cached_key, deterministic=True)
    return conn


class Where:
    """A conjunction of SQL conditions and their parameters, built filter by filter."""

    def __init__(self, *always: str) -> None:
        self.clauses: list[str] = list(always)
        self.params: list[Any] = []

    def add(self, clause: str, *params: Any) -> Where:
        self.clauses.append(clause)
        self.params.extend(params)
        return self

    def contains(self, columns: Iterable[str], text: str | None) -> Where:
        """Rows where any of ``columns`` contains ``text``, ignoring case, accents and spacing.

        An empty filter (nothing left once folded) filters nothing."""
        key = search_key(text)
        if key:
            cols = list(columns)
            self.add("(" + " OR ".join(f"instr({KEY_FUNCTION}({c}), ?) > 0" for c in cols) + ")",
                     *([key] * len(cols)))
        return self

    def sql(self) -> str:
        """`` WHERE a AND b`` (or nothing when there is no condition)."""
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""
