"""Extraction on a Dask cluster (a LocalCluster of 2 worker processes): the serial articles in the
serial order, and a worker killed mid-partition loses nothing (Dask reschedules its partition).
The light pipeline and the invented corpus come from ``test_parallel``."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

import test_parallel
from test_parallel import light_pipeline, write_corpus
from test_parallel_years import write_input
from veille import distributed, parallel
from veille.store import Store

pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    import cloudpickle
    from distributed import Client, LocalCluster

    # The workers cannot import the tests folder: the test's pipelines travel by value.
    cloudpickle.register_pickle_by_value(test_parallel)
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      memory_limit="1.5GiB") as cluster, Client(cluster) as c:
        yield c


def dies_once(flag: str):
    """A light pipeline whose worker process is killed (SIGKILL) by the first partition that
    holds the marked article; the flag file says it happened."""
    inner = light_pipeline()

    class Dying:
        def extract(self, files, **kwargs):
            for f in files:
                if test_parallel.DIE_MARK in Path(f).read_text(encoding="utf-8") and not os.path.exists(flag):
                    Path(flag).write_text("killed", encoding="utf-8")
                    os.kill(os.getpid(), signal.SIGKILL)
            return inner.extract(files, **kwargs)
    return Dying()


class DiesOnce:
    def __init__(self, flag: str) -> None:
        self.flag = flag
        self.__qualname__ = f"DiesOnce-{flag}"

    def __call__(self):
        return dies_once(self.flag)


def test_the_cluster_gives_the_serial_articles_in_order(client, tmp_path):
    corpus = write_corpus(tmp_path / "c", 20, bad=1)
    serial = [a.to_dict() for a in parallel.extract([str(corpus)], 1, pipeline_factory=light_pipeline)]
    errors = []
    spread = [a.to_dict() for a in distributed.extract([str(corpus)], client, on_error=errors.append,
                                                        pipeline_factory=light_pipeline)]
    assert spread == serial and len(serial) == 20
    assert [Path(e.origin).name for e in errors] == ["binaire_0.txt"]


def test_the_cluster_dates_year_less_articles_as_one_process(client, tmp_path):
    """The held year-less articles are finished on the cluster against the whole input's years."""
    corpus = str(write_input(tmp_path / "c"))
    serial = [a.to_dict() for a in parallel.extract([corpus], 1, pipeline_factory=light_pipeline)]
    spread = [a.to_dict() for a in distributed.extract([corpus], client, pipeline_factory=light_pipeline)]
    assert spread == serial and len(serial) == 24
    assert {a["published"] for a in serial if a["source"]["path"].endswith(".txt")} == {"2016-04-06"}


def test_the_cluster_leaves_stored_articles_unparsed_and_dates_as_before(client, tmp_path):
    """``veille ingest --scheduler`` run again: the ids the store holds come back as ``Stored``,
    and the year-less articles still get the year those stored ones give the input."""
    from veille.pipeline import Stored

    corpus = str(write_input(tmp_path / "c"))
    serial = list(parallel.extract([corpus], 1, pipeline_factory=light_pipeline))
    stored = frozenset(a.id for a in serial if not a.source.path.endswith(".txt"))
    spread = list(distributed.extract([corpus], client, pipeline_factory=light_pipeline, stored=stored))
    assert {i.article.id for i in spread if isinstance(i, Stored)} == stored
    fresh = [i for i in spread if not isinstance(i, Stored)]
    assert fresh and {a.published for a in fresh} == {"2016-04-06"}


def test_a_worker_killed_mid_partition_loses_nothing(client, tmp_path):
    corpus = write_corpus(tmp_path / "c", 20, dying=True)
    flag = tmp_path / "killed"
    errors = []
    with Store(tmp_path / "v.db") as store:
        for article in distributed.extract([str(corpus)], client, on_error=errors.append,
                                           pipeline_factory=DiesOnce(str(flag))):
            store.add(article)
        assert flag.exists(), "a worker must have been killed"
        assert errors == []
        assert store.stats()["articles"] == 20
        # the same input again (at least once): stored once
        for article in distributed.extract([str(corpus)], client, pipeline_factory=light_pipeline):
            store.add(article)
        assert store.stats()["articles"] == 20
