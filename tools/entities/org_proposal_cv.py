"""Fits and judges the organisation proposer (``src/veille/entities/org_proposals.py``) against the
rules alone, by grouped cross-validation by site, on the dev who gold (corpus dev part and the fresh
dev batch; dev material only).

    rm -f /tmp/cand.jsonl
    VEILLE_ORG_PROPOSAL_DUMP=/tmp/cand.jsonl .venv/bin/python bench/real_eval.py who --part dev --body --keep /tmp/X
    .venv/bin/python tools/entities/org_proposal_cv.py /tmp/cand.jsonl /tmp/X/who-dev.jsonl [--write] [--list]

(run with no weights shipped: the dump holds every candidate, the predictions what the rules give).
A candidate is labelled 1 when the shared scorer's name comparison finds it a gold entity of its
page (optional ones left out of the fit), else 0. Per fold the weights are fitted on the other
sites (L2 logistic regression, ``keep_cv.fit``) and the threshold is the one that maximises the
training sites' entities F1; on the held-out sites the accepted candidates (the best end of each
head, no two overlapping) are added to the rules' entities, each taking the place of the entities
whose every mention it covers, and the pages are scored again (entities and typed, as the shared
scorer does). ``--write`` fits on every site and writes ``lexicons/entities/org_proposal_weights.tsv``
only when the CV entities F1 beats the rules alone by ``--margin`` with typed F1 not lower;
otherwise it removes the file. ``--list`` prints the candidates the CV accepts, with their label
(names read from pages: terminal only).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
from tools.entities.entity_errors import dev_gold  # noqa: E402
from tools.entities.keep_cv import (  # noqa: E402
    THRESHOLDS,
    fit,
    fold_of,
    matrix,
    prf,
    print_weights,
    sites,
    withdraw,
    write_weights,
)
from tools.real_pages.materialize import shared_scorer as _load_scorer  # noqa: E402
from veille.entities.org_proposals import BIAS, THRESHOLD  # noqa: E402

_SCORER: list = []


def shared_scorer() -> Any:
    """The shared scorer module, loaded once (the CV scores every page many times)."""
    if not _SCORER:
        _SCORER.append(_load_scorer())
    return _SCORER[0]


WEIGHTS = ROOT / "src/veille/lexicons/entities/org_proposal_weights.tsv"


def load(dump: Path, preds: Path) -> tuple[list[dict], dict[str, list[dict]], dict[str, dict]]:
    """Labelled candidates, the rules' entities per page, the gold per page (dev pages only)."""
    scorer = shared_scorer()
    gold, site_of = dev_gold(), sites()
    records = {page: r for page, r in scorer.load_predictions(preds).items() if page in gold}
    ents = {page: r.get("entities", []) for page, r in records.items()}
    seen: set[tuple[str, int, int]] = set()
    items: list[dict] = []
    for line in dump.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        page = row["page"]
        if page not in ents or (page, row["start"], row["end"]) in seen:
            continue
        seen.add((page, row["start"], row["end"]))
        names = scorer.Names(gold[page])
        hit = [g for g in gold[page].get("entities", []) if names.same(row["name"], g["name"])]
        if hit and all(g.get("optional") for g in hit):
            y = -1  # an optional gold entity: neither right nor wrong
        else:
            y = int(bool(hit))
        items.append({**row, "site": site_of.get(page, page), "y": y, "f": row["features"]})
    return items, ents, gold


def accept(items: list[dict], probs: np.ndarray, threshold: float) -> list[dict]:
    """The candidates kept: by probability, over the threshold, none overlapping a kept one."""
    kept: dict[str, list[dict]] = defaultdict(list)
    for k in np.argsort(-probs, kind="stable"):
        it = items[k]
        if probs[k] < threshold:
            break
        if any(o["start"] < it["end"] and it["start"] < o["end"] for o in kept[it["page"]]):
            continue
        kept[it["page"]].append(it)
    return [it for page in kept.values() for it in page]


