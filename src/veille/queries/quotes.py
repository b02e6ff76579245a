"""Quotes: who said what (``veille quotes``, ``/api/quotes``, the quotes page)."""

from __future__ import annotations

import sqlite3
from typing import Any

from veille.queries.sql import Where, sql_limit, until_clause

QUOTE_COLUMNS = ("q.article_id, q.idx, q.text, q.speaker, q.kind, q.cue, q.language, q.speaker_text,"
                 " a.title AS article_title, a.published, a.site, a.path")


def list_quotes(conn: sqlite3.Connection, speaker: str | None = None, q: str | None = None,
                since: str | None = None, limit: int | None = 50, offset: int = 0,
                kind: str | None = None, until: str | None = None) -> dict[str, Any]:
    """Quotes with their article's title and date, newest first, and how many match.

    ``speaker`` is part of the speaker's canonical name or of the words naming the source
    (``speaker_text``, e.g. an unnamed source); ``q`` is part of the quote. Both ignore case,
    accents and spacing (:meth:`Where.contains`), and the speaker any transliteration of the name.
    ``since`` and ``until`` are ISO dates (prefixes, both included) compared with the article's date; ``kind`` is ``direct`` or ``indirect``; ``limit=None`` lists every quote.
    """
    w = (Where().contains(conn, "quotes", "q", ["speaker", "speaker_text"], speaker, names=True)
         .contains(conn, "quotes", "q", ["text"], q))
    if since:
        w.add("a.published >= ?", since)
    if until:
        w.add(*until_clause("a.published", until))
    if kind:
        w.add("q.kind = ?", kind)
    base = " FROM quotes q JOIN articles a ON a.id = q.article_id" + w.sql()
    rows = conn.execute(
        f"SELECT {QUOTE_COLUMNS}{base}"
        " ORDER BY a.published IS NULL, a.published DESC, q.article_id, q.idx LIMIT ? OFFSET ?",
        (*w.params, sql_limit(limit), offset)).fetchall()
    total = conn.execute("SELECT count(*)" + base, w.params).fetchone()[0]
    return {"total": total, "limit": limit, "offset": offset, "items": [dict(r) for r in rows]}
