"""The fourth fresh times batch (``tests/data/real_pages/times_dev_fresh4.jsonl``, helper-timefresh4):
it loads as ``fresh4`` and inside ``dev``, its spans sit in the gold title and body without overlap, its values are TIMEX3
values, no other times file marks its pages, and with it every dated dev page has times gold but the one
whose text reads another year than its date. The stored-file checks need ../shared and skip without it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.real_pages.gold import GOLD_DIR, gold_files, load, split  # noqa: E402
from tools.real_pages.times import locate  # noqa: E402
from tools.real_pages.times_check import file_problems  # noqa: E402
from tools.real_pages.view import PAGES  # noqa: E402

FRESH4 = GOLD_DIR / "times_dev_fresh4.jsonl"
# a dated dev page left out: its text reads a year before its gold date (fresh2 and fresh3 found it so)
LEFT_OUT = {"w0239"}


def test_the_batch_is_wired_alone_and_inside_dev():
    assert gold_files("times", "fresh4") == [FRESH4]
    assert FRESH4 in gold_files("times", "dev")


def test_a_prediction_is_never_placed_inside_a_longer_word():
    # "mai" is no part of "lendemain": placed by its wording, it goes to the month further on
    text = "Au lendemain du vote, Lise Roy partira en mai."
    assert locate(text, [{"text": "mai"}]) == [(text.index(" mai") + 1, text.index(" mai") + 4, 0)]
    assert locate(text, [{"text": "mai"}, {"text": "lendemain"}]) == [(3, 12, 1), (42, 45, 0)]


@pytest.mark.skipif(not PAGES.is_dir() or not FRESH4.exists(), reason="../shared pages or the fresh4 gold are not there")
def test_the_stored_batch_is_placed_well_formed_and_new():
    assert file_problems(FRESH4) == []
    rows = load(FRESH4)
    pages = {row["page"] for row in rows}
    assert len(pages) == len(rows) >= 24
    assert all(row["annotator"] == "helper-timefresh4" and row["part"] == "dev" for row in rows)
    others = {row["page"] for path in GOLD_DIR.glob("times_*.jsonl") if path != FRESH4 for row in load(path)}
    assert not pages & others
    dated = {e["page"] for e in load(GOLD_DIR / "gold_dev.jsonl") if e.get("article", True) and e.get("published")}
    parts = split()
    assert {p for p in dated if parts.get(p) == "dev"} - pages - others == LEFT_OUT
