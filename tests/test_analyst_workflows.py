"""An analyst's workflows end to end, on the CLI, the HTTP API and the web UI: who said what between
two dates, who did what to whom, aid amounts by donor, exports reopened, names in any spelling,
French elision in a search, and a page too big to be an article refused before it is cleaned.

The store is filled with hand-made records (no language model): every person, town and sentence
here is invented.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from veille.cli import cli
from veille.model import Article, Entity, Event, Quantity, Quote, Source
from veille.readers import Budget, ReadError
from veille.readers.formats import read_bytes

PERSON = "Mykola Zavadsky"  # invented; the pages write him "Zavadsky", others "Zavadskyy"


def _article(aid: str, published: str, title: str, paragraphs: list[str], **fields) -> Article:
    return Article(id=aid, source=Source(path=f"{aid}.txt", site=f"{aid}.example"), title=title,
                   published=published, paragraphs=paragraphs, language="fr", **fields)


def _records() -> list[Article]:
    zav = Entity(name=PERSON, type="PER", mentions=[PERSON, "Zavadsky"])
    ua = Entity(name="Ukraine", type="LOC", mentions=["l'Ukraine"])
    town = Entity(name="Kievka", type="LOC", mentions=["Kievka"])
    aid_eu = Event(type="AID", source="Brévonie", target="Ukraine", date="2023-02-10", mode="fact",
                   text="La Brévonie a versé 30 millions d'euros à l'Ukraine.",
                   quantities=[Quantity(text="30 millions d'euros", value=30_000_000, unit="EUR")])
    pledge = Event(type="AID", source="Brévonie", target="Ukraine", date="2023-03-01", mode="intent",
                   text="La Brévonie promet 5 millions d'euros à l'Ukraine.",
                   quantities=[Quantity(text="5 millions d'euros", value=5_000_000, unit="EUR")])
    return [
        _article("a1", "2023-02-10", "La Brévonie aide l'Ukraine",
                 ["Le ministre Mykola Zavadsky a salué l'aide versée à l'Ukraine depuis Kievka."],
                 entities=[zav, ua, town],
                 quotes=[Quote(text="=SOMME(A1:A9) est une aide précieuse", speaker=PERSON, kind="direct",
                               cue="a salué")],
                 events=[aid_eu]),
        # The same amount reported again by another outlet: counted once in the totals.
        _article("a2", "2023-02-11", "Trente millions pour l'Ukraine",
                 ["Zavadsky remercie la Brévonie pour les trente millions."],
                 entities=[zav, ua],
                 quotes=[Quote(text="nous tiendrons l'hiver", speaker=PERSON, kind="direct", cue="a déclaré")],
                 events=[aid_eu, pledge]),
        _article("a3", "2024-05-02", "Un marché aux fleurs à Brévonville",
                 ["La guerre des prix fait rage au marché aux fleurs de Brévonville."],
                 quotes=[Quote(text="les tulipes partent vite", speaker=PERSON, kind="direct", cue="sourit")],
                 events=[Event(type="ACCUSE", source="Brévonville", text="Brévonville accuse les grossistes.")]),
    ]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    from veille.store import Store

    path = str(tmp_path_factory.mktemp("analyst") / "v.db")
    with Store(path) as store:
        for article in _records():
            store.add(article)
    return path


def run(*args: str) -> str:
    res = CliRunner().invoke(cli, list(args))
    assert res.exit_code == 0, res.output
    return res.stdout


# -- command line ---------------------------------------------------------------------------------


def test_quotes_of_a_person_in_any_spelling_between_two_dates_as_csv(db):
    out = run("quotes", "--db", db, "--speaker", "Zavadskyy", "--since", "2023-01", "--until", "2023-02", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert sorted(r["article_id"] for r in rows) == ["a1", "a2"]  # 2024's quote is after --until
    assert {r["speaker"] for r in rows} == {PERSON}
    # A quote starting like a spreadsheet formula is quoted, never run.
    assert any(r["text"].startswith("'=SOMME") for r in rows)
    # An export cut by --limit says so.
    res = CliRunner().invoke(cli, ["quotes", "--db", db, "--csv", "--limit", "1"])
    assert len(res.stdout.splitlines()) == 2 and "only the first 1 shown (--limit)" in res.stderr


def test_until_keeps_its_whole_month_and_a_mistyped_until_is_refused(db):
    out = run("quotes", "--db", db, "--speaker", "zavadski", "--until", "2023-02", "--json")
    assert len(out.splitlines()) == 2
    res = CliRunner().invoke(cli, ["quotes", "--db", db, "--until", "2023-13"])
    assert res.exit_code == 2 and "is not a date" in res.output


def test_events_about_a_country_between_two_dates(db):
    out = run("events", "--db", db, "--actor", "ukraine", "--since", "2023-02-01", "--until", "2023-02-28",
              "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["source"], r["target"], r["date"]) for r in rows] == [("Brévonie", "Ukraine", "2023-02-10")] * 2
    assert rows[0]["quantities"] == "30 millions d'euros"
    assert "versé" in run("events", "--db", db, "--query", "versé")
    assert "promet" not in run("events", "--db", db, "--query", "versé")


def test_aid_totals_count_a_repeated_amount_once_and_promises_apart(db):
    out = run("aid", "--db", db, "--totals", "--csv")
    rows = {r["mode"]: r for r in csv.DictReader(io.StringIO(out))}
    assert float(rows["fact"]["amount"]) == 30_000_000  # reported by two articles, given once
    assert (rows["fact"]["events"], rows["fact"]["articles"]) == ("1", "2")
    assert float(rows["intent"]["amount"]) == 5_000_000
    table = run("aid", "--db", db, "--totals")
    assert "30 000 000" in table and "intent" in table
    flat = list(csv.DictReader(io.StringIO(run("aid", "--db", db, "--csv", "--donor", "brevonie"))))
    assert {r["amount"] for r in flat} == {"30000000", "5000000"} and {r["currency"] for r in flat} == {"EUR"}


def test_search_reads_elision_and_other_spellings_of_a_name(db):
    def ids(query: str) -> list[str]:
        return sorted(line.split()[0] for line in run("search", "--db", db, query).splitlines()
                      if not line.startswith(" "))

    assert ids("l'Ukraine") == ids("Ukraine") == ["a1", "a2"]
    assert ids("d’Ukraine") == ["a1", "a2"]
    assert ids("Zavadskyy") == ["a1", "a2"]  # the pages write "Zavadsky"
    assert ids("zavadski") == ["a1", "a2"]  # lower case, written nowhere: widened too
    assert ids("Kyivka") == ["a1"]  # the page writes "Kievka"
    assert ids("guerre") == ["a3"]  # a common word is never widened


def test_entity_found_by_another_spelling(db):
    assert run("entity", "--db", db, "Zavadskyy").startswith(PERSON)


def test_a_story_places_an_undated_event_on_its_article_date(db):
    out = run("story", "--db", db, "S-a3")
    assert "2024-05-02* ACCUSE" in out and "????" not in out
    assert "* the article's date: the text gives the event none" in out


def test_timeline_of_a_story_with_the_entity_typed_any_way(db):
    assert run("timeline", "--db", db, "--entity", "ukraine", "--granularity", "month").splitlines() == ["2023-02     AID 2", "2023-03     AID 1"]
    rows = list(csv.DictReader(io.StringIO(run("timeline", "--db", db, "--by", "entity", "--entity", "Zavadskyy",
                                                "--granularity", "month", "--csv"))))
    assert [(r["period"], r["key"], r["count"]) for r in rows] == [("2023-02", PERSON, "2")]


def test_python_api_search_reads_the_words_as_the_cli(db):
    from veille.store import Store

    with Store(db) as store:
        assert sorted(r["id"] for r in store.search("l'Ukraine")) == ["a1", "a2"]


def test_the_same_answers_on_sqlite_and_postgresql(engine, tmp_path):
    from conftest import new_db
    from veille.store import Store

    db = new_db(engine, tmp_path)
    with Store(db) as store:
        for article in _records():
            store.add(article)

    def ids(query: str) -> list[str]:
        return sorted(line.split()[0] for line in run("search", "--db", db, query).splitlines()
                      if not line.startswith(" "))

    assert ids("l'Ukraine") == ["a1", "a2"] and ids("Zavadskyy") == ["a1", "a2"] and ids("Kyivka") == ["a1"]
    # "every row" (--limit 0, the totals) was LIMIT -1, which PostgreSQL refuses
    assert len(run("aid", "--db", db, "--limit", "0", "--csv").splitlines()) == 4
    assert "30 000 000" in run("aid", "--db", db, "--totals")
    assert len(run("quotes", "--db", db, "--limit", "0", "--until", "2023", "--json").splitlines()) == 2
    assert len(run("events", "--db", db, "--limit", "0", "--actor", "Ukraine", "--csv").splitlines()) == 4


# -- HTTP API and pages -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client(db):
    from fastapi.testclient import TestClient

    from veille.web import create_app

    return TestClient(create_app(db))


def test_api_quotes_until_and_csv_download_reopens(client):
    data = client.get("/api/quotes", params={"speaker": "Zavadski", "until": "2023-02"}).json()
    assert data["total"] == 2
    res = client.get("/api/quotes.csv", params={"speaker": "Zavadski", "until": "2023-02"})
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/csv")
    assert 'filename="citations.csv"' in res.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(res.content.decode("utf-8-sig"))))
    assert sorted(r["article_id"] for r in rows) == ["a1", "a2"]
    assert client.get("/api/quotes", params={"until": "demain"}).status_code == 422


def test_api_aid_totals_and_events_between_dates(client):
    data = client.get("/api/aid", params={"donor": "brevonie"}).json()
    assert data["total"] == 3
    assert [(t["mode"], t["amount"]) for t in data["totals"]] == [("fact", 30_000_000), ("intent", 5_000_000)]
    events = client.get("/api/events", params={"actor": "Ukraine", "until": "2023-02"}).json()
    assert events["total"] == 2 and {e["mode"] for e in events["items"]} == {"fact"}  # the March pledge is out
    totals = client.get("/api/aid.csv", params={"totals": "true"}).content.decode("utf-8-sig")
    assert totals.splitlines()[0] == "donor,recipient,currency,mode,amount,events,articles"


def test_pages_take_until_and_link_their_csv(client):
    html = client.get("/citations", params={"speaker": "Zavadskyy", "until": "2023-02-10"}).text
    assert "1 citation" in html and "/api/quotes.csv?speaker=Zavadskyy&amp;until=2023-02-10" in html
    assert "Montants par donateur" in client.get("/aide").text
    assert client.get("/entites/Zavadskyy").status_code == 200
    chart = client.get("/api/timeline", params={"by": "entity", "entity": "zavadski"}).json()
    assert chart["keys"] == [PERSON]


@pytest.mark.browser
def test_the_aid_page_in_a_browser_shows_totals_and_downloads_them(db, browser, tmp_path):
    from test_web_browser import LiveServer

    with LiveServer(Path(db), None) as server:
        context = browser.new_context(accept_downloads=True, locale="fr-FR")
        page = context.new_page()
        page.goto(f"{server.url}/aide")
        page.fill("input[name=donor]", "Brevonie")
        page.click("form.filters button[type=submit]")
        page.wait_for_url("**/aide?*donor=Brevonie*")
        assert "30" in page.inner_text("table.aid-totals")
        with page.expect_download() as info:
            page.click("text=Télécharger les montants (CSV)")
        saved = tmp_path / "aide.csv"
        info.value.save_as(saved)
        rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
        assert [r["mode"] for r in rows] == ["fact", "intent"]
        context.close()


# -- a folder watched from cron: the alert's mail goes with the ingest -----------------------------------


def test_ingesting_a_folder_mails_the_alert_a_new_article_matches(nlp, tmp_path, monkeypatch):
    from watch_servers import Mailbox

    monkeypatch.chdir(tmp_path)  # no veille.toml of the developer's
    monkeypatch.delenv("VEILLE_CONFIG", raising=False)
    inbox, db = tmp_path / "inbox", str(tmp_path / "v.db")
    inbox.mkdir()
    (inbox / "1.txt").write_text("Le marché de Valbrune rouvre\n\nLe marché couvert de Valbrune rouvre samedi "
                                 "après six mois de travaux, a annoncé la mairie.\n", encoding="utf-8")
    run("ingest", str(inbox), "--db", db, "--workers", "1")
    run("alerts", "add", 'entity:"Octave Perrichon"', "--email", "redaction@test.invalid", "--db", db)
    (inbox / "2.txt").write_text("Octave Perrichon présente son budget\n\nLe maire de Valbrune, Octave Perrichon, "
                                 "a présenté lundi un budget en hausse pour les écoles.\n", encoding="utf-8")
    # Without [smtp] settings the match waits, and the line says why.
    res = CliRunner().invoke(cli, ["ingest", str(inbox), "--db", db, "--workers", "1"])
    assert res.exit_code == 0 and "1 match(es) not sent: no [smtp] settings" in res.stderr
    with Mailbox() as mail:
        config = tmp_path / "veille.toml"
        config.write_text(f'[smtp]\nhost = "127.0.0.1"\nport = {mail.port}\nfrom = "veille@test.invalid"\n')
        (inbox / "3.txt").write_text("Une fontaine pour Valbrune\n\nOctave Perrichon, maire de Valbrune, a "
                                     "inauguré mardi une fontaine sur la place.\n", encoding="utf-8")
        res = CliRunner().invoke(cli, ["ingest", str(inbox), "--db", db, "--workers", "1", "--config", str(config)])
        assert res.exit_code == 0 and "alerts: 2 mail(s)" in res.stderr, res.stderr
        assert len(mail.messages) == 2 and {m["To"] for m in mail.messages} == {"redaction@test.invalid"}
        # Nothing new: no mail sent twice.
        res = CliRunner().invoke(cli, ["ingest", str(inbox), "--db", db, "--workers", "1", "--config", str(config)])
        assert "alerts:" not in res.stderr and len(mail.messages) == 2


# -- a page too big to be an article -----------------------------------------------------------------


def _page(body: str) -> bytes:
    return (f"<html><head><title>Le foirail de Brenouville</title></head><body><article><h1>Le foirail</h1>"
            f"{body}</article></body></html>").encode()


def test_a_page_with_too_much_text_is_refused_before_cleaning_with_one_line():
    chatter = "<p>" + "Un commentaire inventé sur le foirail de Brenouville. " * 30 + "</p>"
    (err,) = read_bytes(_page(chatter * 40), "gros.html", path="gros.html", budget=Budget(max_chars=10_000))
    assert isinstance(err, ReadError)
    assert err.reason.startswith("too much text for one article: ") and "5 times" in err.reason
    # Markup, scripts and pictures do not count: only the text a reader sees.
    script = "<script>var d='" + "x" * 200_000 + "';</script><p>Le foirail ouvre samedi.</p>"
    (doc,) = read_bytes(_page(script), "lourd.html", path="lourd.html", budget=Budget(max_chars=10_000))
    assert not isinstance(doc, ReadError)


def test_extract_refuses_a_huge_text_page_in_one_line(tmp_path, nlp):
    big = tmp_path / "fil.html"
    big.write_bytes(_page("<p>" + "Un avis inventé sur la foire de Brenouville, sans fin. " * 100_000 + "</p>"))
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(cli, ["extract", str(big), "--output", str(out), "--workers", "1"])
    assert res.exit_code == 1
    (line,) = [x for x in res.stderr.splitlines() if x.startswith("error: ")]
    assert line.startswith(f"error: {big}: too much text for one article: ")
    assert json.loads(out.read_text() or "null") is None
