"""The watch's parts on their own: URL keys, what a source lists, the polite client (against a
local server), alert delivery that fails. Invented sites and names; nothing leaves 127.0.0.1."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from veille.alerts import schema as alerts_schema
from veille.alerts.deliver import MAX_ATTEMPTS, AlertConfig, ConfigError, deliver_pending
from veille.alerts.query import AlertQuery
from veille.store import Store
from veille.watch.discover import SourceError, canonical_url, kind_of, list_articles
from veille.watch.fetch import Fetcher, FetchError, FetchSettings
from veille.watch.urls import every_text, parse_every, url_key
from watch_servers import Site, dead_port, sitemap


@pytest.mark.parametrize("a, b", [
    ("https://www.Exemple.fr/politique/article-1.html?utm_source=x&xtor=RSS-3#haut",
     "http://exemple.fr/politique/article-1.html"),
    ("https://exemple.fr:443/a/?b=2&a=1", "https://exemple.fr/a?a=1&b=2"),
    ("https://exemple.fr/rubrique/index.html", "https://exemple.fr/rubrique/"),
])
def test_same_article_same_key(a: str, b: str) -> None:
    assert url_key(a) == url_key(b)


def test_different_articles_different_keys() -> None:
    assert url_key("https://exemple.fr/a?id=1") != url_key("https://exemple.fr/a?id=2")
    assert url_key("https://exemple.fr:8080/a") != url_key("https://exemple.fr/a")


def test_intervals() -> None:
    assert [parse_every(t) for t in ("15m", "2h", "1d", "90s", "30")] == [900, 7200, 86400, 90, 1800]
    assert every_text(900) == "15m" and every_text(90) == "90s"
    for bad in ("", "0m", "soon", "5y"):
        with pytest.raises(ValueError):
            parse_every(bad)


def test_sitemap_index_news_sitemap_and_links() -> None:
    index = (b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             b"<sitemap><loc>https://exemple.fr/s1.xml</loc></sitemap></sitemapindex>")
    assert kind_of(index) == "index"
    assert list_articles(index, "https://exemple.fr/").items == [("https://exemple.fr/s1.xml", None)]
    news = list_articles(sitemap("https://exemple.fr", [("/a.html", "2024-05-14")]).encode(), "https://exemple.fr/s1.xml")
    assert (news.kind, news.items) == ("sitemap", [("https://exemple.fr/a.html", "2024-05-14")])
    with pytest.raises(SourceError, match="malformed sitemap"):
        list_articles(b'<?xml version="1.0"?><urlset><url><loc>x', "https://exemple.fr/s.xml")
    page = list_articles(b'<html><body><a href="/une/">u</a><a href="/monde/article-2.html#c">a</a>'
                         b'<a href="/monde/article-2.html">again</a><a href="mailto:x@y">m</a></body></html>',
                         "https://exemple.fr/monde/")
    assert page.items == [("https://exemple.fr/une/", None), ("https://exemple.fr/monde/article-2.html", None)]
    html = '<html><head><link href="/vrai.html" rel="canonical"></head></html>'
    assert canonical_url(html, "https://exemple.fr/copie.html?x=1") == "https://exemple.fr/vrai.html"
    assert canonical_url("<html></html>", "https://exemple.fr/") is None


def test_retries_conditional_get_and_one_request_per_host() -> None:
    with Site() as site:
        site.put("/robots.txt", "User-agent: *\nDisallow: /prive\n", "text/plain")
        site.put("/flux.xml", "<rss></rss>", "application/rss+xml")
        site.fail_first["/flux.xml"] = 2
        fetcher = Fetcher(FetchSettings(delay=0.2, timeout=2, retries=2, backoff=0.05))
        first = fetcher.get(site.url + "/flux.xml")
        assert first.status == 200 and site.fetched("/flux.xml") == 3
        assert fetcher.get(site.url + "/flux.xml", etag=first.etag).not_modified
        with pytest.raises(FetchError, match="robots"):
            fetcher.get(site.url + "/prive/page.html")
        with pytest.raises(FetchError, match="HTTP 404"):
            fetcher.get(site.url + "/absent.html")
        # the delay holds between two requests to the host, whatever the thread
        from concurrent.futures import ThreadPoolExecutor

        started = time.monotonic()
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(lambda _: fetcher.get(site.url + "/flux.xml"), range(4)))
        assert time.monotonic() - started >= 0.2 * 3
        assert max(site.max_in_flight.values()) == 1
        with pytest.raises(FetchError, match="cannot fetch"):
            Fetcher(FetchSettings(retries=0, timeout=1)).get(f"http://127.0.0.1:{dead_port()}/x")
        fetcher.close()


def test_failed_delivery_is_retried_then_given_up(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as store:
        from veille.model import Article

        alerts_schema.add_alert(store.conn, AlertQuery.parse("tramway"),
                                webhook=f"http://127.0.0.1:{dead_port()}/hook", email="x@test.invalid")
        art = Article(id="0123456789abcdef", title="Le tramway de Valbrune", paragraphs=["Le tramway arrive."])
        store.add(art)
        config = AlertConfig(smtp={"host": "127.0.0.1", "port": dead_port()})
        for _ in range(MAX_ATTEMPTS + 1):
            deliver_pending(store.conn, config)
        (match,) = alerts_schema.alert_matches(store.conn, 1)
        assert match["webhook_status"].startswith("failed: ") and match["email_status"].startswith("failed: ")
        assert store.conn.execute("SELECT attempts FROM alert_matches").fetchone()[0] == MAX_ATTEMPTS


def test_config_file_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "veille.toml"
    bad.write_text("[smtp\nhost=", encoding="utf-8")
    with pytest.raises(ConfigError, match=str(bad)):
        AlertConfig.load(bad)
    bad.write_text('[smtp]\nport = 25\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="needs a host"):
        AlertConfig.load(bad)
    good = tmp_path / "ok.toml"
    good.write_text('[smtp]\nhost = "127.0.0.1"\n[web]\nbase_url = "http://veille.test/"\n', encoding="utf-8")
    assert AlertConfig.load(good).base_url == "http://veille.test"
