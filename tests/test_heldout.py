"""The held-out set: the real pipeline on articles it was never tuned on, scored by the shared scorer.

tests/data/heldout/corpus holds ten articles written for Veille by the team (outlets, layouts,
years, agencies and phrasings the seed articles do not have: HTML, a JSONL record, scraped dumps
with bylines, share bars, comments and cookie banners, 2014 to 2025, German, Italian and English
passages); tests/data/heldout/gold holds their hand annotation in the shared gold format, written
before the pipeline was run on them. The floors sit a little below what the pipeline scored when
they were set, so a regression in any stage fails here; raise them when a stage improves.

tests/data/dev2 is a second dev set (ten more articles from other outlets: Belgian, Swiss,
Canadian, regional, state-agency, aggregator, West African, blog, RSS, national daily; 2015 to
2025), formerly blind, now open for error analysis; it is scored the same way against DEV2_FLOORS.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench" / "heldout_eval.py"
HELDOUT = ROOT / "tests" / "data" / "heldout"
DEV2 = ROOT / "tests" / "data" / "dev2"

# measure -> (key in the scorer's result, minimum). F1 for the tallies, accuracy for the ratios.
FLOORS: dict[str, tuple[str, float]] = {
    "body": ("f1", 0.95),
    "foreign": ("f1", 0.60),
    "entities": ("f1", 0.85),
    "entities_typed": ("f1", 0.84),
    "quotes_direct": ("f1", 0.90),
    "quotes_indirect": ("f1", 0.78),
    "times": ("f1", 0.88),
    "quantities": ("f1", 0.82),
    "title": ("accuracy", 0.30),
    "published": ("accuracy", 0.80),
    "dateline_place": ("accuracy", 0.70),
    "dateline_agency": ("accuracy", 0.70),
    "speaker_direct": ("accuracy", 0.75),
    "speaker_indirect": ("accuracy", 0.65),
    "time_value": ("accuracy", 0.85),
    "quantity_value": ("accuracy", 0.90),
}
# Only once an event stage is registered (measured with it appended: F1 0.52).
EVENTS_FLOOR = 0.40

# dev2, measured 2026-11-24 after its error analysis: body 1.000, foreign 1.000, entities 0.994,
# entities_typed 0.992, quotes 1.000 / 0.982, times 0.954, quantities 1.000; title, published,
# datelines 1.000, speakers 1.000 / 1.000, time_value 0.935, quantity_value 0.977, events 0.725.
# (Times P is 0.91: this gold does not list the dateline's date, the seed gold does.)
DEV2_FLOORS: dict[str, tuple[str, float]] = {
    "body": ("f1", 0.97),
    "foreign": ("f1", 0.85),
    "entities": ("f1", 0.93),
    "entities_typed": ("f1", 0.92),
    "quotes_direct": ("f1", 0.93),
    "quotes_indirect": ("f1", 0.88),
    "times": ("f1", 0.90),
    "quantities": ("f1", 0.93),
    "title": ("accuracy", 0.80),
    "published": ("accuracy", 0.80),
    "dateline_place": ("accuracy", 0.80),
    "dateline_agency": ("accuracy", 0.80),
    "speaker_direct": ("accuracy", 0.85),
    "speaker_indirect": ("accuracy", 0.85),
    "time_value": ("accuracy", 0.88),
    "quantity_value": ("accuracy", 0.92),
}
DEV2_EVENTS_FLOOR = 0.60


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("heldout_eval", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> Any:
    return _bench()


@pytest.fixture(scope="module")
def scorer(bench: Any) -> Any:
    module = bench.load_scorer()
    if module is None:
        pytest.skip("../shared/eval/score.py is not there")
    return module


@pytest.mark.parametrize("folder", [HELDOUT, DEV2], ids=["heldout", "dev2"])
def test_every_gold_file_has_its_article_and_names_its_actors(folder: Path) -> None:
    """The gold is self-consistent: one article per gold file, speakers and actors are entities."""
    golds = sorted((folder / "gold").glob("*.json"))
    assert len(golds) == 10
    stems = {p.stem for p in (folder / "corpus").iterdir()}
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert path.stem in stems, path.name
        assert Path(gold["source"]["path"]).stem == path.stem
        known: set[str] = set()
        for ent in gold["entities"]:
            assert ent["type"] in {"PER", "ORG", "LOC"}, ent
            known |= {ent["name"], *ent.get("aliases", [])}
        for quote in gold["quotes"]:
            assert quote["kind"] in {"direct", "indirect"}
            speakers = quote["speaker"] if isinstance(quote["speaker"], list) else [quote["speaker"]]
            # at least one admissible speaker is an annotated entity (or the speaker is unnamed)
            assert None in speakers or any(s in known for s in speakers), (path.name, quote["text"])
        for event in gold["events"]:
            for role in ("source", "target"):
                names = event[role] if isinstance(event[role], list) else [event[role]]
                assert None in names or any(n in known for n in names), (path.name, role, event["text"])


def _below_floors(result: dict[str, Any], floors: dict[str, tuple[str, float]], events_floor: float) -> list[str]:
    from veille.pipeline import DOC_STAGES

    low = []
    for measure, (key, floor) in floors.items():
        value = result[measure][key]
        if value is None or value < floor:
            low.append(f"{measure} {key} {value} < {floor}")
    if any(spec.endswith(":EventStage") for spec in DOC_STAGES):
        if result["events"]["f1"] < events_floor:
            low.append(f"events f1 {result['events']['f1']} < {events_floor}")
    return low


@pytest.mark.slow
def test_heldout_scores_stay_above_their_floors(pipeline: Any, bench: Any, scorer: Any,
                                                tmp_path: Path) -> None:
    pred = tmp_path / "heldout.jsonl"
    assert bench.write_predictions(pipeline, pred) == 10
    result = scorer.score(HELDOUT / "gold", pred)
    board = bench.scoreboard(result)
    print("\nheld-out scoreboard\n" + board)
    assert not result["missing_predictions"], board
    low = _below_floors(result, FLOORS, EVENTS_FLOOR)
    assert not low, "\n".join(low) + "\n\n" + board


@pytest.mark.slow
def test_dev2_scores_stay_above_their_floors(pipeline: Any, bench: Any, scorer: Any,
                                             tmp_path: Path) -> None:
    pred = tmp_path / "dev2.jsonl"
    assert bench.write_predictions(pipeline, pred, corpus=DEV2 / "corpus") == 10
    result = scorer.score(DEV2 / "gold", pred)
    board = bench.scoreboard(result)
    print("\ndev2 scoreboard\n" + board)
    assert not result["missing_predictions"], board
    low = _below_floors(result, DEV2_FLOORS, DEV2_EVENTS_FLOOR)
    assert not low, "\n".join(low) + "\n\n" + board
