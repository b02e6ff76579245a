"""veille.commands.voices: ``veille voices`` over an invented store (one woman and one man quoted,
one quote without a named speaker)."""

from __future__ import annotations

import json

import pytest

from commands_support import build_store, run


@pytest.fixture(scope="module")
def store_db(tmp_path_factory) -> str:
    return str(build_store(tmp_path_factory.mktemp("voices") / "v.db"))


def test_table_per_site_with_total_and_most_quoted(store_db: str) -> None:
    res = run("voices", "--db", store_db)
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0].split()[:5] == ["site", "quotes", "women", "men", "unknown"]
    total = next(line for line in lines if line.startswith("TOTAL"))
    assert total.split()[:7] == ["TOTAL", "2", "50.0", "%", "50.0", "%", "0.0"]
    assert "  Maëlle Kerbrat (f, from given name)  in lecho-des-iles.example" in res.stdout
    assert "1 quote(s) without a named speaker, 0 by organisations (not counted)" in res.stderr


def test_json_by_month_and_one_site(store_db: str) -> None:
    data = json.loads(run("voices", "--json", "--db", store_db).stdout)
    assert data["total"]["quote_total"] == 2 and data["unattributed"] == 1
    months = run("voices", "--by", "month", "--db", store_db).stdout.splitlines()
    assert [line.split()[0] for line in months[1:3]] == ["2025-03", "2025-05"]
    one = json.loads(run("voices", "--site", "site3.example", "--json", "--db", store_db).stdout)
    assert [p["speaker"] for p in one["top"]] == ["Yannick Le Goff"]
