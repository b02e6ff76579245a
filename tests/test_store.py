"""The store, on both engines (SQLite file, PostgreSQL database): idempotent adds, full-text search,
child tables, atomic writes, schema version."""

from __future__ import annotations

import sqlite3

import pytest

from conftest import new_db
from veille import store as store_module
from veille.model import Article, Entity, Event, Quantity, Quote, Source, TimeExpr
from veille.store import SCHEMA_VERSION, Store


def make_article(aid: str, title: str, body: str) -> Article:
    return Article(
        id=aid, source=Source(path=f"{aid}.txt", site="exemple.invalid"), title=title, published="2023-03-14",
        paragraphs=[body], entities=[Entity("OTAN", "ORG", ["l'OTAN"])],
        quotes=[Quote("Nous tiendrons", speaker="Ilse Vandenberghe", cue="a déclaré")],
        times=[TimeExpr("mardi", "2023-03-14")], quantities=[Quantity("40 000 obus", 40000, "obus")],
        events=[Event("AID", source="Pologne", target="Ukraine", quantities=[Quantity("40 000 obus", 40000, "obus")])],
    )


def test_add_is_idempotent_and_searchable(tmp_path, engine):
    db = new_db(engine, tmp_path)
    with Store(db) as s:
        assert s.add(make_article("a1", "Réunion à Varsovie", "Les ministres parlent de munitions."))
        assert not s.add(make_article("a1", "Réunion à Varsovie", "Les ministres parlent de munitions."))
        assert s.add(make_article("a2", "Cyberattaque", "Une attaque contre le réseau électrique."))
        assert s.stats()["articles"] == 2
        hits = s.search("munitions")
        assert [h["id"] for h in hits] == ["a1"]
        assert "[munitions]" in hits[0]["snippet"]
        # accents are folded by the tokenizer: "reseau" finds "réseau"
        assert [h["id"] for h in s.search("reseau")] == ["a2"]
        # broken FTS syntax falls back to plain words instead of failing
        assert [h["id"] for h in s.search('"munitions')] == ["a1"]
    with Store(db) as s:  # reopened: the data is on disk
        back = s.get("a1")
        assert back.title == "Réunion à Varsovie"
        assert back.events[0].quantities[0].value == 40000
        assert s.get("a") is None  # ambiguous prefix
        assert s.get("a2").id == "a2"
        assert s.conn.execute("SELECT speaker FROM quotes").fetchone()[0] == "Ilse Vandenberghe"


def test_failed_hook_rolls_back_only_that_article(tmp_path, monkeypatch, engine):
    db = new_db(engine, tmp_path)
    with Store(db) as s:
        s.add(make_article("ok", "Premier", "Texte stocké avant l'échec."))

    def failing_hook(store, article):
        if article.id == "bad":
            raise RuntimeError("disk full (simulated)")

    import types

    module = types.ModuleType("veille_test_failing_hook")
    module.hook = failing_hook
    monkeypatch.setitem(__import__("sys").modules, "veille_test_failing_hook", module)
    monkeypatch.setattr(store_module, "INGEST_HOOKS", [*store_module.INGEST_HOOKS, "veille_test_failing_hook:hook"])
    with Store(db) as s:
        with pytest.raises(RuntimeError):
            s.add(make_article("bad", "Second", "Ne doit pas rester à moitié écrit."))
        assert s.stats()["articles"] == 1
        assert s.conn.execute("SELECT count(*) FROM quotes WHERE article_id = 'bad'").fetchone()[0] == 0
        assert s.search("moitié") == []
        assert s.get("ok").title == "Premier"


def _with_failing_hook(monkeypatch, failing_id: str, sql: bool = False) -> None:
    """A corpus-wide hook (an extension point of the store) that fails on one article: raising,
    or (``sql``) sending a statement the database refuses, whose error PostgreSQL's pipeline mode
    reports only later."""
    import types

    def failing_hook(store, article):
        if article.id == failing_id and sql:
            store.conn.execute("INSERT INTO no_such_table VALUES (1)")
        elif article.id == failing_id:
            raise RuntimeError("disk full (simulated)")

    module = types.ModuleType("veille_test_failing_hook")
    module.hook = failing_hook
    monkeypatch.setitem(__import__("sys").modules, "veille_test_failing_hook", module)
    monkeypatch.setattr(store_module, "INGEST_HOOKS", [*store_module.INGEST_HOOKS, "veille_test_failing_hook:hook"])


