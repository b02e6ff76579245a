"""veille.commands.stories: ``veille stories``, ``veille story ID`` and ``veille duplicates`` over an
invented store (article 5 copies article 1 on another site)."""

from __future__ import annotations

import json

import pytest

from commands_support import build_store, run


@pytest.fixture(scope="module")
def store_db(tmp_path_factory) -> str:
    return str(build_store(tmp_path_factory.mktemp("stories") / "v.db"))


def test_stories_latest_first_with_the_copy_in_its_story(store_db: str) -> None:
    res = run("stories", "--db", store_db)
    assert res.exit_code == 0, res.output
    ids = [line.split()[0] for line in res.stdout.splitlines()]
    assert ids == ["S-cmd0000000000003", "S-cmd0000000000002", "S-cmd0000000000001", "S-cmd0000000000004"]
    ferry = res.stdout.splitlines()[2]
    assert "2025-03-04 → 2025-03-05" in ferry and "2 art." in ferry
    assert "undated" in res.stdout.splitlines()[3]


def test_stories_filters_and_json(store_db: str) -> None:
    big = run("stories", "--min-articles", "2", "--json", "--db", store_db)
    assert [json.loads(line)["n_articles"] for line in big.stdout.splitlines()] == [2]
    none = run("stories", "--min-articles", "3", "--since", "2025-01", "--db", store_db)
    assert none.stdout == "" and "no story (at least 3 articles, active since 2025-01)" in none.stderr


def test_story_by_id_without_its_prefix(store_db: str) -> None:
    res = run("story", "cmd0000000000001", "--db", store_db)
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0].startswith("S-cmd0000000000001  ")
    assert lines[1] == "2025-03-04 → 2025-03-05 · 2 articles"
    copy = [line for line in lines if "cmd0000000000005" in line]
    assert copy and copy[0].endswith("(copy of cmd0000000000001)")
    assert "  Maëlle Kerbrat: « Le bac est notre seule route vers le continent »" in lines


def test_story_events_placed_on_their_article_date_when_undated(store_db: str) -> None:
    dated = run("story", "S-cmd0000000000002", "--db", store_db).stdout.split("Events:\n", 1)[1].splitlines()
    # the article's two AID events from Lorvanie to Quelmer are one event, dated by the one that has a date
    assert [line.split() for line in dated] == [["2025-04-17", "AID", "Lorvanie", "→", "Quelmer", "[1", "report]"]]
    undated = run("story", "S-cmd0000000000003", "--db", store_db).stdout.split("Events:\n", 1)[1].splitlines()
    assert undated[0].split()[:2] == ["2025-05-09*", "ACCUSE"]
    assert undated[1] == "  * the article's date: the text gives the event none"
    as_json = json.loads(run("story", "S-cmd0000000000003", "--json", "--db", store_db).stdout)
    assert as_json["n_articles"] == 1 and [e["date"] for e in as_json["events"]] == [None]
    assert [q["kind"] for q in as_json["quotes"]] == ["direct", "indirect"]


def test_story_absent(store_db: str) -> None:
    res = run("story", "S-nothing", "--db", store_db)
    assert res.exit_code == 1 and "no story 'S-nothing'" in res.stderr


def test_duplicates_first_stored_copy_first(store_db: str) -> None:
    res = run("duplicates", "--db", store_db)
    assert res.exit_code == 0, res.output
    root, copy = res.stdout.splitlines()
    assert root.split()[:3] == ["cmd0000000000001", "2025-03-04", "lecho-des-iles.example"]
    assert copy.split()[:3] == ["=", "cmd0000000000005", "le-courrier-du-port.example"]
    groups = [json.loads(line) for line in run("duplicates", "--json", "--db", store_db).stdout.splitlines()]
    assert [[c["id"] for c in g["copies"]] for g in groups] == [["cmd0000000000005"]]


def test_duplicates_on_a_store_without_copies(tmp_path) -> None:
    from veille.store import Store

    db = tmp_path / "empty.db"
    Store(str(db)).close()
    res = run("duplicates", "--db", str(db))
    assert res.exit_code == 0 and res.stdout.strip() == "no duplicates"
