"""Stories: articles grouped by what happened, related articles, and one event for many reports.

Everything is incremental and kept in SQLite (tables below), so ``Store.add`` assigns a new
article without recomputing the corpus; nothing is re-parsed (the spaCy Doc is gone by then).

* **Vectors.** A hashing TF-IDF over the article's own words: title (counted twice) and body,
  lower-cased, accents folded, French stop words and numbers out, words cut to 6 letters (a cheap
  stand-in for lemmas: "négociations"/"négocié" share "negoci"). Terms are crc32 hashes, stable
  across runs. The IDF is the corpus' own (document frequencies kept in ``story_df``); a stored
  vector keeps the IDF known when it was stored. Each article posts its 20 heaviest terms in an
  inverted index (``story_postings``), which yields the candidates a new article is compared with.
* **Similarity** = cosine of the vectors, mixed with the Jaccard of entity names
  (``article.entities``) when both have entities: ``0.7 cos + 0.3 ent``.
* **Stories.** A new article joins the story of its most similar stored article when the
  similarity is at least ``JOIN`` and the dates fit the story's span widened by ``WINDOW_DAYS``
  (undated articles or stories join on text and entities alone); a copy joins its original's
  story; otherwise it founds a new story. Story ids are ``S-`` + the founding article's id.
  Labels are the story's most frequent entities, then keywords.
* **Related.** Up to ``RELATED_K`` most similar stored articles (not copies of it). The new
  article's record gets them in ``related``; older records are not rewritten, the ``related``
  table keeps both directions (:func:`related_articles`).
* **Same dispatch.** The nearest neighbours are also where two renderings of one dispatch meet:
  they are checked with ``veille.dedup.dispatch_similarity`` and marked as duplicates.
* **Events.** An event joins a consolidated event when the type, source and target (canonical
  names, compared case-folded) and the mode are equal, the dates are within ``EVENT_DAYS`` (an
  undated side matches only inside the same story), and the places are equal when both are known.
  :func:`count_events` and :func:`consolidated_events` are what the CLI, exports and web count.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any

import numpy as np

from veille import dedup
from veille.model import Article

JOIN = 0.30
WINDOW_DAYS = 7
EVENT_DAYS = 3
RELATED_K = 5
RELATED_MIN = 0.15
POSTED_TERMS = 20
CANDIDATES = 30
TITLE_WEIGHT = 2
# Renderings of one dispatch score cos >= 0.45 on the pair-set corpus: only neighbours that close
# are worth the sentence alignment.
DISPATCH_MIN_COS = 0.35
_N_TERM = -1  # the story_df row that counts the documents (term hashes are never negative)

SCHEMA = """
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY, label TEXT NOT NULL DEFAULT '',
    first_date TEXT, last_date TEXT, first_day INTEGER, last_day INTEGER,
    n_articles INTEGER NOT NULL DEFAULT 0, created_by TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_last ON stories(last_date);
