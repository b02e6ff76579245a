"""The fourth who test batch (``who_test_fourth.jsonl``, helper-annotwhoC, issue 16): the last twelve test pages
that had no who gold, marked before Veille was run on them. With it every test page has who gold. The rows are
well formed test rows, no page is marked in an earlier who file, and every position sits on the gold title or
a body line of the page view (``tools/real_pages/who_check.py``, checked for every who file by ``test_real_who_gold.py``) when ``../shared`` is there (the pages are
copyrighted and stay there)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tools.real_pages.gold import GOLD_DIR, annotated_twice, load, split  # noqa: E402

from who_gold_support import assert_rows_well_formed  # noqa: E402

FOURTH = GOLD_DIR / "who_test_fourth.jsonl"
EARLIER = ("who_dev.jsonl", "who_dev_fresh.jsonl", "who_test.jsonl", "who_test_second.jsonl", "who_test_third.jsonl")
TEST_FILES = ("who_test.jsonl", "who_test_second.jsonl", "who_test_third.jsonl", "who_test_fourth.jsonl")


def test_rows_are_test_pages_of_one_annotator() -> None:
    rows = load(FOURTH)
    assert len(rows) == 12 and {r["annotator"] for r in rows} == {"helper-annotwhoC"}
    parts = split()
    assert {parts[r["page"]] for r in rows} == {"test"} and {r["part"] for r in rows} == {"test"}
    assert annotated_twice(rows) == []
    assert_rows_well_formed(rows, speakers_are_entities=True)


def test_no_page_is_marked_in_an_earlier_who_file() -> None:
    mine = {r["page"] for r in load(FOURTH)}
    for name in EARLIER:
        path = GOLD_DIR / name
        if path.exists():
            assert not mine & {r["page"] for r in load(path)}, name


def test_every_test_page_has_who_gold() -> None:
    pages = {r["page"] for name in TEST_FILES for r in load(GOLD_DIR / name)}
    assert pages == {page for page, part in split().items() if part == "test"}
