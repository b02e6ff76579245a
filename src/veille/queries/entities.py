"""Entities: names by number of articles, one entity's page, the corpus-wide entities of ``veille entities``."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from typing import Any

from veille.common.fold import search_key
from veille.queries.events import event_rows
from veille.queries.sql import Where, like_escape, name_matches, spelling_key, tables


def list_entities(conn: sqlite3.Connection, q: str | None = None, type: str | None = None,
                  limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Entity names by number of articles; ``q`` is a part of the name (case and accents ignored)."""
    w = Where().contains(conn, "entities", "", ["name"], q, names=True)
    if type:
        w.add("type = ?", type)
    where, params = w.sql(), w.params
    rows = conn.execute(
        f"SELECT name, min(type) AS type, count(DISTINCT article_id) AS articles, max(kb_id) AS kb_id,"
        f" max(corpus_id) AS corpus_id FROM entities{where} GROUP BY name"
        f" ORDER BY articles DESC, name LIMIT ? OFFSET ?", (*params, limit, offset)).fetchall()
    total = conn.execute(f"SELECT count(DISTINCT name) FROM entities{where}", params).fetchone()[0]
    items = [dict(r) for r in rows]
    if items:
        quoted = dict(conn.execute(
            "SELECT speaker, count(*) FROM quotes WHERE speaker IN (SELECT value FROM json_each(?))"
            " GROUP BY speaker", (json.dumps([i["name"] for i in items]),)).fetchall())
        for i in items:
            i["quotes"] = quoted.get(i["name"], 0)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _corpus_entity(conn: sqlite3.Connection, corpus_id: str | None) -> dict[str, Any] | None:
    """The corpus-wide entity row and its aliases (``veille.corpus_entities``), when the table exists."""
    if not corpus_id or "corpus_entities" not in tables(conn):
        return None
    try:
        row = conn.execute("SELECT * FROM corpus_entities WHERE id = ?", (corpus_id,)).fetchone()
        if row is None:
            return None
        out = {k: row[k] for k in row.keys() if k in ("id", "name", "type", "kb_id", "mention_count",
                                                       "article_count", "first_seen", "last_seen")}
        out["aliases"] = []
        if "corpus_entity_aliases" in tables(conn):
            out["aliases"] = [r[0] for r in conn.execute(
                "SELECT alias FROM corpus_entity_aliases WHERE corpus_id = ? ORDER BY count DESC, alias",
                (corpus_id,))]
    except sqlite3.Error:  # another schema than the one this was written for: do without
        return None
    return out


ROLE_LABELS = {
    "head_of_state": "chef de l’État", "head_of_government": "chef du gouvernement",
    "foreign_minister": "ministre des Affaires étrangères", "defence_minister": "ministre de la Défense",
    "secretary_general": "secrétaire général", "president": "président",
    "high_representative": "haut représentant", "spokesperson": "porte-parole",
    "interior_minister": "ministre de l’Intérieur", "director_general": "directeur général",
    "commander_in_chief": "commandant en chef", "chief_of_general_staff": "chef d’état-major",
}


def kb_roles(kb_id: str | None) -> list[dict[str, Any]]:
    """The roles the knowledge base lists for an entity (nothing when there is no KB entry)."""
    if not kb_id:
        return []
    try:
        from veille.kb import load_kb

        kb = load_kb()
        entry = kb.get(kb_id)
    except Exception:  # a missing or broken KB must not take the entity page down
        return []
    if not entry:
        return []
    out = []
    for r in entry.get("roles") or []:
        if not isinstance(r, dict) or not r.get("role"):
            continue
        of = kb.get(r.get("of")) or {}
        out.append({"role": r["role"], "label": ROLE_LABELS.get(r["role"], r["role"]),
                    "of": r.get("of"), "of_name": of.get("name") or r.get("of"),
                    "start": r.get("start"), "end": r.get("end")})
    return out


