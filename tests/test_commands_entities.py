"""veille.commands.entities: ``veille entities``, ``veille entity NAME`` and ``veille kb`` over an
invented store."""

from __future__ import annotations

import pytest

from commands_support import build_store, run


@pytest.fixture(scope="module")
def store_db(tmp_path_factory) -> str:
    return str(build_store(tmp_path_factory.mktemp("entities") / "v.db"))


def _table(text: str) -> list[list[str]]:
    return [line.split("  [")[0].split(None, 3) for line in text.splitlines()[1:]]


def test_entities_by_number_of_articles(store_db: str) -> None:
    res = run("entities", "--db", store_db)
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[0].split() == ["articles", "mentions", "type", "name", "[id]"]
    rows = _table(res.stdout)
    assert rows[0] == ["3", "3", "LOC", "Quelmer"]  # articles 1, 2 and its copy 5
    assert rows[1] == ["2", "2", "LOC", "Lorvanie"]
    assert sorted(r[3] for r in rows[2:]) == ["Maëlle Kerbrat", "Yannick Le Goff"]


def test_entities_type_and_top(store_db: str) -> None:
    people = _table(run("entities", "--type", "PER", "--db", store_db).stdout)
    assert {r[2] for r in people} == {"PER"} and len(people) == 2
    assert len(_table(run("entities", "--top", "1", "--db", store_db).stdout)) == 1


def test_entity_found_whatever_its_case_and_accents(store_db: str) -> None:
    res = run("entity", "maelle KERBRAT", "--db", store_db)
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0].startswith("Maëlle Kerbrat (PER)  [")
    assert lines[1] == "1 articles, 1 mentions, 2025-03-04 – 2025-03-04"
    assert lines[-1].split() == ["cmd0000000000001", "2025-03-04", "×1", "Dépêche", "inventée", "1"]


def test_entity_limit_and_absent(store_db: str) -> None:
    res = run("entity", "Quelmer", "--limit", "1", "--db", store_db)
    assert [line for line in res.stdout.splitlines() if line.startswith("  cmd")] == [
        "  cmd0000000000002  2025-04-18  ×1  Dépêche inventée 2"]
    assert "only the first 1 shown" in res.stderr
    missing = run("entity", "Port-Lazare", "--db", store_db)
    assert missing.exit_code == 1 and "no entity 'Port-Lazare'" in missing.stderr


def test_kb_check_passes_on_the_shipped_kb() -> None:
    res = run("kb", "check")
    assert res.exit_code == 0, res.output
    assert res.stderr.strip() == "0 bad entries"


def test_kb_show_and_import_refusals(tmp_path) -> None:
    res = run("kb", "show", "Ophélie Drumont-Vasseur")
    assert res.exit_code == 1 and "is not in the KB" in res.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "person:ophelie", "name": "Ophélie"}\n', encoding="utf-8")
    res = run("kb", "import", str(bad), "--dir", str(tmp_path / "kb"))
    assert res.exit_code == 1 and "not imported" in res.stderr
    assert not (tmp_path / "kb").exists() or not any((tmp_path / "kb").iterdir())
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes('{"name": "Hélène"}\n'.encode("latin-1"))
    res = run("kb", "import", str(latin), "--dir", str(tmp_path / "kb"))
    assert res.exit_code == 1 and "not UTF-8 JSON lines (byte 0xe9" in res.stderr