CREATE TABLE IF NOT EXISTS story_members (
    article_id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL, score REAL, day INTEGER,
    terms BLOB NOT NULL, weights BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS story_members_story ON story_members(story_id);
CREATE TABLE IF NOT EXISTS story_postings (term INTEGER NOT NULL, article_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS story_postings_term ON story_postings(term);
CREATE TABLE IF NOT EXISTS story_df (term INTEGER PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS story_counts (
    story_id TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (story_id, kind, value)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS related (
    article_id TEXT NOT NULL, other_id TEXT NOT NULL, score REAL NOT NULL,
    PRIMARY KEY (article_id, other_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS related_other ON related(other_id);
CREATE TABLE IF NOT EXISTS consolidated_events (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, source TEXT, target TEXT, source_key TEXT NOT NULL,
    target_key TEXT NOT NULL, mode TEXT NOT NULL, date TEXT, day INTEGER, place TEXT,
    story_id TEXT, text TEXT, n_reports INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS consolidated_events_key ON consolidated_events(type, source_key, target_key);
CREATE TABLE IF NOT EXISTS event_reports (
    event_id TEXT NOT NULL, article_id TEXT NOT NULL,
    idx INTEGER NOT NULL, PRIMARY KEY (article_id, idx)
);
CREATE INDEX IF NOT EXISTS event_reports_event ON event_reports(event_id);
"""


def ensure_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


# -- dates -------------------------------------------------------------------------------------


def day_span(value: str | None) -> tuple[int, int] | None:
    """``(first, last)`` day ordinals a date of any precision covers; None for a year or nothing."""
    if not value:
        return None
    try:
        if len(value) >= 10:
            d = date.fromisoformat(value[:10]).toordinal()
            return d, d
        if len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            first = date(y, m, 1).toordinal()
            last = (date(y + (m == 12), m % 12 + 1, 1)).toordinal() - 1
            return first, last
    except ValueError:
        return None
    return None  # a bare year dates nothing closely enough to group by


def _gap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int | None:
    """Days between two spans (0 when they overlap); None when either is unknown."""
    if a is None or b is None:
        return None
    return max(0, a[0] - b[1], b[0] - a[1])


# -- vectors -----------------------------------------------------------------------------------


def term_counts(article: Article) -> tuple[Counter, dict[int, str]]:
    """Term hash -> weighted count, and the folded stem's first word per hash (for labels)."""
    stops = dedup.stop_words()
    tokens = Counter(dedup.words(article.title or ""))
    for word in tokens:
        tokens[word] *= TITLE_WEIGHT
    for para in dedup.article_words(article):
        tokens.update(para)
    counts: Counter = Counter()
    names: dict[int, str] = {}
    for w, n in tokens.items():
        if len(w) < 3 or w in stops or w.isdigit():
            continue
        h = dedup._word_hash(w[:6]) & 0x7FFF_FFFF  # crc32, cached
        counts[h] += n
        names.setdefault(h, w)
    return counts, names


def _doc_freqs(conn: sqlite3.Connection, terms: list[int]) -> tuple[int, dict[int, int]]:
    """The number of stored documents and the document frequency of each term."""
    row = conn.execute("SELECT df FROM story_df WHERE term = ?", (_N_TERM,)).fetchone()
    df: dict[int, int] = {}
    for i in range(0, len(terms), 900):
        chunk = terms[i:i + 900]
        df.update(conn.execute(f"SELECT term, df FROM story_df WHERE term IN ({','.join('?' * len(chunk))})",
                               chunk).fetchall())
    return (row[0] if row else 0), df


def vectorize(conn: sqlite3.Connection, counts: Counter,
              freqs: tuple[int, dict[int, int]] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Sorted term hashes and their L2-normalised TF-IDF weights under the current IDF
    (``freqs``: :func:`_doc_freqs` of the terms when the caller has it)."""
    if not counts:
        return np.zeros(0, np.int64), np.zeros(0, np.float32)
    terms = sorted(counts)
    n, df = freqs if freqs is not None else _doc_freqs(conn, terms)
    tf = np.array([counts[t] for t in terms], dtype=np.float64)
    dfs = np.array([df.get(t, 0) for t in terms], dtype=np.float64)
    w = ((1 + np.log(tf)) * (np.log((n + 1) / (dfs + 1)) + 1.0)).astype(np.float32)
    norm = float(np.linalg.norm(w)) or 1.0
    return np.array(terms, dtype=np.int64), w / norm


def cosine(ta: np.ndarray, wa: np.ndarray, tb: np.ndarray, wb: np.ndarray) -> float:
    _, ia, ib = np.intersect1d(ta, tb, assume_unique=True, return_indices=True)
    return float(np.dot(wa[ia], wb[ib]))


def _entity_names(article: Article) -> set[str]:
    return {e.name.casefold() for e in article.entities if e.name}


def similarity(cos: float, ents_a: set[str], ents_b: set[str]) -> float:
    if ents_a and ents_b:
        return 0.7 * cos + 0.3 * dedup.jaccard(ents_a, ents_b)
    return cos


# -- neighbours --------------------------------------------------------------------------------


def neighbours(conn: sqlite3.Connection, article: Article, terms: np.ndarray, weights: np.ndarray,
               freqs: tuple[int, dict[int, int]] | None = None) -> list[dict[str, Any]]:
    """Stored articles sharing heavy terms with this one, most similar first."""
    if not len(terms):
        return []
    top = terms[np.argsort(-weights)[:POSTED_TERMS]].tolist()
    # Terms in more than 2 % of a large corpus find everything and tell little: leave them out of
    # the query (their weight still counts in the cosine).
    n_docs, df = freqs if freqs is not None else _doc_freqs(conn, top)
    cap = max(50, int(0.02 * n_docs))
    top = [t for t in top if df.get(t, 0) <= cap] or top[:3]
    rows = conn.execute(
        f"SELECT article_id, count(*) AS c FROM story_postings WHERE term IN ({','.join('?' * len(top))})"
        f" GROUP BY article_id ORDER BY c DESC, article_id LIMIT {CANDIDATES}", top).fetchall()
    ids = [r[0] for r in rows if r[0] != article.id]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    ents: dict[str, set[str]] = {}
    for aid, name in conn.execute(f"SELECT article_id, name FROM entities WHERE article_id IN ({marks})", ids):
        ents.setdefault(aid, set()).add(name.casefold())
    mine = _entity_names(article)
    rows = conn.execute(f"SELECT article_id, story_id, day, terms, weights FROM story_members"
                        f" WHERE article_id IN ({marks})", ids).fetchall()
    if not rows:
        return []
    # All candidates' dot products at once: look each candidate term up in this article's sorted terms.
    cand_terms = [np.frombuffer(r[3], np.int64) for r in rows]
    all_terms = np.concatenate(cand_terms)
    all_weights = np.concatenate([np.frombuffer(r[4], np.float32) for r in rows])
    owner = np.repeat(np.arange(len(rows)), [len(t) for t in cand_terms])
    pos = np.minimum(np.searchsorted(terms, all_terms), len(terms) - 1)
    hit = terms[pos] == all_terms
    dots = np.bincount(owner[hit], weights=all_weights[hit] * weights[pos[hit]], minlength=len(rows))
    out = []
    for (aid, sid, day, _t, _w), cos in zip(rows, dots.tolist(), strict=True):
        out.append({"id": aid, "story": sid, "day": day, "cos": cos,
                    "sim": similarity(cos, mine, ents.get(aid, set()))})
    out.sort(key=lambda r: (-r["sim"], r["id"]))
    return out


def _story_span(conn: sqlite3.Connection, story_id: str) -> tuple[int, int] | None:
    row = conn.execute("SELECT first_day, last_day FROM stories WHERE id = ?", (story_id,)).fetchone()
    return (row[0], row[1]) if row and row[0] is not None else None


def _check_dispatch(conn: sqlite3.Connection, article: Article, near: list[dict[str, Any]],
                    span: tuple[int, int] | None) -> None:
    """Two renderings of one dispatch are each other's nearest neighbours: check the top few."""
    for cand in near[:3]:
        if cand["cos"] < DISPATCH_MIN_COS:
            continue
        other = (cand["day"], cand["day"]) if cand["day"] is not None else None
        gap = _gap(span, other)
        if gap is not None and gap > dedup.DISPATCH_MAX_DAYS:
            continue
        score = dedup.dispatch_similarity(article.paragraphs, dedup._stored_paragraphs(conn, cand["id"]))
        if score >= dedup.DISPATCH_THRESHOLD:
            dedup.mark_duplicate(conn, article, cand["id"], score, "dispatch")
            return


# -- the hook ----------------------------------------------------------------------------------


def on_ingest(store: Any, article: Article) -> None:
    """INGEST_HOOKS entry: story, related articles, same-dispatch copies and consolidated events."""
    conn = store.conn
    counts, names = term_counts(article)
    freqs = _doc_freqs(conn, sorted(counts))
    terms, weights = vectorize(conn, counts, freqs)
    span = day_span(article.published)
    near = neighbours(conn, article, terms, weights, freqs)
    if article.duplicate_of is None:
        _check_dispatch(conn, article, near, span)

    group = dedup.root_of(conn, article.duplicate_of) if article.duplicate_of else None
    story = None
    if group:
        row = conn.execute("SELECT story_id FROM story_members WHERE article_id = ?", (group,)).fetchone()
        story = row[0] if row else None
    if story is None:
        for cand in near:
            if cand["sim"] < JOIN:
                break
            gap = _gap(span, _story_span(conn, cand["story"]))
            if gap is None or gap <= WINDOW_DAYS:
                story = cand["story"]
                break
    if story is None:
        story = "S-" + article.id
        conn.execute("INSERT OR IGNORE INTO stories (id, created_by) VALUES (?, ?)", (story, article.id))
    article.story = story

    # Related: the nearest articles that are not copies of the same text.
    copies = {group} if group else set()
    if group:
        copies |= {r[0] for r in conn.execute("SELECT article_id FROM duplicates WHERE group_id = ?", (group,))}
    related = [c for c in near if c["sim"] >= RELATED_MIN and c["id"] not in copies][:RELATED_K]
    article.related = [c["id"] for c in related]
    conn.executemany("INSERT OR REPLACE INTO related VALUES (?,?,?)",
                     [(article.id, c["id"], round(c["sim"], 4)) for c in related])

    # Index the article for the ones that come later.
    day = span[0] if span and span[0] == span[1] else None
    conn.execute("INSERT OR REPLACE INTO story_members VALUES (?,?,?,?,?,?)",
                 (article.id, story, round(near[0]["sim"], 4) if near else None, day,
                  terms.tobytes(), weights.astype(np.float32).tobytes()))
    conn.executemany("INSERT INTO story_df VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET df = story_df.df + 1",
                     [(int(t),) for t in terms] + [(_N_TERM,)])
    if len(terms):
        top = terms[np.argsort(-weights)[:POSTED_TERMS]]
        conn.executemany("INSERT INTO story_postings VALUES (?,?)", [(int(t), article.id) for t in top])
    _update_story(conn, story, article, span, counts, names, weights, terms)
    _consolidate_events(conn, article, story)


def _surface(article: Article, folded: set[str]) -> set[str]:
    """The words as written (accents kept) for their folded forms, for labels."""
    out: dict[str, str] = {}
    for text in [article.title or "", *article.paragraphs]:
        written = dedup._WORD.findall(text.lower())
        plain = dedup.words(text)
        if len(written) != len(plain):  # decomposed input: keep the folded forms
            continue
        for w, f in zip(written, plain, strict=True):
            if f in folded and f not in out:
                out[f] = w
        if len(out) == len(folded):
            break
    return {out.get(f, f) for f in folded}


def _bump(conn: sqlite3.Connection, story: str, kind: str, values: Iterable[str]) -> None:
    conn.executemany("INSERT INTO story_counts VALUES (?,?,?,1) ON CONFLICT(story_id, kind, value)"
                     " DO UPDATE SET n = story_counts.n + 1", [(story, kind, v) for v in values])


def _update_story(conn, story: str, article: Article, span, counts, names, weights, terms) -> None:
    _bump(conn, story, "entity", sorted({e.name for e in article.entities if e.name}))
    if len(terms):
        order = np.argsort(-weights)[:5]
        _bump(conn, story, "keyword", sorted(_surface(article, {names[int(terms[i])] for i in order})))
    row = conn.execute("SELECT first_date, last_date, first_day, last_day FROM stories WHERE id = ?",
                       (story,)).fetchone()
    first_date, last_date, first_day, last_day = row
    if span:
        if first_day is None or span[0] < first_day:
            first_day, first_date = span[0], article.published
        if last_day is None or span[1] > last_day:
            last_day, last_date = span[1], article.published
    ents = [r[0] for r in conn.execute(
        "SELECT value FROM story_counts WHERE story_id = ? AND kind = 'entity' ORDER BY n DESC, value LIMIT 3",
        (story,))]
    words = [r[0] for r in conn.execute(
        "SELECT value FROM story_counts WHERE story_id = ? AND kind = 'keyword' ORDER BY n DESC, value LIMIT 5",
        (story,))]
    taken = " ".join(ents).casefold()
    keywords = [w for w in words if dedup.fold(w) not in dedup.fold(taken)][: max(1, 4 - len(ents))]
    label = ", ".join(ents + keywords)
    conn.execute("UPDATE stories SET label = ?, first_date = ?, last_date = ?, first_day = ?, last_day = ?,"
                 " n_articles = n_articles + 1 WHERE id = ?",
                 (label, first_date, last_date, first_day, last_day, story))


# -- events ------------------------------------------------------------------------------------


def _key(name: str | None) -> str:
    return dedup.fold(name).strip() if name else ""


def _consolidate_events(conn: sqlite3.Connection, article: Article, story: str) -> None:
    for idx, ev in enumerate(article.events):
        span = day_span(ev.date) or None
        place = _key(ev.place) or None
        match = None
        for cid, cdate, cplace, cstory in conn.execute(
                "SELECT id, date, place, story_id FROM consolidated_events"
                " WHERE type = ? AND source_key = ? AND target_key = ? AND mode = ? ORDER BY id",
                (ev.type, _key(ev.source), _key(ev.target), ev.mode or "fact")).fetchall():
            if place and cplace and _key(cplace) != place:
                continue
            cspan = day_span(cdate)
            gap = _gap(span, cspan)
            if gap is None:
                if cstory != story:
                    continue  # an undated side: only the same story vouches for the same happening
            elif gap > EVENT_DAYS:
                continue
            match = cid
            if cplace is None and ev.place:
                conn.execute("UPDATE consolidated_events SET place = ? WHERE id = ?", (ev.place, cid))
            if cdate is None and ev.date:
                conn.execute("UPDATE consolidated_events SET date = ?, day = ? WHERE id = ?",
                             (ev.date, span[0] if span else None, cid))
            break
        if match is None:
            match = f"E-{article.id}-{idx}"
            conn.execute("INSERT INTO consolidated_events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0)",
                         (match, ev.type, ev.source, ev.target, _key(ev.source), _key(ev.target),
                          ev.mode or "fact", ev.date, span[0] if span else None, ev.place, story, ev.text))
        conn.execute("INSERT OR IGNORE INTO event_reports VALUES (?,?,?)", (match, article.id, idx))
        # n_reports counts articles, not mentions: one article telling it twice is one report.
        conn.execute("UPDATE consolidated_events SET n_reports = (SELECT count(DISTINCT article_id)"
                     " FROM event_reports WHERE event_id = ?) WHERE id = ?", (match, match))


# -- reading (CLI, exports, web) ---------------------------------------------------------------


def _has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'consolidated_events'").fetchone() is not None


def consolidated_events(conn: sqlite3.Connection, type: str | None = None, story: str | None = None,
                        since: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """One row per happening, with the articles that report it, most reported first."""
    if not _has_tables(conn):
        return []
    where, args = [], []
    if type:
        where.append("type = ?")
        args.append(type)
    if story:
        where.append("story_id = ?")
        args.append(story)
    if since:
        where.append("date >= ?")
        args.append(since)
    sql = ("SELECT id, type, source, target, date, place, mode, story_id, text, n_reports FROM consolidated_events"
           + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY n_reports DESC, date, id"
           + (f" LIMIT {int(limit)}" if limit else ""))
    out = []
    for row in conn.execute(sql, args).fetchall():
        ev = dict(zip(("id", "type", "source", "target", "date", "place", "mode", "story", "text", "n_reports"),
                      row, strict=True))
        ev["articles"] = sorted({r[0] for r in conn.execute(
            "SELECT article_id FROM event_reports WHERE event_id = ?", (ev["id"],))})
        out.append(ev)
    return out


def count_events(conn: sqlite3.Connection, consolidated: bool = True, type: str | None = None) -> int:
    """Events in the store: one per happening by default, one per report with ``consolidated=False``."""
    if not consolidated or not _has_tables(conn):
        sql, args = "SELECT count(*) FROM events", []
    else:
        sql, args = "SELECT count(*) FROM consolidated_events", []
    if type:
        sql += " WHERE type = ?"
        args.append(type)
    return conn.execute(sql, args).fetchone()[0]


def list_stories(conn: sqlite3.Connection, since: str | None = None, limit: int | None = None,
                 min_articles: int = 1) -> list[dict[str, Any]]:
    """Stories, latest first (undated ones last)."""
    if not _has_tables(conn):
        return []
    sql = ("SELECT id, label, first_date, last_date, n_articles FROM stories WHERE n_articles >= ?"
           + (" AND (last_date >= ? OR last_date IS NULL)" if since else "")
           + " ORDER BY last_date IS NULL, last_day DESC, n_articles DESC, id"
           + (f" LIMIT {int(limit)}" if limit else ""))
    args: list[Any] = [min_articles] + ([since] if since else [])
    return [dict(zip(("id", "label", "first_date", "last_date", "n_articles"), r, strict=True))
            for r in conn.execute(sql, args).fetchall()]


def story_detail(conn: sqlite3.Connection, story_id: str) -> dict[str, Any] | None:
    """A story's articles (timeline order), consolidated events and quotes (each said once)."""
    if not _has_tables(conn):
        return None
    row = conn.execute("SELECT id, label, first_date, last_date, n_articles FROM stories WHERE id = ?",
                       (story_id,)).fetchone()
    if row is None:
        rows = conn.execute("SELECT id, label, first_date, last_date, n_articles FROM stories WHERE id LIKE ?"
                            " LIMIT 2", (story_id + "%",)).fetchall()
        row = rows[0] if len(rows) == 1 else None
    if row is None:
        return None
    story = dict(zip(("id", "label", "first_date", "last_date", "n_articles"), row, strict=True))
    story["articles"] = [
        dict(zip(("id", "published", "site", "title", "duplicate_of"), r, strict=True))
        for r in conn.execute(
            "SELECT a.id, a.published, a.site, a.title, a.duplicate_of FROM story_members m"
            " JOIN articles a ON a.id = m.article_id WHERE m.story_id = ?"
            " ORDER BY a.published IS NULL, a.published, a.rowid", (story["id"],))]
    story["events"] = sorted(consolidated_events(conn, story=story["id"]),
                             key=lambda e: (e["date"] is None, e["date"] or "", e["id"]))
    seen: set[str] = set()
    quotes = []
    for aid, text, speaker, kind in conn.execute(
            "SELECT q.article_id, q.text, q.speaker, q.kind FROM quotes q JOIN story_members m"
            " ON m.article_id = q.article_id JOIN articles a ON a.id = q.article_id WHERE m.story_id = ?"
            " ORDER BY a.published IS NULL, a.published, a.rowid, q.idx", (story["id"],)):
        key = " ".join(dedup.words(text))
        if key in seen:
            continue
        seen.add(key)
        quotes.append({"article": aid, "text": text, "speaker": speaker, "kind": kind})
    story["quotes"] = quotes
    return story


def related_articles(conn: sqlite3.Connection, article_id: str, k: int = RELATED_K) -> list[dict[str, Any]]:
    """The most similar articles, stored before or after this one."""
    if not _has_tables(conn):
        return []
    rows = conn.execute(
        "SELECT other_id, score FROM related WHERE article_id = ? UNION ALL"
        " SELECT article_id, score FROM related WHERE other_id = ? ORDER BY score DESC, other_id LIMIT ?",
        (article_id, article_id, k)).fetchall()
    return [{"id": r[0], "score": r[1]} for r in rows]
