"""The census of ``bench/events_rule_sites.py`` (issue 13): each rule string split into its parts, right and
wrong events counted with their sites, and the sign of a rule fitted to the pages it was tuned on (rows
built by hand, no page read)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from events_rule_sites import fitted, parts, tally  # noqa: E402


def test_a_rule_string_is_split_into_its_trigger_and_actor_rules():
    got = parts("type=trigger:verb:réclamer source=up>subject target=ranker 0.41")
    assert {"type:trigger:verb", "entry:trigger:verb:réclamer", "source:up>subject", "source1:subject",
            "target:ranker", "target1:ranker"} <= got


def test_a_model_type_keeps_its_name_without_its_score():
    assert "type:model:finder" in parts("type=model:finder:0.93 source=subject target=none")


def _row(kind, site, rule="type=trigger:verb:saluer source=subject target=none"):
    return {"kind": kind, "site": site, "rule": rule}


def test_right_on_two_sites_and_wrong_on_three_is_flagged():
    rows = [_row("match", "a.fr"), _row("match", "a.fr"), _row("match", "b.fr"),
            _row("none", "c.fr"), _row("actor", "d.fr"), _row("type", "e.fr")]
    cell = tally(rows)["entry:trigger:verb:saluer"]
    assert (cell["right"][0], len(cell["right"][1]), cell["wrong"][0], cell["actor"][0]) == (3, 2, 3, 1)
    assert fitted(cell)


def test_right_on_three_sites_is_not_flagged():
    rows = [_row("match", s) for s in ("a.fr", "b.fr", "c.fr")] + [_row("none", s) for s in ("d.fr", "e.fr", "f.fr")]
    assert not fitted(tally(rows)["source1:subject"])
