"""The knowledge base loader: folding, indexes, dated roles, validation, user import."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from veille.kb import (
    KB_DIR,
    build_kb,
    fold,
    import_entries,
    kb_files,
    norm,
    phonetic,
    read_jsonl,
    validate_entry,
)

FIXTURE = Path(__file__).parent / "data" / "kb_fixture"


@pytest.fixture(scope="module")
def kb():
    return build_kb([FIXTURE])


@given(st.text())
def test_fold_keeps_length_so_offsets_survive(s):
    assert len(fold(s)) == len(s)


def test_fold_and_norm():
    assert fold("l’États-Unis") == "l'etats unis"
    assert norm("  Sergueï   LAVROV. ") == "serguei lavrov"
    assert norm("Erdoğan") == norm("Erdogan")


@pytest.mark.parametrize("a,b", [("Volodimir Zelenski", "Volodymyr Zelensky"), ("Anthony", "Antony"),
                                 ("Sergey", "Sergueï"), ("Mykhaïlo Podoliak", "Mykhailo Podolyak")])
def test_phonetic_key_merges_transliterations(a, b):
    assert phonetic(a) == phonetic(b)


def test_phonetic_key_keeps_different_names_apart():
    assert phonetic("Erna") != phonetic("Jens")
    assert phonetic("Paul") != phonetic("Joe")


def test_lookup_ignores_case_accents_and_hyphens(kb):
    assert kb.lookup("etats unis") == ["country:US"]
    assert kb.lookup("NATO") == ["org:nato"]
    assert kb.lookup("KYIV") == ["place:kiev"]
    assert kb.lookup("Kyiv", "PER") == []
    assert kb.lookup("Atlantide") == []


def test_surnames_and_demonyms(kb):
    assert kb.surnames["stoltenberg"] == ["person:jens-stoltenberg"]
    assert kb.demonyms["americaines"] == "country:US"
    # a historical state's demonym never stands for a present-day country
    assert "sovietique" not in kb.demonyms


def test_role_holders_follow_dates(kb):
    def who(date):
        return [r.person for r in kb.holders("secretary_general", "org:nato", date)]

    assert who("2022-04-06") == ["person:jens-stoltenberg"]
    assert who("2025-02-01") == ["person:mark-rutte"]
    assert who("2024") == ["person:jens-stoltenberg", "person:mark-rutte"]  # a year covers both
    assert who("2010-01-01") == []
    assert [r.person for r in kb.holders("head_of_state", "country:US", "2019-06")] == ["person:donald-trump"]


def test_nationalities_include_countries_served(kb):
    assert kb.nationalities("person:jens-stoltenberg") == {"country:NO"}
    assert "country:US" in kb.nationalities("person:antony-blinken")


def test_places_stand_for_their_government_or_seated_organisations(kb):
    assert kb.capitals["place:moscou"] == "country:RU"
    assert kb.seats["place:bruxelles"] == ["org:eu", "org:nato"]
    assert "place:mer-noire" not in kb.stands_for


def test_organisation_descriptors_drop_the_article(kb):
    assert kb.descriptors["alliance"] == ["org:nato"]


@pytest.mark.parametrize("entry,problem", [
    ({"name": "X", "type": "PER"}, "id"),
    ({"id": "person:x", "name": "X", "type": "PERSON"}, "type"),
    ({"id": "person:x", "name": "X", "type": "PER", "aliases": "Y"}, "aliases"),
    ({"id": "person:x", "name": "X", "type": "PER", "roles": [{"role": "emperor", "of": "country:FR"}]}, "role"),
    ({"id": "person:x", "name": "X", "type": "PER",
      "roles": [{"role": "head_of_state", "of": "country:FR", "start": "12/05/2020"}]}, "date"),
    ({"id": "no colon", "name": "X", "type": "PER"}, "kind:slug"),
])
def test_validation_names_the_problem(entry, problem):
    errs = validate_entry(entry)
    assert errs and problem in " ".join(errs)


def test_every_shipped_kb_line_is_valid():
    files = kb_files([KB_DIR])
    assert files, "the KB data files are missing"
    ids = set()
    for path in files:
        for n, entry in read_jsonl(path):
            assert not isinstance(entry, Exception), f"{path.name}:{n}: {entry}"
            assert validate_entry(entry) == [], f"{path.name}:{n}"
            ids.add(entry["id"])
    for probe in ("country:UA", "org:nato", "place:kiev"):
        assert probe in ids


def test_readme_examples_follow_the_format():
    readme = (KB_DIR / "README.md").read_text(encoding="utf-8")
    lines = [line for block in re.findall(r"```json\n(.*?)```", readme, re.S) for line in block.splitlines()]
    entries = [json.loads(line) for line in lines if line.strip()]
    assert len(entries) >= 4
    for e in entries:
        assert validate_entry(e) == []


def test_import_merges_by_id_and_is_loaded(tmp_path):
    src = tmp_path / "mine.jsonl"
    entry = {"id": "person:lea-fontanel", "name": "Léa Fontanel", "type": "PER", "aliases": ["Lea Fontanel"],
             "roles": [{"role": "spokesperson", "of": "country:FR", "start": "2024-01-15", "end": None}],
             "source": "test"}
    src.write_text(json.dumps(entry, ensure_ascii=False) + "\n", encoding="utf-8")
    target = tmp_path / "userkb"
    n, out = import_entries(src, target)
    assert n == 1 and out == target / "user.jsonl"
    entry["aliases"].append("L. Fontanel")
    src.write_text(json.dumps(entry, ensure_ascii=False) + "\n", encoding="utf-8")
    import_entries(src, target)
    stored = [e for _, e in read_jsonl(out)]
    assert len(stored) == 1 and "L. Fontanel" in stored[0]["aliases"]
    merged = build_kb([FIXTURE, target])
    assert merged.lookup("lea fontanel") == ["person:lea-fontanel"]
    assert merged.lookup("Kiev") == ["place:kiev"]


def test_import_refuses_a_bad_file_and_writes_nothing(tmp_path):
    src = tmp_path / "bad.jsonl"
    src.write_text('{"id": "org:x", "name": "X", "type": "ORG"}\n{"id": "org:y", "type": "ORG"}\nnot json\n',
                   encoding="utf-8")
    with pytest.raises(ValueError) as err:
        import_entries(src, tmp_path / "userkb")
    assert "line 2" in str(err.value) and "line 3" in str(err.value)
    assert not (tmp_path / "userkb" / "user.jsonl").exists()


def test_cli_kb_import_and_show(tmp_path, monkeypatch):
    from veille.cli import cli

    monkeypatch.setenv("VEILLE_KB_DIR", str(tmp_path / "userkb"))
    src = tmp_path / "mine.jsonl"
    src.write_text(json.dumps({"id": "org:club-test", "name": "Club des Essais", "type": "ORG",
                               "aliases": ["CDE"], "source": "test"}) + "\n", encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(cli, ["kb", "import", str(src)])
    assert res.exit_code == 0, res.output
    assert "1 entries imported" in res.output
    res = runner.invoke(cli, ["kb", "show", "CDE"])
    assert res.exit_code == 0 and "Club des Essais" in res.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    res = runner.invoke(cli, ["kb", "import", str(bad)])
    assert res.exit_code != 0 and "line 1" in res.output


def test_cli_kb_show_finds_a_part_of_a_name_in_any_spelling(tmp_path, monkeypatch):
    """A user types the surname, lower-case or transliterated: the entries holding it are listed
    (after a line saying no entry has exactly that name); a name held nowhere is still an error."""
    from veille.cli import cli

    monkeypatch.setenv("VEILLE_KB_DIR", str(tmp_path / "userkb"))
    src = tmp_path / "mine.jsonl"  # an invented person
    src.write_text(json.dumps({"id": "person:oleksandr-verbytsky", "name": "Oleksandr Verbytsky", "type": "PER",
                               "aliases": ["Oleksandr Verbytskyy"], "source": "test"}) + "\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["kb", "import", str(src)]).exit_code == 0
    for typed in ("verbytsky", "Verbytski", "VERBYTSKYY"):
        res = runner.invoke(cli, ["kb", "show", typed])
        assert res.exit_code == 0, (typed, res.output)
        assert "Oleksandr Verbytsky (PER)  [person:oleksandr-verbytsky]" in res.output
        assert "no KB entry is called" in res.output
    res = runner.invoke(cli, ["kb", "show", "Verbytskaïa-Zzz"])
    assert res.exit_code == 1 and "is not in the KB" in res.output
