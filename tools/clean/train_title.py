"""The learned dump headline ranker (``clean/title_ranker.py``): built, judged out of site, written.

    PYTHONPATH=src .venv/bin/python tools/clean/train_title.py [--synth DIR] [--cache FILE]
    PYTHONPATH=src .venv/bin/python tools/clean/train_title.py --synth DIR --write   # ship it if it wins

The training set is built at run time, never stored in the repository: every gold dump one may read
(``title_audit.gold_pages``: corpus dev dumps, the outside dev pages and the released who and event
pages) and, with ``--synth``, the dumps ``bench/synth_dumps.py --keep DIR`` rendered from the dev
HTML pages (each style and variant; the renders of one page share a weight of one page). Each page
is cleaned once; where ``browser.choose_title`` runs, every line of ``title_ranker.candidates`` is
described by ``title_ranker.features`` (the rule's choice and score among them) and labelled right
when its words meet the gold headline (token F1 >= 0.8). A conditional logit over each page's
candidates is fitted (L2, numpy gradient through scipy's L-BFGS, deterministic) and judged by
cross-validation grouped by site (5 folds by a hash of the site; a site's real and rendered pages in
one fold) against the rule's own outcome on the same pages, per set and per dump style. A model
candidate that is the rule's choice scores as the rule's title did (its post-processing kept); another
scores by its label. ``--write`` writes the weights to ``lexicons/clean/title_ranker.tsv`` only when,
out of site, the model gets ``--min-gain`` more dumps right than the rule (real and rendered), no
fewer real ones, and, fitted on every page, loses no real dump the rule has right.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[2]
for extra in (ROOT / "src", ROOT, ROOT / "bench", Path(__file__).resolve().parent):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

import title_cv  # noqa: E402
from real_pages import TITLE_F1_MIN, TextStages, token_f1  # noqa: E402

import veille.clean.browser as browser  # noqa: E402
from veille.clean import title_ranker as tr  # noqa: E402
from veille.clean.dump import strip_images  # noqa: E402
from veille.clean.headline import strip_trailing_stamp, undouble  # noqa: E402
from veille.common.lexicon import LEXICON_DIR  # noqa: E402

NAMES = list(tr.FEATURES)
FOLDS = 5
L2S = (0.1, 0.3, 1.0, 3.0)


class Page:
    """One page's candidates (feature matrix, labels), the rule's choice among them and its outcome."""

    def __init__(self, name: str, site: str, group: str) -> None:
        self.name, self.site, self.group = name, site, group
        self.x = np.zeros((0, len(NAMES)))
        self.y = np.zeros(0, dtype=bool)
        self.rule = -1  # index of the rule's choice among the candidates (-1: the rule chose none)
        self.rule_right = False  # the page's title as the stages give it: right?
        self.weight = 1.0
        self.texts: list[str] = []  # (kept in the --cache pickle only, outside the repository)


def collect(sources: list[tuple[str, Path, str, str | None]]) -> list[Page]:
    stages = TextStages()
    current: dict = {}
    original_score, original_choose = browser._title_score, browser.choose_title

    def score(us, i, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003 - a recording wrapper
        s = original_score(us, i, *args, **kwargs)
        if s is not None and "scores" in current:
            current["scores"][i] = s
        return s

    def choose(us, run_start, evidence, slug, run_end=None, **kwargs):  # noqa: ANN001, ANN003
        current.update(scores={})
        got = original_choose(us, run_start, evidence, slug, run_end, **kwargs)
        current.update(us=us, run_start=run_start, evidence=evidence, slug=slug, got=got)
        return got

    browser._title_score, browser.choose_title = score, choose
    pages = []
    off = tr.rule_only()
    off.__enter__()  # (the rule's choice, whatever model is shipped: the model is refitted on it)
    try:
        for name, path, site, gold in sources:
            current.clear()
            try:
                art = stages.run(path)
            except ValueError:
                continue
            group = name.split("/")[0] if "/" in name else "real"
            page = Page(name, site, group)
            page.rule_right = token_f1(gold, art.title) >= TITLE_F1_MIN
            if "us" in current:
                us, run_start, got = current["us"], current["run_start"], current["got"]
                view = tr.page_view(us, current["evidence"], current["slug"])
                cands = tr.candidates(us, run_start, [got] if got is not None else [])
                rows = [tr.features(us, i, run_start, view, got, current["scores"]) for i in cands]
                page.x = np.array([[r.get(n, 0.0) for n in NAMES] for r in rows]).reshape(len(rows), len(NAMES))
                page.y = np.array([token_f1(gold, undouble(strip_trailing_stamp(strip_images(us[i].text))))
                                   >= TITLE_F1_MIN for i in cands], dtype=bool)
                page.rule = cands.index(got) if got is not None else -1
                page.texts = [us[i].text for i in cands]
            pages.append(page)
    finally:
        browser._title_score, browser.choose_title = original_score, original_choose
        off.__exit__(None, None, None)
    _reweigh(pages)
    return pages


def _reweigh(pages: list[Page]) -> None:
    """A real dump weighs one page; the rendered versions of one HTML page share one page."""
    versions: dict[str, int] = defaultdict(int)
    for p in pages:
        versions[p.name.split("/")[-1]] += p.group != "real"
    for p in pages:
        if p.group != "real":
            p.weight = 1.0 / versions[p.name.split("/")[-1]]


def fit(pages: list[Page], l2: float) -> np.ndarray:
    """Conditional logit: the log of the right candidates' share, each page weighed, L2 toward 0."""
    usable = [(p.x, p.y, p.weight) for p in pages if len(p.y) and p.y.any() and not p.y.all()]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = l2 * float(w @ w), 2 * l2 * w
        for x, y, c in usable:
            s = x @ w
            e = np.exp(s - s.max())
            total -= c * float(np.log(e[y].sum() / e.sum()))
            grad -= c * (x[y].T @ (e[y] / e[y].sum()) - x.T @ (e / e.sum()))
        return total, grad

    return minimize(loss, np.zeros(len(NAMES)), jac=True, method="L-BFGS-B").x


