"""The fifth later dev batch of the events gold (``events_dev_fresh5.jsonl``, helper-evfresh5, issue 13): the
dev pages no other events file marks (health, culture, lifestyle, essays, a chronology), every sentence, read
as its own part (``fresh5``) and never with the census and training part (``dev+fresh``). The rows are
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
from tools.real_pages.gold import GOLD_DIR, events_files, load, load_events, pages_part, split  # noqa: E402
from tools.real_pages.view import PAGES  # noqa: E402

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
    events = [ev for r in rows for ev in r["events"]]
    assert len(events) >= 100
    assert {frozenset(ev) for ev in events} == {frozenset(("type", "source", "target", "mode", "date", "place", "trigger"))}
    assert {t for ev in events for t in extra_events._as_list(ev["type"])} <= extra_events.TYPES
    assert {ev["mode"] for ev in events} <= extra_events.MODES
    assert all(ev["date"] is None or ev["date"][:2] in ("19", "20") for ev in events)


def test_batch_is_its_own_dev_part() -> None:
    assert [p.name for p in events_files("fresh5")] == [NAME]
    assert pages_part("fresh5") == "dev"
    assert len(load_events("fresh5")) == len(load(GOLD_DIR / NAME))
    assert NAME not in [p.name for p in events_files("dev+fresh")]


@pytest.mark.skipif(not PAGES.is_dir(), reason="../shared corpus pages are not here")
def test_rows_fit_the_pages() -> None:
    entries, events = extra_events.load_gold(GOLD_DIR / "gold_dev.jsonl", GOLD_DIR / NAME)
    assert [e["page"] for e in entries] == list(events)
    assert extra_events.check(entries, events, extra_events.Pages(PAGES)) == []
