"""The reading that dated a page (the clean stage's ``date_origin`` hint) and the aggregates-only
counts of bench/pubgap_shape.py, on invented pages and gold entries."""

from __future__ import annotations

import sys
from pathlib import Path

from test_clean_dumps import PARA_1, PARA_2, PARA_3, _stage_run, lynx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from pubgap_shape import OUTCOMES, outcome, table  # noqa: E402


def _dump(stamp: str | None) -> str:
    lines = ["   Le Courrier de Valmorin", "", "     * Accueil", "     * Région", "     * Sports", "",
             "   (BUTTON) Menu", "", "Le pont de la Lisse rouvre aux piétons", ""]
    lines += [f"   Par Jeanne Castel - Publié le {stamp}", ""] if stamp else []
    lines += [lynx(PARA_1), "", lynx(PARA_2), "", lynx(PARA_3)]
    return "\n".join(lines) + "\n"


def test_the_date_origin_names_the_reading_that_dated_the_page() -> None:
    art = _stage_run(_dump("12 mars 2024 à 10h45"))
    assert art.published == "2024-03-12"
    assert art.hints["date_origin"] == "head" and art.published_from == "text"
    undated = _stage_run(_dump(None))
    assert undated.published is None and undated.hints["date_origin"] == "none"
    plain = _stage_run("Le pont rouvre\n\n" + PARA_1 + "\n\nPublié le 12 mars 2024\n")
    assert plain.hints["date_origin"] == "lines"


def test_outcome_tells_right_wrong_null_and_spurious() -> None:
    gold = {"published": "2024-03-12", "published_accept": ["2024-03-11"]}
    assert [outcome(p, gold) for p in ("2024-03-12", "2024-03-11", "2024-03-13", None)] == \
        ["right", "right", "wrong", "null"]
    assert outcome("2024-03-12", {"published": None}) == "spurious"
    assert outcome(None, {"published": None}) == "right"


def test_table_prints_counts_and_ids_only(capsys) -> None:  # noqa: ANN001 - pytest fixture
    rows = [{"page": "p1", "part": "dev", "site": "a.fr", "origin": "head>text", "outcome": "right"},
            {"page": "p2", "part": "dev", "site": "b.fr", "origin": "head>text", "outcome": "wrong"},
            {"page": "p3", "part": "test", "site": "c.fr", "origin": "none>-", "outcome": "null"}]
    table(rows, "origin", ["dev", "test"], ids=True)
    out = capsys.readouterr().out
    assert "1/1/0/0 ( 1 s.)" in out and "0/0/1/0 ( 1 s.)" in out
    assert "dev:p2:wrong" in out and "test:p3:null" in out
    assert len(OUTCOMES) == 4
