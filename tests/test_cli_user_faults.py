"""Three faults a first user meets: a watch round where every source failed exits 0, a mail alert
saved without any [smtp] settings says nothing, a story of articles without a site counts 0 sites.
Through the real CLI (click's runner), the real HTTP sources and the real web app; invented texts."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from veille.cli import cli
from veille.model import Article, Entity, Source
from veille.store import Store
from veille.web import create_app
from watch_servers import Site, dead_port, rss


@pytest.fixture
def no_config(tmp_path, monkeypatch):
    """No veille.toml of the developer's, no $VEILLE_CONFIG."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VEILLE_CONFIG", raising=False)
    return tmp_path


def test_watch_once_fails_when_every_source_failed(no_config) -> None:
    runner = CliRunner()
    db = str(no_config / "w.db")
    for name in ("un", "deux"):
        url = f"http://127.0.0.1:{dead_port()}/{name}.xml"
        assert runner.invoke(cli, ["sources", "add", url, "--db", db]).exit_code == 0
    out = runner.invoke(cli, ["watch", "--once", "--timeout", "1", "--retries", "0", "--db", db])
    assert out.exit_code == 1, out.output
    assert "round 1: 2 source(s) polled, 2 failing" in out.stderr
    assert "all 2 source(s) failed" in out.stderr
    assert "exit status 1 when every source" in runner.invoke(cli, ["watch", "--help"], terminal_width=200).output


def test_watch_once_succeeds_when_one_source_was_read(no_config) -> None:
    runner = CliRunner()
    db = str(no_config / "w.db")
    with Site() as site:
        # the feed is read; the page it lists is missing (a page error, not a source failure)
        site.put("/flux.xml", rss(site.url, [("/absente.html", "Absente", "Tue, 14 May 2024 08:00:00 +0200")]),
                 "application/rss+xml")
        assert runner.invoke(cli, ["sources", "add", site.url + "/flux.xml", "--db", db]).exit_code == 0
        dead = f"http://127.0.0.1:{dead_port()}/mort.xml"
        assert runner.invoke(cli, ["sources", "add", dead, "--db", db]).exit_code == 0
        out = runner.invoke(cli, ["watch", "--once", "--timeout", "1", "--retries", "0", "--db", db])
    assert out.exit_code == 0, out.output
    assert "2 source(s) polled, 1 failing" in out.stderr and "failed, nothing was read" not in out.stderr
    # no source left: nothing failed either
    for source in ("1", "2"):
        assert runner.invoke(cli, ["sources", "remove", source, "--db", db]).exit_code == 0
    empty = runner.invoke(cli, ["watch", "--once", "--db", db])
    assert empty.exit_code == 0 and "0 source(s) polled" in empty.stderr, empty.output


def test_mail_alert_without_smtp_warns_and_is_stored(no_config) -> None:
    runner = CliRunner()
    db = str(no_config / "a.db")
    out = runner.invoke(cli, ["alerts", "add", "piscine", "--email", "redac@test.invalid", "--db", db])
    assert out.exit_code == 0 and "alert 1:" in out.stdout
    warnings = [line for line in out.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "mails will not be sent until [smtp] is set" in warnings[0]
    assert "mail redac@test.invalid" in runner.invoke(cli, ["alerts", "list", "--db", db]).output
    # with [smtp] in veille.toml (found in the working directory, as `veille watch` finds it): no warning
    (no_config / "veille.toml").write_text('[smtp]\nhost = "127.0.0.1"\nport = 2525\n', encoding="utf-8")
    out = runner.invoke(cli, ["alerts", "add", "stade", "--email", "redac@test.invalid", "--db", db])
    assert out.exit_code == 0 and "warning" not in out.stderr
    # an explicit config file without [smtp]: warned; a feed-only alert: nothing to warn about
    bare = no_config / "bare.toml"
    bare.write_text('[web]\nbase_url = "http://veille.test"\n', encoding="utf-8")
    out = runner.invoke(cli, ["alerts", "add", "gare", "--email", "x@test.invalid", "--config", str(bare), "--db", db])
    assert out.exit_code == 0 and "mails will not be sent" in out.stderr
    out = runner.invoke(cli, ["alerts", "add", "gare", "--config", str(bare), "--db", db])
    assert out.exit_code == 0 and "warning" not in out.stderr
    assert "4 alert(s)" in runner.invoke(cli, ["alerts", "list", "--db", db]).stderr


# Invented reports of one happening: a ferry strike in an invented port town.
FERRY = [
    ("Grève des marins du bac de Port-Lirac",
     ["Les marins du bac de Port-Lirac ont cessé le travail lundi contre la suppression de deux rotations, "
      "a indiqué leur syndicat. « Les îliens vont rester à quai », a déclaré la déléguée Maëlle Ternier."]),
    ("Port-Lirac : deuxième jour de grève sur le bac",
     ["Au deuxième jour de la grève des marins du bac de Port-Lirac, la déléguée Maëlle Ternier a dit attendre "
      "des garanties sur les rotations avant toute reprise du travail."]),
    ("Fin de la grève du bac de Port-Lirac",
     ["Les marins du bac de Port-Lirac ont voté mercredi la reprise du travail après un accord sur les "
      "rotations, s'est félicitée Maëlle Ternier à la sortie de la réunion."]),
]
PEOPLE = [Entity("Port-Lirac", "LOC"), Entity("Maëlle Ternier", "PER")]


def _story_db(path: Path, sources: list[Source]) -> Path:
    with Store(path) as store:
        for n, ((title, paragraphs), source) in enumerate(zip(FERRY, sources, strict=True)):
            store.add(Article(id=f"bac{n}", title=title, paragraphs=list(paragraphs),
                              published=f"2024-03-{11 + n:02d}", source=source, entities=list(PEOPLE)))
    return path


def _sites_cell(html: str) -> str:
    row = html.split("<tbody>", 1)[1].split("</tr>", 1)[0]
    return row.split("<td>")[3].split("</td>")[0]


def test_stories_count_sites_by_url_host_when_no_site(tmp_path) -> None:
    db = _story_db(tmp_path / "s.db", [Source(url="https://www.gazette-lirac.example/bac-1"),
                                       Source(url="https://gazette-lirac.example/bac-2"),
                                       Source(url="https://radio-estuaire.example/info/bac")])
    with TestClient(create_app(db)) as client:
        stories = client.get("/api/stories").json()
        assert [(s["articles"], s["sites"]) for s in stories] == [(3, 2)]
        assert _sites_cell(client.get("/recits").text) == "2"


def test_stories_say_site_unknown_when_neither_site_nor_url(tmp_path) -> None:
    db = _story_db(tmp_path / "s.db", [Source(path="a.txt"), Source(path="b.txt"), Source(path="c.txt")])
    with TestClient(create_app(db)) as client:
        assert [s["sites"] for s in client.get("/api/stories").json()] == [0]
        assert "site inconnu" in _sites_cell(client.get("/recits").text)
