"""Who gets a voice, the alert pages and the watch's commands, over a store filled by the real
pipeline from invented articles (tests/data/web)."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from conftest import build_db
from veille.alerts.query import AlertQuery
from veille.cli import cli
from veille.queries.voices import speaker_gender, voices
from veille.store import Store
from veille.web import create_app
from watch_servers import dead_port

DATA = Path(__file__).parent / "data" / "web"


@pytest.fixture(scope="module")
def web_db(tmp_path_factory, pipeline) -> Path:
    return build_db(pipeline, tmp_path_factory.mktemp("watchweb") / "web.db", [DATA])


@pytest.fixture(scope="module")
def client(web_db, pipeline):
    with TestClient(create_app(web_db, pipeline_factory=lambda: pipeline)) as c:
        yield c


def test_gender_comes_from_data_only() -> None:
    assert speaker_gender("Zorvan Quillet", None, "PER") == ("unknown", "none")
    assert speaker_gender("Hélène Castagnet", None, "PER") == ("f", "given name")
    assert speaker_gender("Julien Castagnet", None, None) == ("m", "given name")
    assert speaker_gender("Conseil régional", None, "ORG")[0] == "organisation"


def test_voices_add_up(db) -> None:
    data = voices(db)
    named = db.execute("SELECT count(*) FROM quotes WHERE speaker IS NOT NULL").fetchone()[0]
    unnamed = db.execute("SELECT count(*) FROM quotes WHERE speaker IS NULL").fetchone()[0]
    assert named and data["unattributed"] == unnamed
    assert data["total"]["quote_total"] + data["organisations"] == named
    assert sum(r["quote_total"] for r in data["by_site"]) == data["total"]["quote_total"]
    assert sum(r["quote_total"] for r in data["by_month"]) == data["total"]["quote_total"]
    assert sum(p["quotes"] for p in data["pairs"]) == data["total"]["quote_total"]
    distinct = {p["speaker"] for p in data["pairs"]}
    assert data["total"]["people_total"] == len(distinct)
    top = data["top"][0]
    assert top["quotes"] == max(p["quotes"] for p in data["top"])


def test_voices_page_and_api(client, db) -> None:
    res = client.get("/voix")
    assert res.status_code == 200
    assert res.text.count('<rect class="share"') >= 1
    api = client.get("/api/voices").json()
    assert api["total"] == voices(db)["total"]
    for row in api["by_site"]:
        assert f"<td>{row['site']}</td>" in res.text


def test_alert_created_from_a_search_fires_on_upload(client, db) -> None:
    form = client.get("/alertes", params={"q": "tramway", "site": ""})
    assert 'name="q" value="tramway"' in form.text
    res = client.post("/alertes", data={"q": "tramway", "name": "Tramway"}, follow_redirects=False)
    assert res.status_code == 303
    alert_url = res.headers["location"]
    assert client.get(alert_url).text.count("/articles/") == 0
    upload = ("tram.txt", "Valbrune, 3 juin 2024\n\nLe tramway de Valbrune ouvrira en septembre, a indiqué "
                          "Hélène Castagnet, présidente de la communauté urbaine.\n".encode())
    assert client.post("/api/ingest", files=[("files", upload)]).json()["added"]
    page = client.get(alert_url).text
    assert page.count('href="/articles/') == 1
    feed = feedparser.parse(client.get(alert_url + ".atom").content)
    assert len(feed.entries) == 1 and "/articles/" in feed.entries[0].link
    # once per article: the same text again adds nothing and fires nothing
    client.post("/api/ingest", files=[("files", upload)])
    assert len(feedparser.parse(client.get(alert_url + ".atom").content).entries) == 1
    assert client.post("/alertes", data={"q": ""}).status_code == 422
    assert client.post("/alertes", data={"q": "x"}, headers={"Origin": "https://evil.example"}).status_code == 403
    assert client.get("/alertes/999.atom").status_code == 404


def test_commands(web_db, tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "cli.db")
    dead = f"http://127.0.0.1:{dead_port()}/flux.xml"
    out = runner.invoke(cli, ["sources", "add", dead, "--name", "Mort", "--every", "2h", "--db", db])
    assert out.exit_code == 0, out.output
    assert runner.invoke(cli, ["sources", "add", "ftp://x", "--db", db]).exit_code == 2
    assert runner.invoke(cli, ["sources", "add", dead, "--every", "bientôt", "--db", db]).exit_code == 2
    out = runner.invoke(cli, ["alerts", "add", "tramway speaker:castagnet", "--email", "a@b.invalid", "--db", db])
    assert out.exit_code == 0 and "alert 1:" in out.output
    out = runner.invoke(cli, ["watch", "--once", "--timeout", "1", "--retries", "0", "--db", db])
    assert out.exit_code == 1, out.output  # the only source failed: cron must see it
    assert "round 1: 1 source(s) polled, 1 failing" in out.output
    errors = [line for line in out.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and errors[-1] == "error: all 1 source(s) failed, nothing was read"
    listing = runner.invoke(cli, ["sources", "--db", db]).output
    assert "Mort" in listing and "FAILING ×1" in listing and "every 2h" in listing
    assert "0 match(es)" in runner.invoke(cli, ["alerts", "list", "--db", db]).output
    sent = runner.invoke(cli, ["alerts", "send", "--db", db])
    assert sent.exit_code == 0 and "0 mail(s) sent" in sent.output
    assert runner.invoke(cli, ["sources", "remove", "1", "--db", db]).exit_code == 0
    assert runner.invoke(cli, ["sources", "remove", "1", "--db", db]).exit_code == 1
    missing = runner.invoke(cli, ["watch", "--once", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no such database" in missing.output
    voices_out = runner.invoke(cli, ["voices", "--json", "--db", str(web_db)])
    assert json.loads(voices_out.output)["total"]["quote_total"] > 0
    table = runner.invoke(cli, ["voices", "--by", "month", "--db", str(web_db)]).output
    assert "TOTAL" in table


def test_alert_matching_filters(db, web_db) -> None:
    with Store(web_db) as store:
        some_speaker = db.execute("SELECT speaker, article_id FROM quotes WHERE speaker IS NOT NULL").fetchone()
        hits = AlertQuery.parse(f'speaker:"{some_speaker[0]}"').matching(store.conn)
        assert some_speaker[1] in hits
        assert AlertQuery.parse("speaker:zzzqqq").matching(store.conn) == []
