"""Other speaker choosers than the shipped one, judged out of site: grouped 10-fold CV by site over the
dev speaker gold (the dump of ``speaker_cv.py``), each variant against the shipped feature set under the
same policy (the shipped weak rules, a margin of 0, 1 or 2 log odds over the rules' choice).

    PYTHONPATH=src .venv/bin/python tools/quotes/speaker_cv.py --nested-figure 0    # writes the dump
    PYTHONPATH=src .venv/bin/python tools/quotes/speaker_variants.py [--dump F] [VARIANT ...]

Variants (features added to each candidate; none needs site knowledge):
  rulename  the name of the rule that chose the candidate, not only its family
  kind      every feature again for an indirect quote (direct and indirect weighed apart)
  relative  the most recent and the most named candidate of the quote
  alt       for a candidate the rules did not choose, a few features crossed with the rules' family
  hidden    a conditional logit with one small tanh layer (6 units, seeded start)
Round 19 (speakers11), 1340 quotes on 162 dev sites, rules alone 1161: shipped features 1185 right at margin
1; rulename 1181, kind 1182, relative 1182, alt 1181, hidden 1184 (their best margin: 1183, 1182, 1182, 1181,
1184). None beats the shipped feature set out of site, so none ships. Only dev pages are read.
"""

from __future__ import annotations

import argparse
import copy
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fit_speakers as fs  # noqa: E402
import speaker_cv as sc  # noqa: E402

from veille.quotes.candidates import WEAK_RULES  # noqa: E402

HIDDEN = 6
CROSSED = ("recency", "cue_subject", "gender_agree", "c:sent_after", "n:sent_after", "spoke_often", "none")


def variant(rows: list[dict], name: str) -> list[dict]:
    """``rows`` with the candidates' features of variant ``name`` added (copies)."""
    out = []
    for r in copy.deepcopy(rows):
        family = next((k[5:] for _, f in r["cands"] for k in f if k.startswith("rule:")), "x")
        named = [f for n, f in r["cands"] if n is not None]
        top_recency = max((f.get("recency", 0.0) for f in named), default=0.0)
        top_salience = max((f.get("salience", 0.0) for f in named), default=0.0)
        for cand, f in r["cands"]:
            base = dict(f)
            chosen = any(k.startswith("rule:") for k in base)
            if name == "rulename" and chosen:
                f["rn:" + sc.rule_name(r)] = 1
            elif name == "kind" and r["kind"] == "indirect":
                f.update({"ind:" + k: v for k, v in base.items()})
            elif name == "relative" and cand is not None:
                if top_recency and base.get("recency", 0.0) == top_recency:
                    f["most_recent"] = 1
                if top_salience and base.get("salience", 0.0) == top_salience:
                    f["most_named"] = 1
            elif name == "alt" and not chosen:
                f.update({f"alt_{family}:{k}": base[k] for k in CROSSED if k in base})
        out.append(r)
    return out


def fit_hidden(mats: list, width: int, l2: float, seed: int = 13) -> np.ndarray:
    """Conditional logit with one tanh layer: s = x.w + tanh(x U).v (L-BFGS from a seeded start)."""
    from scipy.optimize import minimize

    train = [(x, y) for x, y in mats if y.any()]
    xs, ys = np.vstack([x for x, _ in train]), np.concatenate([y for _, y in train])
    group = np.concatenate([np.full(len(y), i) for i, (_, y) in enumerate(train)])
    n, h = len(train), HIDDEN

    def loss(p: np.ndarray) -> tuple[float, np.ndarray]:
        w, u, v = p[:width], p[width:width * (h + 1)].reshape(width, h), p[width * (h + 1):]
        a = np.tanh(xs @ u)
        s = xs @ w + a @ v
        top = np.full(n, -np.inf)
        np.maximum.at(top, group, s)
        e = np.exp(s - top[group])
        z_all, z_right = np.bincount(group, e, n), np.bincount(group, e * ys, n)
        r = (e / z_all[group] - e * ys / z_right[group]) / n
        value = -np.sum(np.log(z_right) - np.log(z_all)) / n + 0.5 * l2 * (w @ w + 10 * ((u ** 2).sum() + v @ v))
        ga = np.outer(r, v) * (1 - a ** 2)
        return value, np.concatenate([xs.T @ r + l2 * w, (xs.T @ ga + 10 * l2 * u).ravel(), a.T @ r + 10 * l2 * v])

    rng = np.random.default_rng(seed)
    start = np.concatenate([np.zeros(width), rng.normal(0, 0.1, width * h + h)])
    return minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 500}).x


def scores(x: np.ndarray, p: np.ndarray, hidden: bool) -> np.ndarray:
    if not hidden:
        return x @ p
    width = x.shape[1]
    return x @ p[:width] + np.tanh(x @ p[width:width * (HIDDEN + 1)].reshape(width, HIDDEN)) @ p[width * (HIDDEN + 1):]


def grouped_cv(rows: list[dict], cases: list[dict], name: str, l2: float = 0.001) -> dict[float, int]:
    """Right quotes out of site (10 folds by site) at each margin, for variant ``name``."""
    hidden = name == "hidden"
    if not hidden and name != "shipped":
        rows, cases = variant(rows, name), variant(cases, name)
    features = sorted({k for r in rows + cases for _, f in r["cands"] for k in f})
    mats, extra = fs.design(rows, features), fs.design(cases, features)
    fold = sc.folds_of(list({r["site"] for r in rows}), 10)
    params: list = [None] * len(rows)
    for k in range(10):
        train = [m for m, r in zip(mats, rows, strict=True) if fold[r["site"]] != k] + extra
        p = fit_hidden(train, len(features), l2) if hidden else fs.fit(train, len(features), l2)
        for i, r in enumerate(rows):
            if fold[r["site"]] == k:
                params[i] = p
    out = {}
    for margin in (0.0, 1.0, 2.0):
        right = 0
        for i, (x, y) in enumerate(mats):
            s = scores(x, params[i], hidden)
            best = int(np.argmax(s))
            at = -1 if sc.rule_name(rows[i]) in WEAK_RULES else sc.rule_at(rows[i])
            right += bool(y[best if at < 0 or best == at or s[best] - s[at] > margin else at])
        out[margin] = right
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("variants", nargs="*", default=["rulename", "kind", "relative", "alt", "hidden"])
    ap.add_argument("--dump", type=Path, default=Path(tempfile.gettempdir()) / "veille-speaker-cv-dump.jsonl")
    args = ap.parse_args()
    rows, cases = fs.labelled(args.dump), fs.case_rows()
    print(f"{len(rows)} quotes on {len({r['site'] for r in rows})} dev sites; rules alone "
          f"{sum(bool(r['rule_right']) for r in rows)}")
    for name in ["shipped", *args.variants]:
        got = grouped_cv(rows, cases, name)
        print(f"  {name:10} " + "  ".join(f"margin {m}: {v}" for m, v in got.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
