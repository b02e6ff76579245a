"""Entity names by spelling, indexed: what ``veille entity NAME`` and the web's entity page look a
name up by when it is not written as stored, without reading every entity of the store.

* ``entities.name_key``: the name folded (:func:`veille.common.fold.search_key`: case, accents,
  spacing), indexed: "chisinau" finds "Chișinău".
* ``entity_spellings``: one row per (kind, spelling, name) with how many entity rows gave it:
  ``mention``: a surface form of the entity, folded ("stoltenberg" leads to "Jens Stoltenberg");
  ``word``: a word of the name, folded (a name found by the start of one of its words);
  ``sound``: a word of the name's :func:`veille.common.fold.phonetic` key ("zelenski" and
  "zelensky" share one), for a name written in another transliteration.

Both engines: the DDL is portable, the rows are computed in Python. :func:`migrate` adds them to a
store written before (schema version 2), from the rows it holds; nothing else changes.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from veille.common.fold import phonetic, search_key

SPELLINGS_DDL = """
ALTER TABLE entities ADD COLUMN name_key TEXT;
CREATE INDEX IF NOT EXISTS entities_name_key ON entities(name_key);
CREATE TABLE IF NOT EXISTS entity_spellings (
    kind TEXT NOT NULL, spelling TEXT NOT NULL, name TEXT NOT NULL, count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, spelling, name)
);
"""

_WORDS = re.compile(r"\w+")
UPSERT = ("INSERT INTO entity_spellings (kind, spelling, name, count) VALUES (?, ?, ?, ?)"
          " ON CONFLICT(kind, spelling, name) DO UPDATE SET count = entity_spellings.count + excluded.count")


def words(text: str) -> list[str]:
    """The folded words of ``text`` ("Jean-Luc Mélenchon" -> jean, luc, melenchon)."""
    return _WORDS.findall(search_key(text))


def sounds(text: str) -> list[str]:
    """The words of ``text``'s phonetic key."""
    return phonetic(text).split()


def spellings(name: str, mentions: Iterable[Any]) -> set[tuple[str, str, str]]:
    """The (kind, spelling, name) rows of one entity row."""
    rows = {("word", w, name) for w in words(name)} | {("sound", s, name) for s in sounds(name)}
    rows |= {("mention", search_key(m), name) for m in mentions if isinstance(m, str) and search_key(m)}
    return rows


def write(conn: Any, entities: Iterable[tuple[str, Iterable[Any]]]) -> None:
    """Counts the spellings of one article's entities ((name, mentions) pairs)."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for name, mentions in entities:
        counts.update(spellings(name, mentions))
    conn.executemany(UPSERT, [(*row, n) for row, n in sorted(counts.items())])


def _has_name_key(conn: Any) -> bool:
    from veille.store_engine import dialect

    if dialect(conn) == "postgresql":
        sql = ("SELECT 1 FROM information_schema.columns WHERE table_name = 'entities'"
               " AND column_name = 'name_key' AND table_schema = current_schema()")
    else:
        sql = "SELECT 1 FROM pragma_table_info('entities') WHERE name = 'name_key'"
    return conn.execute(sql).fetchone() is not None


def migrate(conn: Any) -> None:
    """Schema version 2: the folded name column and the spellings table, filled from the entity
    rows already stored (their names and mentions are left as they are)."""
    statements = SPELLINGS_DDL.strip().rstrip(";").split(";\n")
    if _has_name_key(conn):  # a store whose version was lost (dropped by hand) keeps its column
        statements = statements[1:]
    for statement in statements:
        conn.execute(statement)
    conn.execute("DELETE FROM entity_spellings")  # counted afresh from the rows (a migration run again)
    names = [r[0] for r in conn.execute("SELECT DISTINCT name FROM entities").fetchall()]
    conn.executemany("UPDATE entities SET name_key = ? WHERE name = ?", [(search_key(n), n) for n in names])
    counts: Counter[tuple[str, str, str]] = Counter()
    for name, mentions in conn.execute("SELECT name, mentions FROM entities").fetchall():
        try:
            listed = json.loads(mentions or "[]")
        except ValueError:
            listed = []
        counts.update(spellings(name, listed if isinstance(listed, list) else []))
    conn.executemany(UPSERT, [(*row, n) for row, n in sorted(counts.items())])
