"""Near-duplicates: syndicated copies, edited re-publications and other renderings of one dispatch.

Two signals, both checked exactly before an article is called a copy:

1. **Same wording** (most copies). Word 3-shingles of the cleaned body (``article.paragraphs``,
   lower-cased, accents folded; paragraphs under 6 words — bylines, credit lines, share buttons a
   cleaner missed — are left out when the body has longer ones) go into a 128-permutation MinHash
   (datasketch). Candidates come from LSH banding of that signature (64 bands of 2 rows, kept in
   SQLite so ingest is incremental and nothing is loaded in memory), are pre-filtered on the
   signature estimate, then re-checked by the exact shingle Jaccard (the shingles each body had at
   ingest, kept in ``dedup_shingles``): a copy at ``J >= 0.30``.
2. **Same dispatch, other wording** (two sites translating one foreign agency copy). MinHash
   cannot see those (3-shingle J 0.05–0.19 on the pair set). ``dispatch_similarity`` aligns
   sentences by content words (stop words out, 6-letter stems): the share of each text's sentences
   having a counterpart with content Jaccard >= 0.30, the smaller of the two directions. A copy at
   ``>= 0.33``. Candidates are the article's nearest TF-IDF neighbours found by the story stage
   (``veille.stories``), which calls :func:`mark_duplicate`; dated articles must also be within
   3 days of each other.

Parameters were chosen by measurement on ``tests/data/dup_pairs.jsonl`` (316 labelled pairs of
invented dispatches; ``python bench/dedup.py --pairs`` prints the table):

* shingle size 3 (Jaccard ranges per kind of pair, k = 2 / 3 / 4 / 5):
  edited copies min 0.45 / 0.41 / 0.36 / 0.34; same-topic stories (some with a background
  paragraph copied from the other) max 0.20 / 0.17 / 0.15 / 0.14; renderings of one dispatch max
  0.30 / 0.19 / 0.13 / 0.09; exact copies with other boilerplate 0.76–0.94 for every k; unrelated
  <= 0.02. k=3 keeps the gap between copies and different stories almost as wide as k=2 (0.24
  against 0.25) while renderings stay clearly below the threshold (k=2 puts them right on it, and
  this signal is about wording: renderings are the second signal's job).
* threshold 0.30: between 0.17 (closest different story) and 0.41 (farthest edited copy).
* 64x2 bands: a pair at J=0.30 becomes a candidate with probability 1-(1-0.3^2)^64 = 0.998;
  datasketch's own optimum for 0.30 (37x3) gives only 0.64 at J=0.30.
* dispatch: renderings score 0.36–1.0, same-topic pairs at most 0.27, unrelated 0.

Each copy gets ``duplicate_of`` = the group's first stored article (its *root*) and, when a copy
names an agency that is not its own site, a ``syndication`` note ("Europa Press dispatch
re-published by cinktank.com").
"""

from __future__ import annotations

import functools
import re
import sqlite3
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from datasketch import MinHash

from veille.model import Article
from veille.store_engine import dialect

SHINGLE_SIZE = 3
NUM_PERM = 128
BANDS, ROWS = 64, 2
THRESHOLD = 0.30  # exact shingle Jaccard of a near-duplicate
ESTIMATE_FLOOR = 0.15  # candidates whose MinHash estimate is below this are not re-checked
MIN_SHINGLES = 8  # fewer: too short to tell a copy from a coincidence
MIN_PARAGRAPH_WORDS = 6
DISPATCH_THRESHOLD = 0.33
DISPATCH_SENTENCE_MATCH = 0.30
DISPATCH_MIN_WORDS = 5  # content words a sentence needs to count in the alignment
DISPATCH_MAX_DAYS = 3
_SEED = 6

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"(?<=[.!?»])\s+(?=[A-ZÀÂÉÈÊÎÔÛÇ«(\"“])")

