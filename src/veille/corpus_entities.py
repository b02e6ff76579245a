"""The corpus-wide entity table: one stable id per real-world entity across every stored article.

Registered in ``store.INGEST_HOOKS``; ``link_entities(store, article)`` runs inside the article's
transaction. An entity linked to the KB keeps its KB id (``person:jens-stoltenberg``); any other
gets ``h:`` + a hash of its type and normalised canonical name, so the same name gets the same id
in every database. A new article's unlinked entities join existing corpus entities with the
in-article rules: same normalised name or a known alias, a surname alone joining the one person
of the corpus with that surname, a full name joining a person with the same surname and close
given names ("Jans Stoltenberg" -> Jens Stoltenberg). ``Entity.corpus_id`` is set on the article
and in the stored rows.
"""

from __future__ import annotations

import hashlib
import sqlite3
from typing import Any

from rapidfuzz.distance import Indel

from veille.kb import name_words, norm, phonetic, split_name
from veille.model import Article, Entity

SCHEMA = """
CREATE TABLE IF NOT EXISTS corpus_entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL, type TEXT NOT NULL, kb_id TEXT,
    norm TEXT NOT NULL, surname TEXT,
    mention_count INTEGER NOT NULL DEFAULT 0, article_count INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT, last_seen TEXT
);
CREATE INDEX IF NOT EXISTS corpus_entities_norm ON corpus_entities(norm);
CREATE INDEX IF NOT EXISTS corpus_entities_surname ON corpus_entities(surname);
CREATE TABLE IF NOT EXISTS corpus_entity_aliases (
    corpus_id TEXT NOT NULL REFERENCES corpus_entities(id) ON DELETE CASCADE,
    alias TEXT NOT NULL, norm TEXT NOT NULL, count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (corpus_id, norm)
);
CREATE INDEX IF NOT EXISTS corpus_entity_aliases_norm ON corpus_entity_aliases(norm);
CREATE TABLE IF NOT EXISTS corpus_entity_articles (
    corpus_id TEXT NOT NULL REFERENCES corpus_entities(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    mentions INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (corpus_id, article_id)
);
CREATE INDEX IF NOT EXISTS corpus_entity_articles_article ON corpus_entity_articles(article_id);
"""


def ensure_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def hashed_id(name: str, etype: str) -> str:
    """The id of an entity the KB does not know: stable across runs and databases."""
    return "h:" + hashlib.sha1(f"{etype}:{norm(name)}".encode()).hexdigest()[:16]


def _surname(name: str, etype: str) -> str | None:
    if etype != "PER":
        return None
    return split_name(name)[1] or None


def _given_close(a: str, b: str) -> bool:
    """Close given names (or one of them missing, or an initial that agrees)."""
    if not a or not b:
        return True
    if len(a.rstrip(".")) == 1 or len(b.rstrip(".")) == 1:
        return a[0] == b[0]
    return max(Indel.normalized_similarity(a, b), Indel.normalized_similarity(phonetic(a), phonetic(b))) >= 0.75


def find_corpus_entity(conn: sqlite3.Connection, entity: Entity) -> str | None:
    """The id of the corpus entity ``entity`` denotes, or None when it is new."""
    if entity.kb_id:
        row = conn.execute("SELECT id FROM corpus_entities WHERE id = ?", (entity.kb_id,)).fetchone()
        return row[0] if row else None
    n = norm(entity.name)
    rows = conn.execute("SELECT id FROM corpus_entities WHERE norm = ? AND type = ?", (n, entity.type)).fetchall()
    if len(rows) == 1:
        return rows[0][0]
    rows = conn.execute(
        "SELECT DISTINCT a.corpus_id FROM corpus_entity_aliases a JOIN corpus_entities e ON e.id = a.corpus_id"
        " WHERE a.norm = ? AND e.type = ?", (n, entity.type)).fetchall()
    if len(rows) == 1:
        return rows[0][0]
    if entity.type != "PER":
        return None
    given, sur = split_name(entity.name)
    cands = conn.execute("SELECT id, name FROM corpus_entities WHERE type = 'PER' AND surname = ?"
                         " ORDER BY article_count DESC, id", (sur,)).fetchall()
    if len(name_words(entity.name)) == 1:
        # A surname alone: only when the corpus knows one person of that name.
        return cands[0][0] if len(cands) == 1 else None
    hits = [cid for cid, cname in cands if _given_close(given, split_name(cname)[0])]
    return hits[0] if hits else None


def link_entities(store: Any, article: Article) -> None:
    """The ingest hook: sets ``corpus_id`` on every entity and updates the corpus tables."""
    conn = store.conn
    date = article.published
    for idx, e in enumerate(article.entities):
        cid = find_corpus_entity(conn, e)
        if cid is None:
            cid = e.kb_id or hashed_id(e.name, e.type)
            conn.execute(
                "INSERT OR IGNORE INTO corpus_entities (id, name, type, kb_id, norm, surname, first_seen, last_seen)"
                " VALUES (?,?,?,?,?,?,?,?)",
                (cid, e.name, e.type, e.kb_id, norm(e.name), _surname(e.name, e.type), date, date))
        else:
            # A full name teaches the corpus entity its better name ("Dubois" -> "Marie Dubois").
            row = conn.execute("SELECT name, kb_id FROM corpus_entities WHERE id = ?", (cid,)).fetchone()
            if row and not row[1] and e.type == "PER" and len(e.name.split()) > len(row[0].split()):
                conn.execute("UPDATE corpus_entities SET name = ?, norm = ?, surname = ? WHERE id = ?",
                             (e.name, norm(e.name), _surname(e.name, e.type), cid))
        e.corpus_id = cid
        conn.execute(
            "UPDATE corpus_entities SET mention_count = mention_count + ?, article_count = article_count + 1,"
            " first_seen = CASE WHEN first_seen IS NULL OR (? IS NOT NULL AND ? < first_seen) THEN ? ELSE first_seen END,"
            " last_seen = CASE WHEN last_seen IS NULL OR (? IS NOT NULL AND ? > last_seen) THEN ? ELSE last_seen END"
            " WHERE id = ?",
            (len(e.mentions) or 1, date, date, date, date, date, date, cid))
        conn.execute(
            "INSERT INTO corpus_entity_articles (corpus_id, article_id, mentions) VALUES (?,?,?)"
            " ON CONFLICT(corpus_id, article_id) DO UPDATE SET mentions = corpus_entity_articles.mentions + excluded.mentions",
            (cid, article.id, len(e.mentions) or 1))
        for surface in {e.name, *e.mentions}:
            key = norm(surface)
            if not key:
                continue
            conn.execute(
                "INSERT INTO corpus_entity_aliases (corpus_id, alias, norm, count) VALUES (?,?,?,1)"
                " ON CONFLICT(corpus_id, norm) DO UPDATE SET count = corpus_entity_aliases.count + 1", (cid, surface.strip(), key))
        conn.execute("UPDATE entities SET corpus_id = ? WHERE article_id = ? AND idx = ?", (cid, article.id, idx))
    store.update_record(article)
