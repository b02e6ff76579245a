"""Fits and judges the entity type model (``src/veille/entities/type_model.py``) against the NER's
type, by grouped cross-validation by site, on the dev who gold (corpus dev part and its fresh batch);
also the census of the wrong types by where the type came from (``--census``).

    VEILLE_ENTTYPE_DUMP=/tmp/X/dev.dump PYTHONPATH=src .venv/bin/python bench/real_eval.py who --part dev --body --keep /tmp/X/who
    PYTHONPATH=src .venv/bin/python tools/entities/type_cv.py /tmp/X/dev.dump /tmp/X/who/who-dev.jsonl [--census] [--write]

(run with no weights shipped: the dump and the predictions then hold the types before the model).
Each dumped entity the shared scorer matches to a required gold entity is an example, labelled by the
gold type. Per fold (5 by site) a multinomial L2 logistic regression is fitted on the other sites;
an entity's type is changed when the model's most likely type differs and its probability reaches
the threshold (chosen by an inner grouped CV on the training sites); the held-out sites are then
rescored, typed as the shared scorer types them. ``--write`` fits on every site and writes
``lexicons/entities/type_weights.tsv`` only when out of fold the model gains on at least
``--min-sites`` sites, loses on at most a third as many, and raises typed F1 by ``--margin``; otherwise it
removes the file.
Prints names read from the pages to the terminal only with ``--census -v`` (never redirect into the repository).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tools.entities.entity_errors import dev_gold  # noqa: E402
from tools.entities.keep_cv import fold_of, last_runs, matrix, prf, sites, withdraw  # noqa: E402
from tools.real_pages.materialize import shared_scorer  # noqa: E402
from veille.entities.type_model import CLASSES, features  # noqa: E402

WEIGHTS = ROOT / "src/veille/lexicons/entities/type_weights.tsv"
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
L2S = (1.0, 3.0, 10.0)


def load(dump: Path, preds: Path) -> tuple[dict, list[dict]]:
    """Per page: the predicted entities and the required gold they match, and the dumped entities
    joined to their predicted entity (``pi``) with the gold type they match (``y``, or None)."""
    scorer = _scorer()
    gold, site_of = dev_gold(), sites()
    records = scorer.load_predictions(preds)
    dumped = last_runs(dump)
    pages, items = {}, []
    for page, entry in sorted(gold.items()):
        if page not in records:
            continue
        pents, gents = records[page].get("entities", []), entry.get("entities", [])
        names = scorer.Names(entry)
        pairs = scorer.greedy_match(gents, pents, lambda g, p, names=names: names.same(p.get("name"), g["name"]))
        gold_of = {pi: gents[gi] for gi, pi in pairs}
        pages[page] = {"preds": pents, "gold": gents, "names": names, "site": site_of.get(page, page)}
        at: dict[tuple, list[int]] = defaultdict(list)
        for i, p in enumerate(pents):
            at[(p.get("name"), p.get("type"))].append(i)
        taken: Counter = Counter()
        for row in dumped.get(page, []):
            key = (row["context"]["name"], row["context"]["type"])
            if taken[key] >= len(at[key]):
                continue  # (an entity a later step dropped or renamed)
            pi = at[key][taken[key]]
            taken[key] += 1
            g = gold_of.get(pi)
            y = g["type"] if g is not None and not g.get("optional") else None
            items.append({"page": page, "site": pages[page]["site"], "pi": pi, "origin": row["origin"],
                          "ctx": row["context"], "type": key[1], "y": y})
    return pages, items


def typed(pages: dict, changes: dict[tuple[str, int], str], only: set[str] | None = None) -> tuple[int, int, int]:
    """Typed tp, fp, fn over the pages (of the sites ``only``) with the types ``changes`` gives."""
    tp = fp = fn = 0
    changed = {page for page, _ in changes}
    for page, p in pages.items():
        if only is not None and p["site"] not in only:
            continue
        if page not in changed:
            if "base" not in p:
                p["base"] = _page_typed(page, p, {})
            a, b, c = p["base"]
        else:
            a, b, c = _page_typed(page, p, changes)
        tp, fp, fn = tp + a, fp + b, fn + c
    return tp, fp, fn


def _page_typed(page: str, p: dict, changes: dict[tuple[str, int], str]) -> tuple[int, int, int]:
    """One page's typed tp, fp, fn with the types ``changes`` gives."""
    preds = [dict(e, type=changes.get((page, i), e.get("type"))) for i, e in enumerate(p["preds"])]
    names = p["names"]
    pairs = _scorer().greedy_match(p["gold"], preds, lambda g, e: names.same(e.get("name"), g["name"])
                                   and e.get("type") == g["type"])
    got = {gi for gi, _ in pairs}
    return (sum(1 for gi in got if not p["gold"][gi].get("optional")), len(preds) - len(pairs),
            sum(1 for i, g in enumerate(p["gold"]) if not g.get("optional") and i not in got))