def model_right(p: Page, w: np.ndarray) -> bool:
    """The page's title right when the model chooses (the rule's choice keeps the rule's outcome)."""
    if not len(p.y):
        return p.rule_right
    best = int(np.argmax(p.x @ w))
    return p.rule_right if best == p.rule else bool(p.y[best])


def override_right(p: Page, w: np.ndarray, tau: float) -> bool:
    """The rule's title unless the model (fitted without the rule's features) gives another
    candidate a share of at least ``tau`` and the rule's choice under ``1 - tau``."""
    if not len(p.y):
        return p.rule_right
    s = p.x @ w
    e = np.exp(s - s.max())
    prob = e / e.sum()
    best = int(np.argmax(prob))
    if best == p.rule or prob[best] < tau or p.rule >= 0 and prob[p.rule] >= 1 - tau:
        return p.rule_right
    return bool(p.y[best])


def folds_of(pages: list[Page], k: int, salt: str = "") -> list[int]:
    return [int(hashlib.sha1((salt + p.site).encode()).hexdigest(), 16) % k for p in pages]


def best_l2(pages: list[Page]) -> float:
    """The penalty whose inner grouped folds get most pages right (weighed)."""
    inner = folds_of(pages, FOLDS, salt="inner")
    best, got_best = L2S[0], -1.0
    for l2 in L2S:
        got = 0.0
        for g in range(FOLDS):
            w = fit([p for p, f in zip(pages, inner, strict=True) if f != g], l2)
            got += sum(p.weight * model_right(p, w) for p, f in zip(pages, inner, strict=True) if f == g)
        if got > got_best:
            best, got_best = l2, got
    return best


TAUS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.01)


def best_tau(pages: list[Page], l2: float) -> float:
    """The override threshold whose inner grouped folds gain most pages over the rule (weighed;
    1.01: never override)."""
    inner = folds_of(pages, FOLDS, salt="tau")
    gain = dict.fromkeys(TAUS, 0.0)
    for g in range(FOLDS):
        w = fit([p for p, f in zip(pages, inner, strict=True) if f != g], l2)
        for p, f in zip(pages, inner, strict=True):
            if f == g:
                for tau in TAUS:
                    gain[tau] += p.weight * (override_right(p, w, tau) - p.rule_right)
    return max(TAUS, key=lambda t: (round(gain[t], 6), t))


def cross_validate(pages: list[Page], nested: bool = True, override: bool = False) -> tuple[dict, list[str]]:
    """Out-of-site counts per group: [rule right, model right, pages] (weights not applied)."""
    fold = folds_of(pages, FOLDS)
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    changed: list[str] = []
    for f in range(FOLDS):
        train = [p for p, g in zip(pages, fold, strict=True) if g != f]
        l2 = best_l2(train) if nested else 1.0
        w = fit(train, l2)
        tau = best_tau(train, l2) if override else None
        if override:
            changed.append(f"  fold {f}: L2 {l2}, override at {tau}")
        for p, g in zip(pages, fold, strict=True):
            if g != f:
                continue
            r, m = p.rule_right, model_right(p, w) if tau is None else override_right(p, w, tau)
            for key in (p.group, "all real" if p.group == "real" else "all synth"):
                t = tally[key]
                t[0] += r
                t[1] += m
                t[2] += 1
            if r != m and p.group == "real":
                changed.append(f"  fold {f} {p.name} ({p.site}): rule {'right' if r else 'wrong'}, model {'right' if m else 'wrong'}")
    return tally, changed


