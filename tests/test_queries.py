"""The one read layer (``veille.queries``): the CLI and the web ask it the same questions and get
the same answers. The store is filled with hand-made records of invented articles and people
(no spaCy needed), through the real ``Store``."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from conftest import new_db
from veille import queries
from veille.cli import cli
from veille.model import Article, Event, Quantity, Quote, Source
from veille.store import Store
from veille.web import create_app

SRC = Path(__file__).resolve().parents[1] / "src" / "veille"


def _article(n: int, published: str, paragraphs: list[str], **fields) -> Article:
    return Article(id=f"test{n:012d}", source=Source(path=f"invented-{n}.txt", site=f"site{n}.example"),
                   title=f"Article inventé numéro {n}", published=published, language="fr",
                   paragraphs=paragraphs, **fields)


ARTICLES = [
    _article(1, "2024-05-02", ["La maire de Porvic a inauguré la médiathèque.", "Les travaux ont duré deux ans."],
             quotes=[Quote(text="Cette médiathèque appartient à tous", speaker="Hélène Marchetti",
                           speaker_text="Hélène Marchetti", cue="a déclaré"),
                     Quote(text="le budget a été tenu", speaker=None, kind="indirect",
                           speaker_text="un conseiller d'Hélène Marchetti"),
                     Quote(text="Nous attendions ce lieu depuis longtemps", speaker="Bruno Léchaudé",
                           speaker_text="Bruno Léchaudé")]),
    _article(2, "2024-06-11", ["La Lorvanie a livré des véhicules à la Bérénie.", "Le convoi est arrivé lundi."],
             events=[Event(type="AID", source="Lorvanie", target="Bérénie", trigger="livré", text="livré",
                           quantities=[Quantity(text="40 VAB", value=40, unit="VAB"),
                                       Quantity(text="5 millions de dollars de Hong Kong", value=5_000_000,
                                                unit="HKD")]),
                     Event(type="ACCUSE", source="Ministère de l'Écologie", target="Bérénie",
                           trigger="accusé", text="accusé")]),
    _article(3, "2024-07-20", ["Le port de Quelmer a rouvert ses quais.", "Les pêcheurs sont satisfaits."],
             quotes=[Quote(text="Les emplois reviendront", speaker="Marc Helenovitch",
                           speaker_text="Marc Helenovitch")],
             events=[Event(type="AID", source="Bérénie", target="Quelmer", trigger="versé", text="versé",
                           quantities=[Quantity(text="2 millions d'euros", value=2_000_000, unit="EUR")])]),
]


# Every question is asked of the same records in a SQLite file and in a PostgreSQL database.
@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store_path(tmp_path_factory, request) -> Path | str:
    path = new_db(request.param, tmp_path_factory.mktemp("queries"), "q.db")
    with Store(path) as store:
        for article in ARTICLES:
            assert store.add(article)
    return path


@pytest.fixture(scope="module")
def client(store_path):
    with TestClient(create_app(store_path)) as c:
        yield c


def _cli_json(store_path: Path, *args: str) -> list[dict]:
    res = CliRunner().invoke(cli, [*args, "--db", str(store_path), "--json"])
    assert res.exit_code == 0, res.output
    return [json.loads(line) for line in res.output.splitlines() if line.startswith("{")]


def _keys(rows: list[dict]) -> list[tuple[str, int]]:
    return [(r["article_id"], r["idx"]) for r in rows]


# -- the same filter on both sides ------------------------------------------------------------------


@pytest.mark.parametrize("speaker", ["helene", "HÉLÈNE marchetti", "Marchetti", "léchaud", "helenovitch"])
def test_speaker_filter_is_the_same_on_cli_and_api(store_path, client, speaker):
    cli_rows = _cli_json(store_path, "quotes", "--speaker", speaker)
    api = client.get("/api/quotes", params={"speaker": speaker}).json()
    assert cli_rows and _keys(cli_rows) == _keys(api["items"]) and api["total"] == len(cli_rows)


def test_speaker_filter_is_a_folded_substring_of_name_or_speaker_text(store_path):
    with Store(store_path) as store:
        found = queries.list_quotes(store.conn, speaker="HÉLEN")["items"]
    # The named speaker, the unnamed source whose words name her, and a name containing "helen".
    assert {(q["speaker"], q["speaker_text"]) for q in found} == {
        ("Hélène Marchetti", "Hélène Marchetti"), (None, "un conseiller d'Hélène Marchetti"),
        ("Marc Helenovitch", "Marc Helenovitch")}
    with Store(store_path) as store:
        assert queries.list_quotes(store.conn, speaker="personne")["items"] == []


def test_quote_words_ignore_case_and_accents_on_both_sides(store_path, client):
    cli_rows = _cli_json(store_path, "quotes", "--query", "MEDIATHEQUE")
    api = client.get("/api/quotes", params={"q": "MEDIATHEQUE"}).json()
    assert len(cli_rows) == 1 and _keys(cli_rows) == _keys(api["items"])


@pytest.mark.parametrize("actor", ["berenie", "ÉCOLOGIE", "lorvan"])
def test_actor_filter_is_the_same_on_cli_and_api(store_path, client, actor):
    cli_rows = _cli_json(store_path, "events", "--actor", actor)
    api = client.get("/api/events", params={"actor": actor}).json()
    assert cli_rows and _keys(cli_rows) == _keys(api["items"]) and api["total"] == len(cli_rows)


def test_actor_filter_matches_source_or_target_without_accents(store_path):
    with Store(store_path) as store:
        rows = queries.list_events(store.conn, actor="berenie")["items"]
    assert sorted((r["type"], r["source"], r["target"]) for r in rows) == [
        ("ACCUSE", "Ministère de l'Écologie", "Bérénie"), ("AID", "Bérénie", "Quelmer"),
        ("AID", "Lorvanie", "Bérénie")]


def test_event_type_is_the_same_in_any_case(store_path, client):
    assert client.get("/api/events", params={"type": "aid"}).json()["total"] == 2
    assert len(_cli_json(store_path, "events", "--type", "aid")) == 2


# -- aid money: one decision, from lexicons/currencies.tsv ------------------------------------------


def test_money_is_a_currency_code_of_the_lexicon():
    from veille.common import lexicon

    codes = {cols[1] for cols in lexicon.rows("currencies.tsv", min_columns=2)}
    assert queries.currency_codes() == codes
    assert queries.is_money({"unit": "HKD"}) and queries.is_money({"unit": "EUR"})
    assert not queries.is_money({"unit": "VAB"}) and not queries.is_money({"unit": None})


def test_aid_money_is_the_same_on_cli_and_web(store_path, client):
    from veille.web import queries as web_queries

    with Store(store_path) as store:
        rows = {r["source"]: r for r in web_queries.aid_rows(store.conn)}
    assert [q["unit"] for q in rows["Lorvanie"]["money"]] == ["HKD"]
    assert [q["unit"] for q in rows["Lorvanie"]["counts"]] == ["VAB"]
    assert [q["unit"] for q in rows["Bérénie"]["money"]] == ["EUR"]
    res = CliRunner().invoke(cli, ["aid", "--db", str(store_path)])
    assert res.exit_code == 0, res.output
    header, *lines = res.output.splitlines()
    value_at = header.index("VALUE")
    line = next(ln for ln in lines if ln.startswith("Lorvanie"))
    assert line[value_at:].startswith("5 000 000 HKD") and "VAB" in line[:value_at]
    page = client.get("/aide").text
    assert re.search(r"<td class=\"num\">5[\s\u202f\xa0]000[\s\u202f\xa0]000 HKD<br>", page), page


def test_aid_donor_and_recipient_filters(store_path):
    with Store(store_path) as store:
        assert [r["source"] for r in queries.aid_rows(store.conn, donor="BERENIE")] == ["Bérénie"]
        assert [r["target"] for r in queries.aid_rows(store.conn, recipient="bérén")] == ["Bérénie"]
        assert [r["source"] for r in queries.aid_rows(store.conn, since="2024-07")] == ["Bérénie"]


# -- shared options ----------------------------------------------------------------------------------


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name, cmd in group.commands.items():
        out.append((prefix + name, cmd))
        if isinstance(cmd, click.Group):
            out += _commands(cmd, prefix + name + " ")
    return out


def test_db_option_is_declared_once():
    with_db = {name: p for name, cmd in _commands(cli) for p in cmd.params if p.name == "db"}
    assert {"search", "show", "stats", "export", "ingest", "quotes", "events", "aid", "entities", "entity",
            "stories", "story", "duplicates", "serve"} <= set(with_db)
    for name, param in with_db.items():
        assert (param.envvar, param.default) == ("VEILLE_DB", "veille.db"), name


def test_no_command_module_imports_the_cli():
    paths = sorted((SRC / "commands").glob("*.py"))
    assert len(paths) > 3
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert "veille.cli" not in imported, path.name


def test_db_from_the_environment(store_path):
    res = CliRunner().invoke(cli, ["quotes", "--speaker", "léchaudé", "--json"], env={"VEILLE_DB": str(store_path)})
    assert res.exit_code == 0, res.output
    assert [json.loads(line)["speaker"] for line in res.output.splitlines()] == ["Bruno Léchaudé"]


def test_read_commands_refuse_a_missing_database(tmp_path):
    for args in (["quotes"], ["events"], ["aid"], ["stories"], ["entities"]):
        res = CliRunner().invoke(cli, [*args, "--db", str(tmp_path / "absent.db")])
        assert res.exit_code != 0 and "no such database" in res.output, args
        assert not (tmp_path / "absent.db").exists()


# -- the web reads through the same layer -----------------------------------------------------------


def test_web_queries_is_the_query_layer():
    from veille.web import queries as web_queries

    assert web_queries.list_quotes is queries.list_quotes and web_queries.aid_rows is queries.aid_rows
    app_source = (SRC / "web" / "app.py").read_text(encoding="utf-8")
    # The app runs no SQL of its own: every page and endpoint asks the query layer.
    assert "from veille import queries" in app_source and "SELECT" not in app_source


def test_cli_search_and_stats_are_the_query_layers(store_path, client):
    res = CliRunner().invoke(cli, ["search", "médiathèque", "--db", str(store_path)])
    assert res.exit_code == 0 and ARTICLES[0].id in res.output and "[médiathèque]" in res.output
    with Store(store_path) as store:
        assert queries.overview(store.conn) == client.get("/api/stats").json()
        # veille stats and /api/stats count events the same way (one per happening).
        assert client.get("/api/stats").json()["events"] == queries.stats(store.conn)["events"]
        assert queries.stats(store.conn) == store.stats()
        assert {k: queries.stats(store.conn)[k] for k in ("articles", "quotes")} == {"articles": 3, "quotes": 4}


def test_stories_are_the_same_on_cli_and_api(store_path, client):
    cli_rows = _cli_json(store_path, "stories")
    api_rows = client.get("/api/stories").json()
    assert cli_rows and [r["id"] for r in cli_rows] == [r["id"] for r in api_rows]
    assert [r["n_articles"] for r in cli_rows] == [r["articles"] for r in api_rows]
    assert _cli_json(store_path, "stories", "--min-articles", "99") == []
    with Store(store_path) as store:
        recent = queries.list_stories(store.conn, since="2024-07")
        assert 0 < len(recent) < len(cli_rows) and all((s["last"] or "9999") >= "2024-07" for s in recent)
        story = queries.story_detail(store.conn, cli_rows[0]["id"])
    assert story["id"] == cli_rows[0]["id"] and story["n_articles"] == len(story["articles"])


def test_web_search_minus_word_excludes_it_as_the_cli_does():
    import sqlite3

    from veille.queries.articles import fts_query

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, body)")
    assert fts_query(conn, "otan -russie") == '"otan" NOT "russie"'
    assert fts_query(conn, "l'OTAN:") == '"OTAN:"'  # the elided article is no part of the word