@lru_cache(maxsize=1)
def _scorer() -> Any:
    return shared_scorer()


def softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def fit(x: np.ndarray, y: np.ndarray, l2: float, sample: np.ndarray | None = None, steps: int = 50) -> np.ndarray:
    """Multinomial L2 logistic regression by Newton steps (weights d x K; the bias, last row, is not
    penalised); ``sample``: a weight per example."""
    n, d = x.shape
    sw = np.ones(n) if sample is None else sample
    k = len(CLASSES)
    w = np.zeros((d, k))
    reg = np.full(d, l2)
    reg[-1] = 1e-4
    onehot = np.eye(k)[y]
    for _ in range(steps):
        p = softmax(x @ w)
        grad = (x.T @ ((p - onehot) * sw[:, None]) + reg[:, None] * w).reshape(-1, order="F")
        hess = np.zeros((d * k, d * k))
        for a in range(k):
            for b in range(k):
                s = sw * p[:, a] * ((a == b) - p[:, b])
                hess[a * d:(a + 1) * d, b * d:(b + 1) * d] = (x * s[:, None]).T @ x
        hess += np.diag(np.tile(reg, k) + 1e-6)
        step = np.linalg.solve(hess, grad).reshape((d, k), order="F")
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def fit_items(items: list[dict], names: list[str], l2: float, boost: float) -> np.ndarray:
    """The weights fitted on labelled items, the ones NER typed wrong counted ``boost`` times."""
    sample = np.array([boost if it["y"] != it["type"] else 1.0 for it in items])
    return fit(matrix(items, names), np.array([CLASSES.index(it["y"]) for it in items]), l2, sample)


def decide(p: np.ndarray, current: list[str], t: float) -> list[str | None]:
    """The new type of each entity, or None where the NER's stays."""
    out: list[str | None] = []
    for row, cur in zip(p, current, strict=True):
        best = CLASSES[int(row.argmax())]
        out.append(best if best != cur and row.max() >= t else None)
    return out


def net(items: list[dict], new: list[str | None]) -> int:
    return sum((n == it["y"]) - (it["type"] == it["y"]) for it, n in zip(items, new, strict=True) if n and it["y"])


def choose_threshold(items: list[dict], names: list[str], l2: float, boost: float) -> float:
    """The threshold with the best net change over an inner grouped CV (4 folds by site)."""
    gains = Counter()
    folds = np.array([fold_of(it["site"] + "#inner", 4) for it in items])
    for f in range(4):
        test, train = folds == f, folds != f
        if not test.any() or not train.any():
            continue
        sub = [it for it, t in zip(items, test, strict=True) if t]
        w = fit_items([it for it, t in zip(items, train, strict=True) if t], names, l2, boost)
        p = softmax(matrix(sub, names) @ w)
        for t in THRESHOLDS:
            gains[t] += net(sub, decide(p, [it["type"] for it in sub], t))
    return max(THRESHOLDS, key=lambda t: (gains[t], t))


def cross_validate(pages: dict, items: list[dict], names: list[str], l2: float, k: int,
                   threshold: float | None, boost: float = 1.0) -> dict:
    """Out-of-fold changes: right (to the gold type), wrong (away from it), other; per site net."""
    train_items = [it for it in items if it["y"] in CLASSES and it["origin"] == "ner" and it["type"] in CLASSES]
    ner = [it for it in items if it["origin"] == "ner" and it["type"] in CLASSES]
    changes: dict[tuple[str, int], str] = {}
    right = wrong = other = 0
    per_site: Counter = Counter()
    thresholds = []
    for f in range(k):
        train = [it for it in train_items if fold_of(it["site"], k) != f]
        test = [it for it in ner if fold_of(it["site"], k) == f]
        if not test:
            continue
        t = threshold if threshold is not None else choose_threshold(train, names, l2, boost)
        thresholds.append(t)
        w = fit_items(train, names, l2, boost)
        new = decide(softmax(matrix(test, names) @ w), [it["type"] for it in test], t)
        for it, n in zip(test, new, strict=True):
            if not n:
                continue
            changes[(it["page"], it["pi"])] = n
            if it["y"] is None:
                continue
            right += n == it["y"]
            wrong += it["type"] == it["y"]
            other += n != it["y"] and it["type"] != it["y"]
            per_site[it["site"]] += (n == it["y"]) - (it["type"] == it["y"])
    return {"changes": changes, "right": right, "wrong": wrong, "other": other, "per_site": per_site,
            "thresholds": thresholds, "typed": prf(*typed(pages, changes))}


