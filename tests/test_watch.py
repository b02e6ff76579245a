"""``veille watch`` end to end against real local servers: a news site whose feed and sitemap
change between rounds, a dead port, a slow handler, a malformed feed, a webhook receiver and an
SMTP server. No request leaves 127.0.0.1."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from veille.alerts import schema as alerts_schema
from veille.alerts.atom import alert_feed
from veille.alerts.deliver import AlertConfig, deliver_pending
from veille.alerts.query import AlertQuery
from veille.store import Store
from veille.watch import schema
from veille.watch.fetch import FetchSettings
from veille.watch.rounds import Watcher
from watch_servers import Mailbox, Site, Webhook, article_html, dead_port, rss, sitemap

FAST = FetchSettings(delay=0.02, timeout=1.5, retries=1, backoff=0.05)
MAY = "Tue, 14 May 2024 08:00:00 GMT"
MAY_LATER = "Tue, 14 May 2024 18:00:00 GMT"


def _page(n: int, speaker: str = "Claire Vautrin", extra: str = "") -> str:
    return article_html(f"Valbrune : annonce numéro {n} sur le tramway", "2024-05-14", speaker,
                        "ministre des transports", f"Nous tiendrons l'engagement numéro {n} pour la vallée",
                        extra)


def _watcher(store: Store, pipeline, errors: list[str]) -> Watcher:
    return Watcher(store, lambda: pipeline, FAST, workers=4, on_error=errors.append)


def _stored_ids(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT id FROM articles")]


def test_three_sources_three_rounds_with_a_restart(pipeline, tmp_path: Path) -> None:
    db = tmp_path / "watch.db"
    with Site() as site, Webhook() as hook, Mailbox() as mail:
        base = site.url
        site.put("/robots.txt", "User-agent: *\nDisallow: /prive/\n", "text/plain")
        site.put("/a/1.html", _page(1))
        site.put("/a/2.html", _page(2, "Paul Berthier"))
        site.put("/a/rss.xml", rss(base, [("/a/1.html", "Un", MAY), ("/a/2.html", "Deux", MAY),
                                          ("/prive/x.html", "Interdit", MAY)]), "application/rss+xml")
        site.put("/b/3.html", _page(3, "Sophie Marlin"))
        site.put("/b/sitemap.xml", sitemap(base, [("/b/3.html", "2024-05-14"),
                                                  ("/a/2.html?utm_source=plan", "2024-05-14")]), "application/xml")
        config = AlertConfig(smtp={"host": "127.0.0.1", "port": mail.port, "from": "veille@test.invalid"},
                             base_url="http://veille.test")
        errors: list[str] = []

        with Store(db) as store:
            for url in (f"{base}/a/rss.xml", f"{base}/b/sitemap.xml", f"http://127.0.0.1:{dead_port()}/rss"):
                schema.add_source(store.conn, url, None, 900)
            alert_id = alerts_schema.add_alert(store.conn, AlertQuery.parse("speaker:vautrin"),
                                               webhook=hook.url, email="redaction@test.invalid")
            first = _watcher(store, pipeline, errors).run_round(every=True)
            deliver_pending(store.conn, config)
            assert (first.new, first.polled, first.failing) == (3, 3, 1)
            # the page listed twice (the feed and, with a tracking parameter, the sitemap) is fetched once
            assert site.fetched("/a/2.html") == 1
            assert site.fetched("/prive/x.html") == 0  # robots.txt

            # round 2: a new article in the feed, the first one updated
            site.put("/a/4.html", _page(4))
            site.put("/a/1.html", _page(1, extra="Le calendrier des travaux a été précisé dans la soirée."))
            site.put("/a/rss.xml", rss(base, [("/a/1.html", "Un", MAY_LATER), ("/a/2.html", "Deux", MAY),
                                              ("/a/4.html", "Quatre", MAY)]), "application/rss+xml")
            second = _watcher(store, pipeline, errors).run_round(every=True)
            assert (second.new, second.versions) == (1, 1)

        # restart: a new store object and watcher, the state read back from the database
        with Store(db) as store:
            deliver_pending(store.conn, config)
            third = _watcher(store, pipeline, errors).run_round(every=True)
            deliver_pending(store.conn, config)
            assert (third.new, third.versions, third.not_modified) == (0, 0, 2)

            ids = _stored_ids(store)
            assert len(ids) == len(set(ids)) == 5  # 4 pages, one of them in two versions
            second_version = store.conn.execute("SELECT article_id FROM watch_versions WHERE version = 2").fetchone()
            versions = schema.versions_of(store.conn, second_version[0])
            assert [v["version"] for v in versions] == [1, 2]
            assert versions[0]["url"] == versions[1]["url"]
            sources = {s["url"].rsplit("/", 1)[-1]: s for s in schema.list_sources(store.conn)}
            assert sources["rss"]["failures"] == 3 and "cannot fetch" in sources["rss"]["last_error"]
            assert sources["rss.xml"]["failures"] == sources["sitemap.xml"]["failures"] == 0
            # the page both list is credited to whichever source fetched it first
            assert sources["rss.xml"]["articles"] + sources["sitemap.xml"]["articles"] == 4
            assert sources["sitemap.xml"]["articles"] >= 1 and sources["rss.xml"]["last_success"]

            matches = alerts_schema.alert_matches(store.conn, alert_id)
            matched = sorted(m["article_id"] for m in matches)
            assert len(matched) == 3  # /a/1 (both versions) and /a/4; none by the other speakers
            assert sorted(p["article"]["id"] for p in hook.received) == matched
            assert sorted(m["Subject"] for m in mail.messages) == sorted(
                f"[Veille] {alerts_schema.get_alert(store.conn, alert_id)['name']} : {m['title']}" for m in matches)
            feed = alert_feed(alerts_schema.get_alert(store.conn, alert_id), matches, "http://veille.test")
            assert sum(feed.count(f"/articles/{i}</id>") for i in matched) == 3
            assert all(m["webhook_status"] == "sent" and m["email_status"] == "sent" for m in matches)
        assert [e for e in errors if f"127.0.0.1:{site.port}" in e] == [
            f"{base}/prive/x.html: forbidden by robots.txt"]


def test_slow_and_malformed_sources_fail_alone(pipeline, tmp_path: Path) -> None:
    with Site() as site, Store(tmp_path / "w.db") as store:
        site.slow_seconds = 3.0
        site.slow.add("/lent.xml")
        site.put("/lent.xml", rss(site.url, [("/p.html", "P", MAY)]))
        site.put("/casse.xml", '<?xml version="1.0"?><rss><channel><item><title>sans fin', "application/rss+xml")
        site.put("/liste.html", f'<html><body><a href="{site.url}/p.html">p</a><a href="/tag/x">t</a>'
                                '<a href="/style.css">c</a><a href="https://ailleurs.invalid/z">z</a></body></html>')
        site.put("/p.html", _page(7))
        for path in ("/lent.xml", "/casse.xml", "/liste.html"):
            schema.add_source(store.conn, site.url + path, None, 60)
        errors: list[str] = []
        started = time.monotonic()
        report = Watcher(store, lambda: pipeline, FetchSettings(delay=0.01, timeout=1.0, retries=0),
                         on_error=errors.append).run_round()
        assert time.monotonic() - started < 2.9  # the slow source was cut off, not waited for
        assert (report.polled, report.failing, report.new) == (3, 2, 1)
        by_path = {s["url"].rsplit("/", 1)[-1]: s for s in schema.list_sources(store.conn)}
        assert "too slow" in by_path["lent.xml"]["last_error"]
        assert by_path["casse.xml"]["last_error"].startswith("malformed feed")
        assert by_path["liste.html"]["kind"] == "page" and by_path["liste.html"]["articles"] == 1
        assert site.fetched("/tag/x") == 0 and site.fetched("/style.css") == 0
        assert all("\n" not in e for e in errors) and len(errors) == 2
        # a failing source waits before its next try; the healthy one waits its interval
        assert by_path["lent.xml"]["next_poll"] > by_path["lent.xml"]["last_polled"]
        assert schema.due_sources(store.conn, schema.now()) == []


def test_redirect_and_canonical_lead_to_one_fetch(pipeline, tmp_path: Path) -> None:
    with Site() as site, Store(tmp_path / "r.db") as store:
        canonical = f'<link rel="canonical" href="{site.url}/vrai.html">'
        site.put("/vrai.html", _page(9).replace("<head>", "<head>" + canonical))
        site.put("/copie.html", _page(9).replace("<head>", "<head>" + canonical))
        site.redirects["/ancien.html"] = "/vrai.html"
        site.put("/flux.xml", rss(site.url, [("/vrai.html", "V", MAY), ("/ancien.html", "A", MAY),
                                             ("/copie.html", "C", MAY)]))
        schema.add_source(store.conn, site.url + "/flux.xml", None, 60)
        report = Watcher(store, lambda: pipeline, FAST, workers=1).run_round()
        assert report.new == 1 and report.errors == 0
        assert len(_stored_ids(store)) == 1
        # the next round knows every URL that led to it: none of the three pages is asked for again
        fetched = [site.fetched(p) for p in ("/vrai.html", "/ancien.html", "/copie.html")]
        Watcher(store, lambda: pipeline, FAST, workers=1).run_round(every=True)
        assert [site.fetched(p) for p in ("/vrai.html", "/ancien.html", "/copie.html")] == fetched


def test_alert_query_round_trip_and_refusals() -> None:
    q = AlertQuery.parse('otan roumanie entity:"Jean Dupont" type:aid from:2024-01 speaker:lenoir')
    assert (q.q, q.entity, q.event_type, q.date_from, q.speaker) == ("otan roumanie", "Jean Dupont", "AID",
                                                                     "2024-01", "lenoir")
    assert AlertQuery.parse(q.text()) == q
    with pytest.raises(ValueError, match="empty"):
        AlertQuery.parse("   ")
    with pytest.raises(ValueError, match="ISO date"):
        AlertQuery.parse("x from:hier")
