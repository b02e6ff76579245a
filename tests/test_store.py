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
