"""Issue 17, the web server: hostile uploads go through the same guarded path as files, bodies are
counted while they stream, queries are bounded, no stored URL becomes a script link, another site
cannot post, and every answer carries the security headers. Every text is invented."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from hostile import GOOD_A, hostile_batch
from veille.web import create_app

PAGES = ["/", "/citations", "/entites", "/evenements", "/chronologie", "/aide", "/recits", "/importer"]


@pytest.fixture(scope="module")
def app_db(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("hostile-web") / "web.db"


@pytest.fixture(scope="module")
def client(app_db, pipeline):
    with TestClient(create_app(app_db, pipeline_factory=lambda: pipeline)) as c:
        yield c


def upload(client: TestClient, files: list[tuple[str, bytes]], url: str = "/api/ingest", **kw):
    return client.post(url, files=[("files", (name, content)) for name, content in files], **kw)


def test_hostile_batch_through_the_upload_endpoint(client, app_db, tmp_path):
    paths, bad, titles = hostile_batch(tmp_path / "lot")
    res = upload(client, [(p.name, p.read_bytes()) for p in paths])
    assert res.status_code == 200, res.text[:500]
    body = res.json()
    assert sorted(a["title"] for a in body["added"]) == sorted(titles)
    assert sorted(f["file"] for f in body["failed"]) == sorted(p.name for p in bad)
    with sqlite3.connect(app_db) as conn:
        failures = sorted(r[0] for r in conn.execute("SELECT origin FROM failures"))
    assert failures == sorted(p.name for p in bad)


def test_upload_body_is_counted_while_it_streams(app_db, pipeline, tmp_path):
    small = tmp_path / "petit.db"
    with TestClient(create_app(small, pipeline_factory=lambda: pipeline, max_body=50_000)) as c:
        declared = upload(c, [("gros.txt", GOOD_A.encode() * 1000)])
        assert declared.status_code == 413

        def chunks():  # no Content-Length: only counting the stream can stop it
            boundary = b"--limite\r\n"
            yield boundary + b'Content-Disposition: form-data; name="files"; filename="gros.txt"\r\n\r\n'
            for _ in range(100):
                yield GOOD_A.encode() * 10
            yield b"\r\n--limite--\r\n"

        streamed = c.post("/api/ingest", content=chunks(),
                          headers={"Content-Type": "multipart/form-data; boundary=limite"})
        assert streamed.status_code == 413 and "too large" in streamed.json()["detail"]
        assert c.get("/api/stats").json()["articles"] == 0


@pytest.mark.parametrize("origin", ["https://ailleurs.invalid", "http://127.0.0.1:9999", "null"])
@pytest.mark.parametrize("url", ["/api/ingest", "/importer"])
def test_foreign_origin_is_refused(client, origin, url):
    res = upload(client, [("a.txt", GOOD_A.encode())], url=url, headers={"Origin": origin})
    assert res.status_code == 403


def test_foreign_referer_without_origin_is_refused(client):
    res = upload(client, [("a.txt", GOOD_A.encode())], headers={"Referer": "https://ailleurs.invalid/page"})
    assert res.status_code == 403


def test_own_origin_is_accepted(client):
    res = upload(client, [("vide.txt", b"")], headers={"Origin": "http://testserver"})
    assert res.status_code == 200 and res.json()["failed"][0]["reason"] == "empty file"


def test_unknown_host_is_refused(client):
    assert client.get("/", headers={"Host": "rebinding.invalid"}).status_code == 400
    assert client.get("/", headers={"Host": "localhost:8000"}).status_code == 200


def test_any_host_when_bound_to_every_interface(app_db):
    from veille.web.security import hosts_for

    with TestClient(create_app(app_db, allowed_hosts=hosts_for("0.0.0.0"))) as c:
        assert c.get("/api/stats", headers={"Host": "veille.lan:8000"}).status_code == 200


@pytest.mark.parametrize("path", PAGES + ["/api/stats", "/articles/inexistant"])
def test_security_headers_everywhere(client, path):
    res = client.get(path)
    assert "frame-ancestors 'none'" in res.headers["content-security-policy"]
    assert "script-src 'self'" in res.headers["content-security-policy"]
    assert res.headers["x-content-type-options"] == "nosniff"
    assert res.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("path,param", [("/", "q"), ("/citations", "q"), ("/citations", "speaker"),
                                        ("/entites", "q"), ("/evenements", "actor"), ("/chronologie", "entity"),
                                        ("/api/articles", "q"), ("/api/quotes", "q")])
def test_long_queries_are_refused_fast_on_every_page(client, path, param):
    for size in (1_000, 20_000):  # one value over the cap; the whole query string over its cap
        start = time.monotonic()
        res = client.get(path, params={param: ("mot " * size)[:size]})
        assert res.status_code == (400 if size < 4000 else 414) and time.monotonic() - start < 2


def test_long_paths_are_refused(client):
    assert client.get("/entites/" + "Nom" * 2000).status_code == 414
    assert client.get("/api/entities/" + "Nom" * 2000).status_code == 414


@pytest.mark.parametrize("path,param", [("/", "q"), ("/citations", "q"), ("/entites", "q"), ("/evenements", "actor")])
def test_queries_at_the_limit_answer_quickly(client, path, param):
    start = time.monotonic()
    res = client.get(path, params={param: ("mot' " * 100)[:500]})
    assert res.status_code == 200 and time.monotonic() - start < 5


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", " JavaScript:alert(1)",
                                 "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)"])
def test_no_script_link_for_a_stored_url(client, url):
    record = {"title": "Lien piégé", "text": GOOD_A.replace("Quimperlé", f"Quimperlé {len(url)}"), "url": url}
    res = upload(client, [("piege.jsonl", (json.dumps(record) + "\n").encode())])
    (added,) = res.json()["added"]
    page = client.get(f"/articles/{added['id']}").text
    assert 'href="javascript:' not in page.lower() and 'href=" javascript:' not in page.lower()
    assert 'href="data:' not in page.lower() and 'href="vbscript:' not in page.lower()
    for path in PAGES:
        assert "javascript:" not in client.get(path).text.lower()


def test_http_source_is_still_a_link(client):
    record = {"title": "Lien sain", "text": GOOD_A.replace("lundi", "jeudi"), "url": "https://exemple.invalid/article"}
    (added,) = upload(client, [("sain.jsonl", (json.dumps(record) + "\n").encode())]).json()["added"]
    assert 'href="https://exemple.invalid/article"' in client.get(f"/articles/{added['id']}").text
