"""Stories, related articles and duplicates (``veille stories|story|duplicates``, the story pages).

The story stage (``veille.stories``) keeps its own tables; when a store has none, stories are
read from ``articles.story``.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any
from urllib.parse import urlsplit

from veille.queries.articles import article_brief
from veille.queries.sql import sql_limit, tables


def _stories_module():
    """``veille.stories`` when its tables are in this store, else None (the UI then falls back)."""
    try:
        from veille import stories
    except ImportError:
        return None
    return stories


def list_stories(conn: sqlite3.Connection, limit: int | None = 100, offset: int = 0, since: str | None = None,
                 min_articles: int = 1) -> list[dict[str, Any]]:
    """Stories, latest first: from the story tables when the story stage made them, else from
    ``articles.story``. Empty when no story was computed. ``since``: active on or after this ISO
    date (undated stories kept); ``min_articles``: hide smaller stories.

    Each item is ``id, title, articles, sites, first, last`` and, under the story stage's own
    names, ``label, n_articles, first_date, last_date`` (what ``veille stories --json`` prints)."""
    mod = _stories_module()
    if mod is not None and "stories" in tables(conn):
        rows = mod.list_stories(conn, since=since, min_articles=min_articles,
                                limit=None if limit is None else limit + offset)[offset:]
        sites = _site_counts(conn.execute(
            "SELECT m.story_id, a.site, a.url FROM story_members m JOIN articles a"
            " ON a.id = m.article_id WHERE m.story_id IN (SELECT value FROM json_each(?))",
            (json.dumps([r["id"] for r in rows]),)).fetchall()) if rows else {}
        return [{"id": r["id"], "title": r.get("label") or None, "articles": r.get("n_articles") or 0,
                 "sites": sites.get(r["id"], 0), "first": r.get("first_date"), "last": r.get("last_date"),
                 "label": r.get("label"), "n_articles": r.get("n_articles") or 0,
                 "first_date": r.get("first_date"), "last_date": r.get("last_date")}
                for r in rows]
    rows = conn.execute(
        "SELECT story AS id, count(*) AS articles, min(published) AS first, max(published) AS last,"
        " FROM articles WHERE story IS NOT NULL GROUP BY story"
        " HAVING count(*) >= ? AND (? IS NULL OR max(published) >= ? OR max(published) IS NULL)"
        " ORDER BY last IS NULL, last DESC, articles DESC LIMIT ? OFFSET ?",
        (min_articles, since, since, sql_limit(limit), offset)).fetchall()
    out = [dict(r) for r in rows]
    sites = _site_counts(conn.execute(
        "SELECT story, site, url FROM articles WHERE story IN (SELECT value FROM json_each(?))",
        (json.dumps([s["id"] for s in out]),)).fetchall()) if out else {}
    for s in out:
        s["sites"] = sites.get(s["id"], 0)
        first = conn.execute("SELECT title FROM articles WHERE story = ?"
                             " ORDER BY published IS NULL, published, id LIMIT 1", (s["id"],)).fetchone()
        s["title"] = first["title"] if first else None
        s.update(label=None, n_articles=s["articles"], first_date=s["first"], last_date=s["last"])
    return out


def _site_counts(rows: list[Any]) -> dict[str, int]:
    """Distinct sites per story from ``(story, site, url)`` rows: an article without a site counts
    by its URL's host ("www." dropped), so a story of such articles does not show 0 sites."""
    seen: dict[str, set[str]] = {}
    for story, site, url in rows:
        name = (site or "").strip().lower() or _host(url)
        bucket = seen.setdefault(story, set())
        if name:
            bucket.add(name.removeprefix("www."))
    return {story: len(names) for story, names in seen.items()}


def _host(url: str | None) -> str:
    if not url:
        return ""
    try:
        return (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return ""


def story_detail(conn: sqlite3.Connection, story_id: str) -> dict[str, Any] | None:
    """A story (by id, or unique id prefix when the story stage ran): its articles in time order,
    its events (one per happening when consolidated, with ``n_reports``) and quotes (each once)."""
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
                "first": story.get("first_date"), "last": story.get("last_date"), "label": story.get("label"),
                "first_date": story.get("first_date"), "last_date": story.get("last_date"),
                "n_articles": story.get("n_articles") or len(ids),
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
            "label": None, "first_date": arts[0]["published"], "last_date": arts[-1]["published"],
            "n_articles": len(arts),
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


def duplicates(conn: sqlite3.Connection, limit: int | None = None) -> list[dict[str, Any]]:
    """Groups of copies of one text, first stored copy first (``veille duplicates``)."""
    from veille.dedup import duplicate_groups

    if "duplicates" not in tables(conn):
        return []
    return duplicate_groups(conn, limit=limit)
