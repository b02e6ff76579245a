"""The seed scoreboard: the whole pipeline on ../shared/corpus/seeds against the gold files.

The floors are the "done when" targets of the issues (foundation, entities, quotes, events).
"""

from __future__ import annotations

import pytest

TARGETS = [
    ("body", "f1", 0.98),
    ("entities", "f1", 0.93),
    ("entities_typed", "f1", 0.90),
    ("foreign", "f1", 0.80),
    ("times", "f1", 0.85),
    ("time_value", "accuracy", 0.90),
    ("quantities", "f1", 0.85),
    ("quantity_value", "accuracy", 1.0),
    ("quotes_direct", "f1", 0.92),
    ("speaker_direct", "accuracy", 0.92),
    ("quotes_indirect", "f1", 0.75),
    ("speaker_indirect", "accuracy", 0.85),
    ("events", "f1", 0.70),
    ("event_date", "accuracy", 0.80),
]


@pytest.mark.parametrize(("measure", "key", "floor"), TARGETS, ids=[t[0] for t in TARGETS])
def test_seed_target(seed_scores, measure, key, floor):
    assert seed_scores[measure][key] >= floor, seed_scores[measure]


@pytest.mark.parametrize("measure", ["title", "published", "dateline_place", "dateline_date", "dateline_agency"])
def test_seed_metadata_all_right(seed_scores, measure):
    result = seed_scores[measure]
    assert result["right"] == result["total"], result


def test_seed_records_are_stable(seed_records, pipeline, seeds_dir):
    ids = [r["id"] for r in seed_records]
    assert len(set(ids)) == len(ids) == 5
    again = [a.id for a in pipeline.extract([str(seeds_dir)])]
    assert again == ids
