"""The fifth later dev batch of the events gold (``events_dev_fresh5.jsonl``, helper-evfresh5, issue 13): the
dev pages no other events file marks (health, culture, lifestyle, essays, a chronology), every sentence, read
as its own part (``fresh5``) and never with the census and training part (``dev+fresh``). The rows are
checked against the pages (spans inside the body, in order, triggers inside their sentence) when
``../shared`` is there."""

from __future__ import annotations

import pytest
from tools.real_pages.gold import GOLD_DIR, load, split
from tools.real_pages.view import PAGES

from events_batch_checks import (
    check_events_well_formed,
    check_own_dev_part,
    check_rows_fit_the_pages,
)

NAME = "events_dev_fresh5.jsonl"
OTHERS = ("events_dev.jsonl", "events_dev_fresh.jsonl", "events_dev_fresh2.jsonl", "events_dev_fresh3.jsonl",
          "events_dev_fresh4.jsonl", "events_dev_second.jsonl", "events_test.jsonl")


def test_rows_are_whole_dev_pages_no_other_file_marks() -> None:
    rows = load(GOLD_DIR / NAME)
    assert len(rows) >= 1000 and {r["annotator"] for r in rows} == {"helper-evfresh5"}
    assert {split()[r["page"]] for r in rows} == {"dev"} and {r["part"] for r in rows} == {"dev"}
    assert not any(r.get("partial") for r in rows)
    pages = {r["page"] for r in rows}
    older = {r["page"] for name in OTHERS for r in load(GOLD_DIR / name)}
    assert len(pages) == 20 and not pages & older
    check_events_well_formed(rows, least=100)


def test_batch_is_its_own_dev_part() -> None:
    check_own_dev_part(NAME, "fresh5")


@pytest.mark.skipif(not PAGES.is_dir(), reason="../shared corpus pages are not here")
def test_rows_fit_the_pages() -> None:
    check_rows_fit_the_pages(NAME)
