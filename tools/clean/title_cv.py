"""The dump headline's weights judged out of site: cross-validation grouped by site.

    PYTHONPATH=src .venv/bin/python tools/clean/title_cv.py            # collect candidates, nested CV, report
    PYTHONPATH=src .venv/bin/python tools/clean/title_cv.py --write    # … and ship the refit if it wins
    PYTHONPATH=src .venv/bin/python tools/clean/title_cv.py --ranker [ARGS]  # the learned ranker instead
                                                         # (tools/clean/train_title.py ARGS, same folds)

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

import title_audit  # noqa: E402
from real_pages import TITLE_F1_MIN, TextStages, token_f1  # noqa: E402
from tools.real_pages.gold import title_text  # noqa: E402

import veille.clean.browser as browser  # noqa: E402
from veille.clean.headline import far_headline  # noqa: E402
from veille.clean.text import is_prose, line_key  # noqa: E402
from veille.clean.title_ranker import rule_only  # noqa: E402
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
        self.texts: list[str] = []  # (kept in the --cache pickle only, outside the repository)
        self.rows: list[dict[str, float]] = []
        self.right: list[bool] = []
        self.far_right: bool | None = None  # the far headline, when there is one: right?
        self.fixed: bool | None = None  # the title did not come from choose_title: right as it is


def gold_dumps() -> list[tuple[str, Path, str, str | None]]:
    """(name, path, site, gold headline) of the gold dump pages one may read."""
    out = []
    for _, path, site, entry in title_audit.gold_pages():
        lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
        out.append((path.stem, path, site, title_text(entry, lines)))
    return out


def synth_dumps(folder: Path) -> list[tuple[str, Path, str, str | None]]:
    """The dumps ``bench/synth_dumps.py --keep FOLDER`` rendered from the dev HTML pages (each style
    and variant a page of that page's site), with the page's gold headline."""
    from tools.real_pages.view import view_lines

    sites = title_audit._sites(title_audit.CORPUS / "sources.tsv")
    gold = {e["page"]: e for e in title_audit.load(ROOT / "tests/data/real_pages/gold_dev.jsonl")}
    titles: dict[str, str | None] = {}
    out = []
    for path in sorted(folder.glob("*/w*.txt")):
        entry = gold.get(path.stem)
        if entry is None or title_audit.split().get(path.stem) != "dev" or entry.get("article") is False:
            continue
        if path.stem not in titles:
            titles[path.stem] = title_text(entry, view_lines(path.stem))
        out.append((f"{path.parent.name}/{path.stem}", path, sites[path.stem], titles[path.stem]))
    return out


def collect(sources: list[tuple[str, Path, str, str | None]]) -> list[Page]:
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
        with recording([]):  # (evidence weighing nothing is computed only while recording)
            return original_choose(us, run_start, evidence, slug, run_end, **kwargs)

    browser._title_score, browser.choose_title = score, choose
    pages = []
    off = rule_only()  # (the hand weights' own choice, whatever ranker is shipped)
    off.__enter__()
    try:
        for name, path, site, gold in sources:
            current.clear()
            try:
                art = stages.run(path)
            except ValueError:
                continue  # (a dump the reader refuses, elinks' stray bytes: no title for any weights)
            page = Page(name, site)
            if "us" not in current:
                page.fixed = token_f1(gold, art.title) >= TITLE_F1_MIN
            else:
                us = current["us"]
                for i, feats in current["cands"]:
                    page.units.append(i)
                    page.texts.append(us[i].text)
                    page.rows.append(feats)
                    page.right.append(token_f1(gold, us[i].text) >= TITLE_F1_MIN)
                far = current["far"]
                page.far_right = None if far is None else token_f1(gold, us[far].text) >= TITLE_F1_MIN
            pages.append(page)
    finally:
        browser._title_score, browser.choose_title = original_score, original_choose
        off.__exit__(None, None, None)
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


def fit(data: list[tuple[np.ndarray, np.ndarray]], prior: np.ndarray, l2: float,
        weight: list[float] | None = None) -> np.ndarray:
    """Conditional logit: maximise the log of the right candidates' share (each page weighed by
    ``weight``), pulled toward ``prior``."""
    weight = weight or [1.0] * len(data)
    usable = [(x, y, c) for (x, y), c in zip(data, weight, strict=True) if len(y) and y.any() and not y.all()]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = l2 * float((w - prior) @ (w - prior)), 2 * l2 * (w - prior)
        for x, y, c in usable:
            s = x @ w
            s = s - s.max()
            e = np.exp(s)
            p_all, p_right = e / e.sum(), e[y] / e[y].sum()
            total -= c * float(np.log(e[y].sum() / e.sum()))
            grad -= c * (x[y].T @ p_right - x.T @ p_all)
        return total, grad

    return minimize(loss, prior.copy(), jac=True, method="L-BFGS-B").x


def folds_of(pages: list[Page], k: int, salt: str = "") -> list[int]:
    return [int(hashlib.sha1((salt + p.site).encode()).hexdigest(), 16) % k for p in pages]


def page_weights(pages: list[Page]) -> list[float]:
    """A real dump counts 1; the rendered versions of one HTML page share 1 between them."""
    versions: dict[str, int] = defaultdict(int)
    for p in pages:
        versions[p.name.split("/")[-1]] += 1
    return [1.0 / versions[p.name.split("/")[-1]] if "/" in p.name else 1.0 for p in pages]


def nested_cv(pages: list[Page], names: list[str], prior: np.ndarray, l2s: tuple[float, ...] = L2S,
              ) -> tuple[dict[str, list[int]], list[str]]:
    """Out-of-site counts per set (``real``, ``synth``): [shipped right, refit right, pages]."""
    data, weight = matrices(pages, names), page_weights(pages)
    fold = folds_of(pages, FOLDS)
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    lines = []
    for f in range(FOLDS):
        train = [j for j in range(len(pages)) if fold[j] != f]
        test = [j for j in range(len(pages)) if fold[j] == f]
        inner = folds_of([pages[j] for j in train], FOLDS, salt="inner")
        best_l2, best_inner = l2s[-1], -1.0
        for l2 in l2s if len(l2s) > 1 else ():
            got = 0.0
            for g in range(FOLDS):
                tr = [train[t] for t in range(len(train)) if inner[t] != g]
                w = fit([data[j] for j in tr], prior, l2, [weight[j] for j in tr])
                got += sum(weight[train[t]] * right(pages[train[t]], *data[train[t]], w)
                           for t in range(len(train)) if inner[t] == g)
            if got > best_inner:
                best_l2, best_inner = l2, got
        w = fit([data[j] for j in train], prior, best_l2, [weight[j] for j in train])
        got = defaultdict(lambda: [0, 0, 0])
        for j in test:
            key = "synth" if "/" in pages[j].name else "real"
            for t in (tally[key], got[key]):
                t[0] += right(pages[j], *data[j], prior)
                t[1] += right(pages[j], *data[j], w)
                t[2] += 1
        sites = len({pages[j].site for j in test})
        lines.append(f"fold {f}: {sites} sites (L2 {best_l2}) | " + " | ".join(
            f"{k} shipped {v[0]} refit {v[1]} of {v[2]}" for k, v in sorted(got.items())))
    return tally, lines


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--ranker"]:
        import train_title  # (the learned ranker over wider candidates, judged by the same site folds)

        return train_title.main(argv[1:])
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--synth", type=Path, help="also the dumps kept by bench/synth_dumps.py --keep DIR")
    ap.add_argument("--cache", type=Path, help="candidates collected once, read again (a pickle, outside the repo)")
    ap.add_argument("--l2", type=float, nargs="*", default=list(L2S), help="penalties tried (inner folds)")
    ap.add_argument("--write", action="store_true", help="write the refit when it wins out of site")
    ap.add_argument("--min-gain", type=int, default=2, help="real pages a refit must win by, out of site")
    args = ap.parse_args(argv)
    if args.cache and args.cache.exists():
        pages = pickle.loads(args.cache.read_bytes())
    else:
        pages = collect(gold_dumps() + (synth_dumps(args.synth) if args.synth else []))
        if args.cache:
            args.cache.write_bytes(pickle.dumps(pages))
    shipped = weights()
    names = list(shipped) + sorted({n for p in pages for r in p.rows for n in r} - set(shipped))
    prior = np.array([shipped.get(n, 0.0) for n in names])
    data = matrices(pages, names)
    sites = {p.site for p in pages}
    for key in ("real", "synth"):
        mine = [j for j, p in enumerate(pages) if ("/" in p.name) == (key == "synth")]
        if mine:
            ok = sum(right(pages[j], *data[j], prior) for j in mine)
            recall = sum(1 for j in mine if pages[j].fixed is None and any(pages[j].right))
            print(f"{key}: {len(mine)} dumps; shipped weights replayed {ok}/{len(mine)}; a right candidate on {recall}")
    print(f"{len(sites)} sites")
    tally, lines = nested_cv(pages, names, prior, tuple(args.l2))
    for line in lines:
        print(line)
    for key, (s, r, n) in sorted(tally.items()):
        print(f"out of site, {key}: shipped {s}/{n} = {s / n:.3f}, refit {r}/{n} = {r / n:.3f}")
    l2 = args.l2[len(args.l2) // 2]
    full = fit(data, prior, l2, page_weights(pages))
    print(f"refit on every page (L2 {l2}): " + ", ".join(
        f"{n} {shipped.get(n, 0.0):+.2f}->{w:+.2f}" for n, w in zip(names, full, strict=True)))
    real = tally.get("real", [0, 0, 0])
    if args.write and real[1] >= real[0] + args.min_gain:
        path = lexicon_path(WEIGHTS_FILE)
        text = path.read_text(encoding="utf-8").splitlines()
        notes = {ln.split("\t")[0]: ln.split("\t")[-1] for ln in text if not ln.startswith("#")}
        out = [ln for ln in text if ln.startswith("#")] + [
            f"{n}\t{w:.3f}\t{notes.get(n, '')}" for n, w in zip(names, full, strict=True)]
        path.write_text("\n".join(out) + "\n", encoding="utf-8")
        print(f"written: {path}")
    elif args.write:
        print("not written: the refit does not win out of site")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
