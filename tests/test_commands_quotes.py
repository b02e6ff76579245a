"""veille.commands.quotes: ``veille quotes`` over an invented store (who said what, its filters and formats)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from commands_support import build_store, run
from veille.queries.exports import QUOTE_COLUMNS


@pytest.fixture(scope="module")
def store_db(tmp_path_factory) -> str:
    return str(build_store(tmp_path_factory.mktemp("quotes") / "v.db"))


def test_listing_is_latest_first_with_marks_only_on_direct_quotes(store_db: str) -> None:
    res = run("quotes", "--db", store_db)
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0] == "2025-05-09  Yannick Le Goff [direct] a lancé"
    assert lines[1] == "    « Nous ne voulons plus attendre »"
    assert lines[2] == "    — Dépêche inventée 3 (cmd0000000000003)"
    # an unnamed source shows the words naming it, between brackets, and no quotation marks
    assert lines[3:5] == ["2025-05-09  (un proche du dossier) [indirect]", "    les délais seront tenus"]
    assert lines[6].startswith("2025-03-04  Maëlle Kerbrat [direct]")
    assert res.stderr.strip() == "3 quote(s)"


def test_speaker_filter_ignores_case_and_accents(store_db: str) -> None:
    res = run("quotes", "--speaker", "maelle kerbrat", "--db", store_db)
    assert res.exit_code == 0, res.output
    assert [line for line in res.stdout.splitlines() if not line.startswith("    ")] == [
        "2025-03-04  Maëlle Kerbrat [direct] a rappelé"]


def test_kind_and_dates_narrow_the_rows(store_db: str) -> None:
    indirect = run("quotes", "--kind", "indirect", "--json", "--db", store_db)
    assert [json.loads(line)["speaker_text"] for line in indirect.stdout.splitlines()] == ["un proche du dossier"]
    april_on = run("quotes", "--since", "2025-04", "--json", "--db", store_db)
    assert {json.loads(line)["article_id"] for line in april_on.stdout.splitlines()} == {"cmd0000000000003"}
    march = run("quotes", "--until", "2025-03", "--json", "--db", store_db)
    assert [json.loads(line)["speaker"] for line in march.stdout.splitlines()] == ["Maëlle Kerbrat"]
    bad = run("quotes", "--since", "2025-13", "--db", store_db)
    assert bad.exit_code == 2 and "is not a date" in bad.stderr


def test_csv_has_the_shared_columns_and_one_row_a_quote(store_db: str) -> None:
    res = run("quotes", "--csv", "--db", store_db)
    assert res.exit_code == 0, res.output
    rows = list(csv.reader(io.StringIO(res.stdout)))
    assert rows[0] == QUOTE_COLUMNS
    assert len(rows) == 4
    assert {r[QUOTE_COLUMNS.index("article_title")] for r in rows[1:]} == {"Dépêche inventée 1", "Dépêche inventée 3"}


def test_limit_says_when_rows_were_cut(store_db: str) -> None:
    res = run("quotes", "--limit", "1", "--json", "--db", store_db)
    assert len(res.stdout.splitlines()) == 1
    assert "only the first 1 shown (--limit)" in res.stderr
    every = run("quotes", "--limit", "0", "--json", "--db", store_db)
    assert len(every.stdout.splitlines()) == 3 and "only the first" not in every.stderr


def test_a_missing_database_is_one_line(tmp_path) -> None:
    res = run("quotes", "--db", str(tmp_path / "absent.db"))
    assert res.exit_code == 1 and res.stderr.startswith("Error:") and len(res.stderr.splitlines()) == 1
