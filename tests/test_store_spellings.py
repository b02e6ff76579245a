"""Entity names by spelling, indexed (``veille.store_spellings``, schema version 2), on both
engines: a folded name, a surface form, another transliteration and a word's beginning are found
through the index; an older store is migrated without losing a row. People and towns are invented."""

from __future__ import annotations

import pytest

from conftest import new_db
from veille import queries
from veille.model import Article, Entity, Source
from veille.store import SCHEMA_VERSION, Store
from veille.store_engine import dialect


def _article(aid: str, *entities: Entity) -> Article:
    return Article(id=aid, source=Source(path=f"{aid}.txt", site="exemple.invalid"), title=f"Article {aid}",
                   published="2024-03-01", paragraphs=["Un texte inventé."], entities=list(entities))


def _fill(store: Store) -> None:
    store.add(_article("a1", Entity("Volodymyr Zavadskyy", "PER", ["Volodymyr Zavadskyy", "Zavadskyy"]),
                       Entity("Brăila-sur-Mer", "LOC", ["Brăila-sur-Mer"])))
    store.add(_article("a2", Entity("Volodymyr Zavadskyy", "PER", ["Zavadskyy"]),
                       Entity("Agence des rivières", "ORG", ["l'Agence des rivières", "ADR"])))
    store.add(_article("a3", Entity("Irène Kowalczyk", "PER", ["Irène Kowalczyk"])))


def test_names_are_found_by_spelling_through_the_index(tmp_path, engine) -> None:
    with Store(new_db(engine, tmp_path)) as store:
        _fill(store)
        conn = store.conn
        counts = {(r[0], r[1]): r[2] for r in conn.execute(
            "SELECT kind, spelling, count FROM entity_spellings WHERE name = ?", ("Volodymyr Zavadskyy",))}
        assert counts[("mention", "zavadskyy")] == 2 and counts[("mention", "volodymyr zavadskyy")] == 1
        assert counts[("word", "volodymyr")] == counts[("word", "zavadskyy")] == 2
        assert sum(1 for kind, _ in counts if kind == "sound") == 2
        assert conn.execute("SELECT name_key FROM entities WHERE name = ?", ("Brăila-sur-Mer",)).fetchone()[0] \
            == "braila-sur-mer"
        # case and accents
        assert queries.entity_detail(conn, "BRAILA-SUR-MER")["name"] == "Brăila-sur-Mer"
        # a surface form
        assert queries.entity_detail(conn, "adr")["name"] == "Agence des rivières"
        # another transliteration, and the beginning of a word
        assert queries.entity_detail(conn, "Zavadski")["name"] == "Volodymyr Zavadskyy"
        assert queries.find_corpus_entity(conn, "Volodimir Zavadsky")["name"] == "Volodymyr Zavadskyy"
        assert queries.find_corpus_entity(conn, "kowalcz")["name"] == "Irène Kowalczyk"
        assert queries.entity_detail(conn, "Zorglub") is None


def _make_older(conn, engine: str) -> None:
    """The store as schema version 1 left it: no name_key column, no spellings table."""
    conn.execute("DROP TABLE entity_spellings")
    conn.execute("DROP INDEX entities_name_key")
    conn.execute("ALTER TABLE entities DROP COLUMN name_key")
    conn.execute("DELETE FROM schema_version")
    conn.execute("INSERT INTO schema_version VALUES (1)")


def test_an_older_store_is_migrated_and_loses_nothing(tmp_path, engine) -> None:
    db = new_db(engine, tmp_path)
    with Store(db) as store:
        _fill(store)
        expected = {t: [tuple(r) for r in store.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()]
                    for t in ("articles", "quotes", "events")}
        entity_rows = [tuple(r) for r in store.conn.execute(
            "SELECT article_id, idx, name, type, kb_id, corpus_id, actor, mentions FROM entities ORDER BY 1, 2")]
        spellings = sorted(tuple(r) for r in store.conn.execute("SELECT kind, spelling, name, count FROM entity_spellings"))
        _make_older(store.conn, engine)
        assert dialect(store.conn) in ("sqlite", "postgresql")
    with Store(db) as store:
        conn = store.conn
        assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
        for table, rows in expected.items():
            assert [tuple(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()] == rows
        assert [tuple(r) for r in conn.execute(
            "SELECT article_id, idx, name, type, kb_id, corpus_id, actor, mentions FROM entities ORDER BY 1, 2")] \
            == entity_rows
        # the migration computes what ingest would have written
        assert sorted(tuple(r) for r in conn.execute("SELECT kind, spelling, name, count FROM entity_spellings")) == spellings
        assert conn.execute("SELECT count(*) FROM entities WHERE name_key IS NULL").fetchone()[0] == 0
        assert queries.entity_detail(conn, "braila-sur-mer")["name"] == "Brăila-sur-Mer"
        # and the store takes new articles as before
        store.add(_article("a4", Entity("Irène Kowalczyk", "PER", ["Kowalczyk"])))
        assert conn.execute("SELECT count FROM entity_spellings WHERE kind = 'word' AND spelling = 'kowalczyk'"
                            ).fetchone()[0] == 2


def test_a_store_whose_version_was_lost_is_migrated_again_without_doubling(tmp_path) -> None:
    db = str(tmp_path / "v.db")
    with Store(db) as store:
        _fill(store)
        before = sorted(tuple(r) for r in store.conn.execute("SELECT kind, spelling, name, count FROM entity_spellings"))
        store.conn.execute("DROP TABLE schema_version")
    with Store(db) as store:
        assert sorted(tuple(r) for r in store.conn.execute("SELECT kind, spelling, name, count FROM entity_spellings")) == before


@pytest.mark.parametrize("text", ["", "  ", "--"])
def test_a_name_without_letters_finds_nothing(tmp_path, text) -> None:
    with Store(tmp_path / "v.db") as store:
        _fill(store)
        assert queries.find_corpus_entity(store.conn, text) is None
