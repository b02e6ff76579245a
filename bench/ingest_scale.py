"""Ingest time per article as the store grows, per ingest hook (extraction excluded).

    python bench/ingest_scale.py [--sizes 500,2000,5000,10000] [--window 200] [--db FILE] [--pg URL]
                                 [--dump FILE.jsonl]

Articles are made from the invented sample (``samples/articles``, extracted once with the real
pipeline, cached in ``--cache``): article ``k`` is a sample article whose words are partly replaced
by invented ones (the same replacements for the eight articles of one invented story, so stories
form; a share of each article's own, so they are not copies), its people renamed, dated one day
later every 30 articles (months of coverage), and one article in twenty an exact copy of an
earlier one (a syndicated dispatch). They go in through ``Store.add_many`` with every ingest hook,
each hook timed. At each size of ``--sizes``, the next ``--window`` articles are timed: the
articles per second (wall clock, and per second of this process' CPU: a loaded machine blurs the
first) and the CPU milliseconds per article of the row writing and of each hook (on PostgreSQL
the server's own time is left out of the CPU figures).

Before/after a change: the same command with ``PYTHONPATH=OTHER_TREE/src`` (a checkout of the
older commit) is the before; ``--dump`` writes what the hooks decided (dedup pairs, stories, related lists, corpus entities,
consolidated events), to compare two builds from the same inputs: run it with another ``src``
on ``PYTHONPATH`` and ``cmp`` the two dumps.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.append(str(ROOT / "src"))  # PYTHONPATH first: a dump from another tree's src

from veille.model import Article  # noqa: E402
from veille.store import Store  # noqa: E402

SYLLABLES = ["ra", "vo", "ké", "lin", "do", "sar", "mi", "bel", "tru", "zan", "po", "gé", "ril", "mou", "cha"]
STORY_SIZE = 8
COPY_EVERY = 20


def invented_word(rng: random.Random, lo: int = 2, hi: int = 4) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(lo, hi)))


def sample_records(cache: Path) -> list[dict]:
    if cache.exists():
        return [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines() if line.strip()]
    from veille.pipeline import Pipeline

    records = [a.to_dict() for a in Pipeline().extract([str(ROOT / "samples" / "articles")])]
    cache.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return records


def _rewrite(text: str, story_rng: random.Random, own_rng: random.Random, story_map: dict[str, str]) -> str:
    out = []
    for word in text.split(" "):
        if len(word) > 4 and word.isalpha():
            if word not in story_map:
                story_map[word] = word if story_rng.random() < 0.5 else invented_word(story_rng)
            word = story_map[word]
            if own_rng.random() < 0.35:
                word = invented_word(own_rng)
        out.append(word)
    return " ".join(out)


def make_articles(records: list[dict], n: int, seed: int = 13) -> list[Article]:
    """``n`` articles, always the same for the same ``records``, ``n`` and ``seed``."""
    base = date(2025, 1, 1)
    out: list[Article] = []
    story_maps: dict[int, dict[str, str]] = defaultdict(dict)
    surnames: dict[tuple[str, int], str] = {}
    rng = random.Random(seed)
    for k in range(n):
        if k and k % COPY_EVERY == 0:
            data = out[rng.randrange(max(0, k - 200), k)].to_dict()
            data["id"] = f"{k:08x}{data['id'][8:]}"
            data["source"]["site"] = f"site{k % 17}.example"
            for key in ("duplicate_of", "syndication", "story"):
                data[key] = None
            data["related"] = []
            for e in data.get("entities", []):
                e["corpus_id"] = None
            out.append(Article.from_dict(data))
            continue
        data = json.loads(json.dumps(records[k % len(records)]))
        g = k // STORY_SIZE
        story_rng, own_rng = random.Random(f"{seed}-{g}"), random.Random(f"{seed}-{k}")
        data["id"] = f"{k:08x}{data['id'][8:]}"
        data["source"]["site"] = f"site{k % 23}.example"
        data["published"] = (base + timedelta(days=k // 30)).isoformat()
        data["title"] = _rewrite(data.get("title") or "", story_rng, own_rng, story_maps[g])
        data["paragraphs"] = [_rewrite(p, story_rng, own_rng, story_maps[g]) for p in data.get("paragraphs", [])]
        renamed: dict[str, str] = {}
        for e in data.get("entities", []):
            e["corpus_id"] = None
            if e.get("type") == "PER" and " " in e["name"]:
                key = (e["name"], g)
                if key not in surnames:
                    surnames[key] = invented_word(story_rng).capitalize()
                last = e["name"].split()[-1]
                new = f"{e['name'].split()[0]} {surnames[key]}"
                e["mentions"] = [m.replace(last, surnames[key]) for m in e.get("mentions", [])]
                renamed[e["name"]] = e["name"] = new
        for q in data.get("quotes", []):
            q["speaker"] = renamed.get(q.get("speaker"), q.get("speaker"))
        for ev in data.get("events", []):
            ev["source"] = renamed.get(ev.get("source"), ev.get("source"))
            ev["target"] = renamed.get(ev.get("target"), ev.get("target"))
            ev["date"] = data["published"]
        out.append(Article.from_dict(data))
    return out


class Timer:
    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)

    def wrap(self, name: str, fn):
        def timed(*args, **kwargs):
            t = time.process_time()  # CPU time of this process: other loads on the machine count less
            try:
                return fn(*args, **kwargs)
            finally:
                self.spent[name] += time.process_time() - t
        return timed


def instrument(store: Store, timer: Timer) -> list[str]:
    names = []
    hooks = []
    for hook in store.hooks:
        name = f"{hook.__module__.removeprefix('veille.')}"
        names.append(name)
        hooks.append(timer.wrap(name, hook))
    store.hooks = hooks
    store._insert = timer.wrap("rows", store._insert)  # type: ignore[method-assign]
    store._write_record = timer.wrap("record", store._write_record)  # type: ignore[method-assign]
    return ["rows", *names, "record"]


def dump(store: Store, path: str) -> None:
    """What the hooks decided, in a stable order."""
    conn = store.conn
    queries = {
        "duplicates": "SELECT article_id, group_id, matched, score, method, syndication FROM duplicates ORDER BY 1",
        "articles": "SELECT id, duplicate_of, story, record FROM articles ORDER BY id",
        "stories": "SELECT id, label, first_date, last_date, n_articles, created_by FROM stories ORDER BY id",
        "members": "SELECT article_id, story_id, score, day FROM story_members ORDER BY 1",
        "related": "SELECT article_id, other_id, score FROM related ORDER BY 1, 2",
        "story_counts": "SELECT story_id, kind, value, n FROM story_counts ORDER BY 1, 2, 3",
        "corpus_entities": "SELECT id, name, type, norm, surname, mention_count, article_count, first_seen,"
                           " last_seen FROM corpus_entities ORDER BY id",
        "aliases": "SELECT corpus_id, alias, norm, count FROM corpus_entity_aliases ORDER BY 1, 3",
        "entity_articles": "SELECT corpus_id, article_id, mentions FROM corpus_entity_articles ORDER BY 1, 2",
        "entities": "SELECT article_id, idx, corpus_id FROM entities ORDER BY 1, 2",
        "events": "SELECT id, type, source, target, mode, date, place, story_id, n_reports FROM consolidated_events"
                  " ORDER BY id",
        "event_reports": "SELECT event_id, article_id, idx FROM event_reports ORDER BY 2, 3",
    }
    with open(path, "w", encoding="utf-8") as fh:
        for name, sql in queries.items():
            for row in conn.execute(sql).fetchall():
                fh.write(json.dumps([name, *row], ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="500,2000,5000")
    ap.add_argument("--window", type=int, default=200)
    ap.add_argument("--db", help="SQLite file to build (default: a temporary one; must not exist)")
    ap.add_argument("--pg", help="a PostgreSQL URL instead (its tables must be empty)")
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "veille-ingest-scale-sample.jsonl"))
    ap.add_argument("--dump", help="write what the hooks decided to this file")
    args = ap.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    total = sizes[-1] + args.window
    articles = make_articles(sample_records(Path(args.cache)), total)
    db = args.pg or args.db or str(Path(tempfile.mkdtemp(prefix="veille-ingest-")) / "scale.db")
    timer = Timer()
    with Store(db) as store:
        parts = instrument(store, timer)
        done = 0
        for size in sizes:
            for _ in store.add_many(articles[done:size]):
                pass
            timer.spent.clear()
            t, cpu = time.perf_counter(), time.process_time()
            for _ in store.add_many(articles[size:size + args.window]):
                pass
            elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
            done = size + args.window
            print(f"store {size:>6}: {args.window / elapsed:6.1f} articles/s ({args.window / cpu:6.1f} per CPU s)  "
                  + "  ".join(f"{p} {1000 * timer.spent[p] / args.window:.1f}" for p in parts)
                  + "  (CPU ms/article)", flush=True)
        if args.dump:
            dump(store, args.dump)


if __name__ == "__main__":
    main()
