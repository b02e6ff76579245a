"""veille.commands.reading: ``veille search``, ``veille show`` and ``veille stats`` over an invented store."""

from __future__ import annotations

import json

import pytest

from commands_support import build_store, run


@pytest.fixture(scope="module")
def store_db(tmp_path_factory) -> str:
    return str(build_store(tmp_path_factory.mktemp("reading") / "v.db"))


def test_search_marks_the_word_and_keeps_the_snippet_on_one_line(store_db: str) -> None:
    res = run("search", "électrogènes", "--db", store_db)
    assert res.exit_code == 0, res.output
    head, snippet = res.stdout.splitlines()
    assert head == "cmd0000000000002  2025-04-18  Dépêche inventée 2"
    assert "[électrogènes]" in snippet and snippet.startswith("    ")


def test_search_limit_and_nothing_found(store_db: str) -> None:
    both = run("search", "bac", "--db", store_db).stdout.splitlines()
    assert sorted(line.split()[0] for line in both if not line.startswith("    ")) == [
        "cmd0000000000001", "cmd0000000000005"]
    one = run("search", "bac", "--limit", "1", "--db", store_db)
    assert len(one.stdout.splitlines()) == 2 and "only the first 1 shown" in one.stderr
    none = run("search", "téléphérique", "--db", store_db)
    assert none.exit_code == 0 and none.stdout == "" and "no article matches 'téléphérique'" in none.stderr


def test_show_an_article_by_a_unique_prefix(store_db: str) -> None:
    res = run("show", "cmd0000000000003", "--db", store_db)
    assert res.exit_code == 0, res.output
    out = res.stdout.splitlines()
    assert out[:2] == ["Dépêche inventée 3", "2025-05-09 · site3.example"]
    assert "entities: Lorvanie (LOC), Yannick Le Goff (PER)" in out
    assert "quote [indirect] (un proche du dossier): les délais seront tenus" in out
    assert "event ACCUSE: syndicat des marins -> Lorvanie" in out
    record = json.loads(run("show", "cmd0000000000003", "--json", "--db", store_db).stdout)
    assert record["id"] == "cmd0000000000003" and record["events"][0]["type"] == "ACCUSE"


def test_show_says_why_an_id_found_nothing(store_db: str) -> None:
    several = run("show", "cmd000", "--db", store_db)
    assert several.exit_code == 1 and "5 articles have an id starting with 'cmd000'" in several.stderr
    short = run("show", "cmd", "--db", store_db)
    assert "an id prefix needs at least 4 characters (5 article(s)" in short.stderr
    none = run("show", "zzzz", "--db", store_db)
    assert f"no article 'zzzz' in {store_db}" in none.stderr


def test_stats_counts(store_db: str) -> None:
    res = run("stats", "--db", store_db)
    assert res.exit_code == 0, res.output
    counts = dict(line.split(None, 1) for line in res.stdout.splitlines())
    assert (counts["articles"], counts["dated"], counts["quotes"], counts["first_date"]) == ("5", "4", "3", "2025-03-04")
