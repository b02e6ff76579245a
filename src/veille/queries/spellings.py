"""What a full-text search reads in the words a person typed, beyond FTS5's own folding (case and
accents): a French elided article is no part of the word ("l'OTAN", "d’Ukraine" search "OTAN",
"Ukraine"), and a name is searched in every spelling the store's entities give it ("Zelenski"
also finds "Zelensky" and "Zelenskyy", "Kyiv" finds "Kiev").

A word is searched in its other spellings when it is typed with a capital, as names are, or when
the store does not hold it at all: "guerre" is never widened to an actor's name, "zelenski"
typed in lower case is when no article writes it so. The other spellings are the words of the
store's entity names and mentions (written with a capital) with the same
:func:`veille.common.fold.phonetic` key and at least ``MIN_LETTERS`` letters, computed once per
store version. On PostgreSQL a query of one word only is widened (``websearch_query``).
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections import defaultdict

from veille.common.fold import phonetic, search_key
from veille.queries.sql import tables
from veille.store_engine import dialect

# Elided words of French ("l'", "d'", "qu'", "jusqu'"…): searched without them.
ELISION = re.compile(r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’ʼ`´]", re.I)
MIN_LETTERS = 4
_WORD = re.compile(r"[^\W\d_]+")

# database -> (store version, when built, table). A store being fed (the watch, uploads) changes
# version with each article: its table is rebuilt at most once every REFRESH_SECONDS meanwhile.
_cache: dict[str, tuple[int, float, dict[str, set[str]]]] = {}
REFRESH_SECONDS = 60.0


def drop_elision(word: str) -> str:
    """``word`` without a leading elided article or pronoun: "l'OTAN" -> "OTAN"."""
    rest = ELISION.sub("", word)
    return rest if rest else word


def _spellings(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """Phonetic key -> the folded capitalised words of the store's entity names and aliases."""
    from veille.queries.facets import store_version

    known = tables(conn)
    if not {"articles", "entities"} <= known:
        return {}
    database, version = _database(conn), store_version(conn)
    cached = _cache.get(database)
    if cached is not None and (cached[0] == version or time.monotonic() - cached[1] < REFRESH_SECONDS):
        return cached[2]
    if "corpus_entity_aliases" in known:
        sql = "SELECT name FROM corpus_entities UNION SELECT alias FROM corpus_entity_aliases"
    else:
        sql = "SELECT DISTINCT name FROM entities"
    out: dict[str, set[str]] = defaultdict(set)
    for (name,) in conn.execute(sql):
        for word in _WORD.findall(name or ""):
            if len(word) >= MIN_LETTERS and word[0].isupper():
                out[phonetic(word)].add(search_key(word))
    if len(_cache) > 8:
        _cache.clear()
    _cache[database] = (version, time.monotonic(), dict(out))
    return _cache[database][2]


def _database(conn: sqlite3.Connection) -> str:
    """The database a connection reads (its file, or its URL), so that the web's connections (one
    per thread) share one table of spellings."""
    if dialect(conn) == "postgresql":
        return str(getattr(conn, "url", id(conn)))
    main = next((row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"), "")
    return main or str(id(conn))


def _in_store(conn: sqlite3.Connection, word: str) -> bool:
    if dialect(conn) == "postgresql":
        sql = "SELECT 1 FROM articles a WHERE a.tsv @@ websearch_to_tsquery('veille_french', ?) LIMIT 1"
        return conn.execute(sql, (word,)).fetchone() is not None
    phrase = '"' + word.replace('"', "") + '"'
    return conn.execute("SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1", (phrase,)).fetchone() is not None


def websearch_query(conn: sqlite3.Connection, query: str) -> str:
    """The ``websearch_to_tsquery`` text (PostgreSQL) for what a person typed: elided articles
    dropped; a query of one word searched in its other spellings too ("w or v"): websearch's
    "or" binds looser than the words around it, so a query of several words keeps them as typed."""
    words = [drop_elision(w) for w in query.split()]
    if len(words) == 1:
        variants = other_spellings(conn, words[0])
        if variants:
            return " or ".join([words[0], *variants])
    return " ".join(words)


def other_spellings(conn: sqlite3.Connection, word: str) -> list[str]:
    """The other spellings to search along with ``word`` (folded, sorted), or none."""
    if len(word) < MIN_LETTERS or not _WORD.fullmatch(word):
        return []
    variants = _spellings(conn).get(phonetic(word), set()) - {search_key(word)}
    if not variants or not (word[0].isupper() or not _in_store(conn, word)):
        return []
    return sorted(variants)


def spelled_term(conn: sqlite3.Connection, word: str) -> str:
    """The FTS5 term for one typed word: its phrase, or its spellings joined by OR."""
    def phrase(w: str) -> str:
        return '"' + w.replace('"', "") + '"'

    word = drop_elision(word)
    variants = other_spellings(conn, word)
    if not variants:
        return phrase(word)
    return "(" + " OR ".join(phrase(w) for w in [word, *variants]) + ")"
