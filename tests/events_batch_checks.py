"""What every later events gold batch's test asks of its file (issue 13): its events well formed, the batch
read as its own part and never with the census and training part, its rows fitting the corpus pages."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT, ROOT / "bench"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))
import extra_events  # noqa: E402
from tools.real_pages.gold import GOLD_DIR, events_files, load, load_events, pages_part  # noqa: E402
from tools.real_pages.view import PAGES  # noqa: E402

EVENT_KEYS = frozenset(("type", "source", "target", "mode", "date", "place", "trigger"))


def check_events_well_formed(rows: list[dict], least: int) -> None:
    events = [ev for r in rows for ev in r["events"]]
    assert len(events) >= least
    assert {frozenset(ev) for ev in events} == {EVENT_KEYS}
    assert {t for ev in events for t in extra_events._as_list(ev["type"])} <= extra_events.TYPES
    assert {ev["mode"] for ev in events} <= extra_events.MODES
    assert all(ev["date"] is None or ev["date"][:2] in ("19", "20") for ev in events)


def check_own_dev_part(name: str, part: str) -> None:
    assert [p.name for p in events_files(part)] == [name]
    assert pages_part(part) == "dev"
    assert len(load_events(part)) == len(load(GOLD_DIR / name))
    assert name not in [p.name for p in events_files("dev+fresh")]


def check_rows_fit_the_pages(name: str) -> None:
    entries, events = extra_events.load_gold(GOLD_DIR / "gold_dev.jsonl", GOLD_DIR / name)
    assert [e["page"] for e in entries] == list(events)
    assert extra_events.check(entries, events, extra_events.Pages(PAGES)) == []
