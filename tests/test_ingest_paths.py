"""Every way of adding articles stores them through one path and sends the alerts they match
(``veille.store_ingest``): the Python API, ``veille ingest``, ``veille watch``, the web's upload
form and the HTTP API, each against a real local SMTP server. Articles and people are invented."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from veille.alerts import schema as alerts_schema
from veille.alerts.query import AlertQuery
from veille.cli import cli
from veille.readers import ReadError
from veille.readers.formats import read_bytes
from veille.store import Store
from veille.store_ingest import AlertsSent, Ingest
from veille.watch import schema as watch_schema
from veille.watch.fetch import FetchSettings
from veille.watch.rounds import Watcher
from veille.web import create_app
from watch_servers import Mailbox, Site, article_html, rss

TO = "redaction@test.invalid"


def _text(n: int, town: str = "Valbrune") -> bytes:
    return (f"Le funiculaire de {town}, épisode {n}\n\nLe funiculaire de {town} rouvrira le {n} juin après "
            f"des travaux, a annoncé la maire, Odile Ferrandon, devant le conseil municipal.\n").encode()


@pytest.fixture
def setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)  # no veille.toml of the developer's
    monkeypatch.delenv("VEILLE_CONFIG", raising=False)
    db = tmp_path / "v.db"
    with Store(db) as store:
        alerts_schema.add_alert(store.conn, AlertQuery.parse("funiculaire"), email=TO)
    with Mailbox() as mail:
        config = tmp_path / "veille.toml"
        config.write_text(f'[smtp]\nhost = "127.0.0.1"\nport = {mail.port}\nfrom = "veille@test.invalid"\n')
        yield db, config, mail


def _subjects(mail: Mailbox) -> list[str]:
    return [m["Subject"] for m in mail.messages]


def test_every_way_in_stores_and_mails_the_alert(setting, pipeline, tmp_path: Path) -> None:
    db, config, mail = setting

    # 1. The Python API.
    errors: list[ReadError] = []
    with Store(db) as store:
        ingest = Ingest(store, on_error=errors.append, config=config)
        ingest.add_all(pipeline.process(read_bytes(_text(1), "un.txt", path="un.txt")))
        sent = ingest.send_alerts()
        assert isinstance(sent, AlertsSent) and (sent.email, sent.failed) == (1, 0), sent
        assert ingest.summary() == "1 added, 0 already stored, 0 failed" and not errors
        # Nothing new: nothing sent again.
        again = Ingest(store, config=config).add_all(pipeline.process(read_bytes(_text(1), "un.txt", path="un.txt")))
        assert again.summary() == "0 added, 1 already stored, 0 failed" and again.send_alerts() is None
    assert len(mail.messages) == 1

    # 2. The command line.
    folder = tmp_path / "arrivees"
    folder.mkdir()
    (folder / "deux.txt").write_bytes(_text(2))
    res = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db), "--workers", "1", "--config", str(config)])
    assert res.exit_code == 0 and "alerts: 1 mail(s), 0 webhook(s), 0 failed" in res.stderr, res.stderr
    assert len(mail.messages) == 2

    # 3. and 4. The web's upload form and the HTTP API.
    with TestClient(create_app(db, pipeline_factory=lambda: pipeline, alert_config=config)) as client:
        page = client.post("/importer", files=[("files", ("trois.txt", _text(3), "text/plain"))])
        assert page.status_code == 200 and "1 courriel(s)" in page.text
        res = client.post("/api/ingest", files=[("files", ("quatre.txt", _text(4), "text/plain")),
                                                ("files", ("vide.txt", b"", "text/plain"))]).json()
        assert [a["file"] for a in res["added"]] == ["quatre.txt"]
        assert res["alerts"] == {"email": 1, "webhook": 0, "failed": 0, "waiting": 0, "error": None,
                                 "error_fr": None}
        assert [f["file"] for f in res["failed"]] == ["vide.txt"]
    assert len(mail.messages) == 4

    # 5. The watch.
    with Site() as site, Store(db) as store:
        site.put("/5.html", article_html("Le funiculaire de Valbrune, épisode 5", "2024-06-05", "Odile Ferrandon",
                                         "maire de Valbrune", "Le funiculaire rouvrira en juin"))
        site.put("/rss.xml", rss(site.url, [("/5.html", "Cinq", "Wed, 05 Jun 2024 08:00:00 GMT")]),
                 "application/rss+xml")
        watch_schema.add_source(store.conn, f"{site.url}/rss.xml", None, 900)
        from veille.alerts.deliver import AlertConfig

        watcher = Watcher(store, lambda: pipeline, FetchSettings(delay=0.02, timeout=2, retries=0),
                          workers=2, alert_config=AlertConfig.load(config))
        assert watcher.run_round(every=True).new == 1
        sent = watcher.send_alerts()
        assert sent is not None and sent.email == 1
        assert store.conn.execute("SELECT count(*) FROM failures WHERE origin = 'vide.txt'").fetchone()[0] == 1
    assert len(mail.messages) == 5
    assert sorted(s.rsplit(" ", 1)[-1] for s in _subjects(mail)) == ["1", "2", "3", "4", "5"]
    assert {m["To"] for m in mail.messages} == {TO}


def test_an_upload_without_smtp_settings_keeps_the_match_for_later(tmp_path: Path, pipeline, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VEILLE_CONFIG", raising=False)
    db = tmp_path / "v.db"
    with Store(db) as store:
        alerts_schema.add_alert(store.conn, AlertQuery.parse("funiculaire"), email=TO)
    with TestClient(create_app(db, pipeline_factory=lambda: pipeline)) as client:
        res = client.post("/api/ingest", files=[("files", ("un.txt", _text(1, "Brenouville"), "text/plain"))]).json()
    assert res["alerts"]["waiting"] == 1 and res["alerts"]["email"] == 0
    with Mailbox() as mail:
        config = tmp_path / "veille.toml"
        config.write_text(f'[smtp]\nhost = "127.0.0.1"\nport = {mail.port}\n')
        res = CliRunner().invoke(cli, ["alerts", "send", "--db", str(db), "--config", str(config)])
        assert res.exit_code == 0 and len(mail.messages) == 1, res.output
