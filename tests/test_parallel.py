"""Extraction in worker processes: the same articles in the same order as one process, bad input
one error each, a dead worker's files redone, and an ingest killed with -9 resumed without loss
or double storage. The pipeline here is a light one (a blank French spaCy, the text stages) so
that worker processes start in a second; the invented articles name invented people."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import new_pg_database
from veille import parallel
from veille.store import Store

ROOT = Path(__file__).resolve().parents[1]
DIE_MARK = "Ce texte fait tomber le processus qui le lit."


def light_pipeline():
    """A pipeline without the statistical model (module level: worker processes import it)."""
    import spacy

    from veille.pipeline import Pipeline

    return Pipeline(nlp=spacy.blank("fr"), doc_stages=[],
                    text_stages=["veille.clean:CleanStage", "veille.metadata:MetadataStage"])


class _Dying:
    """A pipeline whose worker process dies (as under kill -9) on one input, not in the parent."""

    def __init__(self) -> None:
        self.inner = light_pipeline()

    def extract(self, files, **kwargs):
        for f in files:
            if multiprocessing.parent_process() is not None and DIE_MARK in Path(f).read_text(encoding="utf-8"):
                os.kill(os.getpid(), signal.SIGKILL)
        return self.inner.extract(files, **kwargs)


def dying_pipeline():
    return _Dying()


def write_corpus(folder: Path, n: int, bad: int = 0, dying: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = (f"Le conseil municipal de Vaubrecourt s'est réuni le {i % 28 + 1} mars 2024.\n\n"
                f"La conseillère Odile Fermantin-{i} a présenté le projet numéro {i} devant l'assemblée.\n\n"
                f"Le vote aura lieu la semaine prochaine, selon le secrétaire Basile Corvaud.")
        if dying and i == n // 2:
            body += "\n\n" + DIE_MARK
        (folder / f"article_{i:03d}.txt").write_text(f"Séance numéro {i} à Vaubrecourt\n\n{body}\n",
                                                    encoding="utf-8")
    for j in range(bad):
        (folder / f"binaire_{j}.txt").write_bytes(b"\x00\x01\x02" * 50)
    return folder


def test_workers_give_the_serial_articles_in_the_serial_order(tmp_path):
    corpus = write_corpus(tmp_path / "c", 24, bad=2)
    serial_errors, parallel_errors = [], []
    serial = [a.to_dict() for a in parallel.extract([str(corpus)], 1, on_error=serial_errors.append,
                                                     pipeline_factory=light_pipeline)]
    spread = [a.to_dict() for a in parallel.extract([str(corpus)], 2, on_error=parallel_errors.append,
                                                     pipeline_factory=light_pipeline)]
    assert len(serial) == 24
    assert spread == serial
    assert sorted(e.origin for e in parallel_errors) == sorted(e.origin for e in serial_errors)
    assert len(parallel_errors) == 2


def test_a_worker_killed_mid_chunk_loses_nothing(tmp_path):
    corpus = write_corpus(tmp_path / "c", 16, dying=True)
    errors = []
    ids = [a.id for a in parallel.extract([str(corpus)], 2, on_error=errors.append,
                                          pipeline_factory=dying_pipeline)]
    assert errors == []
    assert len(ids) == len(set(ids)) == 16


def _thread_env() -> dict:
    return {k: os.environ.get(k) for k in parallel.ONE_THREAD_ENV}


def test_workers_run_their_numeric_libraries_on_one_thread_and_the_parent_keeps_its_own(monkeypatch):
    monkeypatch.setenv("OMP_NUM_THREADS", "7")
    with parallel.Workers(2, light_pipeline) as pool:
        pool.ready()
        assert pool._submit(_thread_env).result() == dict.fromkeys(parallel.ONE_THREAD_ENV, "1")
    assert os.environ["OMP_NUM_THREADS"] == "7"


def test_chunks_keep_the_order_and_cover_every_file():
    files = [f"f{i}" for i in range(37)]
    parts = parallel.chunks(files, 2)
    assert [f for part in parts for f in part] == files
    assert len(parts) >= 4


@pytest.mark.parametrize("mode", ["each", "batched"])
@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_ingest_killed_with_sigkill_then_rerun_stores_each_article_once(tmp_path, engine, mode):
    """Killed between two articles (each in its own transaction) or with a batch of articles
    half written (``Store.add_many``, as ``veille ingest`` writes): the rerun completes the store."""
    db = str(tmp_path / "v.db") if engine == "sqlite" else new_pg_database()
    corpus = write_corpus(tmp_path / "c", 40)
    cmd = [sys.executable, "-c", "import sys; from tests.test_parallel import run_ingest; run_ingest(sys.argv[1:])",
           str(corpus), db, mode]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT), str(ROOT / "tests")])}
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        stored = _count(db)
        if stored >= 5:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored < 40, "the ingest must be killed in the middle"
    subprocess.run(cmd, env=env, cwd=ROOT, check=True)
    with Store(db) as store:
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles")]
        assert len(ids) == len(set(ids)) == 40
        assert store.conn.execute("SELECT count(DISTINCT path) FROM articles").fetchone()[0] == 40


def _count(db: str) -> int:
    try:
        with Store(db, create=False) as store:
            return store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except Exception:  # not created yet
        return 0


def run_ingest(args: list[str], pause: float = 0.05) -> None:
    """What ``veille ingest`` does, with the light pipeline and a pause per article so that the
    kill lands in the middle."""
    corpus, db, *mode = args
    with Store(db) as store:
        if mode == ["batched"]:  # the pause inside the batch's transaction: the kill lands there
            store.hooks.append(lambda _store, _article: time.sleep(pause))
            for _ in store.add_many(parallel.extract([corpus], 1, pipeline_factory=light_pipeline), batch=6):
                pass
            return
        for article in parallel.extract([corpus], 1, pipeline_factory=light_pipeline):
            store.add(article)
            time.sleep(pause)


def write_copies(folder: Path, n: int) -> Path:
    """``n`` invented dispatches of made-up words (each its own wording), each also re-published
    with another closing line: ``n`` pairs of copies."""
    import random

    folder.mkdir(parents=True, exist_ok=True)
    syllables = ["ba", "cor", "di", "fen", "ga", "lu", "mar", "no", "pri", "que", "ro", "sal", "ti", "val"]
    for i in range(n):
        rng = random.Random(i)
        words = ["".join(rng.choice(syllables) for _ in range(3)) for _ in range(90)]
        body = "\n\n".join(" ".join(words[k:k + 30]) + "." for k in range(0, 90, 30))
        for copy in range(2):
            (folder / f"depeche_{i:02d}_{copy}.txt").write_text(
                f"Dépêche inventée numéro {i}\n\n{body}\n\nMise à jour numéro {copy}.\n", encoding="utf-8")
    return folder


def _groups(db: str) -> set[frozenset[str]]:
    with Store(db) as store:
        rows = store.conn.execute("SELECT id, coalesce(duplicate_of, id) FROM articles").fetchall()
    groups: dict[str, set[str]] = {}
    for aid, root in rows:
        groups.setdefault(root, set()).add(aid)
    return {frozenset(g) for g in groups.values()}


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_two_writers_at_once_find_the_same_duplicates_as_one(tmp_path, engine):
    """The duplicate index lives in the store: two ingests running at once into one store (each
    with half of the files) group the copies as one ingest does."""
    corpus = write_copies(tmp_path / "c", 12)
    halves = [tmp_path / "h0", tmp_path / "h1"]
    for h in halves:
        h.mkdir()
    for k, f in enumerate(sorted(corpus.iterdir())):
        (halves[k % 2] / f.name).write_bytes(f.read_bytes())  # each copy in the other half
    one = str(tmp_path / "one.db") if engine == "sqlite" else new_pg_database()
    two = str(tmp_path / "two.db") if engine == "sqlite" else new_pg_database()
    run_ingest([str(corpus), one], pause=0)
    Store(two).close()  # the schema first: the two writers then only add
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT), str(ROOT / "tests")])}
    procs = [subprocess.Popen([sys.executable, "-c", "import sys; from tests.test_parallel import run_ingest;"
                               " run_ingest(sys.argv[1:])", str(h), two], env=env, cwd=ROOT) for h in halves]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    expected = _groups(one)
    assert len(expected) == 12 and all(len(g) == 2 for g in expected)
    assert _groups(two) == expected
