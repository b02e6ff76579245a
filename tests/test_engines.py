"""The same corpus in a SQLite file and in a PostgreSQL database gives the same answers.

The bundled samples (and the seed pages of ../shared when present) go through the real pipeline
once; the records are stored in both engines, through the ingest hooks, and every question of
the query layer is asked of both. Full-text ranking differs by engine (FTS5's bm25, PostgreSQL's
ts_rank), so searches compare which articles match, not their order; PostgreSQL stems French
words where FTS5 does not, so for inflected words it finds more.
"""

from __future__ import annotations

import pytest

from conftest import SAMPLES, SEEDS, new_pg_database
from veille import queries
from veille.queries.facets import build_index
from veille.store import Store


@pytest.fixture(scope="module")
def both_stores(pipeline, tmp_path_factory):
    inputs = [str(SAMPLES / "articles")] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    articles = list(pipeline.extract(inputs))
    assert len(articles) >= 5
    stores = {"sqlite": Store(tmp_path_factory.mktemp("engines") / "v.db"), "postgresql": Store(new_pg_database())}
    for store in stores.values():
        for article in articles:
            assert store.add(article)
    yield stores
    for store in stores.values():
        store.close()


def _both(stores, question, *args, **kwargs):
    return [question(store.conn, *args, **kwargs) for store in stores.values()]


QUESTIONS = [
    ("stats", queries.stats, {}),
    ("entities", queries.list_entities, {"limit": 500}),
    ("corpus entities", queries.corpus_entities, {"limit": 500}),
    ("quotes", queries.list_quotes, {"limit": 500}),
    ("events", queries.list_events, {"limit": 500}),
    ("aid", queries.aid_rows, {}),
    ("stories", queries.list_stories, {}),
    ("duplicates", queries.duplicates, {}),
    ("timeline", queries.timeline, {}),
    ("articles", queries.list_articles, {"f": queries.ArticleFilters(), "limit": 100, "facets": True}),
]


@pytest.mark.parametrize("name,question,kwargs", QUESTIONS, ids=[q[0] for q in QUESTIONS])
def test_the_same_answer_on_both_engines(both_stores, name, question, kwargs):
    on_sqlite, on_postgres = _both(both_stores, question, **kwargs)
    assert on_sqlite == on_postgres


def test_a_record_comes_back_the_same(both_stores):
    sqlite_store, pg_store = both_stores.values()
    for article in sqlite_store.iter_articles():
        assert pg_store.get(article.id).to_dict() == article.to_dict()


@pytest.mark.parametrize("words", ["Varsovie", "otan", "aucunmotpareil"])
def test_search_matches_the_same_articles(both_stores, words):
    on_sqlite, on_postgres = _both(both_stores, queries.list_articles, queries.ArticleFilters(q=words), limit=100)
    assert {i["id"] for i in on_sqlite["items"]} == {i["id"] for i in on_postgres["items"]}
    assert on_sqlite["total"] == on_postgres["total"]
    for item in on_postgres["items"]:
        assert queries.HL_OPEN in item["snippet"]


@pytest.mark.parametrize("words", ["reseau electrique", "ministre", "attaque"])
def test_postgres_stemming_finds_at_least_what_sqlite_finds(both_stores, words):
    """PostgreSQL's French configuration stems ("ministre" finds "ministres"); FTS5 matches
    whole words only: every SQLite match is a PostgreSQL match, not the reverse."""
    on_sqlite, on_postgres = _both(both_stores, queries.list_articles, queries.ArticleFilters(q=words), limit=100)
    assert {i["id"] for i in on_sqlite["items"]} <= {i["id"] for i in on_postgres["items"]}
    assert on_postgres["total"] > 0


def test_the_facet_index_ranks_with_either_engine(both_stores):
    for store in both_stores.values():
        index = build_index(store.conn)
        with_index = queries.list_articles(store.conn, queries.ArticleFilters(q="Varsovie"), facets=True,
                                           index=index)
        plain = queries.list_articles(store.conn, queries.ArticleFilters(q="Varsovie"), facets=True)
        assert [i["id"] for i in with_index["items"]] == [i["id"] for i in plain["items"]]
        assert with_index["total"] == plain["total"] > 0
