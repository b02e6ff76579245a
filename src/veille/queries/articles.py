"""Articles: full-text search with filters and facets, one record, briefs, and what the store holds."""

from __future__ import annotations

import functools
import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from veille.model import Article
from veille.queries.facets import FacetIndex
from veille.queries.spellings import spelled_term, websearch_query
from veille.queries.sql import Where, like_escape, plain_query, tables
from veille.store_engine import dialect, pg_search_parts

# Markers handed to FTS5 snippet(): private-use characters never found in real text, so the
# highlighted words can be found again after the snippet has been escaped (``web.render``).
HL_OPEN = "\ue000"
HL_CLOSE = "\ue001"

_CONTROL = re.compile(r"[\x00-\x1f\ue000\ue001]")
# Words only (letters, apostrophes, hyphens), none an FTS5 operator: what most people type.
_PLAIN_WORDS = re.compile(r"(?!.*\b(?:AND|OR|NOT|NEAR)\b)[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*"
                          r"(?:\s+[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*)*")


def fts_query(conn: sqlite3.Connection, q: str | None) -> str | None:
    """The FTS5 query to run for what a person typed; None when there is nothing to search.

    Plain words are searched each in every spelling the store knows for it, without an elided
    article (``l'OTAN``, ``Zelenski``: ``queries.spellings``); other valid FTS5 syntax
    (``otan AND roumanie``, ``"mot exact"``, ``prefix*``) is kept; anything else (``Jean-Marc``,
    a stray quote) becomes its words searched as plain phrases.
    """
    if q is None:
        return None
    q = _CONTROL.sub(" ", q).strip()
    if not q:
        return None
    if dialect(conn) == "postgresql":  # websearch_to_tsquery reads any text
        return websearch_query(conn, q)
    spelled = functools.partial(spelled_term, conn)
    if any(w.startswith("-") for w in q.split()) or _PLAIN_WORDS.fullmatch(q):
        # "-word" excludes the word, as on the CLI; plain words are searched in every spelling.
        return plain_query(q, spelled)
    try:
        conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1", (q,)).fetchall()
        return q
    except sqlite3.OperationalError:
        return plain_query(q, spelled)


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


def article_where(conn: sqlite3.Connection, f: ArticleFilters) -> tuple[str, str, list[Any], str | None]:
    """(FROM clause, WHERE clause, params, fts query) for the articles matching ``f``."""
    match = fts_query(conn, f.q)
    w = Where()
    if match is not None and dialect(conn) == "postgresql":
        source = "articles a" + _PG_SOURCE
        w.params.append(match)  # the FROM's parameter comes first
        w.add("a.tsv @@ fts_q")
    elif match is not None:
        source = "articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
        w.add("articles_fts MATCH ?", match)
    else:
        source = "articles a"
    if f.site:
        w.add("a.site = ?", f.site)
    if f.date_from:
        w.add("a.published >= ?", f.date_from)
    if f.date_to:
        # A prefix comparison keeps "2022-04-30" and "2022-04" inside date_to = "2022-04".
        w.add("substr(a.published, 1, ?) <= ?", len(f.date_to), f.date_to)
    if f.year:
        w.add("substr(a.published, 1, 4) = ?", f.year)
    if f.entity:
        w.add("a.id IN (SELECT article_id FROM entities WHERE name = ? OR corpus_id = ?)", f.entity, f.entity)
    if f.event_type:
        w.add("a.id IN (SELECT article_id FROM events WHERE type = ?)", f.event_type)
    return source, w.sql(), w.params, match


_ARTICLE_COLS = "a.id, a.title, a.published, a.site, a.path, a.url, a.story, a.duplicate_of"
_SNIPPET = f"snippet(articles_fts, -1, '{HL_OPEN}', '{HL_CLOSE}', '…', 24)"
_PG_SOURCE, _PG_SNIPPET, _PG_RANK = pg_search_parts(HL_OPEN, HL_CLOSE, 24)


