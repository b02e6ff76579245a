"""Hostile pass 5, the store and the server, with real processes: a read-only database, a disk
that fills up, Ctrl-C at random moments of an ingest (inside SQLite's commits too), archives
uploaded to a real ``veille serve``. Every text is invented; no part of Veille is mocked."""

from __future__ import annotations

import html
import io
import json
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

from hostile import GOOD_A, GOOD_B
from test_hostile_round4 import _multipart, _request, _serve
from test_hostile_user import _unprivileged

ROOT = Path(__file__).resolve().parents[1]
GOOD_C = ("Une ressourcerie ouvre ses portes à Millau\n\n"
          "Une ressourcerie ouvrira samedi dans l'ancienne caserne de Millau, a annoncé la présidente "
          "de l'association, Nadège Castan, qui espère collecter dix tonnes d'objets la première année.\n")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    return {**env, "PYTHONPATH": str(ROOT / "src")}


def _veille(*args: str, prefix: list[str] | None = None, limit_bytes: int | None = None,
            timeout: float = 600) -> subprocess.CompletedProcess:
    def limit() -> None:
        if limit_bytes is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return subprocess.run([*(prefix or []), sys.executable, "-m", "veille", *args], capture_output=True, text=True,
                          env=_env(), timeout=timeout, preexec_fn=limit)


def _whole(db: Path) -> tuple[int, int, str]:
    """(articles, full-text rows, integrity) of a store (none yet: stopped while it was created)."""
    with sqlite3.connect(db) as conn:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles_fts'").fetchone():
            return 0, 0, conn.execute("PRAGMA integrity_check").fetchone()[0]
        return (conn.execute("SELECT count(*) FROM articles").fetchone()[0],
                conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0],
                conn.execute("PRAGMA integrity_check").fetchone()[0])


def _towns(folder: Path, n: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for i in range(n):
        path = folder / f"{i:02d}.txt"
        path.write_text(GOOD_B.replace("Figeac", f"Figeac-{i}").replace("Bastien Laborie", f"Bastien Laborie {i}"),
                        encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.slow
def test_a_read_only_database_is_refused_before_any_work(tmp_path):
    """Before: every article was extracted, then failed alone ("not stored: OperationalError:
    attempt to write a readonly database"), one line each."""
    prefix = _unprivileged()
    if prefix is None:
        pytest.skip("root without setpriv: every file is writable")
    (tmp_path / "a.txt").write_text(GOOD_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD_B, encoding="utf-8")
    db = tmp_path / "v.db"
    assert _veille("ingest", str(tmp_path / "a.txt"), "--db", str(db), "--workers", "1").returncode == 0
    before = db.read_bytes()
    db.chmod(0o444)
    try:
        res = _veille("ingest", str(tmp_path / "b.txt"), "--db", str(db), "--workers", "1", prefix=prefix)
    finally:
        db.chmod(0o644)
    assert res.returncode == 1
    assert res.stderr.strip() == f"Error: {db}: cannot write the database: attempt to write a readonly database"
    assert db.read_bytes() == before
    # reading it is still allowed
    res = _veille("search", "médiathèque", "--db", str(db), prefix=prefix)
    assert res.returncode == 0 and "Quimperlé" in res.stdout


@pytest.mark.slow
def test_a_full_disk_names_its_own_reason_and_the_store_stays_whole(tmp_path):
    """No file may grow past 40 kB (the shared-memory index takes 32) (``ulimit -f``: as a full disk, each write refused).
    Before: each article's reason was "cannot rollback - no transaction is active", the failed
    ROLLBACK hiding SQLite's own (it ends the transaction itself on an I/O error)."""
    db = tmp_path / "v.db"
    paths = _towns(tmp_path / "lot", 4)
    assert _veille("ingest", str(paths[0]), "--db", str(db), "--workers", "1").returncode == 0
    for extra in tmp_path.glob("v.db-*"):
        extra.unlink()  # (the WAL checkpointed on close)
    res = _veille("ingest", *map(str, paths[1:]), "--db", str(db), "--workers", "1", limit_bytes=40_000)
    assert res.returncode == 1, res.stderr
    errors = [line for line in res.stderr.splitlines() if line.startswith("error: ")]
    assert errors and all("not stored: OperationalError: " in e for e in errors), res.stderr
    assert not any("rollback" in e for e in errors), errors
    assert "Traceback" not in res.stderr
    articles, indexed, integrity = _whole(db)
    assert integrity == "ok" and articles == indexed == 4 - len(errors)
    res = _veille("ingest", *map(str, paths), "--db", str(db), "--workers", "1")  # room again: the rest goes in
    assert res.returncode == 0 and _whole(db) == (4, 4, "ok"), res.stderr


@pytest.mark.slow
def test_ctrl_c_at_any_moment_of_an_ingest_leaves_whole_articles(tmp_path):
    """SIGINT at random moments (while the model loads, while pages are read, inside a batch's
    transaction or its COMMIT): every stored article has its full-text row, the database checks
    whole, and the same command again stores the rest, nothing twice."""
    paths = _towns(tmp_path / "lot", 100)
    db = tmp_path / "v.db"
    args = [sys.executable, "-m", "veille", "ingest", str(tmp_path / "lot"), "--db", str(db), "--workers", "1",
            "--no-alerts"]
    rng = random.Random(5)
    for attempt in range(4):
        stored = _whole(db)[0] if db.exists() else 0
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
        if attempt:  # once articles are being written: inside a batch, its COMMIT, between batches
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline and proc.poll() is None and _whole(db)[0] == stored:
                time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 1.5))  # the first time: while Python and the model load
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=300)
        # (130 and one line saying what is stored; before: a traceback when Python was still
        # loading the modules; "Aborted!" is click's own line for a Ctrl-C between its steps; a
        # Ctrl-C once the summary is printed, while Python exits, ends it by the signal, which a
        # shell reports as 130 too)
        assert proc.returncode in (0, 130, -signal.SIGINT) or proc.returncode == 1 and "Aborted!" in err, err
        assert "Traceback" not in err, err
        articles, indexed, integrity = _whole(db)
        assert integrity == "ok" and articles == indexed
    res = subprocess.run(args, capture_output=True, text=True, env=_env(), timeout=600)
    assert res.returncode == 0, res.stderr
    assert _whole(db) == (len(paths), len(paths), "ok")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(DISTINCT title) FROM articles").fetchone()[0] == len(paths)


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("a.txt", GOOD_A)
    return out.getvalue()