def write(w: np.ndarray, note: str) -> Path:
    path = LEXICON_DIR / tr.MODEL_FILE
    lines = ["# source: team, fitted by tools/clean/train_title.py on the gold dumps one may read (corpus dev,",
             "# outside dev, released who/event pages) and the dumps rendered from the dev HTML pages; judged by",
             f"# cross-validation grouped by site. {note}",
             "# Columns: feature <TAB> weight (features of clean/title_ranker.py; a candidate's score is the weighted sum).",
             "# Example: rule_pick -> the line the hand rules chose gains its weight; a line they left out can still"
             " win on its heading, lede and byline evidence."]
    lines += [f"{n}\t{v:.4f}" for n, v in zip(NAMES, w, strict=True)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--synth", type=Path, help="also the dumps kept by bench/synth_dumps.py --keep DIR")
    ap.add_argument("--cache", type=Path, nargs="*", default=[],
                    help="pages collected once, read again (pickles, outside the repo; several are joined)")
    ap.add_argument("--part", default=None, metavar="K/N",
                    help="collect only the K-th of N slices of the pages into --cache and stop (parallel runs)")
    ap.add_argument("--flat", action="store_true", help="one penalty (1.0) instead of nested folds (quicker)")
    ap.add_argument("--write", action="store_true", help="write the weights when the model wins out of site")
    ap.add_argument("--min-gain", type=int, default=5,
                    help="dumps (real and rendered) the model must win by out of site, losing no real one")
    ap.add_argument("--show", action="store_true", help="list the real pages the model changes (dev pages only)")
    ap.add_argument("--override", action="store_true",
                    help="the rule decides unless the model (use with --without rule_*) is sure (threshold by inner folds)")
    ap.add_argument("--without", nargs="*", default=[], metavar="FEATURE",
                    help="features left out (e.g. rule_pick rule_cand rule_score: the model alone)")
    args = ap.parse_args(argv)
    if args.cache and all(c.exists() for c in args.cache):
        pages = [p for c in args.cache for p in pickle.loads(c.read_bytes())]
        _reweigh(pages)
    else:
        sources = title_cv.gold_dumps() + (title_cv.synth_dumps(args.synth) if args.synth else [])
        if args.part:
            k, n = (int(v) for v in args.part.split("/"))
            sources = sources[k - 1::n]
        pages = collect(sources)
        if args.cache:
            args.cache[0].write_bytes(pickle.dumps(pages))
        if args.part:
            return 0
    drop = [NAMES.index(n) for n in args.without]
    for p in pages:
        p.x[:, drop] = 0.0
    real = [p for p in pages if p.group == "real"]
    print(f"{len(real)} real dumps of {len({p.site for p in real})} sites, {len(pages) - len(real)} rendered;"
          f" a right candidate on {sum(1 for p in real if p.y.any())} real;"
          f" the rule right on {sum(p.rule_right for p in real)} real")
    tally, changed = cross_validate(pages, nested=not args.flat, override=args.override)
    for key, (r, m, n) in sorted(tally.items()):
        print(f"out of site {key:28} rule {r:5d}/{n} = {r / n:.3f} | model {m:5d}/{n} = {m / n:.3f}")
    if args.show:
        print("\n".join(changed))
    l2 = 1.0 if args.flat else best_l2(pages)
    w = fit(pages, l2)
    print(f"fitted on every page (L2 {l2}): " + ", ".join(f"{n} {v:+.2f}" for n, v in
                                                         sorted(zip(NAMES, w, strict=True), key=lambda t: -abs(t[1]))))
    lost = [p.name for p in pages if p.group == "real" and p.rule_right and not model_right(p, w)]
    print(f"in sample: the model loses {len(lost)} real dump(s) the rule has right")
    r_all, s_all = tally.get("all real", [0, 0, 0]), tally.get("all synth", [0, 0, 0])
    gain = r_all[1] + s_all[1] - r_all[0] - s_all[0]
    wins = r_all[1] >= r_all[0] and gain >= args.min_gain and not lost
    if args.write and wins:
        note = (f"Out of site: real {r_all[0]} -> {r_all[1]} of {r_all[2]}, rendered {s_all[0]} -> {s_all[1]} of {s_all[2]}.")
        print(f"written: {write(w, note)}")
    elif args.write:
        print("not written: the model does not beat the rule out of site (or loses a real dump in sample)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
