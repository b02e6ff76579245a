"""The third who test batch (``who_test_third.jsonl``, helper-annotwhoB, issue 16): test pages that had no
who gold, marked before Veille was run on them. The rows are well formed test rows, no page is marked in
an earlier who file, and every position sits on the gold title or a body line of the page view
(``tools/real_pages/who_check.py``, checked for every who file by ``test_real_who_gold.py``) when ``../shared`` is there (the pages are copyrighted and stay there).
Wiring the batch into ``bench/real_eval.py`` parts is the gold loader's business, not this file's."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tools.real_pages.gold import GOLD_DIR, annotated_twice, load, sites, split  # noqa: E402

from who_gold_support import assert_rows_well_formed  # noqa: E402

THIRD = GOLD_DIR / "who_test_third.jsonl"
EARLIER = ("who_dev.jsonl", "who_dev_fresh.jsonl", "who_test.jsonl", "who_test_second.jsonl")


def test_rows_are_test_pages_of_one_annotator_on_ten_sites_or_more() -> None:
    rows = load(THIRD)
    assert len(rows) >= 12 and {r["annotator"] for r in rows} == {"helper-annotwhoB"}
    parts, site_of = split(), sites()
    assert {parts[r["page"]] for r in rows} == {"test"} and {r["part"] for r in rows} == {"test"}
    assert len({site_of[r["page"]] for r in rows}) >= 10
    assert annotated_twice(rows) == []
    assert_rows_well_formed(rows)


def test_no_page_is_marked_in_an_earlier_who_file() -> None:
    mine = {r["page"] for r in load(THIRD)}
    for name in EARLIER:
        path = GOLD_DIR / name
        if path.exists():
            assert not mine & {r["page"] for r in load(path)}, name
