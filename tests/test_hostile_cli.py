"""Issue 17, the pipeline, the store and the command line: a hostile batch stores its good
articles and one failure per bad input; a locked database is waited for; a bad ``--db`` or an
output that is an input is refused before anything is written. Every text is invented."""

from __future__ import annotations

import csv
import json
import os
import resource
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from hostile import GOOD_A, GOOD_B, hostile_batch
from veille import store as store_module
from veille.cli import cli
from veille.model import Article, Source
from veille.readers import ReadError
from veille.store import Store, StoreError, plain_query

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def runner(nlp):  # the nlp fixture loads the model once; the CLI reuses it (load_nlp is cached)
    return CliRunner()


def article(aid: str, title: str = "Un titre inventé") -> Article:
    return Article(id=aid, source=Source(path=f"{aid}.txt"), title=title, paragraphs=["Un paragraphe inventé."])


# -- the pipeline: a text over the parser's limit ------------------------------------------------------


def test_text_over_the_parser_limit_is_refused_and_the_batch_goes_on(tmp_path):
    import spacy

    from veille.pipeline import Pipeline

    nlp = spacy.blank("fr")
    nlp.max_length = 1000
    rows = [{"title": "Court", "text": GOOD_A}, {"title": "Long", "text": "Un mot inventé. " * 200},
            {"title": "Court aussi", "text": GOOD_B}]
    (tmp_path / "lot.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    pipe = Pipeline(nlp=nlp, doc_stages=[], text_stages=["veille.clean:CleanStage", "veille.metadata:MetadataStage"])
    errors: list[ReadError] = []
    titles = [a.title for a in pipe.extract([str(tmp_path)], on_error=errors.append)]
    assert titles == ["Court", "Court aussi"]
    assert len(errors) == 1 and "too long for the parser" in errors[0].reason and "limit is 1000" in errors[0].reason


# -- the store ---------------------------------------------------------------------------------------


def _hold_lock(db: Path, seconds: float) -> threading.Thread:
    ready = threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(db, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO failures (origin, reason, at) VALUES ('verrou', 'test', 'x')")
        ready.set()
        time.sleep(seconds)
        conn.execute("ROLLBACK")
        conn.close()

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    ready.wait(5)
    return thread


def test_locked_database_is_waited_for(tmp_path):
    db = tmp_path / "v.db"
    with Store(db, timeout=0.2) as store:
        holder = _hold_lock(db, 1.0)  # longer than the busy timeout: the retries must carry it
        assert store.add(article("a1"))
        holder.join()
        assert store.has("a1")


def test_record_failure_never_raises_and_is_deduplicated(tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "LOCK_RETRIES", 1)  # give up after 0.05 s + one 0.1 s retry
    db = tmp_path / "v.db"
    with Store(db, timeout=0.05) as store:
        holder = _hold_lock(db, 1.0)
        assert store.record_failure("a.txt", "binary content") is False  # locked throughout: no exception
        holder.join()
        for _ in range(3):
            assert store.record_failure("a.txt", "binary content")
        assert store.record_failure(os.fsdecode(b"b\xff.txt"), "empty file")
        assert store.record_failure("a.txt", "empty file")
        rows = store.conn.execute("SELECT origin, reason FROM failures ORDER BY id").fetchall()
    assert [tuple(r) for r in rows] == [("a.txt", "binary content"), ("b\\udcff.txt", "empty file"),
                                        ("a.txt", "empty file")]


def test_old_database_with_duplicated_failures_is_cleaned(tmp_path):
    db = tmp_path / "v.db"
    Store(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("DROP INDEX failures_origin_reason")
        conn.executemany("INSERT INTO failures (origin, reason, at) VALUES (?, ?, 'x')", [("a", "r")] * 3)
    with Store(db) as store:
        assert store.stats()["failures"] == 1


def test_bad_or_missing_database(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("pas une base\n", encoding="utf-8")
    with pytest.raises(StoreError, match="not a SQLite database"):
        Store(text)
    assert text.read_text(encoding="utf-8") == "pas une base\n"
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "absente.db", create=False)
    assert not (tmp_path / "absente.db").exists()


def test_minus_word_excludes_the_word(tmp_path):
    assert plain_query("obus -réseau") == '"obus" NOT "réseau"'
    with Store(tmp_path / "v.db") as store:
        store.add(Article(id="a1", title="Obus", paragraphs=["Des obus et un réseau."]))
        store.add(Article(id="a2", title="Obus", paragraphs=["Des obus seulement."]))
        assert [h["id"] for h in store.search("obus -réseau")] == ["a2"]
        assert store.search("-réseau") == []


# -- the command line: --db and output paths ---------------------------------------------------------


@pytest.mark.parametrize("command", [["stats"], ["search", "mot"], ["show", "abcd"], ["quotes"], ["events"],
                                     ["entities"], ["stories"], ["export", "-o", "-"]])
def test_read_command_with_a_missing_database_is_one_line(tmp_path, command):
    db = tmp_path / "faute-de-frappe.db"
    result = CliRunner().invoke(cli, [*command, "--db", str(db)])
    assert result.exit_code == 1 and "no such database" in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    assert not db.exists()


@pytest.mark.parametrize("command", [["stats"], ["ingest", "x.txt"]])
def test_file_that_is_not_a_database_is_one_line(tmp_path, command):
    db = tmp_path / "notes.txt"
    db.write_text("mes notes\n", encoding="utf-8")
    result = CliRunner().invoke(cli, [*command, "--db", str(db)])
    assert result.exit_code == 1 and "not a SQLite database" in result.output and result.exception.__class__ is SystemExit
    assert db.read_text(encoding="utf-8") == "mes notes\n"


def test_extract_refuses_to_overwrite_its_input(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(GOOD_A, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(src), "-o", str(src)])
    assert result.exit_code == 2 and "refusing to overwrite" in result.output
    assert src.read_text(encoding="utf-8") == GOOD_A
    inside = CliRunner().invoke(cli, ["extract", str(tmp_path), "-o", str(tmp_path / "out.jsonl")])
    assert inside.exit_code == 2 and "inside the input folder" in inside.output
    assert not (tmp_path / "out.jsonl").exists()


def test_export_refuses_to_overwrite_the_database(tmp_path):
    db = tmp_path / "v.db"
    with Store(db) as store:
        store.add(article("a1"))
    before = db.read_bytes()
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "-o", str(db)])
    assert result.exit_code == 2 and "the database" in result.output
    assert db.read_bytes() == before
    with Store(db, create=False) as store:
        assert store.has("a1")


def test_csv_export_neutralises_formulas(tmp_path):
    db = tmp_path / "v.db"
    with Store(db) as store:
        store.add(article("a1", title='=HYPERLINK("http://exemple.invalid","x")'))
        store.add(article("a2", title="+33 millions"))
    out = tmp_path / "a.csv"
    assert CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "csv", "-o", str(out)]).exit_code == 0
    titles = sorted(r["title"] for r in csv.DictReader(open(out, encoding="utf-8")))
    assert titles == ["'+33 millions", "'=HYPERLINK(\"http://exemple.invalid\",\"x\")"]


