"""The dump headline's weights judged out of site: cross-validation grouped by site.

    PYTHONPATH=src .venv/bin/python tools/clean/title_cv.py            # collect candidates, nested CV, report
    PYTHONPATH=src .venv/bin/python tools/clean/title_cv.py --write    # … and ship the refit if it wins

Every gold dump page one may read (``title_audit.gold_pages``: corpus dev dumps, the outside pages'
dev parts, the who pages of heldout3) is cleaned once; each headline candidate of
``clean/browser.choose_title`` is recorded with its features (``clean/title_weights.py``). A
candidate is right when its line's words meet the gold headline (token F1 >= 0.8). The choice is
then replayed with any weights: the best candidate above ``TITLE_MIN_SCORE``, the far headline when
the best stays under ``FAR_HEADLINE_BELOW``.

The refit is a conditional logit over each page's candidates (the right ones' probability mass),
L2-pulled toward the shipped weights, the penalty chosen inside the training sites (inner grouped
folds). Out of site: the outer folds are sites the fit never saw; the shipped weights are scored on
the same folds. The shipped weights were written on most of these pages, so they are in-sample
here: a refit must beat them out of site by ``--min-gain`` pages to be written.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[2]
for extra in (ROOT / "src", ROOT, ROOT / "bench", Path(__file__).resolve().parent):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

import title_audit  # noqa: E402
from real_pages import TITLE_F1_MIN, TextStages, token_f1  # noqa: E402

import veille.clean.browser as browser  # noqa: E402
from tools.real_pages.gold import title_text  # noqa: E402
from veille.clean.headline import far_headline  # noqa: E402
from veille.clean.text import is_prose, line_key  # noqa: E402
from veille.clean.title_weights import WEIGHTS_FILE, recording, weights  # noqa: E402
from veille.common.lexicon import lexicon_path  # noqa: E402

L2S = (0.3, 1.0, 3.0, 10.0)
FOLDS = 5


class Page:
    """One gold page's candidates: features (rows), which are right, and what the rules outside the
    scores decide (the far headline's index, whether the title came from ``choose_title`` at all)."""

    def __init__(self, name: str, site: str) -> None:
        self.name, self.site = name, site
        self.units: list[int] = []
        self.rows: list[dict[str, float]] = []
        self.right: list[bool] = []
        self.far_right: bool | None = None  # the far headline, when there is one: right?
        self.fixed: bool | None = None  # the title did not come from choose_title: right as it is


def collect() -> list[Page]:
    stages = TextStages()
    current: dict = {}
    original_score, original_choose = browser._title_score, browser.choose_title

    def score(us, i, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003 - a recording wrapper
        rows: list[dict[str, float]] = []
        with recording(rows):
            s = original_score(us, i, *args, **kwargs)
        if s is not None and rows:
            current["cands"].append((i, rows[-1]))
        return s

    def choose(us, run_start, evidence, slug, run_end=None, **kwargs):  # noqa: ANN001, ANN003
        current.update(us=us, run_start=run_start, cands=[])
        last = run_end if run_end is not None else run_start
        body_keys = [line_key(u.text) for u in us[run_start:last + 1] if u.kind in ("text", "heading") and is_prose(u.text)]
        current["far"] = far_headline(us, run_start, run_start - browser.TITLE_LOOKBACK, body_keys)
        return original_choose(us, run_start, evidence, slug, run_end, **kwargs)

    browser._title_score, browser.choose_title = score, choose
    pages = []
    try:
        for _, path, site, entry in title_audit.gold_pages():
            current.clear()
            lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
            gold = title_text(entry, lines)
            art = stages.run(path)
            page = Page(path.stem, site)
            if "us" not in current:
                page.fixed = token_f1(gold, art.title) >= TITLE_F1_MIN
            else:
                us = current["us"]
                for i, feats in current["cands"]:
                    page.units.append(i)
                    page.rows.append(feats)
                    page.right.append(token_f1(gold, us[i].text) >= TITLE_F1_MIN)
                far = current["far"]
                page.far_right = None if far is None else token_f1(gold, us[far].text) >= TITLE_F1_MIN
            pages.append(page)
    finally:
        browser._title_score, browser.choose_title = original_score, original_choose
    return pages


def matrices(pages: list[Page], names: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    return [(np.array([[r.get(n, 0.0) for n in names] for r in p.rows]).reshape(len(p.rows), len(names)),
             np.array(p.right, dtype=bool)) for p in pages]


def right(page: Page, x: np.ndarray, y: np.ndarray, w: np.ndarray) -> bool:
    """Is the replayed choice right? (``choose_title``'s thresholds, in the weights' own units.)"""
    if page.fixed is not None:
        return page.fixed
    if not len(y):
        return bool(page.far_right)
    s = x @ w
    best = int(np.argmax(s))
    if s[best] < browser.FAR_HEADLINE_BELOW and page.far_right is not None:
        return page.far_right
    return bool(s[best] > browser.TITLE_MIN_SCORE and y[best])


def fit(data: list[tuple[np.ndarray, np.ndarray]], prior: np.ndarray, l2: float) -> np.ndarray:
    """Conditional logit: maximise the log of the right candidates' share, pulled toward ``prior``."""
    usable = [(x, y) for x, y in data if len(y) and y.any() and not y.all()]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = l2 * float((w - prior) @ (w - prior)), 2 * l2 * (w - prior)
        for x, y in usable:
            s = x @ w
            s = s - s.max()
            e = np.exp(s)
            p_all, p_right = e / e.sum(), e[y] / e[y].sum()
            total -= float(np.log(e[y].sum() / e.sum()))
            grad -= x[y].T @ p_right - x.T @ p_all
        return total, grad

    return minimize(loss, prior.copy(), jac=True, method="L-BFGS-B").x


def folds_of(pages: list[Page], k: int, salt: str = "") -> list[int]:
    return [int(hashlib.sha1((salt + p.site).encode()).hexdigest(), 16) % k for p in pages]


def nested_cv(pages: list[Page], names: list[str], prior: np.ndarray) -> tuple[int, int, int, list[str]]:
    data = matrices(pages, names)
    fold = folds_of(pages, FOLDS)
    refit_ok = shipped_ok = 0
    lines = []
    for f in range(FOLDS):
        train = [j for j in range(len(pages)) if fold[j] != f]
        test = [j for j in range(len(pages)) if fold[j] == f]
        inner = folds_of([pages[j] for j in train], FOLDS, salt="inner")
        best_l2, best_inner = L2S[-1], -1
        for l2 in L2S:
            got = 0
            for g in range(FOLDS):
                w = fit([data[train[t]] for t in range(len(train)) if inner[t] != g], prior, l2)
                got += sum(right(pages[train[t]], *data[train[t]], w) for t in range(len(train)) if inner[t] == g)
            if got > best_inner:
                best_l2, best_inner = l2, got
        w = fit([data[j] for j in train], prior, best_l2)
        r = sum(right(pages[j], *data[j], w) for j in test)
        s = sum(right(pages[j], *data[j], prior) for j in test)
        refit_ok, shipped_ok = refit_ok + r, shipped_ok + s
        sites = len({pages[j].site for j in test})
        lines.append(f"fold {f}: {len(test)} pages, {sites} sites | shipped {s} | refit {r} (L2 {best_l2})")
    return refit_ok, shipped_ok, len(pages), lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true", help="write the refit when it wins out of site")
    ap.add_argument("--min-gain", type=int, default=2, help="pages a refit must win by, out of site")
    args = ap.parse_args(argv)
    pages = collect()
    shipped = weights()
    names = list(shipped)
    prior = np.array([shipped[n] for n in names])
    data = matrices(pages, names)
    in_sample = sum(right(p, *d, prior) for p, d in zip(pages, data, strict=True))
    sites = defaultdict(int)
    for p in pages:
        sites[p.site] += 1
    print(f"{len(pages)} gold dump pages, {len(sites)} sites; shipped weights replayed: {in_sample}/{len(pages)}")
    recall = sum(1 for p in pages if p.fixed is None and any(p.right))
    print(f"pages with a right candidate: {recall}/{sum(1 for p in pages if p.fixed is None)}")
    refit_ok, shipped_ok, n, lines = nested_cv(pages, names, prior)
    for line in lines:
        print(line)
    print(f"out of site: shipped {shipped_ok}/{n} = {shipped_ok / n:.3f}, refit {refit_ok}/{n} = {refit_ok / n:.3f}")
    full = fit(data, prior, L2S[1])
    print(f"refit on every page (L2 {L2S[1]}): " + ", ".join(
        f"{n} {shipped[n]:+.2f}->{w:+.2f}" for n, w in zip(names, full, strict=True)))
    if args.write and refit_ok >= shipped_ok + args.min_gain:
        path = lexicon_path(WEIGHTS_FILE)
        head = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.startswith("#")]
        body = [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
        out = head + [f"{n}\t{w:.3f}\t{rest[-1]}" for (n, *rest), w in zip(body, full, strict=True)]
        path.write_text("\n".join(out) + "\n", encoding="utf-8")
        print(f"written: {path}")
    elif args.write:
        print("not written: the refit does not win out of site")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
