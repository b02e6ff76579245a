"""The JSON API and the HTML pages through FastAPI's TestClient, over a store filled by the real
pipeline from invented articles (tests/data/web), plus schemathesis against the OpenAPI schema."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from conftest import build_db
from veille.store import Store
from veille.web import create_app
from veille.web.render import HL_CLOSE, HL_OPEN, entity_url

DATA = Path(__file__).parent / "data" / "web"


def copy_db(src: Path, dst: Path) -> Path:
    # The SQLite backup API: a plain file copy could miss pages still in the WAL.
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    return dst


@pytest.fixture(scope="module")
def web_db(tmp_path_factory, pipeline) -> Path:
    return build_db(pipeline, tmp_path_factory.mktemp("web") / "web.db", [DATA])


@pytest.fixture(scope="module")
def client(web_db, pipeline):
    with TestClient(create_app(web_db, pipeline_factory=lambda: pipeline)) as c:
        yield c


def article_id(db, word: str) -> str:
    row = db.execute("SELECT id FROM articles WHERE title LIKE ?", (f"%{word}%",)).fetchone()
    assert row is not None, word
    return row["id"]


# -- articles -------------------------------------------------------------------------------------


def test_list_all_articles(client, db):
    res = client.get("/api/articles", params={"limit": 2})
    assert res.status_code == 200
    body = res.json()
    assert body["total"] == db.execute("SELECT count(*) FROM articles").fetchone()[0] == 6
    assert len(body["items"]) == 2
    page2 = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()["items"]
    assert {i["id"] for i in body["items"]}.isdisjoint(i["id"] for i in page2)


def test_full_text_search_ranks_and_highlights(client, db):
    res = client.get("/api/articles", params={"q": "blindés", "facets": "true"}).json()
    assert res["total"] == 1
    hit = res["items"][0]
    assert hit["id"] == article_id(db, "blindés")
    assert f"{HL_OPEN}blindés{HL_CLOSE}" in hit["snippet"]
    assert set(res["facets"]) == {"site", "year", "event_type", "entity"}
    # Words that are not FTS5 syntax are still searched, not an error.
    for q in ["l'OTAN", 'Delorme-Vasseur "', "mer:Noire", "AND"]:
        assert client.get("/api/articles", params={"q": q}).status_code == 200
    assert client.get("/api/articles", params={"q": "Delorme-Vasseur"}).json()["total"] == 1


def test_facet_index_agrees_with_sql(db):
    """The in-memory facet index and plain SQL give the same totals and facets for any filters."""
    from veille.web import queries
    from veille.web.facets import build_index

    index = build_index(db)
    entity = db.execute("SELECT name FROM entities LIMIT 1").fetchone()[0]
    site = db.execute("SELECT site FROM articles WHERE site IS NOT NULL LIMIT 1").fetchone()[0]
    cases = [{}, {"q": "Roumanie"}, {"q": "ministre"}, {"q": "zzzintrouvable"}, {"entity": entity},
             {"q": "déclaré", "site": site}, {"year": "2024"}, {"date_from": "2024-03-21"},
             {"date_to": "2024-03"}, {"date_to": "2024-03-20"}, {"event_type": "AID"}, {"site": "x.example"}]
    for case in cases:
        f = queries.ArticleFilters(**case)
        by_sql = queries.list_articles(db, f, 5, 0, facets=True)
        by_index = queries.list_articles(db, f, 5, 0, facets=True, index=index)
        assert by_sql == by_index, case


def test_entity_filter_matches_the_store(client, db):
    row = db.execute("SELECT name, count(DISTINCT article_id) AS n FROM entities GROUP BY name"
                     " ORDER BY n DESC, name LIMIT 1").fetchone()
    res = client.get("/api/articles", params={"entity": row["name"]}).json()
    assert res["total"] == row["n"]
    ids = {r[0] for r in db.execute("SELECT article_id FROM entities WHERE name = ?", (row["name"],))}
    assert {i["id"] for i in res["items"]} == ids


def test_date_and_site_filters_match_the_store(client, db):
    dated = db.execute("SELECT id, published, site FROM articles WHERE published IS NOT NULL").fetchall()
    for r in dated:
        day = r["published"]
        got = {i["id"] for i in client.get("/api/articles", params={"date_from": day, "date_to": day}).json()["items"]}
        assert r["id"] in got
        assert all(db.execute("SELECT published FROM articles WHERE id = ?", (i,)).fetchone()[0].startswith(day)
                   for i in got)
    assert client.get("/api/articles", params={"date_from": "2022-13"}).status_code == 422
    assert client.get("/api/articles", params={"site": "nulle-part.example"}).json()["total"] == 0


def test_article_record_is_the_stored_record(client, web_db, db):
    aid = article_id(db, "blindés")
    res = client.get(f"/api/articles/{aid}")
    assert res.status_code == 200
    with Store(web_db) as store:
        expected = store.get(aid).to_dict()
    assert res.json() == json.loads(json.dumps(expected))
    assert client.get(f"/api/articles/{aid[:8]}").json()["id"] == aid  # a unique prefix works
    assert client.get("/api/articles/0000000000000000").status_code == 404


# -- entities, quotes, events ---------------------------------------------------------------------


def test_entities_and_entity_detail(client, db):
    body = client.get("/api/entities", params={"type": "PER"}).json()
    assert body["total"] >= 1 and all(i["type"] == "PER" for i in body["items"])
    name = body["items"][0]["name"]
    detail = client.get(f"/api/entities/{name}").json()
    assert detail["name"] == name and detail["type"] == "PER"
    ids = {r[0] for r in db.execute("SELECT article_id FROM entities WHERE name = ?", (name,))}
    assert {a["id"] for a in detail["articles"]} == ids == {a["id"] for a in detail["articles"]}
    assert detail["article_count"] == len(ids)
    n_quotes = db.execute("SELECT count(*) FROM quotes WHERE speaker = ?", (name,)).fetchone()[0]
    assert len(detail["quotes"]) == n_quotes
    assert name not in {c["name"] for c in detail["co_mentions"]}
    co = {r[0] for r in db.execute(
        "SELECT DISTINCT name FROM entities WHERE name != ? AND article_id IN"
        " (SELECT article_id FROM entities WHERE name = ?)", (name, name))}
    assert {c["name"] for c in detail["co_mentions"]} == set(list(co)[:25]) or len(co) > 25
    # Every surface form recorded for it leads back to it.
    for alias in detail["aliases"][:3]:
        assert client.get(f"/api/entities/{alias}").json()["name"] == name
    assert client.get("/api/entities/Personne Inexistante Zzz").status_code == 404


def test_entity_name_with_slash_and_case(client, db):
    name = db.execute("SELECT name FROM entities LIMIT 1").fetchone()[0]
    assert client.get(f"/api/entities/{name.upper()}").json()["name"] == name
    assert client.get("/api/entities/a/b").status_code == 404


def test_quotes_and_events_match_the_store(client, db):
    total = db.execute("SELECT count(*) FROM quotes").fetchone()[0]
    body = client.get("/api/quotes", params={"limit": 500}).json()
    assert body["total"] == total == len(body["items"])
    for speaker, n in db.execute("SELECT speaker, count(*) FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker"):
        got = client.get("/api/quotes", params={"speaker": speaker}).json()
        assert got["total"] == n and all(q["speaker"] == speaker for q in got["items"])
    assert client.get("/api/quotes", params={"q": "%"}).json()["total"] == db.execute(
        "SELECT count(*) FROM quotes WHERE instr(text, '%') > 0").fetchone()[0]
    ev_total = db.execute("SELECT count(*) FROM events").fetchone()[0]
    assert client.get("/api/events").json()["total"] == ev_total
    for etype, n in db.execute("SELECT type, count(*) FROM events GROUP BY type"):
        assert client.get("/api/events", params={"type": etype}).json()["total"] == n


def test_timeline_by_entity_counts_articles(client, db):
    row = db.execute(
        "SELECT e.name, a.published FROM entities e JOIN articles a ON a.id = e.article_id"
        " WHERE length(a.published) = 10 LIMIT 1").fetchone()
    if row is None:
        pytest.skip("no article has a full publication date yet (metadata stage)")
    body = client.get("/api/timeline", params={"by": "entity", "entity": row["name"],
                                               "granularity": "day"}).json()
    n = db.execute("SELECT count(DISTINCT a.id) FROM entities e JOIN articles a ON a.id = e.article_id"
                   " WHERE e.name = ? AND a.published = ?", (row["name"], row["published"])).fetchone()[0]
    assert {"date": row["published"], "key": row["name"], "count": n} in body["series"]
    assert body["keys"] == [row["name"]]


def test_timeline_and_stories_match_the_store(client, db):
    body = client.get("/api/timeline").json()
    assert body["by"] == "type" and isinstance(body["series"], list)
    n_dated_events = db.execute("SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id"
                                " WHERE length(coalesce(e.date, a.published)) >= 4").fetchone()[0]
    assert sum(p["count"] for p in body["series"]) + body["imprecise"] == n_dated_events
    stories = client.get("/api/stories").json()
    have_tables = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'story_members'").fetchone()
    if have_tables:
        in_stories = db.execute("SELECT count(*) FROM story_members").fetchone()[0]
    else:
        in_stories = db.execute("SELECT count(*) FROM articles WHERE story IS NOT NULL").fetchone()[0]
    assert sum(s["articles"] for s in stories) == in_stories
    for s in stories:
        detail = client.get(f"/api/stories/{s['id']}").json()
        assert len(detail["articles"]) == s["articles"]
        page = client.get(f"/recits/{s['id']}")
        assert page.status_code == 200 and all(a["id"] in page.text for a in detail["articles"])
    assert client.get("/api/stories/nope").status_code == 404


# -- ingest ---------------------------------------------------------------------------------------


def test_ingest_runs_the_pipeline_and_reports(web_db, pipeline, tmp_path):
    db = copy_db(web_db, tmp_path / "ingest.db")
    text = ("Un nouveau pont pour Brest\n\nLe maire de Brest, Odile Kerjean, a inauguré samedi un pont "
            "piéton. « C'est un jour heureux pour la ville », a déclaré Odile Kerjean.\n").encode()
    dup = (DATA / "inondations_lyon.txt").read_bytes()
    files = [("files", ("pont.txt", text, "text/plain")),
             ("files", ("vide.txt", b"   \n", "text/plain")),
             ("files", ("image.bin", bytes(range(256)) * 4, "application/octet-stream")),
             ("files", ("deja.txt", dup, "text/plain"))]
    with TestClient(create_app(db, pipeline_factory=lambda: pipeline)) as c:
        res = c.post("/api/ingest", files=files)
        assert res.status_code == 200, res.text
        body = res.json()
        assert [a["file"] for a in body["added"]] == ["pont.txt"]
        assert body["added"][0]["title"] == "Un nouveau pont pour Brest"
        assert [s["file"] for s in body["skipped"]] == ["deja.txt"]
        failed = {f["file"]: f["reason"] for f in body["failed"]}
        assert failed == {"vide.txt": "empty file", "image.bin": "binary content, not text"}
        new = c.get(f"/api/articles/{body['added'][0]['id']}").json()
        assert new["source"]["path"] == "pont.txt"
        assert c.get("/api/articles", params={"q": "Brest"}).json()["total"] == 1
        # The same file again is skipped, not stored twice.
        again = c.post("/api/ingest", files=files[:1]).json()
        assert again["added"] == [] and again["skipped"][0]["reason"] == "already stored"
        # The form posts to /importer without JavaScript and gets a page back.
        page = c.post("/importer", files=[("files", ("x.txt", b"", "text/plain"))])
        assert page.status_code == 200 and "Échec" in page.text and "fichier vide" in page.text  # (the page speaks French: web/reasons.py)
        # A file over the size limit is refused before the pipeline sees it.
        big = c.app.state.backend.ingest([("gros.txt", b"Titre\n\n" + b"mot " * 100)], max_bytes=64)
        assert big["failed"] == [{"file": "gros.txt", "reason": "too large: over the limit of 64 bytes",
                                  "reason_fr": "trop gros : au-delà de la limite de 64 octets"}]
    with Store(db) as store:
        assert store.stats()["failures"] == 4


# -- pages ----------------------------------------------------------------------------------------


PAGES = ["/", "/?q=Roumanie", "/?q=%22", "/entites", "/entites?type=PER", "/citations", "/evenements",
         "/aide", "/chronologie", "/chronologie?by=entity", "/recits", "/importer", "/docs",
         "/?year=2024&page=3", "/evenements?type=AID&since=2024-01-01", "/citations?since=pas-une-date"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_render(client, path):
    res = client.get(path)
    assert res.status_code == 200, res.text[:500]
    assert res.headers["content-type"].startswith("text/html")


def test_pages_load_nothing_from_outside(client):
    """Offline: no page asks for a script, style or font from another host (no CDN)."""
    import re

    for path in PAGES:
        html = client.get(path).text
        assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)="(https?:)?//', html), path
        assert "@import" not in html


def test_api_docs_list_every_operation(client):
    page = client.get("/docs").text
    for path in client.get("/openapi.json").json()["paths"]:
        assert f"<code>{path}</code>" in page
    assert "swagger" not in page.lower()


def test_unknown_pages_are_404_in_french(client):
    res = client.get("/articles/0000000000000000")
    assert res.status_code == 404 and "introuvable" in res.text
    assert client.get("/entites/Personne Inexistante Zzz").status_code == 404
    assert client.get("/api/nope").json() == {"detail": "Not Found", "detail_fr": "introuvable"}


def test_hostile_text_is_escaped(client, db):
    aid = article_id(db, "Budget")
    title = db.execute("SELECT title FROM articles WHERE id = ?", (aid,)).fetchone()[0]
    assert "<script>" in title  # the hostile title reached the store as text
    page = client.get(f"/articles/{aid}").text
    assert "<script>alert" not in page and "<b>élus" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#34;piège&#34;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    hits = client.get("/", params={"q": "internaute"}).text
    assert "&lt;img src=x onerror" in hits and "<img src=x" not in hits
    assert "<mark>internaute</mark>" in hits


def test_article_page_shows_annotations_and_boilerplate(client, db):
    aid = article_id(db, "blindés")
    record = client.get(f"/api/articles/{aid}").json()
    page = client.get(f"/articles/{aid}").text
    for e in record["entities"]:
        if e["spans"]:
            assert f'href="{entity_url(e["name"])}"' in page
    if record["boilerplate"]:
        assert "<details class=\"boilerplate\">" in page
    for q in record["quotes"]:
        if q["start"] is not None:
            assert 'class="quote quote-' in page


def test_search_page_facets_link_to_filters(client, db):
    page = client.get("/", params={"q": "Roumanie"}).text
    assert "<mark>Roumanie</mark>" in page
    top = db.execute("SELECT name FROM entities GROUP BY name ORDER BY count(*) DESC, name LIMIT 1").fetchone()[0]
    assert 'data-facet="entity"' in page
    assert client.get("/", params={"entity": top}).status_code == 200


# -- schemathesis -----------------------------------------------------------------------------


def test_api_never_fails_on_schema_valid_input(web_db, pipeline, tmp_path):
    """Every operation of the OpenAPI schema, fed schema-valid input by schemathesis: never a 5xx."""
    import schemathesis
    from hypothesis import given
    from schemathesis.checks import not_a_server_error

    # A copy: fuzzed uploads go through the real pipeline and must not change the other tests' store.
    db = copy_db(web_db, tmp_path / "fuzz.db")
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(db, pipeline_factory=lambda: pipeline))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/api/articles", "/api/articles/{article_id}", "/api/entities",
                                              "/api/entities/{key}", "/api/quotes", "/api/events",
                                              "/api/stories", "/api/timeline", "/api/ingest"}
    for op in operations:
        @given(case=op.as_strategy())
        @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case):
            case.call_and_validate(checks=[not_a_server_error])

        run()


def test_serve_command_serves_api_and_ui(web_db, tmp_path):
    """`veille serve` as a person runs it: one process, API and pages, on a loopback port."""
    import socket
    import subprocess
    import sys
    import time

    import httpx

    db = copy_db(web_db, tmp_path / "serve.db")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "veille", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                stats = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read().decode()
                time.sleep(0.2)
        assert stats.json()["articles"] == 6
        page = httpx.get(f"http://127.0.0.1:{port}/?q=Roumanie", timeout=5)
        assert page.status_code == 200 and "<mark>Roumanie</mark>" in page.text
        assert httpx.get(f"http://127.0.0.1:{port}/static/style.css", timeout=5).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)