def entity_detail(conn: sqlite3.Connection, key: str, limit: int = 100) -> dict[str, Any] | None:
    """Everything the store knows about one entity, found by corpus id, exact name, name in any
    case, a surface form, else another spelling of its name (a KB alias, a transliteration)."""
    rows = conn.execute("SELECT * FROM entities WHERE corpus_id = ?", (key,)).fetchall()
    if not rows:
        rows = conn.execute("SELECT * FROM entities WHERE name = ?", (key,)).fetchall()
    indexed = "entity_spellings" in tables(conn)  # (a store of schema version 2 or later)
    if not rows:
        # Case and accents do not matter ("chisinau" finds Chișinău). Only reached on a miss.
        want = search_key(key)
        if indexed:
            found = conn.execute("SELECT name FROM entities WHERE name_key = ? GROUP BY name"
                                 " ORDER BY count(*) DESC, name LIMIT 1", (want,)).fetchone()
            match = found[0] if found else None
        else:
            match = next((n for (n,) in conn.execute("SELECT DISTINCT name FROM entities")
                          if search_key(n) == want), None)
        if match is not None:
            rows = conn.execute("SELECT * FROM entities WHERE name = ?", (match,)).fetchall()
    cids = Counter(r["corpus_id"] for r in rows if r["corpus_id"])
    if cids:
        # The corpus-wide id joins the rows where the same entity carries another name.
        cid = cids.most_common(1)[0][0]
        seen = {(r["article_id"], r["idx"]) for r in rows}
        rows += [r for r in conn.execute("SELECT * FROM entities WHERE corpus_id = ?", (cid,))
                 if (r["article_id"], r["idx"]) not in seen]
    if not rows:
        # A surface form ("Stoltenberg", "NATO") leads to the entity it most often names.
        if indexed:
            best = conn.execute("SELECT name FROM entity_spellings WHERE kind = 'mention' AND spelling = ?"
                                " ORDER BY count DESC, name LIMIT 1", (search_key(key),)).fetchone()
        else:
            pattern = "%" + like_escape(json.dumps(key, ensure_ascii=False)) + "%"
            best = conn.execute("SELECT name FROM entities WHERE mentions LIKE ? ESCAPE '\\' GROUP BY name"
                                " ORDER BY count(*) DESC, name LIMIT 1", (pattern,)).fetchone()
        if best is not None:
            rows = conn.execute("SELECT * FROM entities WHERE name = ?", (best[0],)).fetchall()
    if not rows and "corpus_entities" in tables(conn):
        # Another spelling of it ("Zelenski", "Kyiv"): a KB alias or a transliteration.
        other = _spelled_otherwise(conn, key)
        if other is not None:
            rows = conn.execute("SELECT * FROM entities WHERE corpus_id = ?", (other["id"],)).fetchall()
    if not rows:
        return None
    names = Counter(r["name"] for r in rows)
    name = names.most_common(1)[0][0]
    etype = Counter(r["type"] for r in rows).most_common(1)[0][0]
    kb_ids = Counter(r["kb_id"] for r in rows if r["kb_id"])
    corpus_ids = Counter(r["corpus_id"] for r in rows if r["corpus_id"])
    kb_id = kb_ids.most_common(1)[0][0] if kb_ids else None
    corpus_id = corpus_ids.most_common(1)[0][0] if corpus_ids else None
    aliases: Counter[str] = Counter()
    for r in rows:
        try:
            aliases.update(m for m in json.loads(r["mentions"]) if isinstance(m, str))
        except ValueError:
            pass
    for n in names:
        aliases.pop(n, None)
    name_list = json.dumps(sorted(names))
    article_ids = sorted({r["article_id"] for r in rows})
    arts = conn.execute(
        "SELECT id, title, published, site, path FROM articles WHERE id IN (SELECT value FROM json_each(?))"
        " ORDER BY published IS NULL, published DESC, id LIMIT ?", (json.dumps(article_ids), limit)).fetchall()
    quotes = conn.execute(
        "SELECT q.article_id, q.idx, q.text, q.speaker, q.kind, q.cue, q.language, q.speaker_text,"
        " a.title AS article_title, a.published, a.site, a.path"
        " FROM quotes q JOIN articles a ON a.id = q.article_id"
        " WHERE q.speaker IN (SELECT value FROM json_each(?))"
        " ORDER BY a.published IS NULL, a.published DESC, q.article_id, q.idx LIMIT ?",
        (name_list, limit)).fetchall()
    events = event_rows(conn, "(e.source IN (SELECT value FROM json_each(?)) OR e.target IN"
                           " (SELECT value FROM json_each(?)))", [name_list, name_list], limit)
    co = conn.execute(
        "SELECT e2.name, min(e2.type) AS type, count(DISTINCT e2.article_id) AS articles"
        " FROM entities e2 WHERE e2.article_id IN (SELECT value FROM json_each(?))"
        " AND e2.name NOT IN (SELECT value FROM json_each(?))"
        " GROUP BY e2.name ORDER BY articles DESC, e2.name LIMIT 25",
        (json.dumps(article_ids), name_list)).fetchall()
    sites = Counter(a["site"] for a in arts if a["site"])
    out: dict[str, Any] = {
        "name": name, "type": etype, "kb_id": kb_id, "corpus_id": corpus_id,
        "names": sorted(names), "aliases": [a for a, _ in aliases.most_common()],
        "roles": kb_roles(kb_id),
        "article_count": len(article_ids),
        "articles": [dict(a) for a in arts],
        "sites": [{"site": s, "articles": c} for s, c in sites.most_common()],
        "quotes": [dict(q) for q in quotes],
        "events": events,
        "co_mentions": [dict(c) for c in co],
    }
    corpus = _corpus_entity(conn, corpus_id)
    if corpus:
        out["corpus"] = corpus
        known = set(out["aliases"]) | set(names)
        out["aliases"] += [a for a in corpus["aliases"] if a not in known]
    return out