SCHEMA = """
CREATE TABLE IF NOT EXISTS dedup_signatures (
    article_id TEXT PRIMARY KEY,
    minhash BLOB NOT NULL, n_shingles INTEGER NOT NULL
) WITHOUT ROWID;
-- The LSH buckets: one row per (band key, article rowid); WITHOUT ROWID and integers keep it
-- one small b-tree (64 rows an article).
CREATE TABLE IF NOT EXISTS dedup_bands (
    key INTEGER NOT NULL, doc INTEGER NOT NULL,
    PRIMARY KEY (key, doc)
) WITHOUT ROWID;
-- The shingle hashes of each stored body (sorted uint32), for the exact re-check of a candidate:
-- recomputing them from the stored body made every candidate cost a tokenisation (an article of a
-- long-running story has hundreds of candidates past the MinHash estimate). A store made before
-- this table has no row for its older articles: their shingles are computed from the body.
CREATE TABLE IF NOT EXISTS dedup_shingles (
    article_id TEXT PRIMARY KEY, shingles BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS duplicates (
    article_id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL,   -- the first stored copy (the root), itself not listed here
    matched TEXT NOT NULL,    -- the stored article this one was found to copy
    score REAL NOT NULL, method TEXT NOT NULL, syndication TEXT
);
CREATE INDEX IF NOT EXISTS duplicates_group ON duplicates(group_id);
"""


def ensure_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)
    if dialect(conn) != "sqlite":  # the server manages its own cache
        return
    # LSH buckets and story postings are read and written at random keys: a 64 MB page cache
    # (SQLite's default is 2 MB) keeps a corpus of tens of thousands of articles in memory.
    if abs(conn.execute("PRAGMA cache_size").fetchone()[0]) < 65536:
        conn.execute("PRAGMA cache_size = -65536")


# -- text --------------------------------------------------------------------------------------


_COMBINING = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower-case without accents: sites differ in capital accents and typography."""
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.lower()))


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


@functools.lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    from spacy.lang.fr.stop_words import STOP_WORDS  # a word list only: no model is loaded

    return frozenset(fold(w) for w in STOP_WORDS) | {"a", "ete", "etait"}


def paragraph_words(paragraphs: Sequence[str]) -> list[list[str]]:
    return [words(p) for p in paragraphs]


def article_words(article: Article) -> list[list[str]]:
    """Folded words of each paragraph, computed once per article and shared by the ingest hooks
    (kept in ``article.hints``, the working state that is never exported)."""
    key = ("dedup_words", tuple(article.paragraphs))
    cached = article.hints.get("dedup_words")
    if cached is None or cached[0] != key:
        cached = (key, paragraph_words(article.paragraphs))
        article.hints["dedup_words"] = cached
    return cached[1]


_WORD_HASHES: dict[str, int] = {}


def _word_hash(word: str) -> int:
    # A dict lookup is several times cheaper than crc32 on the encoded word; the vocabulary of
    # news repeats, so the cache stays small (and is emptied if it ever grows large).
    h = _WORD_HASHES.get(word)
    if h is None:
        if len(_WORD_HASHES) > 500_000:
            _WORD_HASHES.clear()
        h = _WORD_HASHES[word] = zlib.crc32(word.encode())
    return h


_P1, _P2 = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F)


def shingle_array(split: list[list[str]], k: int = SHINGLE_SIZE) -> np.ndarray:
    """Sorted unique uint32 hashes of the word k-shingles of a body given as paragraph word lists.

    Shingled: paragraphs of 6+ words (all of them when none is that long). A shingle's hash
    combines its words' crc32 (stable across runs and machines, unlike ``hash()``) with odd
    multipliers, vectorised: hashing every shingle as a string costs ten times more."""
    long = [w for w in split if len(w) >= MIN_PARAGRAPH_WORDS]
    ws = [w for para in (long or split) for w in para]
    if not ws:
        return np.zeros(0, dtype=np.uint32)
    h = np.fromiter(map(_word_hash, ws), dtype=np.uint64, count=len(ws))
    if len(ws) < k:  # shorter than one shingle: the words themselves
        return np.unique(h.astype(np.uint32))
    n = len(ws) - k + 1
    acc = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(k):
            # xor the next word in, multiply (low bits reach the high ones), xor-shift (and back):
            # every word moves the 32 bits kept.
            acc = (acc ^ h[i: n + i]) * (_P1 if i % 2 == 0 else _P2)
            acc ^= acc >> np.uint64(31)
    return np.unique((acc >> np.uint64(32)).astype(np.uint32))


def shingles(paragraphs: Sequence[str], k: int = SHINGLE_SIZE) -> set[int]:
    """The shingle hashes of a body (see :func:`shingle_array`) as a set."""
    return set(shingle_array(paragraph_words(paragraphs), k).tolist())


def array_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard of two sorted unique arrays."""
    if not len(a) and not len(b):
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _identity(x: int) -> int:
    return x


