"""The watch in a real browser (Playwright, Debian's Chromium): an alert created from a search
fires after the next ``veille watch`` round; the voices page charts the seeds' and samples'
speakers by gender and outlet. The news site is a local server started by the test."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from conftest import SAMPLES, SEEDS, build_db
from test_web_browser import LiveServer, shot
from veille.queries.voices import voices
from veille.store import Store
from veille.watch import schema
from veille.watch.fetch import FetchSettings
from veille.watch.rounds import Watcher
from watch_servers import Site, article_html, rss

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def watch_db(tmp_path_factory, pipeline) -> Path:
    inputs = [p for p in (SEEDS, SAMPLES / "articles") if p.is_dir()]
    if not inputs:
        pytest.skip("neither the seeds nor the samples are there")
    return build_db(pipeline, tmp_path_factory.mktemp("watchui") / "watch.db", inputs)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    yield pg
    context.close()


def test_alert_from_a_search_fires_after_a_round(watch_db, pipeline, browser, page) -> None:
    with LiveServer(watch_db, pipeline) as server, Site() as site:
        page.goto(server.url + "/?q=tramway")
        page.click("text=Créer une alerte pour cette recherche")
        page.wait_for_url("**/alertes?*")
        assert page.input_value("input[name=q]") == "tramway"
        page.fill("input[name=name]", "Tramway de Valbrune")
        page.click("button:has-text('Créer l’alerte')")
        page.wait_for_url("**/alertes/*")
        assert page.inner_text("#alert-count") == "0"

        site.put("/t.html", article_html("Valbrune : le tramway ouvrira en septembre", "2024-06-03",
                                         "Claire Vautrin", "présidente de la métropole",
                                         "Le tramway roulera avant la rentrée"))
        site.put("/rss.xml", rss(site.url, [("/t.html", "Tramway", "Mon, 03 Jun 2024 08:00:00 GMT")]))
        with Store(watch_db) as store:
            schema.add_source(store.conn, site.url + "/rss.xml", "Courrier de Valbrune", 900)
            report = Watcher(store, lambda: pipeline, FetchSettings(delay=0.01, timeout=5, retries=0)).run_round()
        assert report.new == 1

        page.reload()
        assert page.inner_text("#alert-count") == "1"
        page.click("table.alert-matches a")
        page.wait_for_url("**/articles/*")
        assert "tramway" in page.inner_text("h1").lower()
        shot(page, "watch-1-alert")


def test_voices_page_charts_speakers_by_gender_and_outlet(watch_db, pipeline, browser, page) -> None:
    conn = sqlite3.connect(watch_db)
    conn.row_factory = sqlite3.Row
    data = voices(conn)
    conn.close()
    assert data["by_site"], "the seeds and samples give quotes with named speakers"
    with LiveServer(watch_db, pipeline) as server:
        page.goto(server.url + "/")
        page.click("nav >> text=Voix")
        page.wait_for_url("**/voix")
        bars = page.locator("#chart-site-quotes svg rect.share")
        assert bars.count() == sum(1 for r in data["by_site"] for g in ("f", "m", "unknown") if r["quotes"][g])
        rows = page.locator("table.voices-sites tbody tr")
        assert [rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())] == [
            r["site"] for r in data["by_site"]]
        top = page.locator("table.voices-top tbody tr").first.locator("td").first.inner_text()
        assert top == data["top"][0]["speaker"]
        shot(page, "watch-2-voices")