# -- corpus-wide entities (``veille.corpus_entities``) -----------------------------------------------


def corpus_entities(conn: sqlite3.Connection, type: str | None = None, limit: int = 30) -> list[dict[str, Any]]:
    """Corpus entities by number of articles (then mentions) naming them (``veille entities``)."""
    if "corpus_entities" not in tables(conn):
        return []
    w = Where()
    if type:
        w.add("type = ?", type)
    rows = conn.execute("SELECT id, name, type, article_count, mention_count FROM corpus_entities" + w.sql()
                        + " ORDER BY article_count DESC, mention_count DESC, name LIMIT ?",
                        (*w.params, limit)).fetchall()
    return [dict(r) for r in rows]


def _spelled_otherwise(conn: sqlite3.Connection, name: str) -> sqlite3.Row | None:
    """The corpus entity ``name`` is another spelling of: a KB alias of it ("Volodimir Zelenski"),
    else the most named entity whose name holds ``name``'s words in any transliteration
    ("Zelenskyy", "Kyiv"; :func:`veille.queries.sql.name_matches`)."""
    from veille.kb import load_kb

    for kb_id in load_kb().lookup(name):
        row = conn.execute("SELECT * FROM corpus_entities WHERE kb_id = ? ORDER BY article_count DESC",
                           (kb_id,)).fetchone()
        if row is not None:
            return row
    if not spelling_key(name).strip():
        return None
    if "entity_spellings" in tables(conn):
        # Only the corpus entities whose names share a spelling with ``name`` are read.
        from veille.kb import norm

        keys = json.dumps(sorted({norm(n) for n in _spelling_candidates(conn, name)}), ensure_ascii=False)
        rows: Any = conn.execute("SELECT * FROM corpus_entities WHERE norm IN (SELECT value FROM json_each(?))"
                                 " ORDER BY article_count DESC, mention_count DESC, id", (keys,))
    else:
        rows = conn.execute("SELECT * FROM corpus_entities ORDER BY article_count DESC, mention_count DESC")
    return next((row for row in rows if name_matches(name, row["name"])), None)


def _spelling_candidates(conn: sqlite3.Connection, text: str) -> set[str]:
    """The entity names that may be another spelling of ``text`` (:func:`name_matches` decides):
    those with a word that the first of ``text``'s words begins, or with the phonetic key of its
    first word among theirs (``veille.store_spellings``; a fragment from inside a word, "lensky",
    is no longer looked for there)."""
    from veille.store_spellings import sounds, words

    out: set[str] = set()
    first_sound, first_word = sounds(text)[:1], words(text)[:1]
    if first_sound:
        out.update(r[0] for r in conn.execute(
            "SELECT name FROM entity_spellings WHERE kind = 'sound' AND spelling = ?", (first_sound[0],)))
    if first_word:
        start = first_word[0]
        end = start[:-1] + chr(ord(start[-1]) + 1)
        out.update(r[0] for r in conn.execute(
            "SELECT name FROM entity_spellings WHERE kind = 'word' AND spelling >= ? AND spelling < ?", (start, end)))
    return out


def find_corpus_entity(conn: sqlite3.Connection, name: str, limit: int = 20) -> dict[str, Any] | None:
    """One corpus entity (``veille entity NAME``) found by id, name, alias, or a person's surname
    alone (the one named most often), else by another spelling of it (a KB alias, a
    transliteration), with its aliases and latest articles."""
    from veille.kb import norm

    if "corpus_entities" not in tables(conn):
        return None
    key = norm(name)
    lookups = [
        ("SELECT * FROM corpus_entities WHERE id = ?", name),
        ("SELECT * FROM corpus_entities WHERE norm = ? ORDER BY article_count DESC", key),
        ("SELECT e.* FROM corpus_entity_aliases a JOIN corpus_entities e ON e.id = a.corpus_id"
         " WHERE a.norm = ? ORDER BY e.article_count DESC", key),
        ("SELECT * FROM corpus_entities WHERE surname = ? ORDER BY article_count DESC", key),
    ]
    row = None
    for sql, value in lookups:
        row = conn.execute(sql, (value,)).fetchone()
        if row is not None:
            break
    if row is None:
        row = _spelled_otherwise(conn, name)
    if row is None:
        return None
    out = dict(row)
    out["aliases"] = [dict(a) for a in conn.execute(
        "SELECT alias, count FROM corpus_entity_aliases WHERE corpus_id = ? ORDER BY count DESC, alias",
        (row["id"],))]
    out["articles"] = [dict(a) for a in conn.execute(
        "SELECT a.id, a.published, a.title, c.mentions FROM corpus_entity_articles c"
        " JOIN articles a ON a.id = c.article_id WHERE c.corpus_id = ?"
        " ORDER BY a.published DESC, a.id LIMIT ?", (row["id"], limit))]
    return out
