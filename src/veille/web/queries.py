"""Read queries over a Veille store, shared by the JSON API and the HTML pages.

Every function takes a ``sqlite3.Connection`` (rows as ``sqlite3.Row``) and returns plain dicts and
lists, so the API serialises exactly what the pages show. Tables other helpers add (a corpus-wide
entity table, story tables) are used when ``sqlite_master`` lists them, and ignored otherwise.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any

from veille.web.facets import FacetIndex
from veille.web.render import HL_CLOSE, HL_OPEN

_CONTROL = re.compile(r"[\x00-\x1f\ue000\ue001]")


def _like(text: str) -> str:
    """``text`` with LIKE's wildcards escaped (used with ESCAPE '\\')."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}


# -- full-text queries ----------------------------------------------------------------------------


def fts_query(conn: sqlite3.Connection, q: str | None) -> str | None:
    """The FTS5 query to run for what a person typed; None when there is nothing to search.

    Valid FTS5 syntax (``otan AND roumanie``, ``"mot exact"``, ``prefix*``) is kept; anything
    else (``l'OTAN``, ``Jean-Marc``, a stray quote) becomes its words searched as plain phrases.
    """
    if q is None:
        return None
    q = _CONTROL.sub(" ", q).strip()
    if not q:
        return None
    try:
        conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1", (q,)).fetchall()
        return q
    except sqlite3.OperationalError:
        words = ['"' + w.replace('"', "") + '"' for w in q.split() if w.replace('"', "")]
        return " ".join(words) or '""'


@dataclass
class ArticleFilters:
    q: str | None = None
    site: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    entity: str | None = None
    event_type: str | None = None
    year: str | None = None

    def active(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v}


def _where(conn: sqlite3.Connection, f: ArticleFilters) -> tuple[str, str, list[Any], str | None]:
    """(FROM clause, WHERE clause, params, fts query) for the articles matching ``f``."""
    match = fts_query(conn, f.q)
    clauses: list[str] = []
    params: list[Any] = []
    if match is not None:
        source = "articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
        clauses.append("articles_fts MATCH ?")
        params.append(match)
    else:
        source = "articles a"
    if f.site:
        clauses.append("a.site = ?")
        params.append(f.site)
    if f.date_from:
        clauses.append("a.published >= ?")
        params.append(f.date_from)
    if f.date_to:
        # A prefix comparison keeps "2022-04-30" and "2022-04" inside date_to = "2022-04".
        clauses.append("substr(a.published, 1, ?) <= ?")
        params += [len(f.date_to), f.date_to]
    if f.year:
        clauses.append("substr(a.published, 1, 4) = ?")
        params.append(f.year)
    if f.entity:
        clauses.append("a.id IN (SELECT article_id FROM entities WHERE name = ? OR corpus_id = ?)")
        params += [f.entity, f.entity]
    if f.event_type:
        clauses.append("a.id IN (SELECT article_id FROM events WHERE type = ?)")
        params.append(f.event_type)
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    return source, where, params, match


_ARTICLE_COLS = "a.id, a.title, a.published, a.site, a.path, a.url, a.story, a.duplicate_of"
_SNIPPET = f"snippet(articles_fts, -1, '{HL_OPEN}', '{HL_CLOSE}', '…', 24)"


