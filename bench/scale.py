"""Scale bench (issue 14), one run, side by side: extraction articles/s with 1 and 2 worker
processes and on a Dask LocalCluster of 2 workers; ingest rate into SQLite and PostgreSQL; search
p95 over 100,000 and 1,000,000 stored rows in both; the articles a day these rates give on 16
cores and on a 4-machine cluster, with the arithmetic.

    PYTHONPATH=src python bench/scale.py --pg postgresql://veille@localhost:54329/veille
    PYTHONPATH=src python bench/scale.py --parts extraction,ingest --articles 200   # one part, sized
    PYTHONPATH=src python bench/scale.py --parts search --rows 100000 --pg URL

Extraction and ingest read the real pages of ../shared/corpus/web/pages when they are there (the
first ``--articles`` files), else the bundled samples (invented articles) copied under new names.
The workers are started and their model loaded before the clock starts: the rates are those of a
long run (the load time is reported apart). The search rows are synthetic: titles and bodies drawn
from invented words with a Zipf law, without the NLP (as the issue allows), loaded in bulk (COPY
into PostgreSQL, one transaction of ``executemany`` into SQLite) and kept between runs under
``--work``. Queries are one or two words drawn from ranks 20-2000 (a word of rank 20 is in 40 % of
the rows, one of rank 2000 in 0.6 %), each run as the search page runs it: the total and the
20 best with their snippets. Numbers depend on the machine's load: the report says how busy it was.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from veille import distributed, parallel  # noqa: E402
from veille.model import Article  # noqa: E402
from veille.store import Store  # noqa: E402

REAL_PAGES = ROOT.parent / "shared" / "corpus" / "web" / "pages"
SYLLABLES = ["ba", "cor", "di", "fen", "ga", "lu", "mar", "no", "pri", "que", "ro", "sal", "ti", "val", "zen"]
TITLE_WORDS, BODY_WORDS = 8, 120
SECONDS_A_DAY = 86_400


# -- extraction ---------------------------------------------------------------------------------


def corpus_files(folder: Path, n: int, real: Path | None) -> tuple[list[str], str]:
    """``n`` input files: the first real pages when there are any, else copies of the samples."""
    if real is not None and real.is_dir():
        files = sorted(str(p) for p in real.iterdir() if p.is_file())[:n]
        if files:
            return files, f"{len(files)} real pages of {real}"
    folder.mkdir(parents=True, exist_ok=True)
    samples = sorted((ROOT / "samples" / "articles").glob("*.txt"))
    files = []
    for i in range(n):
        f = samples[i % len(samples)]
        out = folder / f"{i:05d}_{f.name}"
        out.write_text(f.read_text(encoding="utf-8") + f"\n\nNote de la rédaction numéro {i}.\n", encoding="utf-8")
        files.append(str(out))
    return files, f"{n} copies of the bundled samples"


def timed(run) -> tuple[float, list]:
    start = time.perf_counter()
    out = list(run())
    return time.perf_counter() - start, out


def cpu_s(who: int = resource.RUSAGE_SELF) -> float:
    """CPU seconds of this (the parent) process, or of its ended children (the workers)."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def extraction(files: list[str], dask: bool = True) -> tuple[dict, list]:
    """Articles/s of each set-up (workers ready before the clock starts) and the articles."""
    out: dict = {}
    articles: list = []
    for workers in (1, 2):
        children = cpu_s(resource.RUSAGE_CHILDREN)
        with parallel.Workers(workers) as pool:
            start = time.perf_counter()
            pool.ready()
            out[f"load_s_{workers}"] = round(time.perf_counter() - start, 1)
            cpu = cpu_s()
            seconds, articles = timed(lambda p=pool: p.extract(files))
            out[f"workers_{workers}"] = round(len(articles) / seconds, 2)
            out[f"parent_cpu_s_{workers}"] = round(cpu_s() - cpu, 1)
        # CPU the workers used, loading included: on a machine other sessions keep busy (Linux
        # shares the cores between sessions, not processes) the wall clock cannot show a speed-up,
        # but the CPU an article costs shows whether running several workers costs more.
        out[f"workers_cpu_s_{workers}"] = round(cpu_s(resource.RUSAGE_CHILDREN) - children, 1)
        print(f"  {workers} worker(s): {len(articles)} articles in {seconds:.1f} s (the parent used"
              f" {out[f'parent_cpu_s_{workers}']} s of CPU, the workers {out[f'workers_cpu_s_{workers}']} s"
              f" with {out[f'load_s_{workers}']} s of loading)", flush=True)
    if dask:
        from distributed import Client, LocalCluster

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            client.run(distributed.warm_up)
            seconds, got = timed(lambda: distributed.extract(files, client))
            out["dask_2"] = round(len(got) / seconds, 2)
            print(f"  Dask, 2 workers: {len(got)} articles in {seconds:.1f} s", flush=True)
    out["articles"] = len(articles)
    out["speedup_2"] = round(out["workers_2"] / out["workers_1"], 2)
    if "dask_2" in out:
        out["speedup_dask_2"] = round(out["dask_2"] / out["workers_1"], 2)
    return out, articles