_PAGE_TALLIES: dict[tuple[str, tuple], tuple[tuple[int, ...], tuple[int, ...]]] = {}


def rescore(pages: list[str], ents: dict[str, list[dict]], gold: dict[str, dict], taken: list[dict]) -> tuple[list[int], list[int]]:
    """(tp, fp, fn) for entities and entities typed over ``pages``, with ``taken`` added."""
    by_page: dict[str, list[dict]] = defaultdict(list)
    for it in taken:
        by_page[it["page"]].append(it)
    plain, typed = [0, 0, 0], [0, 0, 0]
    for page in pages:
        mine = by_page.get(page, [])
        key = (page, tuple(sorted((it["start"], it["end"]) for it in mine)))
        if key not in _PAGE_TALLIES:
            _PAGE_TALLIES[key] = _page_tally(page, ents, gold, mine)
        a, b = _PAGE_TALLIES[key]
        plain = [u + v for u, v in zip(plain, a, strict=True)]
        typed = [u + v for u, v in zip(typed, b, strict=True)]
    return plain, typed


def _page_tally(page: str, ents: dict[str, list[dict]], gold: dict[str, dict], taken: list[dict]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """One page's (tp, fp, fn), plain and typed: the rules' entities, each accepted candidate taking
    the place of the entities whose every mention it covers, then added unless an entity of its
    name is left."""
    scorer = shared_scorer()
    preds = list(ents.get(page, []))
    for it in taken:
        covered = {tuple(sp) for sp in it["inside"]}

        def inside(sp: list[int], it: dict = it, covered: set = covered) -> bool:
            return (it["start"] <= sp[0] and sp[1] <= it["end"]) or tuple(sp) in covered

        preds = [e for e in preds if not (e.get("spans") and all(inside(sp) for sp in e["spans"]))]
        if not any(scorer.norm(e.get("name")) == scorer.norm(it["name"]) for e in preds):
            preds.append({"name": it["name"], "type": "ORG", "spans": [[it["start"], it["end"]]]})
    names = scorer.Names(gold[page])
    golds = gold[page].get("entities", [])
    out = []
    for fits in (lambda g, p: names.same(p.get("name"), g["name"]),
                 lambda g, p: names.same(p.get("name"), g["name"]) and p.get("type") == g["type"]):
        pairs = scorer.greedy_match(golds, preds, fits)
        got_g, got_p = {g for g, _ in pairs}, {p for _, p in pairs}
        out.append((sum(1 for g in got_g if not golds[g].get("optional")),
                    sum(1 for p in range(len(preds)) if p not in got_p),
                    sum(1 for i, g in enumerate(golds) if not g.get("optional") and i not in got_g)))
    return out[0], out[1]


def choose_threshold(items: list[dict], probs: np.ndarray, pages: list[str], ents: dict, gold: dict) -> float:
    return max(THRESHOLDS, key=lambda t: (prf(*rescore(pages, ents, gold, accept(items, probs, t))[0])[2], t))


def cross_validate(items: list[dict], ents: dict, gold: dict, names: list[str], l2: float, k: int) -> dict:
    site_of = sites()
    page_fold = {p: fold_of(site_of.get(p, p), k) for p in ents}
    x = matrix(items, names)
    y = np.array([it["y"] for it in items])
    folds = np.array([page_fold[it["page"]] for it in items])
    rules, model, taken_all = [[0, 0, 0], [0, 0, 0]], [[0, 0, 0], [0, 0, 0]], []
    for f in range(k):
        test_pages = [p for p in ents if page_fold[p] == f]
        train_pages = [p for p in ents if page_fold[p] != f]
        train = (folds != f) & (y >= 0)
        w = fit(x[train], y[train], l2)
        tr = [i for i in range(len(items)) if folds[i] != f]
        te = [i for i in range(len(items)) if folds[i] == f]
        t = choose_threshold([items[i] for i in tr], 1 / (1 + np.exp(-x[tr] @ w)), train_pages, ents, gold)
        taken = accept([items[i] for i in te], 1 / (1 + np.exp(-x[te] @ w)), t) if te else []
        taken_all += taken
        for acc, extra in ((rules, []), (model, taken)):
            a, b = rescore(test_pages, ents, gold, extra)
            acc[0] = [u + v for u, v in zip(acc[0], a, strict=True)]
            acc[1] = [u + v for u, v in zip(acc[1], b, strict=True)]
    return {"rules": [prf(*c) for c in rules], "model": [prf(*c) for c in model], "taken": taken_all}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dump", type=Path)
    ap.add_argument("preds", type=Path)
    ap.add_argument("--folds", type=int, default=8)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--margin", type=float, default=0.002, help="CV entities F1 gain needed to ship")
    args = ap.parse_args()
    items, ents, gold = load(args.dump, args.preds)
    names = sorted({k for it in items for k in it["f"]})
    print(f"{len(items)} candidates ({sum(it['y'] == 1 for it in items)} a gold name, {sum(it['y'] < 0 for it in items)} optional), "
          f"{len({it['site'] for it in items})} sites; {len(ents)} pages")
    best = None
    for l2 in (0.03, 0.1, 0.3, 1.0, 3.0, 10.0):
        cv = cross_validate(items, ents, gold, names, l2, args.folds)
        (rp, rr, rf), (tp_, tr_, tf) = cv["rules"]
        (mp, mr, mf), (mtp, mtr, mtf) = cv["model"]
        print(f"L2 {l2}: rules F1 {rf:.4f} (P {rp:.3f} R {rr:.3f}) typed {tf:.4f} | rules+model F1 {mf:.4f} "
              f"(P {mp:.3f} R {mr:.3f}) typed {mtf:.4f}; accepted {len(cv['taken'])}, right {sum(it['y'] == 1 for it in cv['taken'])}")
        if best is None or (mf, mtf) > (best[1]["model"][0][2], best[1]["model"][1][2]):
            best = (l2, cv)
    l2, cv = best
    if args.list:
        for it in sorted(cv["taken"], key=lambda it: (it["site"], it["page"])):
            print(f"  {it['y']:+d} {it['site'][:24]:24} {it['page']} {it['name']!r}")
    ok = [i for i, it in enumerate(items) if it["y"] >= 0]
    x, y = matrix([items[i] for i in ok], names), np.array([items[i]["y"] for i in ok])
    w = fit(x, y, l2)
    xa = matrix(items, names)
    t = choose_threshold(items, 1 / (1 + np.exp(-xa @ w)), list(ents), ents, gold)
    print_weights(names, w, t)
    if not args.write:
        return 0
    gain = cv["model"][0][2] - cv["rules"][0][2]
    if gain < args.margin or cv["model"][1][2] < cv["rules"][1][2]:
        return withdraw(WEIGHTS, f"CV gain {gain:+.4f} (typed {cv['model'][1][2] - cv['rules'][1][2]:+.4f}), margin {args.margin}")
    header = [f"# source: fitted by tools/entities/org_proposal_cv.py on the dev who gold (tests/data/real_pages/who_dev.jsonl dev part "
              f"and who_dev_fresh.jsonl); L2 logistic regression, L2 {l2} chosen by grouped CV by site ({args.folds} folds, threshold "
              f"fitted on the training sites); CV entities F1 rules {cv['rules'][0][2]:.4f} -> rules + model {cv['model'][0][2]:.4f}, "
              f"typed {cv['rules'][1][2]:.4f} -> {cv['model'][1][2]:.4f}.",
              "# Columns: feature (entities/org_proposals.py) <TAB> weight; bias and threshold (probability over which a candidate is proposed).",
              "# Use: entities/org_proposals.py proposes a head noun's span whose probability reaches the threshold. "
              "Example: \"next_punct\t0.8\" (a span closed by punctuation is more often a whole name: \"au Centre des métiers et des savoirs,\")."]
    return write_weights(WEIGHTS, header, names, w, t, BIAS, THRESHOLD)


if __name__ == "__main__":
    raise SystemExit(main())