@pytest.mark.parametrize("sql", [False, True], ids=["raises", "bad-sql"])
def test_add_many_loses_only_the_failing_article_of_a_batch(tmp_path, monkeypatch, engine, sql):
    db = new_db(engine, tmp_path)
    _with_failing_hook(monkeypatch, "b2", sql=sql)
    batch = [make_article(f"b{i}", f"Dépêche {i}", f"Le maire Aurèle Quintard{i} inaugure le pont numéro {i}.")
             for i in range(5)]
    with Store(db) as s:
        s.add(batch[0])
        outcomes = {a.id: ok for a, ok in s.add_many(batch, batch=5)}
        assert outcomes["b0"] is False  # already there
        assert isinstance(outcomes["b2"], RuntimeError if not sql else sqlite3.Error)
        assert [outcomes[k] for k in ("b1", "b3", "b4")] == [True, True, True]
        assert s.stats()["articles"] == 4
        assert s.conn.execute("SELECT count(*) FROM quotes WHERE article_id = 'b2'").fetchone()[0] == 0
        assert s.search("Quintard2") == []
        assert [h["id"] for h in s.search("Quintard3")] == ["b3"]
    with Store(db) as s:  # committed
        assert s.get("b4").title == "Dépêche 4"


def test_add_many_stores_what_add_stores(tmp_path, engine):
    """The record of an article stored in a batch is the one ``add`` stores (corpus ids, story)."""
    arts = [make_article(f"r{i}", f"Conseil {i}", f"La ministre Ondine Ravaldi parle du budget {i}.")
            for i in range(3)]
    one, many = new_db(engine, tmp_path, "one.db"), new_db(engine, tmp_path, "many.db")
    with Store(one) as s:
        for a in arts:
            s.add(a)
        expected = [s.get(a.id).to_dict() for a in arts]
    arts = [make_article(f"r{i}", f"Conseil {i}", f"La ministre Ondine Ravaldi parle du budget {i}.")
            for i in range(3)]
    with Store(many) as s:
        assert [ok for _, ok in s.add_many(arts)] == [True, True, True]
        assert [s.get(a.id).to_dict() for a in arts] == expected
        assert expected[0]["entities"][0]["corpus_id"]


def test_failures_are_recorded(tmp_path, engine):
    with Store(new_db(engine, tmp_path)) as s:
        s.record_failure("x.bin", "binary content, not text")
        s.record_failure("x.bin", "binary content, not text")
        assert s.stats()["failures"] == 1
        row = s.conn.execute("SELECT origin, reason FROM failures").fetchone()
        assert tuple(row) == ("x.bin", "binary content, not text")


def test_schema_is_plain_sqlite(tmp_path):
    with Store(tmp_path / "v.db"):
        pass
    conn = sqlite3.connect(tmp_path / "v.db")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "entities", "quotes", "events", "times", "quantities", "failures"} <= tables


def test_schema_version_is_recorded_and_migrations_run_once(tmp_path, engine):
    db = new_db(engine, tmp_path)
    for _ in range(2):  # reopening runs no migration twice
        with Store(db) as s:
            assert [tuple(r) for r in s.conn.execute("SELECT version FROM schema_version")] == [(SCHEMA_VERSION,)]


def test_an_older_sqlite_store_is_migrated(tmp_path):
    path = tmp_path / "old.db"
    with Store(path):
        pass
    conn = sqlite3.connect(path)
    conn.executescript("DROP TABLE schema_version; DROP INDEX failures_origin_reason;"
                       " INSERT INTO failures (origin, reason, at) VALUES ('a', 'r', 't1'), ('a', 'r', 't2');")
    conn.close()
    with Store(path) as s:
        assert s.conn.execute("SELECT count(*) FROM failures").fetchone()[0] == 1
        assert s.conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION


def test_a_missing_postgres_store_is_refused_not_created(tmp_path):
    from conftest import new_pg_database
    from veille.store import StoreError

    url = new_pg_database()
    with pytest.raises(StoreError, match="no Veille store"):
        Store(url, create=False)
    with pytest.raises(StoreError, match="cannot connect"):
        Store(url + "_absent")


def test_a_postgres_search_over_the_cap_ranks_a_bounded_set_and_estimates_its_total(tmp_path, monkeypatch):
    from veille import queries
    from veille.queries import articles as articles_module

    db = new_db("postgresql", tmp_path)
    with Store(db) as s:
        for i in range(6):
            s.add(make_article(f"v{i}", f"Vaucresson, séance {i}", f"Le conseil de Vaucresson vote le budget {i}."))
        exact = queries.list_articles(s.conn, queries.ArticleFilters(q="Vaucresson"), limit=4)
        assert exact["total"] == 6 and "total_is_estimate" not in exact
        monkeypatch.setattr(articles_module, "PG_RANK_CAP", 3)
        capped = queries.list_articles(s.conn, queries.ArticleFilters(q="Vaucresson"), limit=4)
        assert capped["total_is_estimate"] is True and capped["total"] >= 4
        assert len(capped["items"]) == 4  # the cap's 3 + 1 matches ranked, the page filled
        assert all(queries.HL_OPEN in item["snippet"] for item in capped["items"])
        ranks = [item["rank"] for item in capped["items"]]
        assert ranks == sorted(ranks)
        assert queries.list_articles(s.conn, queries.ArticleFilters(q="Vaucresson"), limit=4,
                                     offset=10)["items"] == []