def _snippet_of(conn: sqlite3.Connection, match: str, rowid: int) -> str:
    if dialect(conn) == "postgresql":
        return conn.execute(f"SELECT {_PG_SNIPPET} FROM articles a{_PG_SOURCE} WHERE a.rowid = ?",
                            (match, rowid)).fetchone()[0]
    return conn.execute(f"SELECT {_SNIPPET} FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?",
                        (match, rowid)).fetchone()[0]


def list_articles(conn: sqlite3.Connection, f: ArticleFilters, limit: int = 20, offset: int = 0,
                  facets: bool = False, index: FacetIndex | None = None) -> dict[str, Any]:
    """Matching articles (best match first when searching, else newest first), with the total.

    Without ``index`` everything is plain SQL: the reference. With a facet ``index`` the total and
    the facets come from it, and a full-text search ranks every match once (cached per query)
    and computes snippets only for the page shown; both give the same answer.
    """
    source, where_sql, params, match = article_where(conn, f)
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
            " WHERE a.rowid IN (SELECT CAST(value AS INTEGER) FROM json_each(?))", (json.dumps(page_rowids),))}
        items = []
        for rowid, rank in zip(page_rowids, page_ranks, strict=True):
            item = by_rowid[rowid]
            del item["rowid"]
            # One FTS lookup by rowid per shown article: snippets are never built for the others.
            item["snippet"] = _snippet_of(conn, match, rowid)
            item["rank"] = rank
            items.append(item)
    elif match is not None and dialect(conn) == "postgresql":
        items, out_total = _pg_ranked_page(conn, source, where_sql, params, match, limit, offset)
    else:
        if match is not None:
            cols = f", {_SNIPPET} AS snippet, bm25(articles_fts, 5.0, 1.0) AS rank"
            order = "rank, a.rowid"
        else:
            cols = ", substr(a.body, 1, 240) AS snippet, NULL AS rank"
            order = "a.published IS NULL, a.published DESC, a.id"
        items = [dict(r) for r in conn.execute(
            f"SELECT {_ARTICLE_COLS}{cols} FROM {source}{where_sql} ORDER BY {order} LIMIT ? OFFSET ?",
            (*params, limit, offset))]
    out: dict[str, Any] = {"limit": limit, "offset": offset, "items": items}
    if match is not None and index is None and dialect(conn) == "postgresql":
        total, exact = out_total
        out["total"] = total
        if not exact:
            out["total_is_estimate"] = True
        if facets:
            out["facets"] = article_facets(conn, source, where_sql, params)
    elif mask is not None:
        out["total"] = int(mask.sum())
        if facets:
            out["facets"] = index.facets(mask)
    else:
        out["total"] = conn.execute(f"SELECT count(*) FROM {source}{where_sql}", params).fetchone()[0]
        if facets:
            out["facets"] = article_facets(conn, source, where_sql, params)
    if match is None:
        for item in out["items"]:
            if item["snippet"] and len(item["snippet"]) == 240:
                item["snippet"] += "…"
    return {"total": out["total"], **out}


# A PostgreSQL search ranks at most this many matches (the first found in the full-text index);
# with more, its total is the planner's estimate. Ranking and counting visit every match (about
# 10 ms per 1,000 on a 2-core machine): a word found in a tenth of a million articles would take
# seconds. Up to the cap the answer is exact, the same as SQLite's.
PG_RANK_CAP = 5000


