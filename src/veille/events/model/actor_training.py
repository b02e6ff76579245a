"""``veille train actors``: the actor ranker trained on the dev events gold, its thresholds chosen by
grouped cross-validation (folds by site: a site's pages are never both trained on and scored), with
or without the candidates from outside the sentence (``events/context_actors.py``). The pick is then
judged on the later annotation batches, each coded by a model fitted without its sites (``held_out``):
the command ships it only when it beats the ranker already shipped there.

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
CONTEXTS = (False, True)  # without, then with the context candidates (a tie keeps the fewer)
# The batches annotated after the rules and the first ranker were written: the honest dev figure.
LATER_BATCHES = ("helper-evheld", "helper-evheld2", "helper-evheld3", "helper-annotev", "helper-evfresh4",
                 "helper-evfresh5")


def _f1(examples: Any, recs: list[dict], tmp: Path, part: str = "dev", only: set[str] | None = None) -> float:
    from events_real import score_part  # bench/ of the checkout

    path = examples.write_records(recs, tmp / "pred.jsonl")
    return float(score_part(part, path, only).as_dict()["events"]["f1"])


def _rows(examples: Any, parsed: dict, same: Any, part: str, context: bool) -> list[dict]:
    from veille.events import ranker as ranker_module

    ranker_module.RECORD_CONTEXT = context
    try:
        return examples.examples(parsed, same, part)
    finally:
        ranker_module.RECORD_CONTEXT = True


def held_out(examples: Any, parsed: dict, ranker: ActorRanker, groups: list[dict], shipped: ActorRanker | None,
             seed: int = 13, part: str = "dev") -> tuple[float, float]:
    """F1 on the later batches' pages (``LATER_BATCHES``) with ``ranker``'s setting, each batch coded
    by a model fitted on the rows of the other sites, and with the ``shipped`` ranker as it is."""
    sites = examples.page_sites()
    by_batch = {b: pages for b, pages in examples.batch_pages(parsed, part).items() if b in LATER_BATCHES}
    later = set().union(*by_batch.values()) if by_batch else set()
    rankers: dict[str, Any] = {}
    for pages in by_batch.values():
        kept = {sites.get(p, p) for p in pages}
        model = fit_ranker(*examples.stack([g for g in groups if g["site"] not in kept]), seed=seed,
                           l2=ranker.meta["l2"])
        model.meta.update({k: ranker.meta[k] for k in ("source_threshold", "target_threshold", "context")})
        rankers.update(dict.fromkeys(pages, model))
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        new = _f1(examples, examples.records(parsed, rankers), tmp, part, later)
        old = _f1(examples, examples.records(parsed, dict.fromkeys(parsed, shipped)), tmp, part, later)
    return new, old


def train_ranker(examples: Any, seed: int = 13, k: int = 5, log: Callable[[str], None] = print,
                 part: str = "dev", parsed: dict[str, tuple] | None = None) -> tuple[ActorRanker, str, list[dict]]:
    """The ranker fitted on all rows of the ``part`` gold ("dev", or "dev+fresh" with the later dev
    batch), with the candidates, thresholds and regularisation that score best out of fold (ties go to
    the rules, then to the candidates of the sentence alone); also its training rows.
    ``parsed``: the part's pages already parsed (``examples.parse_pages(part)`` otherwise)."""
    parsed = parsed if parsed is not None else examples.parse_pages(part)
    same = examples.names().Names({}).same
    rows_of = {c: _rows(examples, parsed, same, part, c) for c in CONTEXTS}
    groups = rows_of[False]
    log(f"{len(parsed)} pages, {len(groups)} candidates, {len(examples.stack(groups)[0])} candidate actors "
        f"({len(examples.stack(rows_of[True])[0])} with the context candidates)")
    sites = examples.page_sites()
    folds = examples.folds(groups, k)
    models: dict[tuple[bool, float], list] = {}
    for context in CONTEXTS:
        for l2 in L2S:
            for held in folds:
                r, y, m = examples.stack([g for g in rows_of[context] if g["site"] not in held])
                models.setdefault((context, l2), []).append((held, fit_ranker(r, y, m, seed=seed, l2=l2)))
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        rules = _f1(examples, examples.records(parsed, {}), tmp, part)
        best = (rules, 1.1, 1.1, L2S[0], False)
        for (context, l2), fold_models in models.items():
            for ts in SOURCE_THRESHOLDS:
                for tt in TARGET_THRESHOLDS:
                    if ts > 1.0 and tt > 1.0:
                        continue  # the rules alone, scored above
                    rankers = {}
                    for held, model in fold_models:
                        model.meta.update(source_threshold=ts, target_threshold=tt, context=context)
                        rankers.update({p: model for p in parsed if sites.get(p) in held})
                    f1 = _f1(examples, examples.records(parsed, rankers), tmp, part)
                    log(f"{'context ' if context else ''}l2 {l2} thresholds source {ts} target {tt}: "
                        f"cross-validated F1 {f1:.3f}")
                    if f1 > best[0] + 1e-9:
                        best = (f1, ts, tt, l2, context)
        ranker = fit_ranker(*examples.stack(rows_of[best[4]]), seed=seed, l2=best[3])
        ranker.meta.update(source_threshold=best[1], target_threshold=best[2], context=best[4], folds=k,
                           cv_f1=round(best[0], 3), rules_f1=round(rules, 3))
        plain = _f1(examples, examples.records(parsed, {p: ranker for p in parsed}), tmp, part)
        ranker.meta["dev_f1"] = round(plain, 3)
    report = (f"{part} events F1 rules alone {rules:.3f}; with the ranker, grouped {k}-fold by site "
              f"{best[0]:.3f}, in sample {plain:.3f} (thresholds source {best[1]}, target {best[2]}, l2 {best[3]}, "
              f"context candidates {'on' if best[4] else 'off'})")
    return ranker, report, rows_of[best[4]]
