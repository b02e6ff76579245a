"""The real-page scoreboard (bench/real_pages.py) on the dev gold, with floors a little under what the
cleaner reaches, so a change that loses real pages fails here. Skips without ../shared or the gold.

The pages are copyrighted and stay in ../shared; the gold holds line numbers and values only.
Test pages are not scored here (they are scored once, by hand, with ``bench/real_pages.py``).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PAGES = SHARED / "corpus" / "web" / "pages"
# REAL_PAGES_GOLD may name another dev gold file (an annotator's work in progress).
DEV_GOLD = Path(os.environ.get("REAL_PAGES_GOLD") or ROOT / "tests" / "data" / "real_pages" / "gold_dev.jsonl")

FLOORS = {"body_f1": 0.94, "body_p": 0.92, "body_r": 0.96, "title": 0.90, "published": 0.89}
DUMP_FLOORS = {"body_f1": 0.91, "title": 0.85, "published": 0.87}
# Datelines (tests/data/real_pages/datelines_dev.jsonl): few dev pages have one, so the floors guard
# against false datelines above all ("has a dateline" precision, place right over all pages).
DATELINE_FLOORS = {"dl_has_p": 0.66, "dl_has_r": 0.49, "dl_place": 0.985}
MIN_PAGES = 40


def _bench():
    spec = importlib.util.spec_from_file_location("real_pages_bench", ROOT / "bench" / "real_pages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def dev_scores() -> dict[str, dict[str, float]]:
    if not PAGES.is_dir():
        pytest.skip("../shared/corpus/web/pages is not there")
    if not DEV_GOLD.is_file():
        pytest.skip(f"{DEV_GOLD} is not there")
    bench = _bench()
    parts = bench.split()
    entries = [e for e in bench.gold_entries([DEV_GOLD]) if parts.get(e["page"]) == "dev"]
    if len(entries) < MIN_PAGES:
        pytest.skip(f"only {len(entries)} dev pages annotated")
    return bench.score(entries)


def test_dev_pages_keep_their_scores(dev_scores: dict[str, dict[str, float]]) -> None:
    dev = dev_scores["dev"]
    low = {k: round(dev[k], 3) for k, floor in FLOORS.items() if dev[k] < floor}
    assert not low, f"dev real pages below their floors {FLOORS}: {low}"


def test_dev_dumps_keep_their_scores(dev_scores: dict[str, dict[str, float]]) -> None:
    dumps = dev_scores.get("dev dump")
    if dumps is None:
        pytest.skip("no dump among the annotated dev pages")
    low = {k: round(dumps[k], 3) for k, floor in DUMP_FLOORS.items() if dumps[k] < floor}
    assert not low, f"dev text dumps below their floors {DUMP_FLOORS}: {low}"


def test_dev_datelines_keep_their_scores(dev_scores: dict[str, dict[str, float]]) -> None:
    dev = dev_scores["dev"]
    if "dl_place" not in dev:
        pytest.skip("no dateline gold")
    low = {k: round(dev[k], 3) for k, floor in DATELINE_FLOORS.items() if dev[k] < floor}
    assert not low, f"dev datelines below their floors {DATELINE_FLOORS}: {low}"


def test_token_scoring_matches_the_shared_scorer() -> None:
    bench = _bench()
    assert bench.tokens("« L’Élysée », dit-il.") == ["l", "élysée", "dit", "il"]
    assert bench.token_f1("Un pont relie les rives", "Un pont relie les deux rives") >= 0.8
    assert bench.token_f1("Un pont relie les rives", "Menu") == 0.0
    scorer = SHARED / "eval" / "score.py"
    if scorer.is_file():
        spec = importlib.util.spec_from_file_location("shared_score_tokens", scorer)
        shared = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(shared)
        for text in ("« L’Élysée », dit-il.", "Le 3\u202fmars, 12,5\xa0% des élus — «\u2009non\u2009» !"):
            assert bench.tokens(text) == shared.tokens(text)
