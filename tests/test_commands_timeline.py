"""veille.commands.timeline: ``veille timeline`` over an invented store (counts per period)."""

from __future__ import annotations

import csv
import io

import pytest

from commands_support import build_store, run


@pytest.fixture(scope="module")
def store_db(tmp_path_factory) -> str:
    return str(build_store(tmp_path_factory.mktemp("timeline") / "v.db"))


def test_events_by_type_per_day(store_db: str) -> None:
    res = run("timeline", "--granularity", "day", "--db", store_db)
    assert res.exit_code == 0, res.output
    assert [line.split() for line in res.stdout.splitlines()] == [
        ["2025-04-17", "AID", "1"], ["2025-04-18", "AID", "1"], ["2025-05-09", "ACCUSE", "1"]]


def test_months_sum_the_days(store_db: str) -> None:
    res = run("timeline", "--granularity", "month", "--db", store_db)
    assert [line.split() for line in res.stdout.splitlines()] == [["2025-04", "AID", "2"], ["2025-05", "ACCUSE", "1"]]


def test_one_type_and_csv(store_db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(run("timeline", "--type", "accuse", "--csv", "--db", store_db).stdout)))
    assert [(r["period"], r["key"], r["count"]) for r in rows] == [("2025-05-09", "ACCUSE", "1")]


def test_articles_by_entity(store_db: str) -> None:
    res = run("timeline", "--by", "entity", "--entity", "quelmer", "--granularity", "day", "--db", store_db)
    assert [line.split() for line in res.stdout.splitlines()] == [
        ["2025-03-04", "Quelmer", "1"], ["2025-03-05", "Quelmer", "1"], ["2025-04-18", "Quelmer", "1"]]


def test_empty_timelines_say_which_filter_emptied_them(store_db: str) -> None:
    res = run("timeline", "--type", "PROTEST", "--db", store_db)
    assert res.stdout == "" and "no dated PROTEST event" in res.stderr
    res = run("timeline", "--entity", "Maëlle Kerbrat", "--db", store_db)
    assert "no dated event with 'Maëlle Kerbrat' as source or target" in res.stderr
    res = run("timeline", "--by", "entity", "--entity", "Port-Lazare", "--db", store_db)
    assert "no dated article naming 'Port-Lazare'" in res.stderr
