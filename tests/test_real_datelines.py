"""The dateline gold of the real pages (tools/real_pages/datelines.py): its rows and its tally.

Invented values only; the pages stay in ../shared (the span check skips without them)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.real_pages import datelines  # noqa: E402
from tools.real_pages.gold import load  # noqa: E402


def test_tally_counts_presence_and_fields() -> None:
    tally = datelines.DatelineTally()
    tally.add({"place": "Valmorin", "agency": "AFP", "date": None}, {"place": "VALMORIN", "agency": "afp", "date": None})
    tally.add({"place": "Saint-Évrard", "agency": None, "date": None}, None)
    tally.add(None, {"place": "Chapitre", "agency": None, "date": "2024-05-04"})
    assert tally.add(None, None) == []
    r = tally.result()
    assert (r["dl_gold"], r["dl_pred"]) == (2, 2)
    assert r["dl_has_p"] == pytest.approx(0.5) and r["dl_has_r"] == pytest.approx(0.5)
    assert r["dl_place"] == pytest.approx(0.5)  # right on the first and last page
    assert r["dl_place_gold"] == pytest.approx(0.5) and r["dl_agency_gold"] == 1.0
    assert r["dl_date"] == pytest.approx(0.75)


def test_places_compare_without_case_or_accents() -> None:
    assert datelines.norm("SAINT-ÉVRARD") == datelines.norm("Saint-Evrard")
    assert datelines.norm(None) is None


@pytest.mark.parametrize("part", ["dev", "test"])
def test_every_page_of_the_page_gold_has_a_dateline_row(part: str) -> None:
    rows = datelines.load(part)
    pages = {e["page"] for e in load(datelines.GOLD_DIR / f"gold_{part}.jsonl")}
    assert set(rows) == pages
    for row in rows.values():
        d = row["dateline"]
        if d is not None:
            assert d["place"] or d["agency"], row["page"]
            assert d["start"] < d["end"] and d["form"] and len(d["check"]) == 10
        else:
            assert row.get("note") in (None, "byline-place", "glued-kicker", "agency-byline", "section-place")


def test_spans_match_the_pages() -> None:
    from tools.real_pages.view import PAGES

    if not PAGES.is_dir():
        pytest.skip("../shared/corpus/web/pages is not there")
    assert datelines.check() == 0
