"""``veille ingest`` run again: the articles the store holds are read and go through the text
stages (their years still count for the run's year-less datelines) but are not parsed, and the
store counts them as already there. Invented articles (those of ``test_parallel_years``)."""

from __future__ import annotations

from pathlib import Path

from test_parallel_years import _dated, write_input, years_pipeline
from veille import parallel
from veille.model import Article
from veille.pipeline import Stored
from veille.store import Store
from veille.store_ingest import Ingest


def _run(corpus: str, workers: int, stored: frozenset[str] = frozenset()) -> list:
    return list(parallel.extract([corpus], workers, pipeline_factory=years_pipeline, stored=stored))


def test_stored_articles_are_not_parsed_and_still_date_the_year_less_ones(tmp_path: Path) -> None:
    corpus = str(write_input(tmp_path / "c"))
    first = _run(corpus, 1)
    assert all(isinstance(a, Article) for a in first)
    dated_2016 = frozenset(a.id for a in first if a.published == "2016-03-02")
    assert len(dated_2016) > 10
    for workers in (1, 2):
        again = _run(corpus, workers, dated_2016)
        assert [getattr(item, "article", item).id for item in again] == [a.id for a in first]
        skipped = [item.article for item in again if isinstance(item, Stored)]
        assert {a.id for a in skipped} == dated_2016
        assert all("seen_date" not in a.hints for a in skipped)  # no doc stage ran on them
        parsed = [item for item in again if not isinstance(item, Stored)]
        # The year-less dispatches still take the year the stored 2016 articles give the input.
        yearless = [a for a in parsed if a.source.path.endswith(".txt")]
        assert yearless and all(a.published.startswith("2016") and a.hints["seen_date"] == a.published
                                for a in yearless)


def test_ingest_counts_a_stored_article_as_already_there_without_writing_it(tmp_path: Path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    _dated(folder, "k01", "2021-05-04", 1)
    _dated(folder, "k02", "2021-05-04", 2)
    first, second = _run(str(folder), 1)
    with Store(str(tmp_path / "v.db")) as store:
        ingesting = Ingest(store)
        # k02 comes as the extraction hands an article the store held: it is not written.
        ingesting.add_all([first, Stored(second)])
        assert [a.id for a in ingesting.added] == [first.id]
        assert [a.id for a in ingesting.skipped] == [second.id]
        assert store.has(first.id) and not store.has(second.id)
        assert store.ids() == frozenset({first.id})