def _tgz() -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        info = tarfile.TarInfo("b.txt")
        info.size = len(GOOD_B.encode())
        tar.addfile(info, io.BytesIO(GOOD_B.encode()))
    return out.getvalue()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("round5") / "web.db"
    proc, base = _serve(db)
    yield base, db
    proc.terminate()
    _, err = proc.communicate(timeout=60)
    assert "Traceback" not in err, err


@pytest.mark.slow
def test_archives_uploaded_are_named_and_the_batch_goes_on(server):
    """Before: "binary content, not text" for a zip, a tar.gz, a 7-Zip file."""
    base, db = server
    files = [("lot.zip", _zip(), "application/zip"), ("lot.tar.gz", _tgz(), "application/gzip"),
             ("lot.7z", b"7z\xbc\xaf\x27\x1c" + bytes(64), "application/x-7z-compressed"),
             ("c.txt", GOOD_C.encode(), "text/plain")]
    body, headers = _multipart(files)
    status, raw = _request(base + "/api/ingest", body, headers)
    assert status == 200, raw[:300]
    answer = json.loads(raw)
    failed = {f["file"]: f["reason"] for f in answer["failed"]}
    assert failed["lot.zip"].startswith("a zip archive") and failed["lot.tar.gz"].startswith("a tar archive")
    assert failed["lot.7z"].startswith("a 7-Zip archive")
    assert all("unpack it" in r and "\n" not in r for r in failed.values())
    with sqlite3.connect(db) as conn:
        titles = [t for (t,) in conn.execute("SELECT title FROM articles")]
        assert titles == [GOOD_C.split("\n")[0]]
        assert {o for (o,) in conn.execute("SELECT origin FROM failures")} >= set(failed)
    # the form of the web page (no JavaScript): a page saying why, not a 500
    body, headers = _multipart([("encore.zip", _zip(), "application/zip")])
    status, raw = _request(base + "/importer", body, {**headers, "Origin": base})
    assert status == 200
    assert "encore.zip" in raw.decode() and "une archive zip" in html.unescape(raw.decode())  # (a page speaks French)
