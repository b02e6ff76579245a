"""The events CV protocol (issue 13): the held-out annotator's sites form a fold of their own, and the
shipping gate of a trained event component (gain over the rules and precision of the events it adds).
Invented sites and counts only."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.real_pages import event_cv  # noqa: E402

from veille.events.model.finder_training import new_events, passes  # noqa: E402


def _items() -> list[dict]:
    sites = ["alpha.example", "alpha.example", "beta.example", "gamma.example", "delta.example", "omega.example"]
    return [{"page": f"p{k}", "site": site} for k, site in enumerate(sites)]


def test_held_pages_sites_are_one_fold_and_in_no_other():
    folds = event_cv.site_folds(_items(), 2, held={"p5"})
    assert folds[-1] == {"omega.example"}
    assert all("omega.example" not in fold for fold in folds[:-1])
    assert set().union(*folds) == {"alpha.example", "beta.example", "gamma.example", "delta.example",
                                   "omega.example"}


def test_without_held_pages_the_sites_are_only_dealt():
    folds = event_cv.site_folds(_items(), 2)
    assert len(folds) == 2 and sum(len(f) for f in folds) == 5


def _res(tp: int, fp: int, fn: int) -> dict:
    p, r = tp / (tp + fp), tp / (tp + fn)
    return {"events": {"tp": tp, "fp": fp, "fn": fn, "f1": 2 * p * r / (p + r)}}


def test_the_gate_wants_the_gain_and_precise_new_events():
    rules = _res(100, 100, 400)
    assert new_events(_res(115, 105, 385), rules) == (20, 15)
    assert passes(_res(115, 105, 385), rules)  # +15 right of 20 added: F1 +.03
    assert not passes(_res(102, 100, 398), rules)  # precise, but under the gain
    assert not passes(_res(130, 160, 370), rules)  # the gain, but half the new events wrong or more
    assert not passes(rules, rules)


def test_probe_features_read_rule_names_without_their_scores():
    from tools.real_pages.event_probes import _rule_parts

    assert _rule_parts("type=trigger:verb:accuser source=subject target=ranker 0.41") == (
        "trigger:verb", "subject", "ranker")
    assert _rule_parts("type=model:finder:0.72 source=passive:par target=none") == ("model", "passive:par", "none")


def test_the_readable_part_holds_every_readable_dev_batch_and_no_held_out_one():
    from tools.real_pages.gold import events_files, pages_part

    names = {p.name for p in events_files("readable")}
    assert names == {"events_dev.jsonl", "events_dev_fresh.jsonl", "events_dev_fresh4.jsonl", "events_dev_fresh5.jsonl"}
    assert pages_part("readable") == "dev"
    event_cv.use_part("readable")
    try:
        assert event_cv.gold_part() == "readable"
    finally:
        event_cv.use_part("dev")


def test_the_cv_refuses_a_held_out_part():
    import pytest

    for part in ("fresh2", "fresh3", "test"):
        with pytest.raises(ValueError):
            event_cv.use_part(part)


def test_the_training_command_reads_the_readable_batches_only():
    from veille.commands.train import DEV_GOLD

    names = {p.name for p in DEV_GOLD}
    assert names == {"events_dev.jsonl", "events_dev_fresh.jsonl", "events_dev_fresh4.jsonl", "events_dev_fresh5.jsonl"}