def test_exported_jsonl_can_be_ingested_again(runner, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD_A, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(GOOD_B, encoding="utf-8")
    first, second = tmp_path / "un.db", tmp_path / "deux.db"
    assert runner.invoke(cli, ["ingest", str(tmp_path / "in"), "--db", str(first)]).exit_code == 0
    out = tmp_path / "export.jsonl"
    assert runner.invoke(cli, ["export", "--db", str(first), "-o", str(out)]).exit_code == 0
    result = runner.invoke(cli, ["ingest", str(out), "--db", str(second)])
    assert result.exit_code == 0, result.output
    with Store(first) as a, Store(second) as b:
        assert sorted(x.title for x in a.iter_articles()) == sorted(x.title for x in b.iter_articles())
        assert sorted(x.paragraphs for x in a.iter_articles()) == sorted(x.paragraphs for x in b.iter_articles())


def test_non_utf8_file_names_through_extract(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"r\xe9cit.txt")).write_text(GOOD_A, encoding="utf-8")
    (folder / os.fsdecode(b"vide\xff.txt")).write_bytes(b"")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(cli, ["extract", str(folder), "-o", str(out)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["source"]["path"].endswith("r\\xe9cit.txt")
    assert "vide\\xff.txt: empty file" in result.output


# -- the batch of the issue, through the real command -------------------------------------------------


@pytest.mark.slow
def test_hostile_batch_through_veille_ingest(tmp_path):
    paths, bad, titles = hostile_batch(tmp_path / "lot")
    db = tmp_path / "v.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run([sys.executable, "-m", "veille", "ingest", *map(str, paths), "--db", str(db)],
                          capture_output=True, text=True, env=env, timeout=600)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(bad)
    for path in bad:
        assert sum(str(path) in line for line in errors) == 1, (path, errors)
    with Store(db, create=False) as store:
        assert sorted(a.title for a in store.iter_articles()) == sorted(titles)
        failures = [r["origin"] for r in store.conn.execute("SELECT origin FROM failures")]
    assert sorted(failures) == sorted(map(str, bad))
    if before < 1_500_000:  # no earlier child used more: the maximum is this run's
        assert peak_mb < 1536, f"peak memory {peak_mb:.0f} MB"


def test_an_invalid_date_in_a_record_is_reported_not_dropped_silently(tmp_path):
    import json
    import subprocess
    import sys

    src = tmp_path / "rec.jsonl"
    src.write_text(json.dumps({"title": "Jardins", "date": "2022-02-30",
                               "text": "Deux associations de quartier inventées ont parlé de jardins."}) + "\n",
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = subprocess.run([sys.executable, "-m", "veille", "extract", str(src), "-o", str(out)],
                         capture_output=True, text=True)
    assert "2022-02-30" in res.stderr and "not a valid date" in res.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["published"] != "2022-02-30"
