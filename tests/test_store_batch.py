"""veille.store_batch: ``Store.add_many`` stores a batch to a transaction, each article under its own
savepoint (one failing article is rolled back alone), and stores what was extracted before a Ctrl-C."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from veille.model import Article, Event, Quantity, Source
from veille.store import Store


def _art(n: int, **fields) -> Article:
    return Article(id=f"batch{n:011d}", source=Source(path=f"lot/{n}.txt", site="gazette.example"),
                   title=f"Brève inventée {n}", published="2025-02-0" + str(n % 9 + 1), language="fr",
                   paragraphs=[f"La mairie de Porvic annonce le chantier numéro {n} pour le printemps."], **fields)


def _ids(store: Store) -> list[str]:
    return sorted(r[0] for r in store.conn.execute("SELECT id FROM articles"))


def test_batches_store_each_once(tmp_path: Path) -> None:
    with Store(str(tmp_path / "v.db")) as store:
        results = [(a.id, ok) for a, ok in store.add_many([_art(1), _art(2), _art(3), _art(1)], batch=2)]
        assert results == [("batch00000000001", True), ("batch00000000002", True),
                           ("batch00000000003", True), ("batch00000000001", False)]
        assert _ids(store) == ["batch00000000001", "batch00000000002", "batch00000000003"]
        assert store.conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 3


def test_a_failing_article_is_rolled_back_alone(tmp_path: Path) -> None:
    # a quantity whose value JSON cannot write fails inside the article's own statements
    broken = _art(2, events=[Event(type="AID", source="Porvic", target="Quelmer",
                                   quantities=[Quantity(text="des vivres", value={"beaucoup"})])])
    with Store(str(tmp_path / "v.db")) as store:
        results = list(store.add_many([_art(1), broken, _art(3)], batch=8))
        assert [a.id for a, _ in results] == ["batch00000000001", "batch00000000002", "batch00000000003"]
        assert results[0][1] is True and results[2][1] is True
        assert isinstance(results[1][1], TypeError)
        assert _ids(store) == ["batch00000000001", "batch00000000003"]
        assert store.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 0


def test_ctrl_c_stores_what_was_extracted_before_it(tmp_path: Path) -> None:
    def extracted() -> Iterator[Article]:
        yield _art(1)
        yield _art(2)
        raise KeyboardInterrupt

    with Store(str(tmp_path / "v.db")) as store:
        seen = []
        with pytest.raises(KeyboardInterrupt):
            for article, ok in store.add_many(extracted(), batch=32):
                seen.append((article.id, ok))
        assert seen == [("batch00000000001", True), ("batch00000000002", True)]
        assert _ids(store) == ["batch00000000001", "batch00000000002"]