# -- ingest -------------------------------------------------------------------------------------


def ingest_rates(articles: list, sqlite_path: Path, pg: str | None) -> dict:
    """Articles/s stored by ``veille ingest``'s writer (batches of articles) in a new store."""
    out = {}
    targets = [("sqlite", str(sqlite_path))] + ([("postgresql", pg_database(pg, "veille_bench_ingest",
                                                                          fresh=True))] if pg else [])
    from veille import dedup

    dedup.stop_words()  # spaCy's French word lists, imported once by a long ingest: not timed
    for name, db in targets:
        with Store(db) as store:
            start = time.perf_counter()
            added = sum(1 for _, ok in store.add_many(articles) if ok is True)
            out[name] = round(added / (time.perf_counter() - start), 1)
            print(f"  ingest into {name}: {added} articles, {out[name]} articles/s", flush=True)
    return out


# -- search -------------------------------------------------------------------------------------


def vocabulary(n: int = 30_000) -> list[str]:
    rng = np.random.default_rng(3)
    words: set[str] = set()
    while len(words) < n:
        parts = rng.integers(0, len(SYLLABLES), size=(n, 4))
        sizes = rng.integers(2, 5, size=n)
        words.update("".join(SYLLABLES[k] for k in row[:size]) for row, size in zip(parts, sizes, strict=True))
    out = sorted(words)[:n]
    rng.shuffle(out)
    return out


def synthetic_rows(start: int, stop: int, vocab: list[str]) -> list[tuple]:
    """Rows ``start``..``stop`` of the synthetic corpus (the same rows for both engines)."""
    rng = np.random.default_rng(start)
    weights = 1 / np.arange(1, len(vocab) + 1)
    idx = rng.choice(len(vocab), size=(stop - start, TITLE_WORDS + BODY_WORDS), p=weights / weights.sum())
    words = np.array(vocab, dtype=object)[idx]
    rows = []
    for k, i in enumerate(range(start, stop)):
        w = words[k]
        rows.append((f"syn{i:09d}", f"syn/{i}.txt", "synthetique.invalid", " ".join(w[:TITLE_WORDS]),
                     f"20{10 + i % 15:02d}-0{1 + i % 9}-1{i % 10}", " ".join(w[TITLE_WORDS:]), "{}", "2026-01-01"))
    return rows


COLUMNS = "id, path, site, title, published, body, record, ingested_at"
BATCH = 20_000


def fill_sqlite(path: str, rows: int, vocab: list[str]) -> None:
    """One transaction of ``executemany``, the FTS index filled from the table in one statement."""
    Store(path).close()  # the schema
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")
    have = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    last = conn.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0]
    conn.execute("BEGIN")
    for start in range(have, rows, BATCH):
        conn.executemany(f"INSERT INTO articles ({COLUMNS}) VALUES (?,?,?,?,?,?,?,?)",
                         synthetic_rows(start, min(rows, start + BATCH), vocab))
    # (max(rowid) of articles_fts would read the content table, articles: the bound comes from before)
    conn.execute("INSERT INTO articles_fts (rowid, title, body) SELECT rowid, title, body FROM articles"
                 " WHERE rowid > ?", (last,))
    conn.execute("COMMIT")
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')")
    conn.close()


