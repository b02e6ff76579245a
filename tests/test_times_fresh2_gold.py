"""The second fresh times batch (``tests/data/real_pages/times_dev_fresh2.jsonl``, helper-annottimes2):
it loads as ``fresh2`` and inside ``dev``, its spans sit in the gold title and body without overlap,
its values are TIMEX3 values, and its sites are ones no other times file marks. The checker itself is
tried on an invented page. The stored-file checks need ../shared and skip without it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.real_pages.gold import GOLD_DIR, gold_files, load, sites  # noqa: E402
from tools.real_pages.times import times_rows  # noqa: E402
from tools.real_pages.times_check import VALUE, file_problems, row_problems  # noqa: E402
from tools.real_pages.view import PAGES  # noqa: E402

FRESH2 = GOLD_DIR / "times_dev_fresh2.jsonl"

# An invented page view: menu, title, two body lines, a caption left out of the body.
LINES = ["Accueil", "Crue à Valmont : la digue cède mardi", "Les pompiers sont intervenus lundi soir",
         "pendant trois heures.", "Photo : la digue."]
ENTRY = {"page": "w9998", "title": {"line": 2, "start": 0, "end": None}, "body": [[3, 5]], "exclude": [5]}


def test_the_batch_is_wired_alone_and_inside_dev():
    assert gold_files("times", "fresh2") == [FRESH2]
    assert FRESH2 in gold_files("times", "dev") and GOLD_DIR / "times_dev_fresh.jsonl" in gold_files("times", "dev")


def test_the_checker_finds_misplaced_overlapping_and_malformed_times():
    good = {"page": "w9998", "times": [
        {"start": [2, 31], "end": [2, 36], "type": "DATE", "value": "2024-03-05"},
        {"start": [3, 29], "end": [3, 39], "type": "TIME", "value": "2024-03-04TEV"},
        {"start": [4, 8], "end": [4, 20], "type": "DURATION", "value": "PT3H"}]}
    assert row_problems(good, ENTRY, LINES) == []
    bad = {"page": "w9998", "times": [
        {"start": [3, 29], "end": [3, 34], "type": "DATE", "value": "2024-03-04"},   # inside "lundi soir"
        {"start": [3, 29], "end": [3, 39], "type": "TIME", "value": "2024-03-04TEV"},
        {"start": [5, 0], "end": [5, 5], "type": "DATE", "value": "2024"},           # the caption
        {"start": [4, 8], "end": [4, 20], "type": "DURATION", "value": "3 heures"},
        {"start": [4, 7], "end": [4, 20], "type": "PERIOD", "value": None}]}
    found = " | ".join(row_problems(bad, ENTRY, LINES))
    for problem in ("overlapping", "outside the title and body", "not a TIMEX3 value", "type 'PERIOD'",
                    "null value", "blank space"):
        assert problem in found, problem


def test_values_the_batch_uses_are_timex3_values():
    for value in ("2021-W28", "2016-W43-WE", "XXXX-WXX-WE", "2025-H2", "196X", "16", "P30M", "PT90M", "P8CE",
                  "PXCE", "XXXX-XX-XXTDT", "2015-11-08TNI", "PAST_REF"):
        assert VALUE.match(value), value
    for value in ("2021-W28-8", "P", "3 ans", "2024-13-40T"):
        assert not VALUE.match(value), value


@pytest.mark.skipif(not PAGES.is_dir() or not FRESH2.exists(), reason="../shared pages or the fresh2 gold are not there")
def test_the_stored_batch_is_placed_well_formed_and_on_unseen_sites():
    assert file_problems(FRESH2) == []
    rows = times_rows("fresh2")
    assert len(rows) >= 30 and all(r["annotator"] == "helper-annottimes2" and r["part"] == "dev" for r in rows.values())
    assert set(rows) <= set(times_rows("dev"))
    site = sites()
    others = {site[row["page"]] for name in ("times_dev.jsonl", "times_dev_fresh.jsonl", "times_test.jsonl")
              for row in load(GOLD_DIR / name)}
    fresh2_sites = {site[p] for p in rows}
    assert len(fresh2_sites) >= 25 and not fresh2_sites & others
