"""Scale bench (issue 14): extraction with 1 and 2 worker processes and on a Dask LocalCluster of
2 workers, ingest rate into SQLite and PostgreSQL, search p95 over 100,000 and 1,000,000 stored
rows in both, and the articles a day these rates give on 16 cores and on a 4-machine cluster.

    PYTHONPATH=src python bench/scale.py --pg postgresql://veille@localhost:54329/veille

The extraction corpus is the bundled samples (invented articles) copied under new names, each copy
with a numbered line so that every article has its own id. The search rows are synthetic: titles
and bodies drawn from invented words with a Zipf law, without the NLP (as the issue allows).
Numbers depend on the machine's load: say how busy it was next to them.
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

from veille import distributed, parallel  # noqa: E402
from veille.store import Store  # noqa: E402

SYLLABLES = ["ba", "cor", "di", "fen", "ga", "lu", "mar", "no", "pri", "que", "ro", "sal", "ti", "val", "zen"]


def make_corpus(folder: Path, copies: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for rep in range(copies):
        for f in sorted((ROOT / "samples" / "articles").glob("*.txt")):
            text = f.read_text(encoding="utf-8") + f"\n\nNote de la rédaction numéro {rep}.\n"
            (folder / f"{rep:03d}_{f.name}").write_text(text, encoding="utf-8")
            n += 1
    return n


def rate(run) -> tuple[float, int]:
    start = time.perf_counter()
    n = sum(1 for _ in run())
    return n / (time.perf_counter() - start), n


def extraction(corpus: Path) -> dict:
    out = {}
    for workers in (1, 2):
        out[f"workers_{workers}"], n = rate(lambda w=workers: parallel.extract([str(corpus)], w))
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        client.run(lambda: None)
        out["dask_2"], _ = rate(lambda: distributed.extract([str(corpus)], client))
    out["articles"] = n
    return out


def ingest_rates(corpus: Path, sqlite_path: Path, pg: str | None) -> dict:
    articles = list(parallel.extract([str(corpus)], 1))
    out = {}
    targets = [("sqlite", str(sqlite_path))] + ([("postgresql", pg)] if pg else [])
    for name, db in targets:
        with Store(db) as store:
            start = time.perf_counter()
            added = sum(store.add(a) for a in articles)
            out[name] = added / (time.perf_counter() - start)
    return out


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def fill_synthetic(db: str, rows: int, vocabulary: list[str], seed: int = 7) -> None:
    """``rows`` articles of synthetic text, written in bulk (no hooks: search cost only)."""
    rng = random.Random(seed)
    weights = [1 / (i + 1) for i in range(len(vocabulary))]
    with Store(db) as store:
        have = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        conn, batch = store.conn, 5000
        for start in range(have, rows, batch):
            data = []
            for i in range(start, min(rows, start + batch)):
                title = " ".join(rng.choices(vocabulary, weights, k=8))
                body = " ".join(rng.choices(vocabulary, weights, k=120))
                data.append((f"syn{i:09d}", f"syn/{i}.txt", "synthetique.invalid", title,
                             f"20{10 + i % 15:02d}-0{1 + i % 9}-1{i % 10}", body, "{}", "2026-01-01"))
            conn.execute("BEGIN")
            conn.executemany("INSERT INTO articles (id, path, site, title, published, body, record, ingested_at)"
                             " VALUES (?,?,?,?,?,?,?,?)", data)
            if store.dialect == "sqlite":
                conn.execute("INSERT INTO articles_fts (rowid, title, body) SELECT rowid, title, body"
                             " FROM articles WHERE id >= ? AND id <= ?", (data[0][0], data[-1][0]))
            conn.execute("COMMIT")
        if store.dialect == "postgresql":
            conn.execute("ANALYZE articles")


def search_p95(db: str, vocabulary: list[str], n: int = 60) -> dict:
    from veille import queries

    rng = random.Random(11)
    times = []
    with Store(db) as store:
        for _ in range(n):
            q = " ".join(rng.sample(vocabulary[20:2000], rng.choice([1, 2])))
            start = time.perf_counter()
            queries.list_articles(store.conn, queries.ArticleFilters(q=q), limit=20)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(times[int(0.95 * len(times)) - 1], 1)}


def pg_database(pg: str, name: str, fresh: bool) -> str:
    import psycopg

    with psycopg.connect(pg, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if fresh and exists:
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")
        if fresh or not exists:
            conn.execute(f"CREATE DATABASE {name}")
    return pg.rsplit("/", 1)[0] + "/" + name


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pg", help="URL of a PostgreSQL database the bench may create databases from")
    ap.add_argument("--copies", type=int, default=12, help="copies of the samples to extract (x4 articles)")
    ap.add_argument("--rows", default="100000,1000000", help="synthetic row counts for the search p95")
    ap.add_argument("--work", default="/tmp/veille-scale-bench", help="folder for corpus and databases")
    ap.add_argument("--skip-extraction", action="store_true")
    args = ap.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    report: dict = {}
    corpus = work / "corpus"
    if not args.skip_extraction:
        shutil.rmtree(corpus, ignore_errors=True)
        make_corpus(corpus, args.copies)
        report["extraction"] = extraction(corpus)
        print(json.dumps(report, indent=1), flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            pg = pg_database(args.pg, "veille_bench_ingest", fresh=True) if args.pg else None
            report["ingest"] = ingest_rates(corpus, Path(tmp) / "ingest.db", pg)
        print(json.dumps(report, indent=1), flush=True)
    rng = random.Random(3)
    vocabulary = sorted({word(rng) for _ in range(30000)})
    rng.shuffle(vocabulary)
    report["search"] = {}
    for rows in (int(r) for r in args.rows.split(",")):
        targets = [("sqlite", str(work / f"search-{rows}.db"))]
        if args.pg:
            targets.append(("postgresql", pg_database(args.pg, f"veille_bench_{rows}", fresh=False)))
        for name, db in targets:
            start = time.perf_counter()
            fill_synthetic(db, rows, vocabulary)
            report["search"][f"{name}_{rows}"] = {**search_p95(db, vocabulary),
                                                  "fill_s": round(time.perf_counter() - start)}
            print(json.dumps(report, indent=1), flush=True)
    if "extraction" in report:
        e = report["extraction"]
        per_core = e["workers_2"] / 2
        report["per_day"] = {
            "16_cores": f"{per_core:.2f} art/s per core (2 workers / 2) x 16 x 86400 = {per_core * 16 * 86400:,.0f}",
            "4_machines_16_cores": f"{e['dask_2'] / 2:.2f} art/s per Dask worker x 64 x 86400 = "
                                   f"{e['dask_2'] / 2 * 64 * 86400:,.0f}",
        }
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