def fill_postgres(url: str, rows: int, vocab: list[str], connections: int = 2) -> None:
    """COPY into ``articles`` over ``connections`` connections at once (each server process
    computes the ``tsvector`` of its rows on its own core), the full-text index dropped during the
    load and built once after."""
    import psycopg

    Store(url).close()  # the schema
    with psycopg.connect(url, autocommit=True) as conn:
        have = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        if have >= rows:
            return
        conn.execute("DROP INDEX IF EXISTS articles_tsv")

    def copy(first: int, last: int) -> None:
        with psycopg.connect(url) as conn, conn.cursor() as cur:
            conn.execute("SET synchronous_commit = off")
            with cur.copy(f"COPY articles ({COLUMNS}) FROM STDIN") as pipe:
                for start in range(first, last, BATCH):
                    pipe.write("".join("\t".join(row) + "\n"  # the words hold no tab, newline or backslash
                                       for row in synthetic_rows(start, min(last, start + BATCH), vocab)))

    step = -(-(rows - have) // (connections * BATCH)) * BATCH  # batches start where SQLite's do
    with ThreadPoolExecutor(connections) as pool:
        list(pool.map(lambda k: copy(have + k * step, min(rows, have + (k + 1) * step)), range(connections)))
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SET maintenance_work_mem = '1GB'")
        conn.execute("CREATE INDEX articles_tsv ON articles USING GIN (tsv)")
        conn.execute("VACUUM ANALYZE articles")


def stored_rows(db: str) -> int:
    try:
        with Store(db, create=False) as store:
            return store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except Exception:  # not created yet
        return 0


def search_p95(db: str, vocab: list[str], n: int = 60) -> dict:
    from veille import queries

    times, totals = [], []
    with Store(db) as store:
        # A server in use has its index in memory: an untimed pass of other queries (another seed)
        # warms it, so that a fill just before (of this or another database) is not measured as
        # disk reads. Cold figures after a fill were 2-6x slower at 1M rows.
        warm = np.random.default_rng(12)
        for _ in range(n):
            q = " ".join(vocab[20 + int(k)] for k in warm.choice(1980, size=warm.choice([1, 2]), replace=False))
            queries.list_articles(store.conn, queries.ArticleFilters(q=q), limit=20)
        rng = np.random.default_rng(11)
        for _ in range(n):
            q = " ".join(vocab[20 + int(k)] for k in rng.choice(1980, size=rng.choice([1, 2]), replace=False))
            start = time.perf_counter()
            page = queries.list_articles(store.conn, queries.ArticleFilters(q=q), limit=20)
            times.append((time.perf_counter() - start) * 1000)
            totals.append(page["total"])
    times.sort()
    return {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(times[int(0.95 * len(times)) - 1], 1),
            "max_ms": round(times[-1], 1), "median_matches": int(statistics.median(totals))}


def pg_database(pg: str, name: str, fresh: bool) -> str:
    import psycopg

    with psycopg.connect(pg, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if fresh and exists:
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")
        if fresh or not exists:
            conn.execute(f"CREATE DATABASE {name}")
    return pg.rsplit("/", 1)[0] + "/" + name


def search_part(work: Path, sizes: list[int], pg: str | None) -> dict:
    vocab = vocabulary()
    out = {}
    for rows in sizes:
        targets = [("sqlite", str(work / f"search-{rows}.db"), fill_sqlite)]
        if pg:
            targets.append(("postgresql", pg_database(pg, f"veille_bench_{rows}", fresh=False), fill_postgres))
        for name, db, fill in targets:
            start = time.perf_counter()
            reused = stored_rows(db) >= rows
            if not reused:
                if name == "sqlite":
                    for suffix in ("", "-wal", "-shm"):
                        Path(db + suffix).unlink(missing_ok=True)
                fill(db, rows, vocab)
            fill_s = "reused" if reused else round(time.perf_counter() - start)
            out[f"{name}_{rows}"] = {**search_p95(db, vocab), "fill_s": fill_s}
            print(f"  search {name} {rows:,} rows: {out[f'{name}_{rows}']}", flush=True)
    return out


# -- report -------------------------------------------------------------------------------------


def per_day(e: dict) -> dict:
    """Articles a day on 16 cores and on 4 such machines, from the measured rates."""
    per_core = e["workers_2"] / 2
    out = {"16_cores": f"{e['workers_2']:.2f} art/s with 2 workers / 2 cores = {per_core:.2f} art/s a core;"
                       f" x 16 cores x {SECONDS_A_DAY:,} s = {per_core * 16 * SECONDS_A_DAY:,.0f} articles/day"}
    if "dask_2" in e:
        per_worker = e["dask_2"] / 2
        out["4_machines_16_cores"] = (f"{e['dask_2']:.2f} art/s with 2 Dask workers / 2 = {per_worker:.2f} art/s a"
                                      f" worker; x 64 workers x {SECONDS_A_DAY:,} s ="
                                      f" {per_worker * 64 * SECONDS_A_DAY:,.0f} articles/day")
    return out


def table(report: dict) -> str:
    lines = [f"load: {report['load']}"]
    e = report.get("extraction")
    if e:
        lines.append(f"extraction ({e['articles']} articles, articles/s):  1 worker {e['workers_1']}  |  "
                     f"2 workers {e['workers_2']} (x{e['speedup_2']})"
                     + (f"  |  Dask 2 workers {e['dask_2']} (x{e['speedup_dask_2']})" if "dask_2" in e else ""))
        lines.append(f"  CPU of the workers, loading included: 1 worker {e['workers_cpu_s_1']} s, 2 workers"
                     f" {e['workers_cpu_s_2']} s; the parent: {e['parent_cpu_s_1']} s, {e['parent_cpu_s_2']} s")
    i = report.get("ingest")
    if i:
        lines.append("ingest (articles/s):  " + "  |  ".join(f"{k} {v}" for k, v in i.items()))
    s = report.get("search")
    if s:
        for rows in sorted({int(k.rsplit("_", 1)[1]) for k in s}):
            cells = [f"{k.split('_')[0]} p95 {v['p95_ms']} ms (p50 {v['p50_ms']}, {v['median_matches']:,}"
                     f" matches median)" for k, v in s.items() if k.endswith(f"_{rows}")]
            lines.append(f"search at {rows:,} rows:  " + "  |  ".join(cells))
    for k, v in report.get("per_day", {}).items():
        lines.append(f"{k}: {v}")
    return "\n".join(lines)


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pg", help="URL of a PostgreSQL database the bench may create databases from")
    ap.add_argument("--parts", default="extraction,ingest,search", help="which parts to run (comma-separated)")
    ap.add_argument("--articles", type=int, default=240, help="input files for extraction and ingest")
    ap.add_argument("--rows", default="100000,1000000", help="synthetic row counts for the search p95")
    ap.add_argument("--corpus", default=str(REAL_PAGES), help="folder of pages to extract (default: the real"
                    " pages when present, else copies of the samples)")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask LocalCluster run")
    ap.add_argument("--work", default="/tmp/veille-scale-bench", help="folder for corpus and databases")
    args = ap.parse_args()
    parts = set(args.parts.split(","))
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    report: dict = {"load": f"load average {_load()} on {os.cpu_count()} cores"}
    articles: list = []
    if parts & {"extraction", "ingest"}:
        shutil.rmtree(work / "corpus", ignore_errors=True)
        files, what = corpus_files(work / "corpus", args.articles, Path(args.corpus))
        print(f"corpus: {what}", flush=True)
        cache = work / f"articles-{len(files)}.jsonl"
        if "extraction" in parts:
            report["extraction"], articles = extraction(files, dask=not args.no_dask)
            report["per_day"] = per_day(report["extraction"])
            cache.write_text("".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in articles),
                             encoding="utf-8")
        elif cache.exists():  # the articles of the last extraction of these files
            articles = [Article.from_dict(json.loads(line)) for line in cache.open(encoding="utf-8")]
        else:
            articles = list(parallel.extract(files))
    if "ingest" in parts:
        with tempfile.TemporaryDirectory() as tmp:
            report["ingest"] = ingest_rates(articles, Path(tmp) / "ingest.db", args.pg)
    if "search" in parts:
        report["search"] = search_part(work, [int(r) for r in args.rows.split(",")], args.pg)
    report["load"] += f" (at the end: {_load()})"
    print(json.dumps(report, indent=1))
    print(table(report))


if __name__ == "__main__":
    main()