def census(items: list[dict], verbose: bool) -> None:
    """The wrong types (matched, required gold) by gold type, our type and origin, with sites."""
    rows: dict[tuple, set] = defaultdict(set)
    n: Counter = Counter()
    for it in items:
        if it["y"] and it["y"] != it["type"]:
            key = (it["y"], it["type"], it["origin"])
            n[key] += 1
            rows[key].add(it["site"])
            if verbose:
                print(f"  {it['y']}->{it['type']} {it['origin']:7} {it['site'][:24]:24} {it['page']} {it['ctx']['name']!r}")
    total = sum(n.values())
    print(f"wrong types {total} on {len(set().union(*rows.values())) if rows else 0} sites")
    for key, c in n.most_common():
        print(f"  gold {key[0]} ours {key[1]} from {key[2]:8} {c:3} on {len(rows[key]):2} sites")
    by_origin = Counter()
    for key, c in n.items():
        by_origin[key[2]] += c
    print("by origin:", dict(by_origin))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dump", type=Path)
    ap.add_argument("preds", type=Path)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--census", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--min-sites", type=int, default=3)
    ap.add_argument("--margin", type=float, default=0.002, help="out-of-fold typed F1 gain needed to ship")
    ap.add_argument("--boost", type=float, default=1.0, help="weight of the examples NER typed wrong")
    ap.add_argument("--l2", type=float, nargs="*", default=list(L2S))
    args = ap.parse_args()
    pages, items = load(args.dump, args.preds)
    for it in items:
        it["f"] = features(it["ctx"]) if it["origin"] == "ner" else {}
    if args.census:
        census(items, args.verbose)
    train = [it for it in items if it["y"] in CLASSES and it["origin"] == "ner" and it["type"] in CLASSES]
    names = sorted({k for it in train for k in it["f"]})
    base = prf(*typed(pages, {}))
    print(f"{len(items)} dumped entities, {len(train)} NER-typed examples on {len({it['site'] for it in train})} sites, "
          f"{sum(it['type'] != it['y'] for it in train)} of them wrong; typed F1 {base[2]:.4f}")
    best = None
    for l2 in args.l2:
        for t in (*THRESHOLDS, None):
            cv = cross_validate(pages, items, names, l2, args.folds, t, args.boost)
            gained = sum(1 for v in cv["per_site"].values() if v > 0)
            lost = sum(1 for v in cv["per_site"].values() if v < 0)
            print(f"L2 {l2:4} threshold {t if t is not None else 'inner'}: typed F1 {base[2]:.4f} -> {cv['typed'][2]:.4f}; "
                  f"changed right {cv['right']} wrong {cv['wrong']} other {cv['other']}; sites gained {gained} lost {lost}"
                  + (f" (thresholds {cv['thresholds']})" if t is None else ""))
            if t is None and (best is None or cv["typed"][2] > best[1]["typed"][2]):
                best = (l2, cv)
    if not args.write:
        return 0
    l2, cv = best
    gained = sum(1 for v in cv["per_site"].values() if v > 0)
    lost = sum(1 for v in cv["per_site"].values() if v < 0)
    if gained < args.min_sites or lost * 3 > gained or cv["typed"][2] - base[2] < args.margin:
        return withdraw(WEIGHTS, f"out of fold sites gained {gained}, lost {lost}, typed F1 {base[2]:.4f} -> {cv['typed'][2]:.4f}")
    t = choose_threshold(train, names, l2, args.boost)
    w = fit_items(train, names, l2, args.boost)
    lines = [f"# source: fitted by tools/entities/type_cv.py on the dev who gold (tests/data/real_pages/who_dev.jsonl dev part "
             f"and who_dev_fresh.jsonl), multinomial L2 logistic regression, L2 {l2}, wrong NER types weighted {args.boost}, threshold {t} by an inner CV by site; "
             f"out of fold (5 folds by site) typed F1 {base[2]:.4f} -> {cv['typed'][2]:.4f}, changed right {cv['right']} "
             f"wrong {cv['wrong']}, sites gained {gained} lost {lost}.",
             "# Columns: type (PER/ORG/LOC) <TAB> feature (entities/type_model.py; bias) <TAB> weight; "
             "the row threshold <TAB> value <TAB> the probability the model needs to overrule the NER's type.",
             "# Example: \"ORG\tnoun_ORG\t1.2\" (after \"le club\", \"la marque\": an organisation)."]
    for c, cls in enumerate(CLASSES):
        lines.extend(f"{cls}\t{n}\t{v:.4f}" for n, v in zip([*names, "bias"], w[:, c], strict=True) if abs(v) >= 5e-5)
    lines.append(f"threshold\tvalue\t{t}")
    WEIGHTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written {WEIGHTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