def list_articles(conn: sqlite3.Connection, f: ArticleFilters, limit: int = 20, offset: int = 0,
                  facets: bool = False, index: FacetIndex | None = None) -> dict[str, Any]:
    """Matching articles (best match first when searching, else newest first), with the total.

    Without ``index`` everything is plain SQL: the reference. With a facet ``index`` the total and
    the facets come from it, and a full-text search ranks every match once (cached per query)
    and computes snippets only for the page shown; both give the same answer.
    """
    source, where, params, match = _where(conn, f)
    mask = None
    if index is not None:
        ranked = index.ranked(conn, match) if match is not None else None
        mask = index.mask(ranked, site=f.site, year=f.year, date_from=f.date_from,
                          date_to=f.date_to, entity=f.entity, event_type=f.event_type)
    if match is not None and index is not None:
        rowids, ranks = ranked.rowids, ranked.ranks
        keep = index.keep(ranked, mask)
        page_rowids = rowids[keep][offset:offset + limit].tolist()
        page_ranks = ranks[keep][offset:offset + limit].tolist()
        by_rowid = {r["rowid"]: dict(r) for r in conn.execute(
            f"SELECT a.rowid AS rowid, {_ARTICLE_COLS} FROM articles a"
            " WHERE a.rowid IN (SELECT value FROM json_each(?))", (json.dumps(page_rowids),))}
        items = []
        for rowid, rank in zip(page_rowids, page_ranks, strict=True):
            item = by_rowid[rowid]
            del item["rowid"]
            # One FTS lookup by rowid per shown article: snippets are never built for the others.
            item["snippet"] = conn.execute(f"SELECT {_SNIPPET} FROM articles_fts WHERE articles_fts MATCH ?"
                                           " AND rowid = ?", (match, rowid)).fetchone()[0]
            item["rank"] = rank
            items.append(item)
    else:
        if match is not None:
            cols = f", {_SNIPPET} AS snippet, bm25(articles_fts, 5.0, 1.0) AS rank"
            order = "rank, a.rowid"
        else:
            cols = ", substr(a.body, 1, 240) AS snippet, NULL AS rank"
            order = "a.published IS NULL, a.published DESC, a.id"
        items = [dict(r) for r in conn.execute(
            f"SELECT {_ARTICLE_COLS}{cols} FROM {source}{where} ORDER BY {order} LIMIT ? OFFSET ?",
            (*params, limit, offset))]
    out: dict[str, Any] = {"limit": limit, "offset": offset, "items": items}
    if mask is not None:
        out["total"] = int(mask.sum())
        if facets:
            out["facets"] = index.facets(mask)
    else:
        out["total"] = conn.execute(f"SELECT count(*) FROM {source}{where}", params).fetchone()[0]
        if facets:
            out["facets"] = article_facets(conn, source, where, params)
    if match is None:
        for item in out["items"]:
            if item["snippet"] and len(item["snippet"]) == 240:
                item["snippet"] += "…"
    return {"total": out["total"], **out}


def _and(where: str, cond: str) -> str:
    return f"{where} AND {cond}" if where else f" WHERE {cond}"


def article_facets(conn: sqlite3.Connection, source: str, where: str, params: list[Any],
                   size: int = 12) -> dict[str, list[dict[str, Any]]]:
    """Counts by site, year, event type and entity over the matching articles."""
    matched = f"SELECT a.id FROM {source}{where}"
    sites = conn.execute(
        f"SELECT a.site AS value, count(*) AS count FROM {source}{_and(where, 'a.site IS NOT NULL')}"
        " GROUP BY a.site ORDER BY count DESC, value LIMIT ?", (*params, size)).fetchall()
    years = conn.execute(
        f"SELECT substr(a.published, 1, 4) AS value, count(*) AS count"
        f" FROM {source}{_and(where, 'a.published IS NOT NULL')}"
        " GROUP BY value ORDER BY value DESC LIMIT 30", params).fetchall()
    types = conn.execute(
        f"SELECT type AS value, count(DISTINCT article_id) AS count FROM events"
        f" WHERE article_id IN ({matched}) GROUP BY type ORDER BY count DESC, value", params).fetchall()
    ents = conn.execute(
        f"SELECT name AS value, min(type) AS type, count(*) AS count FROM entities"
        f" WHERE article_id IN ({matched}) GROUP BY name ORDER BY count DESC, value LIMIT ?",
        (*params, size)).fetchall()
    return {"site": [dict(r) for r in sites], "year": [dict(r) for r in years],
            "event_type": [dict(r) for r in types], "entity": [dict(r) for r in ents]}