@functools.lru_cache(maxsize=1)
def _template() -> MinHash:
    # Building the permutations is the slow part of a MinHash: do it once, copy after.
    return MinHash(num_perm=NUM_PERM, seed=_SEED, hashfunc=_identity)


def minhash(shingle_hashes: Iterable[int]) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` uint32) of a set of shingle hashes."""
    m = _template().copy()
    values = shingle_hashes.tolist() if isinstance(shingle_hashes, np.ndarray) else list(shingle_hashes)
    m.update_batch(values)
    return m.hashvalues.astype(np.uint32)


_MIX = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: spreads a band's 64 bits over the key


def band_keys(signature: np.ndarray) -> list[int]:
    """One key per band: the band's index in the top 6 bits, its rows hashed in the other 57
    (a non-negative SQLite INTEGER)."""
    rows = signature.astype(np.uint64).reshape(BANDS, ROWS)
    value = rows[:, 0]
    for r in range(1, ROWS):
        value = (value << np.uint64(32)) ^ rows[:, r] ^ (value >> np.uint64(17))
    with np.errstate(over="ignore"):
        mixed = (value * _MIX) >> np.uint64(7)
    keys = (np.arange(BANDS, dtype=np.uint64) << np.uint64(57)) | mixed
    return [int(k) for k in keys]


# -- same dispatch, other wording ---------------------------------------------------------------


def sentence_sets(paragraphs: Sequence[str]) -> list[set[str]]:
    """Content-word stems of each sentence long enough to count in the alignment."""
    stops = stop_words()
    out = []
    for para in paragraphs:
        for sentence in _SENTENCE_END.split(para):
            content = {w[:6] for w in words(sentence) if len(w) > 2 and w not in stops}
            if len(content) >= DISPATCH_MIN_WORDS:
                out.append(content)
    return out


def _coverage(a: list[set[str]], b: list[set[str]]) -> float:
    total = sum(len(s) for s in a)
    if not total or not b:
        return 0.0
    covered = sum(len(s) for s in a if max(jaccard(s, t) for t in b) >= DISPATCH_SENTENCE_MATCH)
    return covered / total


def dispatch_similarity(a: Sequence[str] | list[set[str]], b: Sequence[str] | list[set[str]]) -> float:
    """How much two bodies tell the same dispatch sentence by sentence, whatever the wording.

    Either side may be paragraphs or what :func:`sentence_sets` made of them."""
    sa = a if a and isinstance(a[0], set) else sentence_sets(a)  # type: ignore[arg-type]
    sb = b if b and isinstance(b[0], set) else sentence_sets(b)  # type: ignore[arg-type]
    return min(_coverage(sa, sb), _coverage(sb, sa))


# -- pairwise decision (what the index does for one pair; used by the evaluation) ----------------


@dataclass
class Match:
    method: str  # "shingles" | "dispatch"
    score: float


def compare(a: Sequence[str], b: Sequence[str]) -> Match | None:
    """Whether body ``b`` is a near-duplicate of body ``a`` (text only, dates not considered)."""
    sa, sb = shingles(a), shingles(b)
    if len(sa) >= MIN_SHINGLES and len(sb) >= MIN_SHINGLES:
        j = jaccard(sa, sb)
        if j >= THRESHOLD:
            return Match("shingles", j)
    d = dispatch_similarity(a, b)
    return Match("dispatch", d) if d >= DISPATCH_THRESHOLD else None


# -- syndication -------------------------------------------------------------------------------


def _squash(name: str | None) -> str:
    """``Cinktank.com``, ``www.cinktank.com`` and ``Cinktank`` compare equal; so do
    ``Europa Press`` and ``europapress.es``."""
    if not name:
        return ""
    s = fold(name.strip())
    s = re.sub(r"^https?://", "", s)
    s = re.sub(r"^www\.", "", s)
    s = re.sub(r"\.[a-z]{2,6}$", "", s)
    return re.sub(r"[^a-z0-9]", "", s)


def syndication_note(site: str | None, agency: str | None) -> str | None:
    """``"<agency> dispatch re-published by <site>"`` when the credited agency is not the site."""
    if not agency or not _squash(agency):
        return None
    if site and _squash(site) == _squash(agency):
        return None
    return f"{agency} dispatch re-published by {site}" if site else f"{agency} dispatch"


def _agency(article: Article) -> str | None:
    return article.dateline.agency if article.dateline and article.dateline.agency else None


# -- the store side ----------------------------------------------------------------------------


def root_of(conn: sqlite3.Connection, article_id: str) -> str:
    row = conn.execute("SELECT group_id FROM duplicates WHERE article_id = ?", (article_id,)).fetchone()
    return row[0] if row else article_id


def _stored_paragraphs(conn: sqlite3.Connection, article_id: str) -> list[str]:
    row = conn.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0].split("\n\n") if row and row[0] else []


def _stored_body_shingles(paragraphs: Sequence[str]) -> np.ndarray:
    """The shingles a candidate's stored body gives (``articles.body`` is the paragraphs joined by
    a blank line and is split on it again: a paragraph holding a blank line reads as two)."""
    if any("\n\n" in p for p in paragraphs):
        paragraphs = "\n\n".join(paragraphs).split("\n\n")
    return shingle_array(paragraph_words(paragraphs))


def _stored_shingles(conn: sqlite3.Connection, ids: list[str]) -> dict[str, np.ndarray]:
    """The shingles kept for ``ids`` (computed from the stored body for an article stored before
    the ``dedup_shingles`` table, as they were before it)."""
    out: dict[str, np.ndarray] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        out.update((cid, np.frombuffer(blob, dtype=np.uint32)) for cid, blob in conn.execute(
            f"SELECT article_id, shingles FROM dedup_shingles WHERE article_id IN ({','.join('?' * len(chunk))})",
            chunk))
    for cid in ids:
        if cid not in out:
            out[cid] = shingle_array(paragraph_words(_stored_paragraphs(conn, cid)))
    return out


def mark_duplicate(conn: sqlite3.Connection, article: Article, matched: str, score: float,
                   method: str) -> None:
    """Records ``article`` as a copy of the stored ``matched`` and sets its record fields."""
    root = root_of(conn, matched)
    article.duplicate_of = root
    note = syndication_note(article.source.site, _agency(article))
    if note is None:
        # The copy names no agency: the group may (the first copy often keeps the credit).
        for (agency,) in conn.execute(
                "SELECT dateline_agency FROM articles WHERE dateline_agency IS NOT NULL AND"
                " (id = ? OR id IN (SELECT article_id FROM duplicates WHERE group_id = ?))", (root, root)):
            note = syndication_note(article.source.site, agency)
            if note:
                break
    if note is None:
        row = conn.execute("SELECT site FROM articles WHERE id = ?", (root,)).fetchone()
        if row and row[0] and article.source.site and _squash(row[0]) != _squash(article.source.site):
            note = f"copy of a {row[0]} article re-published by {article.source.site}"
    article.syndication = note
    conn.execute("INSERT OR REPLACE INTO duplicates VALUES (?,?,?,?,?,?)",
                 (article.id, root, matched, round(score, 4), method, note))


def find_copy(conn: sqlite3.Connection, article: Article, signature: np.ndarray, keys: list[int],
              shingle_set: np.ndarray) -> tuple[str, float] | None:
    """The stored article this one copies best (by exact Jaccard), if any."""
    marks = ",".join("?" * len(keys))
    candidates = [r[0] for r in conn.execute(
        f"SELECT DISTINCT a.id FROM dedup_bands b JOIN articles a ON a.rowid = b.doc WHERE b.key IN ({marks})",
        keys) if r[0] != article.id]
    close: list[str] = []  # past the MinHash estimate, in the order the signatures are read
    for i in range(0, len(candidates), 500):
        chunk = candidates[i:i + 500]
        rows = conn.execute(f"SELECT article_id, minhash FROM dedup_signatures WHERE article_id IN"
                            f" ({','.join('?' * len(chunk))})", chunk).fetchall()
        if not rows:
            continue
        # Every estimate of the chunk at once (a count of equal values over NUM_PERM: exact floats).
        stored = np.frombuffer(b"".join(bytes(r[1]) for r in rows), dtype=np.uint32).reshape(len(rows), -1)
        estimates = (stored == signature).mean(axis=1)
        close.extend(cid for (cid, _), e in zip(rows, estimates.tolist(), strict=True) if e >= ESTIMATE_FLOOR)
    stored = _stored_shingles(conn, close)
    best: tuple[str, float] | None = None
    for cid in close:
        j = array_jaccard(shingle_set, stored[cid])
        if j >= THRESHOLD and (best is None or j > best[1]):
            best = (cid, j)
    return best


def on_ingest(store: Any, article: Article) -> None:
    """INGEST_HOOKS entry: finds the stored copy this article repeats and indexes it for later ones."""
    conn = store.conn
    shingle_set = shingle_array(article_words(article))
    if len(shingle_set) < MIN_SHINGLES:
        return
    signature = minhash(shingle_set)
    keys = band_keys(signature)
    if article.duplicate_of is None:
        found = find_copy(conn, article, signature, keys, shingle_set)
        if found:
            mark_duplicate(conn, article, found[0], found[1], "shingles")
    if article.syndication is None:
        article.syndication = syndication_note(article.source.site, _agency(article))
    conn.execute("INSERT OR REPLACE INTO dedup_signatures VALUES (?,?,?)",
                 (article.id, signature.tobytes(), len(shingle_set)))
    conn.execute("INSERT OR REPLACE INTO dedup_shingles VALUES (?,?)",
                 (article.id, _stored_body_shingles(article.paragraphs).tobytes()))
    row = conn.execute("SELECT rowid FROM articles WHERE id = ?", (article.id,)).fetchone()
    if row is not None:  # the store wrote the article first; a bare connection may not have
        conn.executemany("INSERT OR IGNORE INTO dedup_bands VALUES (?,?)", [(k, row[0]) for k in keys])


# -- reading -----------------------------------------------------------------------------------


def duplicate_groups(conn: sqlite3.Connection, limit: int | None = None) -> list[dict]:
    """Groups of copies, largest first: the root article and every copy with its score."""
    sql = ("SELECT group_id, count(*) AS n FROM duplicates GROUP BY group_id ORDER BY n DESC, group_id"
           + (" LIMIT ?" if limit else ""))
    groups = []
    for gid, _n in conn.execute(sql, (limit,) if limit else ()).fetchall():
        root = conn.execute("SELECT id, site, title, published FROM articles WHERE id = ?", (gid,)).fetchone()
        copies = conn.execute(
            "SELECT d.article_id, a.site, a.title, a.published, d.score, d.method, d.syndication, d.matched"
            " FROM duplicates d JOIN articles a ON a.id = d.article_id WHERE d.group_id = ?"
            " ORDER BY a.rowid", (gid,)).fetchall()
        groups.append({
            "root": {"id": gid, "site": root[1] if root else None, "title": root[2] if root else None,
                     "published": root[3] if root else None},
            "copies": [{"id": c[0], "site": c[1], "title": c[2], "published": c[3], "score": c[4],
                        "method": c[5], "syndication": c[6], "matched": c[7]} for c in copies],
        })
    return groups
