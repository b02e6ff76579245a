"""veille.commands.events: ``veille events`` and ``veille aid`` over an invented store."""

from __future__ import annotations

import csv
import io
import json

import pytest

from commands_support import build_store, run
from veille.commands.events import aid_table
from veille.queries.exports import AID_TOTAL_COLUMNS, EVENT_COLUMNS


@pytest.fixture(scope="module")
def store_db(tmp_path_factory) -> str:
    return str(build_store(tmp_path_factory.mktemp("events") / "v.db"))


def test_events_listing_dated_latest_first(store_db: str) -> None:
    res = run("events", "--db", store_db)
    assert res.exit_code == 0, res.output
    heads = [line for line in res.stdout.splitlines() if not line.startswith("    ")]
    assert heads == ["2025-05-09  ACCUSE    syndicat des marins -> Lorvanie  (cmd0000000)",
                     "2025-04-18  AID       Lorvanie -> Quelmer  (cmd0000000)",  # undated: its article's date
                     "2025-04-17  AID       Lorvanie -> Quelmer  (cmd0000000)"]


def test_events_filters(store_db: str) -> None:
    aid = run("events", "--type", "aid", "--json", "--db", store_db)
    assert [json.loads(line)["trigger"] for line in aid.stdout.splitlines()] == ["livré", "versé"]
    actor = run("events", "--actor", "SYNDICAT", "--json", "--db", store_db)
    assert [json.loads(line)["type"] for line in actor.stdout.splitlines()] == ["ACCUSE"]
    none = run("events", "--type", "ASSAULT", "--db", store_db)
    assert none.exit_code == 0 and none.stdout == "" and "no events" in none.stderr


def test_events_csv(store_db: str) -> None:
    rows = list(csv.reader(io.StringIO(run("events", "--csv", "--db", store_db).stdout)))
    assert rows[0] == EVENT_COLUMNS and len(rows) == 4
    money = [r for r in rows[1:] if r[EVENT_COLUMNS.index("trigger")] == "versé"]
    assert money[0][EVENT_COLUMNS.index("quantities")] == "deux millions d'euros"


def test_aid_table_and_totals(store_db: str) -> None:
    res = run("aid", "--db", store_db)
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0].split() == ["DONOR", "RECIPIENT", "WHAT", "HOW_MANY", "VALUE", "DATE", "MODE", "ARTICLE"]
    assert "groupes électrogènes  12" in lines[1]
    assert "2 000 000 EUR  2025-04-17" in lines[2]
    totals = run("aid", "--totals", "--db", store_db)
    assert totals.stdout.splitlines()[1].split() == ["Lorvanie", "Quelmer", "EUR", "fact", "2", "000", "000", "1", "1"]
    rows = list(csv.DictReader(io.StringIO(run("aid", "--totals", "--csv", "--db", store_db).stdout)))
    assert list(rows[0]) == AID_TOTAL_COLUMNS
    assert [(r["donor"], float(r["amount"])) for r in rows] == [("Lorvanie", 2_000_000.0)]


def test_aid_with_no_match_says_so(store_db: str) -> None:
    res = run("aid", "--donor", "syndicat", "--db", store_db)
    assert res.exit_code == 0 and res.stdout == "" and "no aid events" in res.stderr
    res = run("aid", "--totals", "--recipient", "Bérénie", "--db", store_db)
    assert "no aid amounts" in res.stderr


def test_aid_table_rows() -> None:
    row = {"source": None, "target": "Valdrie", "counts": [{"unit": "tentes", "value": 300.0}],
           "money": [{"unit": "EUR", "value": 1500000}], "trigger": "envoyé", "date": None,
           "published": "2024-10-02", "mode": "intent", "article_id": "x1"}
    assert aid_table([row]) == [{"donor": "?", "recipient": "Valdrie", "what": "tentes", "how_many": "300",
                                 "value": "1 500 000 EUR", "date": "2024-10-02", "mode": "intent",
                                 "article": "x1"}]
