"""Entity lookup by spelling on a 5,000-article store: the indexed spellings (schema version 2,
``veille.store_spellings``) against the scans they replace.

    python bench/entity_lookup.py [--articles 5000] [--repeat 30] [--db FILE] [--pg URL]

The store is built from the invented sample (``samples/articles``, extracted once with the real
pipeline): each sample article is copied with other invented people (a surname made of syllables,
so the store holds thousands of names), through ``Store.add`` with every ingest hook (corpus
entities included). An existing ``--db`` with enough articles is reused.

The same lookups are then timed on the store as it is and on a copy without its spellings table
(what the queries fell back to before: a Python pass over every distinct name, a LIKE over every
entity row's mentions, a pass over every corpus entity): the web's entity page
(``entity_detail``) and ``veille entity`` (``find_corpus_entity``) for a name in another case and
without its accents, a surface form, another transliteration, and a name the store does not hold
(the worst case: every fallback is tried). Median and max in milliseconds over ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from veille import queries  # noqa: E402
from veille.model import Article  # noqa: E402
from veille.store import Store  # noqa: E402

SYLLABLES = ["ra", "vo", "ké", "lin", "do", "sar", "mi", "bel", "tru", "zan", "po", "gé", "ril", "mou", "cha"]


def invented_surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def sample_articles() -> list[dict]:
    from veille.pipeline import Pipeline

    return [a.to_dict() for a in Pipeline().extract([str(ROOT / "samples" / "articles")])]


def variant(record: dict, k: int, rng: random.Random, surnames: dict[tuple[str, int], str]) -> Article:
    """The sample article ``record`` as article number ``k``: its people renamed (the same new
    name for ten consecutive copies, so a person is named in several articles)."""
    data = json.loads(json.dumps(record))
    data["id"] = f"{k:08x}{data['id'][8:]}"
    renamed: dict[str, str] = {}
    for e in data.get("entities", []):
        if e.get("type") == "PER" and " " in e["name"]:
            key = (e["name"], k // 10)
            if key not in surnames:
                surnames[key] = invented_surname(rng)
            first = e["name"].split()[0]
            renamed[e["name"]] = f"{first} {surnames[key]}"
            last = e["name"].split()[-1]
            e["mentions"] = [m.replace(last, surnames[key]) for m in e.get("mentions", [])]
            e["name"] = renamed[e["name"]]
            e["corpus_id"] = None
    for q in data.get("quotes", []):
        q["speaker"] = renamed.get(q.get("speaker"), q.get("speaker"))
    return Article.from_dict(data)


def build(db: str, n: int) -> None:
    with Store(db) as store:
        have = store.stats()["articles"]
        if have >= n:
            return
        records = sample_articles()
        rng = random.Random(13)
        surnames: dict[tuple[str, int], str] = {}
        started = time.monotonic()
        arts = (variant(records[k % len(records)], k, rng, surnames) for k in range(n))
        for _ in store.add_many(arts):
            pass
        print(f"built {db}: {store.stats()['articles']} articles in {time.monotonic() - started:.0f} s", file=sys.stderr)


def timed(fn, repeat: int) -> tuple[float, float, object]:
    fn()  # warm: the KB, the caches of folded keys
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), max(times), result


def probes(conn) -> dict[str, str]:
    """A name of each kind, read from the store itself."""
    name = conn.execute("SELECT name FROM entities WHERE type = 'PER' AND name LIKE '% %' GROUP BY name"
                        " ORDER BY count(*) DESC, name LIMIT 1").fetchone()[0]
    from veille.common.fold import search_key

    mention = conn.execute("SELECT spelling FROM entity_spellings WHERE kind = 'mention' AND name = ?"
                           " AND spelling <> ? ORDER BY count DESC LIMIT 1", (name, search_key(name))).fetchone()
    surname = name.split()[-1]
    other = surname.replace("k", "c").replace("é", "e") + "y" if surname[-1] not in "yi" else surname[:-1] + "i"
    return {"folded name": search_key(name).upper(), "surface form": mention[0] if mention else surname,
            "transliteration": f"{name.split()[0]} {other}", "nowhere": "Zorglub Quintessence"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--db", help="SQLite file to build or reuse (default: a temporary one)")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="veille-lookup-")
    db = args.db or str(Path(tmp) / "lookup.db")
    build(db, args.articles)
    before = str(Path(tmp) / "before.db")
    shutil.copy(db, before)
    with Store(before) as s:  # the queries fall back to the scans when the table is missing
        s.conn.execute("DROP TABLE entity_spellings")
    with Store(db) as store:
        conn = store.conn
        names = probes(conn)
        stats = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("articles", "entities", "corpus_entities")}
        distinct = conn.execute("SELECT count(DISTINCT name) FROM entities").fetchone()[0]
    print(f"{stats['articles']} articles, {stats['entities']} entity rows, {distinct} distinct names, "
          f"{stats['corpus_entities']} corpus entities")
    print(f"{'lookup':44} {'scan (before)':>20} {'index (after)':>20}  same answer")
    for label, key in names.items():
        for what, fn in (("entity page", queries.entity_detail), ("veille entity", queries.find_corpus_entity)):
            row = []
            answers = []
            for path in (before, db):
                with Store(path) as s:
                    med, worst, result = timed(lambda s=s, fn=fn, key=key: fn(s.conn, key), args.repeat)
                row.append(f"{med:8.2f} ms (max {worst:6.1f})")
                answers.append((result or {}).get("name"))
            print(f"{what + ', ' + label + ' ' + repr(key)[:22]:44} {row[0]:>20} {row[1]:>20}  "
                  f"{'yes' if answers[0] == answers[1] else 'NO: ' + repr(answers)}")
    shutil.rmtree(tmp, ignore_errors=True) if not args.db else None


if __name__ == "__main__":
    main()
