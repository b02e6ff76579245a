"""Hostile pass 4: the HTTP API and web UI of a real ``veille serve`` (real requests), the exports
on odd stored text, concurrent ingests beside a reading server, SIGTERM mid-ingest. Every text is
invented; no part of Veille is mocked."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

import pytest

from hostile import GOOD_A, GOOD_B
from test_hostile_user import hanging_url  # noqa: F401  (a fixture: a URL that never answers)
from veille.model import Article, Source
from veille.readers.formats import read_bytes
from veille.store import Store

ROOT = Path(__file__).resolve().parents[1]
# Stored text a careless writer breaks: controls, a NUL, bidi marks, emoji, line and paragraph
# separators (raw inside a JSON string once exported with ensure_ascii=False), a very long line.
ODD = ("Le maire de Lodève, Armand Soulier,\x07 a parlé\u2028 lundi \u202eצפון\u202c 🚀 devant\u2029 "
       "le conseil\x00 municipal.\x0b\x1c\x85 Fin.")
LONG = "La commune de Lodève rénove ses écoles. " * 5000


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    return {**env, "PYTHONPATH": str(ROOT / "src")}


def _veille(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "veille", *args], capture_output=True, text=True,
                          env=_env(), timeout=timeout)


def _store_odd(db: Path) -> None:
    with Store(db) as store:
        store.add(Article(id="odd0000000000001", source=Source(path="bizarre.txt"), title="Titre\u2028 🚀 \x07",
                          language="fr", paragraphs=[ODD, LONG]))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _request(url: str, data: bytes | None = None, headers: dict | None = None,
             method: str | None = None) -> tuple[int, bytes]:
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(req, timeout=60) as res:
            return res.status, res.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def _multipart(files: list[tuple[str, bytes, str]]) -> tuple[bytes, dict]:
    boundary = "limite-veille-4"
    body = b""
    for name, content, ctype in files:
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
                 f"Content-Type: {ctype}\r\n\r\n").encode() + content + b"\r\n"
    return body + f"--{boundary}--\r\n".encode(), {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def _serve(db: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "veille", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_env())
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if _request(base + "/api/stats")[0] == 200:
                return proc, base
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise AssertionError("veille serve did not start: " + (proc.stderr.read() if proc.stderr else ""))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("round4") / "web.db"
    _store_odd(db)
    proc, base = _serve(db)
    yield base, db
    proc.terminate()
    _, err = proc.communicate(timeout=60)
    assert "Traceback" not in err, err


def _snapshot(db: Path) -> tuple:
    with sqlite3.connect(db) as conn:
        return (conn.execute("SELECT id, title FROM articles ORDER BY id").fetchall(),
                conn.execute("PRAGMA integrity_check").fetchone()[0])


def test_hostile_uploads_fail_one_line_each_and_the_store_keeps_what_it_had(server):
    base, db = server
    before = _snapshot(db)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.txt", GOOD_A)
    body, headers = _multipart([
        ("binaire.dat", bytes(range(256)) * 20, "text/plain"),
        ("vide.txt", b"", "text/plain"),
        ("lot.zip", archive.getvalue(), "application/json"),
        ("casse.json", b'{"title": "x", "text": ', "application/json"),
        ("../../../../etc/passwd", b"\x00\x01\x02" * 10, "image/png"),
        ("enorme.txt", b"mot " * (3 * 1024 * 1024), "text/plain"),
    ])
    status, raw = _request(base + "/api/ingest", body, headers)
    assert status == 200, raw[:300]
    failed = {f["file"]: f["reason"] for f in json.loads(raw)["failed"]}
    assert set(failed) == {"binaire.dat", "vide.txt", "lot.zip", "casse.json", "passwd", "enorme.txt"}
    assert all(reason and "\n" not in reason for reason in failed.values())
    assert "too large" in failed["enorme.txt"] and "malformed JSON" in failed["casse.json"]
    assert _snapshot(db) == before
    with sqlite3.connect(db) as conn:
        recorded = {r[0] for r in conn.execute("SELECT origin FROM failures")}
    assert set(failed) <= recorded


@pytest.mark.parametrize("body,headers", [
    (b'{"files": [1, 2', {"Content-Type": "application/json"}),
    (b"", {}),
    (b"garbage", {"Content-Type": "multipart/form-data"}),
    (b"files=abc", {"Content-Type": "application/x-www-form-urlencoded"}),
])
def test_a_malformed_upload_body_is_a_4xx_with_one_line(server, body, headers):
    base, db = server
    before = _snapshot(db)
    status, raw = _request(base + "/api/ingest", body, headers, method="POST")
    assert 400 <= status < 500
    answer = json.loads(raw)
    line = answer.get("message") or answer["detail"]
    assert isinstance(line, str) and line and "\n" not in line and "Traceback" not in line
    assert _snapshot(db) == before


@pytest.mark.parametrize("query", ['"', "NEAR", "NEAR(", "*", "(", ")", "-", "a AND", "OR", "NOT", '"abc',
                                   "title:x", "^", "((((", "a)", "{x}", "\\", "'", "NEAR(a b, -1)"])
def test_search_syntax_never_breaks_the_search(server, query):
    base, _ = server
    for path in ("/api/articles", "/", "/api/quotes", "/citations"):
        status, raw = _request(base + path + "?" + urllib.parse.urlencode({"q": query}))
        assert status == 200, (path, query, raw[:300])


@pytest.mark.parametrize("path,name", [
    ("/api/articles?limit=-1", "limit"), ("/api/articles?offset=99999999999999999999", "offset"),
    ("/api/articles?date_from=2024-13-45", "date_from"), ("/api/entities?limit=0", "limit"),
    ("/api/quotes?since=hier", "since"), ("/api/events?limit=-5", "limit"), ("/api/aid?until=x", "until"),
    ("/api/timeline?granularity=semaine", "granularity"), ("/api/stories?offset=-1", "offset"),
    ("/api/voices?since=hier", "since"), ("/api/voices?until=2024-13", "until"),
])
def test_a_bad_parameter_is_a_422_naming_it_on_one_line(server, path, name):
    status, raw = _request(server[0] + path)
    assert status == 422
    answer = json.loads(raw)
    assert answer["detail"][0]["loc"][-1] == name  # FastAPI's list is kept for the clients reading it
    assert f"'{name}'" in answer["message"] and "\n" not in answer["message"]


@pytest.mark.parametrize("path", ["/api/articles/..%2F..%2Fetc%2Fpasswd", "/api/articles/%00", "/api/entities/%00",
                                  "/api/stories/%2e%2e", "/articles/..%2F..%2Fetc%2Fpasswd", "/entites/%00x",
                                  "/alertes/99999999999999999999.atom", "/static/..%2Fapp.py", "/recits/nope"])
def test_unknown_or_traversing_ids_are_404(server, path):
    status, raw = _request(server[0] + path)
    assert status == 404 and b"Traceback" not in raw and b"root:" not in raw


@pytest.mark.parametrize("path", ["/?page=-1", "/?page=99999999999999999999", "/entites?page=-9",
                                  "/citations?page=99999999999999999999999", "/evenements?type=FOO",
                                  "/chronologie?granularity=semaine&by=zz", "/voix?since=hier",
                                  "/articles/odd0000000000001"])
def test_pages_with_odd_parameters_and_odd_text_answer(server, path):
    status, raw = _request(server[0] + path)
    assert status in (200, 400) and b"Traceback" not in raw


# -- exports -----------------------------------------------------------------------------------


def test_exports_of_an_empty_database(tmp_path):
    db = tmp_path / "vide.db"
    Store(db).close()
    for fmt in ("jsonl", "csv", "parquet"):
        res = _veille("export", "--db", str(db), "--format", fmt, "-o", str(tmp_path / f"e.{fmt}"))
        assert res.returncode == 0 and "0 articles exported" in res.stderr, res.stderr
    assert (tmp_path / "e.jsonl").read_text() == ""
    assert (tmp_path / "e.csv").read_text().startswith("id,site,")
    import pyarrow as pa
    import pyarrow.parquet as pq

    # The same schema as an export with rows: the counts are integers, not strings.
    assert pq.read_schema(tmp_path / "e.parquet").field("quotes").type == pa.int64()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.csv", "e.jsonl", "e.parquet", "vide.db"]


def test_an_export_replaces_the_previous_file_whole(tmp_path):
    db = tmp_path / "odd.db"
    _store_odd(db)
    out = tmp_path / "export.jsonl"
    out.write_text("ancien contenu\n" * 100_000, encoding="utf-8")
    link = tmp_path / "lien.jsonl"
    link.symlink_to(out)
    res = _veille("export", "--db", str(db), "-o", str(link))
    assert res.returncode == 0, res.stderr
    assert link.is_symlink() and json.loads(out.read_text(encoding="utf-8"))["id"] == "odd0000000000001"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_exports_of_odd_text_read_back_whole(tmp_path):
    db = tmp_path / "odd.db"
    _store_odd(db)
    for fmt in ("jsonl", "csv", "parquet"):
        res = _veille("export", "--db", str(db), "--format", fmt, "-o", str(tmp_path / f"o.{fmt}"))
        assert res.returncode == 0, res.stderr
    exported = (tmp_path / "o.jsonl").read_bytes()
    docs = list(read_bytes(exported, "o.jsonl", path="o.jsonl"))
    # One record, read as one document: a raw U+2028 inside a JSON string is not a line break.
    assert len(docs) == 1 and not hasattr(docs[0], "reason"), docs
    record = json.loads(exported.decode("utf-8").split("\n")[0])
    assert record["paragraphs"] == [ODD, LONG]
    csv.field_size_limit(10 ** 8)
    with open(tmp_path / "o.csv", encoding="utf-8", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert row["text"] == f"{ODD}\n\n{LONG}"
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "o.parquet").column("text").to_pylist() == [f"{ODD}\n\n{LONG}"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_to_a_folder_is_one_line(tmp_path, fmt):
    db = tmp_path / "odd.db"
    _store_odd(db)
    res = _veille("export", "--db", str(db), "--format", fmt, "-o", str(tmp_path))
    assert res.returncode == 2 and "is a directory" in res.stderr and "Traceback" not in res.stderr


def test_jsonl_with_raw_line_separators_is_one_record_per_newline():
    lines = [json.dumps({"title": "Un", "text": GOOD_A.replace("lundi", "lundi\u2028")}, ensure_ascii=False),
             json.dumps({"title": "Deux", "text": GOOD_B.replace("mardi", "mardi\u2029\x85")}, ensure_ascii=False)]
    docs = list(read_bytes(("\r\n".join(lines) + "\n").encode(), "lot.jsonl", path="lot.jsonl"))
    assert [getattr(d, "reason", None) for d in docs] == [None, None]


# -- concurrent and interrupted use ------------------------------------------------------------


@pytest.mark.slow
def test_two_ingests_at_once_beside_a_reading_server(tmp_path):
    towns = ["Lodève", "Gaillac", "Ussel", "Riom", "Lannion"]
    lots = [tmp_path / "un", tmp_path / "deux"]
    for lot, picked in zip(lots, (towns[:3], towns[2:]), strict=True):
        lot.mkdir()
        for town in picked:  # the third town in both: the two writers race to store it
            (lot / f"{town}.txt").write_text(GOOD_A.replace("Quimperlé", town), encoding="utf-8")
    db = tmp_path / "v.db"
    Store(db).close()
    proc, base = _serve(db)
    try:
        ingests = [subprocess.Popen([sys.executable, "-m", "veille", "ingest", str(lot), "--db", str(db),
                                     "--workers", "1", "--no-alerts"], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True, env=_env()) for lot in lots]
        answers = []
        while any(p.poll() is None for p in ingests):
            for path in ("/api/stats", "/api/articles?q=m%C3%A9diath%C3%A8que", "/", "/citations"):
                answers.append(_request(base + path)[0])
            time.sleep(0.5)
        errs = [p.communicate(timeout=60)[1] for p in ingests]
    finally:
        proc.terminate()
        proc.communicate(timeout=60)
    assert [p.returncode for p in ingests] == [0, 0], errs
    assert set(answers) == {200}
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (5, 5)
        assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 5
        assert conn.execute("SELECT count(*) FROM failures").fetchone()[0] == 0


@pytest.mark.slow
def test_sigterm_mid_ingest_keeps_what_was_read_and_a_rerun_completes(tmp_path, hanging_url):  # noqa: F811
    url, asked = hanging_url
    lot = tmp_path / "lot"
    lot.mkdir()
    (lot / "a.txt").write_text(GOOD_A, encoding="utf-8")
    (lot / "b.txt").write_text(GOOD_B, encoding="utf-8")
    db = tmp_path / "v.db"
    proc = subprocess.Popen([sys.executable, "-m", "veille", "ingest", str(lot), url, "--db", str(db),
                             "--workers", "1", "--no-alerts"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=_env())
    try:
        assert asked.wait(300), "the URL was never asked for"
        proc.send_signal(signal.SIGTERM)  # as `kill`, `systemctl stop`, `docker stop`: the process alone
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 143, err
    assert "Traceback" not in err
    assert [line for line in err.splitlines() if line.strip()][-1].startswith("interrupted by SIGTERM: ")
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert stored == conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] <= 2
    again = _veille("ingest", str(lot), "--db", str(db), "--workers", "1", "--no-alerts")
    assert again.returncode == 0 and f"{2 - stored} added, {stored} already stored" in again.stderr, again.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (2, 2)


# -- alerts: a search that can never match is refused, one saved earlier still reads -----------


@pytest.mark.parametrize("field,value", [("date_from", "2024-13-45"), ("date_to", "2024-02-99"),
                                         ("year", "99999"), ("event_type", "FOO")])
def test_an_alert_that_could_never_fire_is_refused(server, field, value):
    base, db = server
    with sqlite3.connect(db) as conn:
        before = conn.execute("SELECT count(*) FROM alerts").fetchone()[0]
    body = urllib.parse.urlencode({"q": "bibliothèque", field: value}).encode()
    status, raw = _request(base + "/alertes", body, {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 422 and repr(value).encode() in raw.replace(b"&#39;", b"'")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM alerts").fetchone()[0] == before


def test_an_alert_saved_before_the_checks_still_lists(tmp_path):
    from veille.alerts.query import AlertQuery
    from veille.alerts.schema import add_alert

    db = tmp_path / "alertes.db"
    with Store(db) as store:
        add_alert(store.conn, AlertQuery.from_params({"q": "pont", "event_type": "foo"}, check=False))
        store.conn.commit()
    res = _veille("alerts", "--db", str(db), "list")
    assert res.returncode == 0 and "pont" in res.stdout, res.stderr