def get_record(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """The stored SCHEMA.md record (what ``Store.get(id).to_dict()`` returns), by id or unique prefix."""
    from veille.model import Article

    row = conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None and len(article_id) >= 4:
        rows = conn.execute("SELECT record FROM articles WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                            (_like(article_id) + "%",)
                            ).fetchall()
        row = rows[0] if len(rows) == 1 else None
    if row is None:
        return None
    # Through the dataclasses, so the API returns exactly Store.get(id).to_dict().
    return Article.from_dict(json.loads(row["record"])).to_dict()


def article_brief(conn: sqlite3.Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    rows = conn.execute(
        "SELECT id, title, published, site, path FROM articles WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(ids),)).fetchall()
    return {r["id"]: dict(r) for r in rows}


# -- entities -------------------------------------------------------------------------------------


def list_entities(conn: sqlite3.Connection, q: str | None = None, type: str | None = None,
                  limit: int = 50, offset: int = 0) -> dict[str, Any]:
    clauses, params = [], []
    if q:
        clauses.append("name LIKE ? ESCAPE '\\'")
        params.append("%" + _like(q) + "%")
    if type:
        clauses.append("type = ?")
        params.append(type)
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
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
    """Everything the store knows about one entity, found by corpus id, exact name, or name in any case."""
    rows = conn.execute("SELECT * FROM entities WHERE corpus_id = ?", (key,)).fetchall()
    if not rows:
        rows = conn.execute("SELECT * FROM entities WHERE name = ?", (key,)).fetchall()
    if not rows:
        # Case and accents do not matter ("chisinau" finds Chișinău). Only reached on a miss.
        want = _fold(key)
        match = next((n for (n,) in conn.execute("SELECT DISTINCT name FROM entities") if _fold(n) == want), None)
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
        pattern = "%" + _like(json.dumps(key, ensure_ascii=False)) + "%"
        best = conn.execute("SELECT name FROM entities WHERE mentions LIKE ? ESCAPE '\\' GROUP BY name"
                            " ORDER BY count(*) DESC, name LIMIT 1", (pattern,)).fetchone()
        if best is not None:
            rows = conn.execute("SELECT * FROM entities WHERE name = ?", (best[0],)).fetchall()
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
    events = _events(conn, "(e.source IN (SELECT value FROM json_each(?)) OR e.target IN"
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


# -- quotes and events ----------------------------------------------------------------------------


def list_quotes(conn: sqlite3.Connection, speaker: str | None = None, q: str | None = None,
                since: str | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    clauses, params = [], []
    if speaker:
        clauses.append("q.speaker = ?")
        params.append(speaker)
    if q:
        clauses.append("q.text LIKE ? ESCAPE '\\'")
        params.append("%" + _like(q) + "%")
    if since:
        clauses.append("a.published >= ?")
        params.append(since)
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    base = " FROM quotes q JOIN articles a ON a.id = q.article_id" + where
    rows = conn.execute(
        "SELECT q.article_id, q.idx, q.text, q.speaker, q.kind, q.cue, q.language, q.speaker_text,"
        " a.title AS article_title, a.published, a.site, a.path" + base +
        " ORDER BY a.published IS NULL, a.published DESC, q.article_id, q.idx LIMIT ? OFFSET ?",
        (*params, limit, offset)).fetchall()
    total = conn.execute("SELECT count(*)" + base, params).fetchone()[0]
    return {"total": total, "limit": limit, "offset": offset, "items": [dict(r) for r in rows]}


def _events(conn: sqlite3.Connection, where: str, params: list[Any], limit: int,
            offset: int = 0) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT e.article_id, e.idx, e.type, e.source, e.target, e.date, e.place, e.mode, e.text,"
        " e.quantities, a.title AS article_title, a.published, a.site"
        " FROM events e JOIN articles a ON a.id = e.article_id"
        f" WHERE {where} ORDER BY coalesce(e.date, a.published) IS NULL,"
        " coalesce(e.date, a.published) DESC, e.article_id, e.idx LIMIT ? OFFSET ?",
        (*params, limit, offset)).fetchall()
    out = []
    for r in rows:
        d = dict(r)
        try:
            d["quantities"] = json.loads(d["quantities"] or "[]")
        except ValueError:
            d["quantities"] = []
        out.append(d)
    return out


def list_events(conn: sqlite3.Connection, type: str | None = None, actor: str | None = None,
                since: str | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    clauses, params = ["1"], []
    if type:
        clauses.append("e.type = ?")
        params.append(type)
    if actor:
        clauses.append("(e.source = ? OR e.target = ?)")
        params += [actor, actor]
    if since:
        clauses.append("coalesce(e.date, a.published) >= ?")
        params.append(since)
    where = " AND ".join(clauses)
    items = _events(conn, where, params, limit, offset)
    total = conn.execute("SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id WHERE " + where,
                         params).fetchone()[0]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


_CURRENCY = re.compile(r"^[A-Z]{3}$")


def aid_rows(conn: sqlite3.Connection, since: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """AID events as tracker rows: donor → recipient, what, how many, value (money), date, article."""
    out = []
    for ev in list_events(conn, type="AID", since=since, limit=limit)["items"]:
        money = [q for q in ev["quantities"] if _CURRENCY.match(str(q.get("unit") or ""))]
        counts = [q for q in ev["quantities"] if q not in money]
        out.append({**ev, "money": money, "counts": counts})
    return out


# -- timeline -------------------------------------------------------------------------------------

_GRAIN = {"day": 10, "month": 7, "year": 4}


def timeline(conn: sqlite3.Connection, by: str = "type", entity: str | None = None,
             event_type: str | None = None, granularity: str = "auto", top: int = 8) -> dict[str, Any]:
    """Counts per period: events by type (dated by the event, else its article), or articles by entity."""
    if by == "entity":
        clauses, params = ["a.published IS NOT NULL"], []
        if entity:
            clauses.append("(e.name = ? OR e.corpus_id = ?)")
            params += [entity, entity]
        else:
            clauses.append("e.name IN (SELECT name FROM entities GROUP BY name ORDER BY count(*) DESC LIMIT ?)")
            params.append(top)
        rows = conn.execute(
            "SELECT a.published AS d, e.name AS k, count(DISTINCT a.id) AS c"
            " FROM entities e JOIN articles a ON a.id = e.article_id"
            f" WHERE {' AND '.join(clauses)} GROUP BY d, k", params).fetchall()
    else:
        clauses, params = ["coalesce(e.date, a.published) IS NOT NULL"], []
        if event_type:
            clauses.append("e.type = ?")
            params.append(event_type)
        if entity:
            clauses.append("(e.source = ? OR e.target = ?)")
            params += [entity, entity]
        rows = conn.execute(
            "SELECT coalesce(e.date, a.published) AS d, e.type AS k, count(*) AS c"
            " FROM events e JOIN articles a ON a.id = e.article_id"
            f" WHERE {' AND '.join(clauses)} GROUP BY d, k", params).fetchall()
    dated = [(r["d"], r["k"], r["c"]) for r in rows if r["d"] and re.match(r"^\d{4}", r["d"])]
    if granularity not in _GRAIN:
        days = {d[:10] for d, _, _ in dated if len(d) >= 10}
        granularity = "day"
        if days and (len(days) > 60 or _span_days(days) > 120):
            granularity = "month"
    width = _GRAIN[granularity]
    counts: Counter[tuple[str, str]] = Counter()
    undated = 0
    for d, k, c in dated:
        if len(d) < width:
            undated += c  # known only to the year (or month): not placed on a finer axis
            continue
        counts[(d[:width], k)] += c
    keys_total: Counter[str] = Counter()
    for (_, k), c in counts.items():
        keys_total[k] += c
    keys = [k for k, _ in keys_total.most_common()]
    buckets = _fill(sorted({b for b, _ in counts}), granularity)
    return {
        "by": by, "granularity": granularity, "keys": keys, "buckets": buckets,
        "series": [{"date": b, "key": k, "count": c} for (b, k), c in sorted(counts.items())],
        "imprecise": undated,
        "counts": counts,
    }


def _span_days(days: set[str]) -> int:
    from datetime import date

    try:
        ds = sorted(date.fromisoformat(d) for d in days)
    except ValueError:
        return 0
    return (ds[-1] - ds[0]).days


def _fill(buckets: list[str], granularity: str, cap: int = 400) -> list[str]:
    """Every period between the first and the last, so gaps show as gaps (at most ``cap``)."""
    from datetime import date, timedelta

    if len(buckets) < 2:
        return buckets
    try:
        if granularity == "day":
            a, b = date.fromisoformat(buckets[0]), date.fromisoformat(buckets[-1])
            if (b - a).days >= cap:
                return buckets
            return [(a + timedelta(days=i)).isoformat() for i in range((b - a).days + 1)]
        if granularity == "month":
            y, m = int(buckets[0][:4]), int(buckets[0][5:7])
            y2, m2 = int(buckets[-1][:4]), int(buckets[-1][5:7])
            if (y2 - y) * 12 + m2 - m >= cap:
                return buckets
            out = []
            while (y, m) <= (y2, m2):
                out.append(f"{y:04d}-{m:02d}")
                y, m = (y + 1, 1) if m == 12 else (y, m + 1)
            return out
        y, y2 = int(buckets[0]), int(buckets[-1])
        return [f"{i:04d}" for i in range(y, y2 + 1)] if y2 - y < cap else buckets
    except ValueError:
        return buckets


# -- stories ----------------------------------------------------------------------------------------


def _stories_module():
    """``veille.stories`` when its tables are in this store, else None (the UI then falls back)."""
    try:
        from veille import stories
    except ImportError:
        return None
    return stories


def list_stories(conn: sqlite3.Connection, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Stories, latest first: from the story tables when the story stage made them, else from
    ``articles.story``. Empty when no story was computed."""
    mod = _stories_module()
    if mod is not None and "stories" in tables(conn):
        rows = mod.list_stories(conn, limit=limit + offset)[offset:]
        sites: dict[str, int] = {}
        if rows:
            sites = dict(conn.execute(
                "SELECT m.story_id, count(DISTINCT a.site) FROM story_members m JOIN articles a"
                " ON a.id = m.article_id WHERE m.story_id IN (SELECT value FROM json_each(?))"
                " GROUP BY m.story_id", (json.dumps([r["id"] for r in rows]),)).fetchall())
        return [{"id": r["id"], "title": r.get("label") or None, "articles": r.get("n_articles") or 0,
                 "sites": sites.get(r["id"], 0), "first": r.get("first_date"), "last": r.get("last_date")}
                for r in rows]
    rows = conn.execute(
        "SELECT story AS id, count(*) AS articles, min(published) AS first, max(published) AS last,"
        " count(DISTINCT site) AS sites FROM articles WHERE story IS NOT NULL"
        " GROUP BY story ORDER BY last IS NULL, last DESC, articles DESC LIMIT ? OFFSET ?",
        (limit, offset)).fetchall()
    out = [dict(r) for r in rows]
    for s in out:
        first = conn.execute("SELECT title FROM articles WHERE story = ?"
                             " ORDER BY published IS NULL, published, id LIMIT 1", (s["id"],)).fetchone()
        s["title"] = first["title"] if first else None
    return out


def story_detail(conn: sqlite3.Connection, story_id: str) -> dict[str, Any] | None:
    """A story's articles in time order, its events (one per happening when consolidated) and quotes."""
    mod = _stories_module()
    if mod is not None and "stories" in tables(conn):
        story = mod.story_detail(conn, story_id)
        if story is None:
            return None
        briefs = article_brief(conn, [q["article"] for q in story.get("quotes") or []])
        quotes = [{"article_id": q["article"], "text": q["text"], "speaker": q["speaker"], "kind": q["kind"],
                   "site": briefs.get(q["article"], {}).get("site"),
                   "published": briefs.get(q["article"], {}).get("published")}
                  for q in story.get("quotes") or []]
        ids = [a["id"] for a in story["articles"]]
        return {"id": story["id"], "title": story.get("label") or (story["articles"][0]["title"] if ids else None),
                "first": story.get("first_date"), "last": story.get("last_date"),
                "articles": story["articles"], "events": story.get("events") or [],
                "quotes": quotes, "entities": _story_entities(conn, ids)}
    arts = conn.execute("SELECT id, title, published, site, duplicate_of FROM articles WHERE story = ?"
                        " ORDER BY published IS NULL, published, id", (story_id,)).fetchall()
    if not arts:
        return None
    ids = [a["id"] for a in arts]
    quotes = conn.execute("SELECT q.article_id, q.text, q.speaker, q.kind, a.site, a.published FROM quotes q"
                          " JOIN articles a ON a.id = q.article_id WHERE q.article_id IN"
                          " (SELECT value FROM json_each(?)) ORDER BY a.published, q.article_id, q.idx LIMIT 200",
                          (json.dumps(ids),)).fetchall()
    return {"id": story_id, "title": arts[0]["title"], "first": arts[0]["published"], "last": arts[-1]["published"],
            "articles": [dict(a) for a in arts], "events": [], "quotes": [dict(q) for q in quotes],
            "entities": _story_entities(conn, ids)}


def story_label(conn: sqlite3.Connection, story_id: str | None) -> str | None:
    """The label the story stage gave a story, when it keeps one."""
    if not story_id or "stories" not in tables(conn):
        return None
    try:
        row = conn.execute("SELECT label FROM stories WHERE id = ?", (story_id,)).fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row and row[0] else None


def _story_entities(conn: sqlite3.Connection, ids: list[str]) -> list[dict[str, Any]]:
    rows = conn.execute("SELECT name, min(type) AS type, count(DISTINCT article_id) AS articles FROM entities"
                        " WHERE article_id IN (SELECT value FROM json_each(?)) GROUP BY name"
                        " ORDER BY articles DESC, name LIMIT 20", (json.dumps(ids),)).fetchall()
    return [dict(r) for r in rows]


def related(conn: sqlite3.Connection, record: dict[str, Any]) -> list[dict[str, Any]]:
    """Related articles: the story stage's both-way neighbours, else the record's ``related``."""
    ids: list[str] = []
    mod = _stories_module()
    if mod is not None and "related" in tables(conn):
        ids = [r["id"] for r in mod.related_articles(conn, record["id"])]
    for rid in record.get("related") or []:
        if isinstance(rid, str) and rid not in ids:
            ids.append(rid)
    briefs = article_brief(conn, ids)
    return [briefs[i] for i in ids if i in briefs]


def overview(conn: sqlite3.Connection) -> dict[str, Any]:
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    return {"articles": one("SELECT count(*) FROM articles"),
            "entities": one("SELECT count(DISTINCT name) FROM entities"),
            "quotes": one("SELECT count(*) FROM quotes"),
            "events": one("SELECT count(*) FROM events")}
