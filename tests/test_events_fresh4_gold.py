"""The fourth later dev batch of the events gold (``events_dev_fresh4.jsonl``, helper-evfresh4, issue 13):
dev pages that no other events file marks, nine of them on sites no other events file marks, read as
its own part (``fresh4``) and never with the census and training part (``dev+fresh``). The rows are
checked against the pages (spans inside the body, in order, triggers inside their sentence) when
``../shared`` is there."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT, ROOT / "bench"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))
import extra_events  # noqa: E402
from tools.real_pages.gold import GOLD_DIR, events_files, load, load_events, pages_part, sites, split  # noqa: E402
from tools.real_pages.view import PAGES  # noqa: E402

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
    events = [ev for r in rows for ev in r["events"]]
    assert len(events) >= 100
    assert {frozenset(ev) for ev in events} == {frozenset(("type", "source", "target", "mode", "date", "place", "trigger"))}
    assert {t for ev in events for t in extra_events._as_list(ev["type"])} <= extra_events.TYPES
    assert {ev["mode"] for ev in events} <= extra_events.MODES
    assert all(ev["date"] is None or ev["date"][:2] in ("19", "20") for ev in events)


def test_batch_is_its_own_dev_part() -> None:
    assert [p.name for p in events_files("fresh4")] == [NAME]
    assert pages_part("fresh4") == "dev"
    assert len(load_events("fresh4")) == len(load(GOLD_DIR / NAME))
    assert NAME not in [p.name for p in events_files("dev+fresh")]


@pytest.mark.skipif(not PAGES.is_dir(), reason="../shared corpus pages are not here")
def test_rows_fit_the_pages() -> None:
    entries, events = extra_events.load_gold(GOLD_DIR / "gold_dev.jsonl", GOLD_DIR / NAME)
    assert [e["page"] for e in entries] == list(events)
    assert extra_events.check(entries, events, extra_events.Pages(PAGES)) == []
