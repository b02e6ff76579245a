"""The second later dev batch of the events gold (``events_dev_fresh2.jsonl``, helper-annotev2, issue 13):
dev pages on sites that no other events file marks (unseen sites, not only unseen pages), read as its
own part (``fresh2``) and with the rest of dev (``dev+fresh``). The rows are checked against the pages
(spans inside the body, triggers inside their sentence, no page marked twice) when ``../shared`` is there."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT, ROOT / "bench"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))
import extra_events  # noqa: E402
from tools.real_pages.gold import (  # noqa: E402
    GOLD_DIR,
    annotated_twice,
    events_files,
    load,
    load_events,
    pages_part,
    sites,
    split,
)
from tools.real_pages.view import PAGES  # noqa: E402

FRESH2 = GOLD_DIR / "events_dev_fresh2.jsonl"
OTHER_EVENTS = ("events_dev.jsonl", "events_dev_fresh.jsonl", "events_dev_second.jsonl", "events_test.jsonl")


def test_rows_are_well_formed_dev_sentences_on_new_sites() -> None:
    rows = load(FRESH2)
    assert len(rows) >= 180 and {r["annotator"] for r in rows} == {"helper-annotev2"}
    parts, site_of = split(), sites()
    assert {parts[r["page"]] for r in rows} == {"dev"} and {r["part"] for r in rows} == {"dev"}
    assert len({site_of[r["page"]] for r in rows}) >= 15
    older_sites = {site_of[r["page"]] for name in OTHER_EVENTS for r in load(GOLD_DIR / name)}
    assert not {site_of[r["page"]] for r in rows} & older_sites
    for r in rows:
        assert tuple(r["start"]) < tuple(r["end"])
        for ev in r["events"]:
            assert set(ev) == {"type", "source", "target", "mode", "date", "place", "trigger"}
            assert set(extra_events._as_list(ev["type"])) <= extra_events.TYPES
            assert ev["mode"] in extra_events.MODES
            line, a, b = ev["trigger"]
            assert r["start"][0] <= line <= r["end"][0] and a < b
            assert ev["date"] is None or ev["date"][:2] in ("19", "20")


def test_fresh2_is_its_own_dev_part() -> None:
    assert [p.name for p in events_files("fresh2")] == ["events_dev_fresh2.jsonl"]
    assert pages_part("fresh2") == "dev"
    assert len(load_events("fresh2")) == len(load(FRESH2))
    # held out: the census and training part of dev never reads it
    assert "events_dev_fresh2.jsonl" not in [p.name for p in events_files("dev+fresh")]


@pytest.mark.skipif(not PAGES.is_dir(), reason="../shared corpus pages are not here")
def test_rows_fit_the_pages() -> None:
    rows = load(FRESH2)
    entries, events = extra_events.load_gold(GOLD_DIR / "gold_dev.jsonl", FRESH2)
    assert [e["page"] for e in entries] == list(events)
    problems = extra_events.check(entries, events, extra_events.Pages(PAGES))
    # a page's rows are one block of the file: a page met again after another one is marked twice
    blocks = [r["page"] for i, r in enumerate(rows) if i == 0 or rows[i - 1]["page"] != r["page"]]
    problems += annotated_twice([{"page": page} for page in blocks])
    assert problems == []
