"""A hostile batch through the CLI: does every bad input give one line, does the batch go on, is the
failure recorded, and is the store whole after a SIGKILL mid-ingest?

    python bench/hostile_inputs.py [--out DIR] [--pg URL] [--scheduler tcp://HOST:PORT] [--extract] [--kill N]
                                   [--open-kills N] [--workers N] [--only KIND,...] [--no-batch] [--no-sqlite]
                                   [--src OTHER_TREE/src]

Writes ``[good, each hostile input, good]`` (every text invented: ``bench/hostile_kinds.py``),
starts two local servers (one that never answers, one that trickles its headers a byte at a time),
runs ``veille ingest`` once on the whole batch (SQLite, and PostgreSQL with ``--pg``; ``--extract``:
``veille extract`` too) and prints one row per input kind:

- ``message``: exactly one stderr line names the input (none for an input that must be read), and
  no traceback anywhere;
- ``goes on``: the input got its outcome (read, or refused) and so did the last good article;
- ``recorded``: a refused input has its row in ``failures``, an input that must be read is stored
  under its title (``extract``: its record is in the output);
- ``intact``: the store passes its integrity check (SQLite) and holds each article once.

``--kill N``: N times, an ingest of ``KILL_ARTICLES`` invented articles is killed (SIGKILL) once a
few are stored, the store checked (integrity, every stored article's rows, entities, quotes, times
and search entries as a clean ingest gives them), then ingested again to the end: every article
once, none half-written. ``--open-kills N``: a new SQLite store killed N times while it sets up its
schema, each reopened. A folder given where a file is expected (``--db``, ``-o``) is checked too.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from hostile_kinds import (  # noqa: E402
    KILL_ARTICLES,
    Expect,
    LocalServers,
    kill_batch,
    write_batch,
)

VEILLE = [sys.executable, "-m", "veille"]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
PER_ARTICLE = ("entities", "quotes", "events", "times", "quantities")


def run(args: list[str], timeout: float = 1800) -> subprocess.CompletedProcess:
    return subprocess.run(["nice", *VEILLE, *args], capture_output=True, text=True, env=ENV, timeout=timeout,
                          errors="replace")


# -- the store, SQLite or PostgreSQL --------------------------------------------------------------

def new_pg(url: str, tag: str) -> str:
    import psycopg

    name = f"hostile_{tag}_{os.getpid()}_{int(time.time() * 1000) % 10**7}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return url.rsplit("/", 1)[0] + "/" + name


def query(db: str, sql: str) -> list[tuple]:
    if db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db) as conn:
            return [tuple(r) for r in conn.execute(sql).fetchall()]
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def integrity(db: str) -> bool:
    if db.startswith("postgresql://"):
        return True  # the server's own transactions; what is checked is the rows (article_rows)
    return query(db, "PRAGMA integrity_check")[0][0] == "ok"


def article_rows(db: str) -> dict[str, tuple]:
    """Per stored article (by title): its body length and its rows in each per-article table, and
    whether the search index holds it."""
    rows: dict[str, list] = {}
    for aid, title, body in query(db, "SELECT id, title, length(body) FROM articles"):
        rows[aid] = [title, body]
    for table in PER_ARTICLE:
        counts = dict(query(db, f"SELECT article_id, count(*) FROM {table} GROUP BY article_id"))
        for aid, row in rows.items():
            row.append(counts.get(aid, 0))
    if not db.startswith("postgresql://"):
        indexed = {r[0] for r in query(db, "SELECT a.id FROM articles a JOIN articles_fts f ON f.rowid = a.rowid")}
        for aid, row in rows.items():
            row.append(aid in indexed)
    return {row[0]: tuple(row[1:]) for row in rows.values()}


# -- the batch ------------------------------------------------------------------------------------

# The stage a page of several hundred thousand characters is in: progress, not a message about the input.
PROGRESS = re.compile(r"^(ingest|extract): .*\([\d,]+ characters\)")


def outcome_rows(expects: list[Expect], stderr: str, stored: set[str], failures: list[str], ok: bool,
                 last_good: bool) -> list[tuple[str, str, str, str, str]]:
    lines = [line for line in stderr.splitlines() if line.strip() and not PROGRESS.match(line)]
    traceback = any("Traceback" in line for line in lines)
    table = []
    for e in expects:
        named = [line for line in lines if e.needle in line]
        n_fail = sum(1 for origin in failures if e.needle in origin)
        got_titles = [t for t in e.titles if t in stored]
        lost = "" if len(got_titles) == len(e.titles) else f" ({len(got_titles)}/{len(e.titles)} read)"
        if e.fails:
            message = "yes" if named and len(named) <= e.max_lines and not traceback else (
                f"no ({len(named)} lines{', traceback' if traceback else ''})")
            recorded = ("yes" if n_fail >= 1 else "no") + lost
        else:
            message = "yes" if len(named) <= e.max_lines and not traceback else f"no ({len(named)} lines)"
            recorded = "no" + lost if lost else "yes"
        outcome = bool(named) or bool(got_titles) or not (e.fails or e.titles)
        goes_on = "yes" if outcome and last_good else "no"
        table.append((e.kind, message, goes_on, recorded, "yes" if ok else "no"))
    return table


def print_table(title: str, rows: list[tuple[str, ...]]) -> None:
    print(f"\n{title}")
    print(f"{'input kind':28} {'message':22} {'goes on':8} {'recorded':18} intact")
    for kind, message, goes_on, recorded, intact in rows:
        print(f"{kind:28} {message:22} {goes_on:8} {recorded:18} {intact}")


def batch_ingest(folder: Path, db: str, expects: list[Expect], urls: list[str], workers: int,
                 keep: Path, scheduler: str | None = None) -> list[tuple[str, ...]]:
    started = time.monotonic()
    how = ["--scheduler", scheduler] if scheduler else ["--workers", str(workers)]
    proc = run(["ingest", str(folder), *urls, "--db", db, *how, "--no-alerts"])
    seconds = time.monotonic() - started
    name = ("pg" if db.startswith("postgresql") else "sqlite") + ("-dask" if scheduler else "")
    (keep / f"ingest-{name}.stderr").write_text(proc.stderr)
    stored = {t for (t,) in query(db, "SELECT title FROM articles")}
    failures = [o for (o,) in query(db, "SELECT origin FROM failures")]
    ok = integrity(db) and len(stored) == len(query(db, "SELECT id FROM articles"))
    last = expects[-1].titles[0] in stored
    print(f"ingest ({db.split('://')[0] if '://' in db else 'sqlite'}): exit {proc.returncode}, {seconds:.0f} s, "
          f"{len(stored)} articles, {len(failures)} failures rows")
    return outcome_rows(expects, proc.stderr, stored, failures, ok, last)


def batch_extract(folder: Path, out: Path, expects: list[Expect], urls: list[str], workers: int,
                  keep: Path) -> list[tuple[str, ...]]:
    proc = run(["extract", str(folder), *urls, "-o", str(out), "--workers", str(workers)])
    (keep / "extract.stderr").write_text(proc.stderr)
    titles = set()
    if out.exists():
        for line in out.read_text(encoding="utf-8").splitlines():
            titles.add(json.loads(line).get("title"))
    last = expects[-1].titles[0] in titles
    rows = outcome_rows(expects, proc.stderr, titles, [], True, last)
    print(f"extract: exit {proc.returncode}, {len(titles)} records")
    # extract records nothing: a refused input's "recorded" is its line (the message column)
    return [(k, m, g, (r.replace("no", "n/a", 1) if e.fails else r), "n/a")
            for (k, m, g, r, _), e in zip(rows, expects, strict=True)]


# -- SIGKILL mid-ingest ---------------------------------------------------------------------------

def kill_round(folder: Path, db: str, reference: dict[str, tuple], extra: float, workers: int) -> str:
    args = ["nice", *VEILLE, "ingest", str(folder), "--db", db, "--workers", str(workers), "--no-alerts"]
    proc = subprocess.Popen(args, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.monotonic() + 900
    count = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            count = query(db, "SELECT count(*) FROM articles")[0][0]
        except Exception:  # not created yet, or locked
            continue
        if count >= 1:  # the first batch is committed: the kill lands ``extra`` seconds into the next
            time.sleep(extra)
            break
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    if not integrity(db):
        return f"killed at {count}: integrity check FAILED"
    got = article_rows(db)
    half = [t for t, row in got.items() if reference.get(t) != row]
    rerun = run(["ingest", str(folder), "--db", db, "--workers", str(workers), "--no-alerts"])
    final = article_rows(db)
    dupes = len(query(db, "SELECT id FROM articles")) - len(final)
    wrong = [t for t, row in final.items() if reference.get(t) != row]
    ok = not half and not wrong and not dupes and len(final) == len(reference) and rerun.returncode == 0
    return (f"killed with {len(got)} stored ({len(half)} differ from a clean ingest); rerun exit "
            f"{rerun.returncode}: {len(final)}/{len(reference)} articles, {dupes} twice, {len(wrong)} differ"
            f" -> {'intact' if ok else 'BROKEN'}")


def kill_check(work: Path, dbs: list[str], rounds: int, workers: int) -> None:
    folder = kill_batch(work / "kill")
    for db in dbs:
        ref_db = db.replace("kill", "killref") if not db.startswith("postgresql") else new_pg(db, "ref")
        reference_proc = run(["ingest", str(folder), "--db", ref_db, "--workers", str(workers), "--no-alerts"])
        reference = article_rows(ref_db)
        engine = "postgresql" if db.startswith("postgresql") else "sqlite"
        print(f"\nSIGKILL mid-ingest ({engine}, {len(reference)} of {KILL_ARTICLES} articles in a clean ingest, "
              f"exit {reference_proc.returncode})")
        for i in range(rounds):
            target = db if i == 0 else (db.replace(".db", f"{i}.db") if engine == "sqlite" else new_pg(db, f"k{i}"))
            print(f"  round {i + 1}: {kill_round(folder, target, reference, 1.5 * i, workers)}")


OPEN = ("import sys, time; from veille.store import Store; print('go', flush=True); t = time.monotonic(); "
        "s = Store(sys.argv[1]); print(time.monotonic() - t, flush=True); s.close()")


def open_kills(work: Path, rounds: int) -> None:
    """A new SQLite store killed at random points of its schema set-up: each must reopen."""
    import random

    from veille.store import Store

    rng = random.Random(6)
    first = subprocess.run([sys.executable, "-c", OPEN, str(work / "open0.db")], capture_output=True, text=True,
                           env=ENV)
    seconds = float(first.stdout.split()[1])
    objects: dict[int, int] = {}
    failed = 0
    for i in range(rounds):
        db = work / f"open{i + 1}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        proc = subprocess.Popen([sys.executable, "-c", OPEN, str(db)], stdout=subprocess.PIPE, text=True, env=ENV)
        proc.stdout.readline()
        time.sleep(rng.uniform(0, seconds * 1.2))
        proc.kill()
        proc.wait()
        made = len(query(str(db), "SELECT name FROM sqlite_master")) if db.exists() else 0
        objects[made] = objects.get(made, 0) + 1
        try:
            with Store(str(db)) as store:
                store.conn.execute("SELECT count(*) FROM articles").fetchone()
        except Exception as exc:  # what the rerun would meet
            failed += 1
            print(f"  {db.name} ({made} objects): {exc.__class__.__name__}: {exc}")
    print(f"\nSIGKILL during a new store's set-up ({seconds:.1f} s): {rounds} kills, schema objects then "
          f"{dict(sorted(objects.items()))}; {failed} could not be reopened")


def folder_for_file(work: Path) -> None:
    folder = work / "a-folder"
    folder.mkdir(exist_ok=True)
    good = work / "batch"
    print("\na folder where a file is expected")
    for label, args in (("ingest --db FOLDER", ["ingest", str(good), "--db", str(folder)]),
                        ("extract -o FOLDER", ["extract", str(good), "-o", str(folder)])):
        started = time.monotonic()
        proc = run(args)
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        print(f"  {label}: exit {proc.returncode}, {time.monotonic() - started:.0f} s, {len(lines)} line(s): "
              f"{lines[-1][:120] if lines else ''}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, help="working folder (default: a new temporary one)")
    ap.add_argument("--pg", help="a PostgreSQL server URL (`make postgres`): the batch there too")
    ap.add_argument("--extract", action="store_true", help="veille extract on the batch too")
    ap.add_argument("--kill", type=int, default=0, help="SIGKILL rounds mid-ingest (0: none)")
    ap.add_argument("--open-kills", type=int, default=0, help="SIGKILLs during a new SQLite store's set-up")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--only", help="comma-separated kinds (default: all)")
    ap.add_argument("--scheduler", help="a Dask scheduler (tcp://HOST:8786): the batch ingested there too, "
                                        "into SQLite (its workers must import this tree's src)")
    ap.add_argument("--no-batch", action="store_true", help="skip the batch (with --kill: only that)")
    ap.add_argument("--no-sqlite", action="store_true", help="the batch on SQLite left out (with --pg, --scheduler)")
    ap.add_argument("--src", type=Path, default=ROOT / "src",
                    help="the veille sources the commands run (another tree's src: the before)")
    args = ap.parse_args()
    ENV["PYTHONPATH"] = str(args.src.resolve())
    work = args.out or Path(tempfile.mkdtemp(prefix="hostile-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"working in {work}")
    with LocalServers() as servers:
        if not args.no_batch:
            folder = work / "batch"
            expects, urls = write_batch(folder, servers, args.only.split(",") if args.only else None)
            sqlite = [] if args.no_sqlite else [str(work / "batch.db")]
            for db in sqlite + ([new_pg(args.pg, "batch")] if args.pg else []):
                engine = "postgresql" if db.startswith("postgresql") else "sqlite"
                print_table(f"veille ingest ({engine})", batch_ingest(folder, db, expects, urls, args.workers, work))
            if args.scheduler:
                print_table("veille ingest --scheduler (sqlite)",
                            batch_ingest(folder, str(work / "batch-dask.db"), expects, urls, args.workers, work,
                                         args.scheduler))
            if args.extract:
                print_table("veille extract", batch_extract(folder, work / "out.jsonl", expects, urls,
                                                            args.workers, work))
            folder_for_file(work)
            held = ", ".join(f"{t:.0f} s" for t in servers.trickle_seconds)
            print(f"the trickling URL held each run for: {held or '-'} (the server gives up at "
                  f"{servers.TRICKLE_FOR:.0f} s; the budget is 60 s)")
    if args.open_kills:
        open_kills(work, args.open_kills)
    if args.kill:
        kill_check(work, [str(work / "kill.db")] + ([new_pg(args.pg, "kill")] if args.pg else []),
                   args.kill, args.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
