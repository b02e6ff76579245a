"""veille.commands.export: ``veille export`` of an invented store as JSONL, CSV (``--excel``) and Parquet."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from commands_support import build_store, run


@pytest.fixture(scope="module")
def store_db(tmp_path_factory) -> str:
    return str(build_store(tmp_path_factory.mktemp("export") / "v.db"))


def test_jsonl_holds_every_record_whole(store_db: str, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    res = run("export", "--output", str(out), "--db", store_db)
    assert res.exit_code == 0, res.output
    assert res.stderr.strip() == f"5 articles exported to {out}"
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in records) == [f"cmd{n:013d}" for n in range(1, 6)]
    aid = next(r for r in records if r["id"] == "cmd0000000000002")
    assert aid["events"][0]["quantities"][0]["value"] == 2_000_000


def test_csv_one_row_an_article_and_excel_mark(store_db: str, tmp_path: Path) -> None:
    plain, excel = tmp_path / "a.csv", tmp_path / "b.csv"
    assert run("export", "--format", "csv", "-o", str(plain), "--db", store_db).exit_code == 0
    assert run("export", "--format", "csv", "--excel", "-o", str(excel), "--db", store_db).exit_code == 0
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf") and excel.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(plain.open(encoding="utf-8", newline="")))
    assert len(rows) == 5
    third = next(r for r in rows if r["id"] == "cmd0000000000003")
    assert (third["quotes"], third["events"], third["entities"]) == ("2", "1", "Lorvanie; Yannick Le Goff")
    assert next(r for r in rows if r["id"] == "cmd0000000000005")["duplicate_of"] == "cmd0000000000001"


def test_parquet_keeps_the_counts_as_integers(store_db: str, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "all.parquet"
    assert run("export", "--format", "parquet", "-o", str(out), "--db", store_db).exit_code == 0
    table = pq.read_table(out)
    assert table.num_rows == 5 and str(table.schema.field("quotes").type) == "int64"


def test_refusals_before_any_write(store_db: str, tmp_path: Path) -> None:
    res = run("export", "--format", "jsonl", "--excel", "-o", str(tmp_path / "x.jsonl"), "--db", store_db)
    assert res.exit_code == 2 and "--excel is for --format csv" in res.stderr
    res = run("export", "-o", store_db, "--db", store_db)
    assert res.exit_code == 2 and "is the database" in res.stderr
    res = run("export", "--format", "parquet", "-o", "-", "--db", store_db)
    assert res.exit_code == 2 and "Parquet needs a file" in res.stderr
    res = run("export", "-o", str(tmp_path / "no" / "such" / "x.jsonl"), "--db", store_db)
    assert res.exit_code == 2 and "does not exist" in res.stderr
    assert list(tmp_path.iterdir()) == []


def test_jsonl_to_stdout(store_db: str) -> None:
    res = run("export", "-o", "-", "--db", store_db)
    assert len(res.stdout.splitlines()) == 5 and "exported to stdout" in res.stderr
