"""The web UI in a real browser: Playwright drives Debian's Chromium against a real uvicorn server.

The store is filled by the real pipeline from invented articles (tests/data/web). Screenshots go
to test-artifacts/ (gitignored). Skipped when /usr/bin/chromium or Playwright is missing; a browser
is never downloaded.
"""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from conftest import build_db
from veille.web import create_app

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data" / "web"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
ARTIFACTS = ROOT / "test-artifacts"


class LiveServer:
    """uvicorn serving the app on a free loopback port, in a thread of the test process."""

    def __init__(self, db: Path, pipeline) -> None:
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        config = uvicorn.Config(create_app(db, pipeline_factory=lambda: pipeline), log_level="warning",
                                lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


@pytest.fixture(scope="module")
def web_db(tmp_path_factory, pipeline) -> Path:
    return build_db(pipeline, tmp_path_factory.mktemp("webui") / "web.db", [DATA])


@pytest.fixture(scope="module")
def server(web_db, pipeline, browser):
    with LiveServer(web_db, pipeline) as s:
        yield s


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    pg.dialogs = []  # any alert() would land here: hostile text must never run
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"web-{name}.png"), full_page=True)


def test_search_article_person_quotes(server, page, db):
    page.goto(server.url + "/")
    page.fill("input[name=q]", "blindés")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/?q=*")
    hit = page.locator("a.hit-title", has_text="véhicules blindés")
    assert hit.count() == 1
    assert page.locator(".snippet mark").first.inner_text().lower() == "blindés"
    shot(page, "1-search")

    hit.click()
    page.wait_for_url("**/articles/*")
    article_id = page.url.rsplit("/", 1)[1]
    title = db.execute("SELECT title FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    assert page.locator("h1.title").inner_text() == title
    shot(page, "2-article")

    # Follow the first named speaker when the quotes stage attributed one, else the first person
    # named in the text: either way the entity page must show what the store holds for them.
    speakers = [r[0] for r in db.execute("SELECT speaker FROM quotes WHERE article_id = ? AND speaker IS NOT NULL"
                                         " ORDER BY idx", (article_id,))]
    if speakers:
        page.locator("#quotes a.speaker").first.click()
        person = speakers[0]
    else:
        link = page.locator(".body a.ent-PER").first
        person = db.execute("SELECT name FROM entities WHERE article_id = ? AND type = 'PER'"
                            " ORDER BY idx LIMIT 1", (article_id,)).fetchone()[0]
        assert link.count() == 1
        link.click()
    page.wait_for_url("**/entites/*")
    assert page.locator("h1").inner_text().startswith(person)
    assert page.locator("#articles a", has_text=title).count() == 1
    quotes = db.execute("SELECT q.text, a.site FROM quotes q JOIN articles a ON a.id = q.article_id"
                        " WHERE q.speaker = ?", (person,)).fetchall()
    assert page.locator("#quotes blockquote").count() == len(quotes)
    shot(page, "3-entity")

    if quotes:
        page.click("text=Toutes ses citations")
        page.wait_for_url("**/citations?speaker=*")
    else:
        page.goto(server.url + "/citations?speaker=" + person)
    assert page.locator("h1").inner_text() == f"Citations de {person}"
    assert page.locator("blockquote.quote-item").count() == len(quotes)
    for text, _site in quotes:
        assert page.get_by_text(text[:40], exact=False).count() >= 1
    if not quotes:
        assert page.get_by_text("Aucune citation.").is_visible()
    shot(page, "4-quotes")


def test_upload_flow(server, page, tmp_path):
    name = "marche-nantes.txt"
    text = ("Le marché de Nantes rouvre après travaux\n\nLa maire adjointe de Nantes, Soizic Le Gall-Rio, "
            "a rouvert samedi le marché couvert de la ville.\n\n« Les commerçants retrouvent enfin leurs "
            "halles », a déclaré Soizic Le Gall-Rio.\n")
    page.goto(server.url + "/importer")
    page.set_input_files("input[type=file]", files=[
        {"name": name, "mimeType": "text/plain", "buffer": text.encode("utf-8")},
        {"name": "vide.txt", "mimeType": "text/plain", "buffer": b"  "},
    ])
    page.click("form#upload button")
    summary = page.locator("#result-summary")
    summary.wait_for()
    assert summary.inner_text() == "1 ajouté(s), 0 déjà présent(s), 1 en échec."
    assert page.locator("#status").inner_text() == "Terminé."
    assert page.locator("#progress").is_hidden()
    assert page.locator(".upload-result .failed").inner_text() == "Échec : vide.txt — fichier vide"
    shot(page, "5-upload")
    page.locator(".upload-result .added a").click()
    page.wait_for_url("**/articles/*")
    assert page.locator("h1.title").inner_text() == "Le marché de Nantes rouvre après travaux"
    # It is searchable right away.
    page.goto(server.url + "/?q=commerçants")
    assert page.locator("a.hit-title", has_text="marché de Nantes").count() == 1


def test_upload_of_a_warc_says_its_skipped_records(server, page):
    """The page's script shows an archive's records that are no page as the server-rendered page
    does (tests/test_web_warc_skipped.py): counted in the summary, one line in French."""
    from test_web_warc_skipped import _warc

    page.goto(server.url + "/importer")
    page.set_input_files("input[type=file]", files=[
        {"name": "lavoir.warc", "mimeType": "application/warc", "buffer": _warc("Brennec et son lavoir", images=3)},
    ])
    page.click("form#upload button")
    summary = page.locator("#result-summary")
    summary.wait_for()
    assert summary.inner_text() == ("1 ajouté(s), 0 déjà présent(s), 0 en échec. "
                                    "5 enregistrement(s) de WARC laissé(s) : pas des pages HTML.")
    assert page.locator(".upload-result .records-skipped").inner_text() == (
        "Laissés : lavoir.warc — 5 des 6 enregistrements du WARC ne sont pas des pages HTML "
        "(3 image/png, 1 requête(s), 1 text/css)")
    assert page.locator(".upload-result .failed").count() == 0


def test_timeline_renders_bars(server, page):
    import json
    import urllib.request

    with urllib.request.urlopen(server.url + "/api/timeline?by=entity&granularity=day") as res:
        data = json.load(res)
    assert data["series"], "the dated articles of tests/data/web give a timeline"
    page.goto(server.url + "/chronologie?by=entity&granularity=day")
    svg = page.locator("svg.timeline")
    assert svg.count() == 1 and svg.is_visible()
    bars = page.locator("svg.timeline rect.bar")
    assert bars.count() == len(data["series"])
    first = data["series"][0]
    bar = page.locator(f'svg.timeline rect.bar[data-date="{first["date"]}"][data-key="{first["key"]}"]')
    assert bar.get_attribute("data-count") == str(first["count"])
    assert float(bar.get_attribute("height")) > 0
    assert page.locator(".legend-keys li").count() == len(data["keys"])
    shot(page, "6-timeline")


def test_hostile_title_renders_as_text(server, page, db):
    row = db.execute("SELECT id, title FROM articles WHERE title LIKE '%<script>%'").fetchone()
    assert row is not None, "the hostile article reached the store with its markup as text"
    page.goto(f"{server.url}/articles/{row['id']}")
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert page.locator("h1.title").inner_text() == row["title"]
    assert page.locator("h1.title script, h1.title b").count() == 0
    assert page.locator("img").count() == 0
    assert page.get_by_text("<img src=x onerror=alert(1)>", exact=False).is_visible()
    assert page.title().startswith('<script>alert("piège")</script>')
    shot(page, "7-hostile-article")
    page.goto(server.url + "/?q=internaute")
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert page.locator(".hit-title").first.inner_text() == row["title"]
    assert page.locator(".snippet img").count() == 0
    assert "<img src=x" in page.locator(".snippet").first.inner_text()
    shot(page, "8-hostile-search")


def test_article_details_toggle_and_pages(server, page, db):
    # The boilerplate toggle is closed until clicked (when the cleaner removed anything).
    row = db.execute("SELECT id, record FROM articles WHERE json_array_length(record, '$.boilerplate') > 0"
                     " LIMIT 1").fetchone()
    if row is not None:
        page.goto(f"{server.url}/articles/{row['id']}")
        details = page.locator("details.boilerplate")
        assert details.get_attribute("open") is None
        details.locator("summary").click()
        assert details.locator("li").first.is_visible()
    for path, heading in [("/entites", "Entités"), ("/evenements", "Événements"), ("/aide", "Suivi de l’aide"),
                          ("/recits", "Récits"), ("/citations", "Citations")]:
        page.goto(server.url + path)
        assert page.locator("h1").inner_text() == heading
    shot(page, "9-citations")


def test_api_docs_try_it(server, page):
    """/docs works offline: rendered here from the OpenAPI schema, its forms call the API."""
    import json

    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(server.url + "/docs")
    assert page.locator("section.api-op").count() >= 10
    form = page.locator('form.try[action="/api/articles"]')
    form.locator("input[name=q]").fill("Chisinau")
    form.locator("button").click()
    page.wait_for_url("**/api/articles?q=Chisinau")  # empty fields left out, defaults apply
    body = json.loads(page.locator("body").inner_text())
    assert body["total"] >= 1 and body["limit"] == 20
    assert all(u.startswith(server.url) for u in requested), requested


@pytest.fixture(scope="module")
def seeds_server(tmp_path_factory, pipeline, browser):
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not there")
    db = build_db(pipeline, tmp_path_factory.mktemp("seeds") / "seeds.db", [SEEDS])
    with LiveServer(db, pipeline) as s:
        s.db = db
        yield s


def test_seeds_three_clicks_to_who_said_what(seeds_server, page):
    """What did Stoltenberg say about Romania, and who reported it? Search, article, person."""
    conn = sqlite3.connect(seeds_server.db)
    said = conn.execute("SELECT q.speaker, a.site, a.id FROM quotes q JOIN articles a ON a.id = q.article_id"
                        " WHERE q.speaker LIKE '%Stoltenberg%' AND (q.text LIKE '%Roumanie%'"
                        " OR a.body LIKE '%Roumanie%')").fetchall()
    conn.close()
    if not said:
        pytest.skip("no quote is attributed to Stoltenberg in the seeds' store yet (quotes stage)")
    page.goto(seeds_server.url + "/")
    page.fill("input[name=q]", "Roumanie")
    page.press("input[name=q]", "Enter")  # click 1: search
    page.wait_for_url("**/?q=*")
    by_id = {aid: (speaker, site) for speaker, site, aid in said}
    hits = [h for h in page.locator("a.hit-title").all() if h.get_attribute("href").rsplit("/", 1)[1] in by_id]
    assert hits, "an article where Stoltenberg speaks is found by searching Roumanie"
    aid = hits[0].get_attribute("href").rsplit("/", 1)[1]
    speaker, site = by_id[aid]
    hits[0].click()  # click 2: the article
    page.wait_for_url("**/articles/*")
    page.locator("#quotes a.speaker", has_text=speaker).first.click()  # click 3: the person
    page.wait_for_url("**/entites/*")
    assert page.locator("h1").inner_text().startswith(speaker)
    reported = page.locator(f'#quotes blockquote:has(a[href="/articles/{aid}"])')
    assert reported.count() >= 1  # what they said in that article ...
    assert (site or "site inconnu") in reported.first.locator("footer").inner_text()  # ... and who reported it
    shot(page, "10-seeds-stoltenberg")
