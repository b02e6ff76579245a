"""The held-out dev batches of the events gold on unseen sites (issue 13): ``events_dev_fresh2.jsonl``
(helper-annotev2) and ``events_dev_fresh3.jsonl`` (helper-annotev3), dev pages on sites that no earlier
events file marks (unseen sites, not only unseen pages), each read as its own part (``fresh2``,
``fresh3``) and never with the rest of dev (``dev+fresh``). The rows are checked against the pages
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

OLDER_EVENTS = ("events_dev.jsonl", "events_dev_fresh.jsonl", "events_dev_second.jsonl", "events_test.jsonl")
# part, file, annotator, at least so many rows and sites, the files whose sites it must not share
BATCHES = [
    ("fresh2", "events_dev_fresh2.jsonl", "helper-annotev2", 180, 15, OLDER_EVENTS),
    ("fresh3", "events_dev_fresh3.jsonl", "helper-annotev3", 300, 25, (*OLDER_EVENTS, "events_dev_fresh2.jsonl")),
]
IDS = [b[0] for b in BATCHES]


@pytest.mark.parametrize(("part", "name", "annotator", "min_rows", "min_sites", "older"), BATCHES, ids=IDS)
def test_rows_are_well_formed_dev_sentences_on_new_sites(
    part: str, name: str, annotator: str, min_rows: int, min_sites: int, older: tuple[str, ...]
) -> None:
    rows = load(GOLD_DIR / name)
    assert len(rows) >= min_rows and {r["annotator"] for r in rows} == {annotator}
    parts, site_of = split(), sites()
    assert {parts[r["page"]] for r in rows} == {"dev"} and {r["part"] for r in rows} == {"dev"}
    assert len({site_of[r["page"]] for r in rows}) >= min_sites
    older_sites = {site_of[r["page"]] for old in older for r in load(GOLD_DIR / old)}
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


@pytest.mark.parametrize(("part", "name"), [b[:2] for b in BATCHES], ids=IDS)
def test_batch_is_its_own_dev_part(part: str, name: str) -> None:
    assert [p.name for p in events_files(part)] == [name]
    assert pages_part(part) == "dev"
    assert len(load_events(part)) == len(load(GOLD_DIR / name))
    # held out: the census and training part of dev never reads it
    assert name not in [p.name for p in events_files("dev+fresh")]


@pytest.mark.skipif(not PAGES.is_dir(), reason="../shared corpus pages are not here")
@pytest.mark.parametrize("name", [b[1] for b in BATCHES], ids=IDS)
def test_rows_fit_the_pages(name: str) -> None:
    rows = load(GOLD_DIR / name)
    entries, events = extra_events.load_gold(GOLD_DIR / "gold_dev.jsonl", GOLD_DIR / name)
    assert [e["page"] for e in entries] == list(events)
    problems = extra_events.check(entries, events, extra_events.Pages(PAGES))
    # a page's rows are one block of the file: a page met again after another one is marked twice
    blocks = [r["page"] for i, r in enumerate(rows) if i == 0 or rows[i - 1]["page"] != r["page"]]
    problems += annotated_twice([{"page": page} for page in blocks])
    assert problems == []


@pytest.mark.parametrize(("part", "name"), [b[:2] for b in BATCHES], ids=IDS)
def test_bench_reads_the_batch_as_an_events_part(part: str, name: str) -> None:
    from real_eval import _gold

    entries, _, events = _gold("events", part)
    assert sorted(e["page"] for e in entries) == sorted({r["page"] for r in load(GOLD_DIR / name)})
    assert events is not None and set(events) == {e["page"] for e in entries}
    with pytest.raises(SystemExit):
        _gold("who", part)
