"""The fourth later dev batch of the events gold (``events_dev_fresh4.jsonl``, helper-evfresh4, issue 13):
dev pages that no other events file marks, nine of them on sites no other events file marks, read as
its own part (``fresh4``) and never with the census and training part (``dev+fresh``). The rows are
checked against the pages (spans inside the body, in order, triggers inside their sentence) when
``../shared`` is there."""

from __future__ import annotations

import pytest
from tools.real_pages.gold import GOLD_DIR, load, sites, split
from tools.real_pages.view import PAGES

from events_batch_checks import (
    check_events_well_formed,
    check_own_dev_part,
    check_rows_fit_the_pages,
)

NAME = "events_dev_fresh4.jsonl"
OTHERS = ("events_dev.jsonl", "events_dev_fresh.jsonl", "events_dev_fresh2.jsonl", "events_dev_fresh3.jsonl",
          "events_dev_second.jsonl", "events_test.jsonl")


def test_rows_are_well_formed_dev_sentences_of_unmarked_pages() -> None:
    rows = load(GOLD_DIR / NAME)
    assert len(rows) >= 300 and {r["annotator"] for r in rows} == {"helper-evfresh4"}
    parts, site_of = split(), sites()
    assert {parts[r["page"]] for r in rows} == {"dev"} and {r["part"] for r in rows} == {"dev"}
    pages = {r["page"] for r in rows}
    older = [r for name in OTHERS for r in load(GOLD_DIR / name)]
    assert len(pages) >= 25 and not pages & {r["page"] for r in older}
    assert len({site_of[p] for p in pages} - {site_of[r["page"]] for r in older}) >= 8
    check_events_well_formed(rows, least=100)


def test_batch_is_its_own_dev_part() -> None:
    check_own_dev_part(NAME, "fresh4")


@pytest.mark.skipif(not PAGES.is_dir(), reason="../shared corpus pages are not here")
def test_rows_fit_the_pages() -> None:
    check_rows_fit_the_pages(NAME)
