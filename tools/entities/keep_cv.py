"""Fits and judges the entity keep model (``src/veille/entities/keep_model.py``) against the rules
alone, by grouped cross-validation by site, on the dev who gold (``who_dev.jsonl`` and the outside
pages of ``tests/data/extra_who/who_heldout3.jsonl`` and ``who_heldout5.jsonl``, dev material from
rounds 16 and 18).

    VEILLE_ENTITY_DUMP=/tmp/ent-dev.jsonl .venv/bin/python bench/real_eval.py who --part dev --body
    VEILLE_ENTITY_DUMP=/tmp/ent-h3.jsonl .venv/bin/python bench/extra_who.py --part heldout3 --body
    VEILLE_ENTITY_DUMP=/tmp/ent-h5.jsonl .venv/bin/python bench/extra_who.py --part heldout5 --body
    .venv/bin/python tools/entities/keep_cv.py /tmp/ent-dev.jsonl /tmp/ent-h3.jsonl /tmp/ent-h5.jsonl [--write]

(run with no weights shipped: the dump holds what the rules keep). Each dumped entity is labelled as
the shared scorer matches it: a required gold entity (1), nothing (0), an optional one (left out).
Per fold the weights are fitted on the other sites (L2 logistic regression) and the threshold is
the one that maximises F1 on them; the held-out sites are scored with the rules' misses counted.
``--batch-folds``: each outside batch (heldout3, heldout5) is one fold of its own and the corpus dev
sites are spread over the other folds, so a fit on the corpus is judged on sites it never saw.
``--write`` fits on every site and writes ``lexicons/entities/keep_weights.tsv`` only when the CV F1
of rules + model beats the rules alone by ``--margin``; otherwise it removes the file.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tools.real_pages.gold import sites as corpus_sites  # noqa: E402
from tools.real_pages.materialize import shared_scorer  # noqa: E402

GOLDS = [ROOT / "tests/data/real_pages/who_dev.jsonl", ROOT / "tests/data/extra_who/who_heldout3.jsonl",
         ROOT / "tests/data/extra_who/who_heldout5.jsonl"]
BATCHES = ("heldout3", "heldout5")  # outside batches released to dev, each a fold with --batch-folds
WEIGHTS = ROOT / "src/veille/lexicons/entities/keep_weights.tsv"
THRESHOLDS = [round(0.05 * k, 2) for k in range(2, 15)]


def sites() -> dict[str, str]:
    """page id -> site: the corpus pages (``split.tsv``) and the outside who pages (``extra_who/sources.tsv``)."""
    out = corpus_sites()
    with (ROOT / "tests/data/extra_who/sources.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            out[row["id"]] = row["site"]
    return out


def load_gold() -> dict[str, dict]:
    gold: dict[str, dict] = {}
    for path in GOLDS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                if entry.get("part") in ("dev", *BATCHES):
                    gold[entry["page"]] = entry
    return gold


def last_runs(dump: Path) -> dict[str, list[dict]]:
    """A dump's rows by page; a page dumped again (a rerun appended) keeps its last run."""
    by_page: dict[str, list[dict]] = {}
    last = None
    for line in dump.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["page"] != last:
            by_page[row["page"]] = []
            last = row["page"]
        by_page[row["page"]].append(row)
    return by_page


def label(dumps: list[Path]) -> tuple[list[dict], dict[str, int]]:
    """Dumped entities with their label and site, and the rules' misses (required gold) per page."""
    scorer = shared_scorer()
    gold, site_of = load_gold(), sites()
    by_page: dict[str, list[dict]] = defaultdict(list)
    for path in dumps:
        for page, rows_ in last_runs(path).items():
            if page in gold:
                by_page[page] = rows_
    items, misses = [], {}
    for page, entry in gold.items():
        preds = by_page.get(page, [])
        names = scorer.Names(entry)
        golds = entry.get("entities", [])
        pairs = scorer.greedy_match(golds, preds, lambda g, p, names=names: names.same(p["name"], g["name"]))
        matched = {pi: gi for gi, pi in pairs}
        misses[page] = sum(1 for i, g in enumerate(golds) if not g.get("optional") and i not in {gi for gi, _ in pairs})
        for pi, p in enumerate(preds):
            gi = matched.get(pi)
            if gi is not None and golds[gi].get("optional"):
                continue
            items.append({"page": page, "site": site_of.get(page, page), "name": p["name"],
                          "y": int(gi is not None), "f": p["features"]})
    return items, misses


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 300) -> np.ndarray:
    """L2 logistic regression by Newton steps (the bias, last column, is not penalised)."""
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return w


def matrix(items: list[dict], names: list[str]) -> np.ndarray:
    x = np.zeros((len(items), len(names) + 1))
    index = {n: i for i, n in enumerate(names)}
    for r, it in enumerate(items):
        for k, v in it["f"].items():
            if k in index:
                x[r, index[k]] = v
        x[r, -1] = 1.0
    return x


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def counts(y: np.ndarray, keep: np.ndarray, miss: int) -> tuple[int, int, int]:
    tp = int(((y == 1) & keep).sum())
    return tp, int(((y == 0) & keep).sum()), miss + int(((y == 1) & ~keep).sum())


def choose_threshold(p: np.ndarray, y: np.ndarray, miss: int) -> float:
    best = max(THRESHOLDS, key=lambda t: (prf(*counts(y, p >= t, miss))[2], -t))
    return best


def fold_of(site: str, k: int) -> int:
    return int(hashlib.sha1(site.encode()).hexdigest(), 16) % k


