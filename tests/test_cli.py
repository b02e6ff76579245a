"""End to end through the CLI: extract, ingest, search, show, stats, export, and bad input."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from veille.cli import cli

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "articles"


@pytest.fixture(scope="module")
def runner(nlp):  # the nlp fixture loads the model once; the CLI reuses it (load_nlp is cached)
    return CliRunner()


def test_every_command_has_help(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    commands = [line.split()[0] for line in result.output.split("Commands:")[1].splitlines() if line.strip()]
    assert {"extract", "ingest", "search", "show", "stats", "export"} <= set(commands)
    for name in commands:
        sub = runner.invoke(cli, [name, "--help"])
        assert sub.exit_code == 0, name
        assert "Usage:" in sub.output


def test_python_dash_m_runs():
    out = subprocess.run([sys.executable, "-m", "veille", "--help"], capture_output=True, text=True, check=True)
    assert "ingest" in out.stdout


def test_extract_samples_writes_schema_records(runner, tmp_path):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(cli, ["extract", str(SAMPLES), "--output", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 6  # four files with one article each, one JSONL file with two
    for rec in records:
        assert rec["paragraphs"] and rec["title"]
        assert len(rec["id"]) == 16
    ids = [r["id"] for r in records]
    again = tmp_path / "again.jsonl"
    runner.invoke(cli, ["extract", str(SAMPLES), "--output", str(again)])
    assert [json.loads(x)["id"] for x in again.read_text(encoding="utf-8").splitlines()] == ids


def write_bad_inputs(folder: Path) -> dict[str, str]:
    folder.mkdir()
    (folder / "good.txt").write_text("Un titre inventé\n\nLe ministre fictif Paul Arnaudet a visité Lyon mardi.\n",
                                     encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (folder / "empty.txt").write_bytes(b"")
    # neither UTF-8 nor Windows-1252 (0x81 and 0x8d are unassigned there)
    (folder / "undecodable.txt").write_bytes(b"Un \x81t\xe9 \x8d Br\xe9gan\xe7on, d\xe9j\xe0 tr\xe8s chaud.")
    (folder / "huge.txt").write_text("mot " * 50_000, encoding="utf-8")
    (folder / "records.jsonl").write_text(
        json.dumps({"title": "Dépêche", "text": "La ministre fictive Anne Roux a parlé à Nantes."}) + "\n"
        + '{"title": "cassé", "text": \n', encoding="utf-8")
    return {"binary.txt": "binary", "empty.txt": "empty", "undecodable.txt": "undecodable", "huge.txt": "too large",
            "records.jsonl:2": "malformed JSON"}


def test_ingest_bad_input_goes_on_and_records_failures(runner, tmp_path):
    expected = write_bad_inputs(tmp_path / "in")
    db = tmp_path / "v.db"
    result = runner.invoke(cli, ["ingest", str(tmp_path / "in"), "--db", str(db), "--max-bytes", "100000"])
    assert result.exit_code == 1  # something failed, and the exit status says so
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(expected)
    for name, reason in expected.items():
        assert any(name in e and reason in e for e in errors), (name, errors)
    stats = runner.invoke(cli, ["stats", "--db", str(db)])
    assert "articles     2" in stats.output
    assert "failures     5" in stats.output
    # the same input again stores nothing twice
    again = runner.invoke(cli, ["ingest", str(tmp_path / "in" / "good.txt"), "--db", str(db)])
    assert again.exit_code == 0
    assert "0 added, 1 already stored" in again.output


def test_ingest_search_show_export(runner, tmp_path):
    db = tmp_path / "v.db"
    assert runner.invoke(cli, ["ingest", str(SAMPLES), "--db", str(db)]).exit_code == 0
    found = runner.invoke(cli, ["search", "Varsovie", "--db", str(db)])
    assert found.exit_code == 0 and "Varsovie" in found.output
    article_id = found.output.split()[0]
    shown = runner.invoke(cli, ["show", article_id, "--db", str(db), "--json"])
    assert json.loads(shown.output)["id"] == article_id
    missing = runner.invoke(cli, ["show", "ffffffffffffffff", "--db", str(db)])
    assert missing.exit_code != 0 and "no article" in missing.output
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"export.{fmt}"
        res = runner.invoke(cli, ["export", "--db", str(db), "--format", fmt, "--output", str(out)])
        assert res.exit_code == 0, res.output
        assert out.stat().st_size > 0
    rows = list(csv.DictReader(open(tmp_path / "export.csv", encoding="utf-8")))
    assert len(rows) == 6
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "export.parquet").num_rows == 6
    lines = (tmp_path / "export.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(x)["id"] for x in lines} == {r["id"] for r in rows}