def _pg_ranked_page(conn: Any, source: str, where_sql: str, params: list[Any], match: str, limit: int,
                    offset: int) -> tuple[list[dict[str, Any]], tuple[int, bool]]:
    """(the page of a PostgreSQL full-text search, (total, whether it is exact)). One pass over
    the matches (at most ``PG_RANK_CAP + 1``) ranks and counts them; ``ts_headline``, the costly
    part, runs only for the page shown."""
    # The matches keep only their id and rank (no text carried through the sort); the page's
    # articles are read again by id (the primary key) for their columns and snippets.
    sql = (f"WITH m AS MATERIALIZED (SELECT a.id, a.rowid, {_PG_RANK} AS rank FROM {source}{where_sql} LIMIT ?),"
           " p AS (SELECT id, rowid, rank FROM m ORDER BY rank, rowid LIMIT ? OFFSET ?)"
           f" SELECT {_ARTICLE_COLS}, {_PG_SNIPPET} AS snippet, p.rank, (SELECT count(*) FROM m) AS n"
           f" FROM p JOIN articles a ON a.id = p.id{_PG_SOURCE} ORDER BY p.rank, p.rowid")
    # The matches come from the GIN index: with a LIMIT the planner would rather read the table
    # in order until enough rows match, which costs a text-search test per article read.
    conn.execute("SET enable_seqscan = off")
    try:
        rows = [dict(r) for r in conn.execute(sql, (*params, PG_RANK_CAP + 1, limit, offset, match))]
        n = rows[0]["n"] if rows else None
        if n is None:  # an empty page: the count alone
            n = conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM {source}{where_sql} LIMIT ?) m",
                             (*params, PG_RANK_CAP + 1)).fetchone()[0]
    finally:
        conn.execute("RESET enable_seqscan")
    for row in rows:
        del row["n"]
    if n <= PG_RANK_CAP:
        return rows, (n, True)
    plan = conn.execute(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {source}{where_sql}", params).fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return rows, (max(PG_RANK_CAP + 1, int(plan[0]["Plan"]["Plan Rows"])), False)


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
    row = conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None and len(article_id) >= 4:
        rows = conn.execute("SELECT record FROM articles WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                            (like_escape(article_id) + "%",)
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


def get_article(conn: sqlite3.Connection, article_id: str) -> Article | None:
    """The stored article as the dataclasses (``veille show``), by id or unique id prefix."""
    record = get_record(conn, article_id)
    return Article.from_dict(record) if record is not None else None


def iter_articles(conn: sqlite3.Connection) -> Iterator[Article]:
    """Every stored article, oldest first (``veille export``)."""
    for row in conn.execute("SELECT record FROM articles ORDER BY published, id"):
        yield Article.from_dict(json.loads(row["record"]))


def search(conn: sqlite3.Connection, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Full-text search (best match first) as ``veille search`` and the search page run it;
    highlights in ``snippet`` are between :data:`HL_OPEN` and :data:`HL_CLOSE`."""
    return list_articles(conn, ArticleFilters(q=query), limit, offset)["items"]


def overview(conn: sqlite3.Connection) -> dict[str, Any]:
    """The counts of the search page and ``/api/stats``: the same numbers as :func:`stats`."""
    counts = stats(conn)
    return {k: counts[k] for k in ("articles", "entities", "quotes", "events", "event_reports")}


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """Counts of what the store holds (``veille stats``); ``events`` counts one per happening
    when the story stage consolidated reports, ``event_reports`` every report."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    consolidated = "consolidated_events" in tables(conn)
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "sites": one("SELECT count(DISTINCT site) FROM articles"),
        "dated": one("SELECT count(*) FROM articles WHERE published IS NOT NULL"),
        "first_date": one("SELECT min(published) FROM articles"),
        "last_date": one("SELECT max(published) FROM articles"),
        "entities": one("SELECT count(DISTINCT name) FROM entities"),
        "quotes": one("SELECT count(*) FROM quotes"),
        "events": one("SELECT count(*) FROM consolidated_events" if consolidated else "SELECT count(*) FROM events"),
        "event_reports": one("SELECT count(*) FROM events"),
        "times": one("SELECT count(*) FROM times"),
        "quantities": one("SELECT count(*) FROM quantities"),
        "failures": one("SELECT count(*) FROM failures"),
    }