def cross_validate(items: list[dict], misses: dict[str, int], names: list[str], l2: float, k: int,
                   batch_of: dict[str, str] | None = None) -> dict:
    """Grouped CV by site; with ``batch_of`` (page -> outside batch) each batch is a fold of its own,
    numbered after the ``k`` folds of the corpus sites."""
    batch_of = batch_of or {}

    def fold(page: str, site: str) -> int:
        return k + BATCHES.index(batch_of[page]) if page in batch_of else fold_of(site, k)

    x, y = matrix(items, names), np.array([it["y"] for it in items])
    folds = np.array([fold(it["page"], it["site"]) for it in items])
    page_fold = {}
    for it in items:
        page_fold[it["page"]] = fold(it["page"], it["site"])
    site_of = sites()
    for page in misses:
        page_fold.setdefault(page, fold(page, site_of.get(page, page)))
    rules, model, per_fold = [0, 0, 0], [0, 0, 0], []
    for f in range(k + (len(BATCHES) if batch_of else 0)):
        test, train = folds == f, folds != f
        miss_test = sum(m for p, m in misses.items() if page_fold[p] == f)
        miss_train = sum(m for p, m in misses.items() if page_fold[p] != f)
        if not test.any():
            continue
        w = fit(x[train], y[train], l2)
        t = choose_threshold(1 / (1 + np.exp(-x[train] @ w)), y[train], miss_train)
        keep = (1 / (1 + np.exp(-x[test] @ w))) >= t
        a = counts(y[test], np.ones(test.sum(), bool), miss_test)
        b = counts(y[test], keep, miss_test)
        rules = [u + v for u, v in zip(rules, a, strict=True)]
        model = [u + v for u, v in zip(model, b, strict=True)]
        per_fold.append((f, round(prf(*a)[2], 3), round(prf(*b)[2], 3), t))
    return {"rules": prf(*rules), "model": prf(*model), "folds": per_fold, "counts": (rules, model)}


def print_weights(names: list[str], w: np.ndarray, t: float) -> None:
    """The fitted weights, lowest first, with the bias and the threshold."""
    print("weights:", ", ".join(f"{n} {v:+.2f}" for n, v in sorted(zip(names, w[:-1], strict=True), key=lambda z: z[1])),
          f"bias {w[-1]:+.2f} threshold {t}")


def withdraw(path: Path, reason: str) -> int:
    """A fit that does not earn its place: said, and its weights file removed (exit status 0)."""
    print(f"not shipped: {reason}")
    path.unlink(missing_ok=True)
    return 0


def write_weights(path: Path, header: list[str], names: list[str], w: np.ndarray, t: float,
                  bias: str = "bias", threshold: str = "threshold") -> int:
    """The weights lexicon: ``header`` lines, a row a feature, then the bias and threshold rows (exit status 0)."""
    lines = [*header, *(f"{n}\t{v:.4f}" for n, v in zip(names, w[:-1], strict=True)),
             f"{bias}\t{w[-1]:.4f}", f"{threshold}\t{t}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written {path.relative_to(ROOT)}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dumps", type=Path, nargs="+")
    ap.add_argument("--folds", type=int, default=8)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--margin", type=float, default=0.003, help="CV F1 gain needed to ship")
    ap.add_argument("--batch-folds", action="store_true", help="each outside batch a fold of its own")
    args = ap.parse_args()
    items, misses = label(args.dumps)
    batch_of = {page: e["part"] for page, e in load_gold().items() if e.get("part") in BATCHES} if args.batch_folds else None
    names = sorted({k for it in items for k in it["f"]})
    print(f"{len(items)} entities ({sum(it['y'] for it in items)} right), {len({it['site'] for it in items})} sites, "
          f"{sum(misses.values())} gold entities the rules miss")
    best = None
    for l2 in (0.3, 1.0, 3.0, 10.0):
        cv = cross_validate(items, misses, names, l2, args.folds, batch_of)
        print(f"L2 {l2}: rules P {cv['rules'][0]:.3f} R {cv['rules'][1]:.3f} F1 {cv['rules'][2]:.3f}"
              f" | rules+model P {cv['model'][0]:.3f} R {cv['model'][1]:.3f} F1 {cv['model'][2]:.3f}  folds {cv['folds']}")
        if best is None or cv["model"][2] > best[1]["model"][2]:
            best = (l2, cv)
    l2, cv = best
    x, y = matrix(items, names), np.array([it["y"] for it in items])
    w = fit(x, y, l2)
    t = choose_threshold(1 / (1 + np.exp(-x @ w)), y, sum(misses.values()))
    print_weights(names, w, t)
    if not args.write:
        return 0
    gain = cv["model"][2] - cv["rules"][2]
    if gain < args.margin:
        return withdraw(WEIGHTS, f"CV gain {gain:+.4f} under the margin {args.margin}")
    header = [f"# source: fitted by tools/entities/keep_cv.py on the dev who gold (tests/data/real_pages/who_dev.jsonl, dev part, and "
              f"tests/data/extra_who/who_heldout3.jsonl, who_heldout5.jsonl); L2 logistic regression, L2 {l2} chosen by grouped CV by site "
              f"({args.folds} folds, threshold fitted on the training sites); CV entities F1 rules {cv['rules'][2]:.3f} "
              f"(P {cv['rules'][0]:.3f}) -> rules + model {cv['model'][2]:.3f} (P {cv['model'][0]:.3f}).",
              "# Columns: feature (entities/keep_model.py) <TAB> weight; bias and threshold (probability under which an entity is refused).",
              "# Use: entities/keep_model.py refuses a kept entity whose probability falls under the threshold. "
              "Example: \"quoted\t-0.5\" (a name alone in quotation marks is less often one the annotators count)."]
    return write_weights(WEIGHTS, header, names, w, t)


if __name__ == "__main__":
    raise SystemExit(main())
