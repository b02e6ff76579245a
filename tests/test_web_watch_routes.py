"""veille.web.watch_routes: alerts (API, form, page, Atom feed) and who gets a voice (API, page with
its SVG bars), through a real ``veille serve`` over an invented store."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import httpx
import pytest

from commands_support import build_store, veille_serve
from veille.web.watch_routes import share_bars_svg


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    db = str(build_store(tmp_path_factory.mktemp("watchweb") / "v.db"))
    with veille_serve(db) as url:
        yield url


def test_an_alert_made_by_the_form_is_listed_and_has_its_feed(base: str) -> None:
    res = httpx.post(base + "/alertes", data={"q": "bac", "site": "lecho-des-iles.example", "name": "Le bac"},
                     headers={"Origin": base}, timeout=20)
    assert res.status_code == 303
    where = res.headers["location"]
    assert where.startswith("/alertes/")
    alert_id = where.rsplit("/", 1)[1]
    listed = httpx.get(base + "/api/alerts", timeout=20).json()
    mine = next(a for a in listed if str(a["id"]) == alert_id)
    assert mine["name"] == "Le bac" and mine["search"]["site"] == "lecho-des-iles.example"
    page = httpx.get(base + where, timeout=20)
    assert page.status_code == 200 and "Le bac" in page.text
    feed = httpx.get(base + where + ".atom", timeout=20)
    assert feed.headers["content-type"].startswith("application/atom+xml")
    assert ET.fromstring(feed.content).tag == "{http://www.w3.org/2005/Atom}feed"
    assert httpx.get(base + "/alertes/99999", timeout=20).status_code == 404
    assert httpx.get(base + "/alertes/nope.atom", timeout=20).status_code == 404


def test_the_form_refuses_a_bad_channel_in_french(base: str) -> None:
    res = httpx.post(base + "/alertes", data={"q": "bac", "webhook": "ftp://exemple.example/x"},
                     headers={"Origin": base}, timeout=20)
    assert res.status_code == 422 and "Le webhook doit être une adresse http(s)." in res.text
    other = httpx.post(base + "/alertes", data={"q": "bac"}, headers={"Origin": "http://ailleurs.example"},
                       timeout=20)
    assert other.status_code == 403


def test_voices_api_and_page(base: str) -> None:
    data = httpx.get(base + "/api/voices", timeout=20).json()
    assert data["total"]["quote_total"] == 2 and data["unattributed"] == 1
    assert httpx.get(base + "/api/voices", params={"since": "mars"}, timeout=20).status_code == 422
    one = httpx.get(base + "/api/voices", params={"site": "site3.example"}, timeout=20).json()
    assert one["total"]["quote_total"] == 1
    page = httpx.get(base + "/voix", timeout=20)
    assert page.status_code == 200 and page.text.count('<rect class="share"') >= 2
    assert "Citations par genre et par média" in page.text


def test_share_bars_are_split_by_gender() -> None:
    rows = [{"site": "gazette-des-monts.example", "quotes": {"f": 3, "m": 1, "unknown": 0}}]
    svg = str(share_bars_svg(rows, "site", "quotes", "Parts"))
    root = ET.fromstring(svg)
    shares = [r for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.get("class") == "share"]
    assert [(r.get("data-gender"), r.get("data-count")) for r in shares] == [("f", "3"), ("m", "1")]
    assert float(shares[0].get("width")) == pytest.approx(3 * float(shares[1].get("width")))
    assert str(share_bars_svg([], "site", "quotes", "Parts")) == ""
