"""The later dev batch of the events gold (``events_dev_fresh.jsonl``, issue 13): well formed, on dev
pages no other events file marks, and read as its own part (``fresh``) and with dev (``dev+fresh``; the
held-out batches on unseen sites, ``fresh2`` and ``fresh3``, are read alone: ``test_events_unseen_sites_gold.py``).
Only the committed positions and labels are read; no page text."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.real_pages import event_cv  # noqa: E402
from tools.real_pages.gold import GOLD_DIR, events_files, load, load_events, pages_part, split  # noqa: E402

from veille.model import EVENT_TYPES  # noqa: E402

MODES = {"fact", "intent", "negated", "hypothetical", "demanded"}


def test_fresh_rows_are_well_formed_dev_sentences_of_new_pages() -> None:
    fresh = load(GOLD_DIR / "events_dev_fresh.jsonl")
    assert len(fresh) >= 150 and {r["annotator"] for r in fresh} == {"helper-annotev"}
    parts = split()
    assert {parts[r["page"]] for r in fresh} == {"dev"} and {r["part"] for r in fresh} == {"dev"}
    elsewhere = {r["page"] for name in ("events_dev.jsonl", "events_dev_second.jsonl", "events_test.jsonl")
                 for r in load(GOLD_DIR / name)}
    assert not {r["page"] for r in fresh} & elsewhere
    for r in fresh:
        assert tuple(r["start"]) < tuple(r["end"])
        for e in r["events"]:
            types = e["type"] if isinstance(e["type"], list) else [e["type"]]
            assert set(types) <= set(EVENT_TYPES) and e["mode"] in MODES
            line, a, b = e["trigger"]
            assert r["start"][0] <= line <= r["end"][0] and a < b
            assert e["date"] is None or e["date"][:2] in ("19", "20")


def test_parts_read_their_files() -> None:
    assert [p.name for p in events_files("fresh")] == ["events_dev_fresh.jsonl"]
    assert [p.name for p in events_files("dev+fresh")] == ["events_dev.jsonl", "events_dev_fresh.jsonl"]
    assert [p.name for p in events_files("test")] == ["events_test.jsonl"]
    assert pages_part("fresh") == pages_part("dev+fresh") == "dev" and pages_part("test") == "test"
    every = load_events("dev+fresh")
    assert len(every) == len(load_events("dev")) + len(load_events("fresh"))


def test_the_cv_runs_on_dev_only() -> None:
    try:
        event_cv.use_part("dev+fresh")
        assert event_cv.gold_part() == "dev+fresh"
        for wrong in ("test", "fresh"):
            try:
                event_cv.use_part(wrong)
            except ValueError:
                continue
            raise AssertionError(f"{wrong} accepted")
    finally:
        event_cv.use_part("dev")
    assert event_cv.gold_part() == "dev"
