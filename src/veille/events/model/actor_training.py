"""``veille train actors``: the actor ranker trained on the dev events gold, its thresholds chosen by
grouped cross-validation (folds by site: a site's pages are never both trained on and scored).

``examples`` is ``tools/real_pages/actor_examples`` of the checkout (it reads ../shared); scoring is
``bench/events_real.py``'s sentence matching, so the cross-validated F1 is the one the bench reports.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from veille.events.model.actor_fit import fit_ranker
from veille.events.ranker import ActorRanker

# 1.1 (the role left to the rules) first: on a tie out of fold the rules keep the role.
SOURCE_THRESHOLDS = (1.1, 0.5)
TARGET_THRESHOLDS = (1.1, 0.4, 0.3)
L2S = (1e-3, 1e-2, 3e-2)  # the regularisation, chosen out of fold with the thresholds


def _f1(examples: Any, recs: list[dict], tmp: Path, part: str = "dev") -> float:
    from events_real import score_part  # bench/ of the checkout

    path = examples.write_records(recs, tmp / "pred.jsonl")
    return float(score_part(part, path).as_dict()["events"]["f1"])


def train_ranker(examples: Any, seed: int = 13, k: int = 5, log: Callable[[str], None] = print,
                 part: str = "dev", parsed: dict[str, tuple] | None = None) -> tuple[ActorRanker, str]:
    """The ranker fitted on all rows of the ``part`` gold ("dev", or "dev+fresh" with the later dev
    batch), with the thresholds and regularisation that score best out of fold (ties go to the rules).
    ``parsed``: the part's pages already parsed (``examples.parse_pages(part)`` otherwise)."""
    parsed = parsed if parsed is not None else examples.parse_pages(part)
    same = examples.names().Names({}).same
    groups = examples.examples(parsed, same, part)
    rows, labels, mask = examples.stack(groups)
    log(f"{len(parsed)} pages, {len(groups)} candidates, {len(rows)} candidate actors")
    sites = examples.page_sites()
    models: dict[float, list] = {}
    for l2 in L2S:
        for held in examples.folds(groups, k):
            r, y, m = examples.stack([g for g in groups if g["site"] not in held])
            models.setdefault(l2, []).append((held, fit_ranker(r, y, m, seed=seed, l2=l2)))
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        rules = _f1(examples, examples.records(parsed, {}), tmp, part)
        best = (rules, 1.1, 1.1, L2S[0])
        for l2 in L2S:
            for ts in SOURCE_THRESHOLDS:
                for tt in TARGET_THRESHOLDS:
                    if ts > 1.0 and tt > 1.0:
                        continue  # the rules alone, scored above
                    rankers = {}
                    for held, model in models[l2]:
                        model.meta.update(source_threshold=ts, target_threshold=tt)
                        rankers.update({p: model for p in parsed if sites.get(p) in held})
                    f1 = _f1(examples, examples.records(parsed, rankers), tmp, part)
                    log(f"l2 {l2} thresholds source {ts} target {tt}: cross-validated F1 {f1:.3f}")
                    if f1 > best[0] + 1e-9:
                        best = (f1, ts, tt, l2)
        ranker = fit_ranker(rows, labels, mask, seed=seed, l2=best[3])
        ranker.meta.update(source_threshold=best[1], target_threshold=best[2], folds=k,
                           cv_f1=round(best[0], 3), rules_f1=round(rules, 3))
        plain = _f1(examples, examples.records(parsed, {p: ranker for p in parsed}), tmp, part)
        ranker.meta["dev_f1"] = round(plain, 3)
    report = (f"{part} events F1 rules alone {rules:.3f}; with the ranker, grouped {k}-fold by site "
              f"{best[0]:.3f}, in sample {plain:.3f} (thresholds source {best[1]}, target {best[2]}, l2 {best[3]})")
    return ranker, report
