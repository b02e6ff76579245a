"""Fits the speaker scorer's weights (``lexicons/quotes/speaker_weights.tsv``) on the dev part of the
real-page gold, and reports its accuracy by cross-validation grouped by site.

    PYTHONPATH=src .venv/bin/python tools/quotes/fit_speakers.py            # extract, fit, report
    PYTHONPATH=src .venv/bin/python tools/quotes/fit_speakers.py --compare  # leave-one-site-out comparison
    options: --dump FILE (reuse candidates dumped by an earlier run), --folds N, --l2 X

The shipped weights, margin and weak rules are chosen and written by ``tools/quotes/speaker_cv.py --write``
(nested CV by site); this tool's dump, labels and fit are the parts it reuses.

The quote stage dumps each quote's candidates with their features (``VEILLE_SPEAKER_DUMP``; the rules
alone decide during the dump). A candidate is right when the gold's scorer takes its name for the
gold speaker. The model is a conditional logit over a quote's candidates (softmax of linear scores),
fitted by gradient descent with an L2 penalty; it is deterministic (no random start). Only the dev
part is read; the test part stays for the final score.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from bench.real_eval import _gold, _scorer  # noqa: E402

from tools.real_pages.gold import sites as page_sites  # noqa: E402
from tools.real_pages.materialize import body_inputs, materialize  # noqa: E402
from veille.quotes.candidates import RULE_GROUPS, is_weak  # noqa: E402

WEIGHTS = ROOT / "src" / "veille" / "lexicons" / "quotes" / "speaker_weights.tsv"


EXTRA_WHO = ROOT / "tests" / "data" / "extra_who"
EXTRA_PAGES = ROOT / "tests" / "data" / "extra_pages"
SETS = ("corpus", "heldout3", "heldout5", "dev2", "dev3")  # what ``--sets`` may name; the corpus dev part is the first


class GoldSet:
    """One body of speaker gold: the page entries (title, body, date), the who gold by page, how to
    read a page's view lines, and each page's site (the fold a page goes to)."""

    def __init__(self, name: str, entries: list[dict], who: dict[str, dict], lines_of, sites: dict[str, str]) -> None:
        self.name, self.entries, self.who, self.lines_of, self.sites = name, entries, who, lines_of, sites


def _site_table(path: Path) -> dict[str, str]:
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    return {r[0]: r[5] for r in rows if len(r) > 5}


def _outside(name: str, who_file: Path, pages_gold: Path, pages_dir: Path, sources: Path) -> GoldSet | None:
    """Gold on pages kept outside the repository (``/work/extra``); ``None`` when the pages are absent."""
    from tools.real_pages.gold import load
    from tools.real_pages.view import file_lines

    if not pages_dir.is_dir() or not who_file.exists():
        print(f"{name}: {pages_dir} or {who_file.name} absent, left out", file=sys.stderr)
        return None
    who = {}
    for w in load(who_file):
        if "speakers" in w:  # speakers-only gold: its names and aliases are what the scorer compares
            w = {**w, "entities": [{"name": s["name"], "type": "PER", "aliases": s.get("aliases", [])}
                                   for s in w["speakers"]]}
        who[w["page"]] = w
    pages = {e["page"]: e for e in load(pages_gold)}

    def lines_of(page: str) -> list[str]:
        return file_lines(next(pages_dir.glob(page + ".*")))

    sites = _site_table(sources)
    return GoldSet(name, [pages[p] for p in who if p in pages], who, lines_of,
                   {p: sites.get(p, p) for p in who})


def gold_sets(names: tuple[str, ...] = SETS) -> list[GoldSet]:
    """The speaker gold the scorer learns from: the corpus dev part, the outside who pages of heldout3
    (dev material since round 11) and the speakers-only gold on outside dev pages. Only dev material."""
    from tools.real_pages.view import view_lines

    out = []
    if "corpus" in names:
        entries, who, _ = _gold("who", "dev")
        sites = page_sites()
        out.append(GoldSet("corpus", entries, who or {}, view_lines, {e["page"]: sites.get(e["page"], e["page"])
                                                                       for e in entries}))
    if "heldout3" in names:
        out.append(_outside("heldout3", EXTRA_WHO / "who_heldout3.jsonl", EXTRA_WHO / "gold_heldout3.jsonl",
                            Path("/work/extra/who_pages"), EXTRA_WHO / "sources.tsv"))
    if "heldout5" in names:  # released to dev in round 13
        out.append(_outside("heldout5", EXTRA_WHO / "who_heldout5.jsonl", EXTRA_WHO / "gold_heldout5.jsonl",
                            Path("/work/extra/who_pages"), EXTRA_WHO / "sources.tsv"))
    if "dev2" in names:
        out.append(_outside("dev2", EXTRA_WHO / "speakers_dev2.jsonl", EXTRA_PAGES / "gold.jsonl",
                            Path("/work/extra/pages"), EXTRA_PAGES / "sources.tsv"))
    if "dev3" in names:
        out.append(_mixed("dev3", EXTRA_WHO / "speakers_dev3.jsonl"))
    return [g for g in out if g is not None]


def _mixed(name: str, who_file: Path) -> GoldSet | None:
    """Speakers-only gold on outside dev pages (``x…``, in ``/work/extra/pages``) and on corpus dev pages of
    sites no who gold covers (``w…``, read through the corpus view): each page from its own store."""
    from tools.real_pages.view import view_lines

    outside = _outside(name, who_file, EXTRA_PAGES / "gold.jsonl", Path("/work/extra/pages"),
                       EXTRA_PAGES / "sources.tsv")
    if outside is None:
        return None
    corpus_gold, _, _ = _gold("pages", "dev")
    corpus = {e["page"]: e for e in corpus_gold}
    split = page_sites()
    extra_lines = outside.lines_of
    entries = outside.entries + [corpus[p] for p in outside.who if p.startswith("w") and p in corpus]
    sites = {p: (split.get(p, p) if p.startswith("w") else s) for p, s in outside.sites.items()}
    return GoldSet(name, entries, outside.who, lambda page: view_lines(page) if page.startswith("w") else extra_lines(page),
                   sites)


def dump_candidates(out: Path, names: tuple[str, ...] = SETS) -> None:
    """Runs the pipeline on the gold sets' pages (gold body given) with the candidate dump on."""
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "inputs"
        for g in gold_sets(names):
            body_inputs(g.entries, inputs, lines_of=g.lines_of)
        out.unlink(missing_ok=True)
        env = dict(os.environ, VEILLE_SPEAKER_DUMP=str(out), PYTHONPATH=str(ROOT / "src"))
        subprocess.run([sys.executable, "-m", "veille", "extract", *sorted(map(str, inputs.iterdir())),
                        "--output", str(Path(tmp) / "pred.jsonl")], cwd=ROOT, env=env, check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def labelled(dump: Path, names: tuple[str, ...] = SETS) -> list[dict]:
    """The dumped quotes matched to non-optional gold quotes, each candidate labelled right or wrong;
    each row records its gold set (``src``) and site."""
    scorer = _scorer()
    rows: dict[str, list[dict]] = {}
    for line in dump.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        rows.setdefault(row["page"], []).append(row)
    out = []
    for g in gold_sets(names):
        with tempfile.TemporaryDirectory() as tmp:
            gold_dir = Path(tmp)
            materialize(g.entries, gold_dir, who=g.who, lines_of=g.lines_of)
            for gold_file in sorted(gold_dir.glob("*.json")):
                gold = json.loads(gold_file.read_text(encoding="utf-8"))
                out += _match(scorer, gold, rows.get(gold_file.stem, []), g.sites.get(gold_file.stem, gold_file.stem),
                              g.name)
    return out


def _match(scorer, gold: dict, page_rows: list[dict], site: str, src: str) -> list[dict]:
    names = scorer.Names(gold)
    out = []
    for kind in ("direct", "indirect"):
        gq = [q for q in gold.get("quotes", []) if q.get("kind", "direct") == kind]
        pq = [r for r in page_rows if r["kind"] == kind]
        for g, p in scorer.greedy_match(gq, pq, lambda g, p: scorer.dice(g["text"], p["text"]) >= 0.5):
            if gq[g].get("optional"):
                continue
            row = pq[p]
            row["site"], row["src"] = site, src
            row["labels"] = [names.same(c[0], gq[g].get("speaker")) for c in row["cands"]]
            row["rule_right"] = names.same(row["speaker"], gq[g].get("speaker"))
            row["gold"] = gq[g].get("speaker")
            out.append(row)
    return out


MIN_SHARE = [0.0]  # set from --min-share: the share of the score mass a candidate needs to replace the rules'
CASES = ROOT / "tests" / "data" / "quote_cases.jsonl"


def case_rows() -> list[dict]:
    """The team's invented attribution cases (``tests/data/quote_cases.jsonl``), dumped and labelled like
    the dev pages: the press conventions they were written for (a spokesperson of a named person is
    nobody, a demonym is not the country …) are evidence the dev pages hold too rarely to learn from."""
    import re

    from veille.model import Article, Entity
    from veille.nlp import load_nlp
    from veille.quotes import QuoteStage

    scorer = _scorer()
    nlp = load_nlp()
    stage = QuoteStage(None)
    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "cases.jsonl"
        os.environ["VEILLE_SPEAKER_DUMP"] = str(dump)
        try:
            for case in cases:
                art = Article(id=case["id"], title=case.get("title"), paragraphs=list(case["paragraphs"]),
                              language="fr")
                text = art.nlp_text()
                for e in case["entities"]:
                    spans = [[h.start(), h.end()] for m in e["mentions"]
                             for h in re.finditer(r"(?<!\w)" + re.escape(m) + r"(?!\w)", text)]
                    art.entities.append(Entity(name=e["name"], type=e["type"], mentions=list(e["mentions"]),
                                               spans=spans))
                stage(art, nlp(text), None)
        finally:
            del os.environ["VEILLE_SPEAKER_DUMP"]
        rows: dict[str, list[dict]] = {}
        for line in dump.read_text(encoding="utf-8").splitlines() if dump.exists() else []:
            row = json.loads(line)
            rows.setdefault(row["page"], []).append(row)
    for case in cases:
        names = scorer.Names({"entities": case["entities"]})
        for kind in ("direct", "indirect"):
            gq = [q for q in case["quotes"] if q.get("kind", "direct") == kind]
            pq = [r for r in rows.get(case["id"], []) if r["kind"] == kind]
            for g, p in scorer.greedy_match(gq, pq, lambda g, p: scorer.dice(g["text"], p["text"]) >= 0.5):
                if gq[g].get("optional"):
                    continue
                row = pq[p]
                row["site"] = "cases"
                row["labels"] = [names.same(c[0], gq[g].get("speaker")) for c in row["cands"]]
                row["rule_right"] = names.same(row["speaker"], gq[g].get("speaker"))
                out.append(row)
    return out


def design(rows: list[dict], features: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    col = {f: i for i, f in enumerate(features)}
    mats = []
    for row in rows:
        x = np.zeros((len(row["cands"]), len(features)))
        for i, (_, feats) in enumerate(row["cands"]):
            for k, v in feats.items():
                if k in col:
                    x[i, col[k]] = v
        mats.append((x, np.array(row["labels"], dtype=float)))
    return mats


def fit(mats: list[tuple[np.ndarray, np.ndarray]], width: int, l2: float) -> np.ndarray:
    """Conditional logit: maximises the log of the score mass on the right candidates (L-BFGS, from 0)."""
    from scipy.optimize import minimize

    train = [(x, y) for x, y in mats if y.any()]
    x_all = np.vstack([x for x, _ in train])
    y_all = np.concatenate([y for _, y in train])
    group = np.concatenate([np.full(len(y), i) for i, (_, y) in enumerate(train)])
    n = len(train)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = x_all @ w
        top = np.full(n, -np.inf)
        np.maximum.at(top, group, s)
        e = np.exp(s - top[group])
        z_all, z_right = np.zeros(n), np.zeros(n)
        np.add.at(z_all, group, e)
        np.add.at(z_right, group, e * y_all)
        p = e / z_all[group]
        q = e * y_all / z_right[group]
        value = -np.sum(np.log(z_right) - np.log(z_all)) / n + 0.5 * l2 * w @ w
        grad = -(x_all.T @ (q - p)) / n + l2 * w
        return value, grad

    return minimize(loss, np.zeros(width), jac=True, method="L-BFGS-B").x


def pick(x: np.ndarray, w: np.ndarray, rule_at: int, margin: float) -> int:
    """The best-scored candidate, unless the rules' choice scores within ``margin`` (log odds) of it."""
    s = x @ w
    best = int(np.argmax(s))
    share = 1 / np.exp(s - s[best]).sum()
    if rule_at >= 0 and (s[best] - s[rule_at] <= margin or share < MIN_SHARE[0]):
        return rule_at
    return best


def rule_index(row: dict) -> int:
    """The rules' candidate, -1 for none or for a weak rule (``lexicons/quotes/weak_rules.tsv``): the scorer picks."""
    if is_weak(row["rule"]):
        return -1
    return next((i for i, (_, f) in enumerate(row["cands"]) if any(k.startswith("rule:") for k in f)), -1)


def accuracy(rows: list[dict], mats: list[tuple[np.ndarray, np.ndarray]], w: np.ndarray, margin: float = 0.0) -> float:
    right = 0
    for (x, y), row in zip(mats, rows, strict=True):
        right += bool(y[pick(x, w, rule_index(row), margin)])
    return right / max(1, len(rows))


def shipped(features: list[str]) -> tuple[np.ndarray, float, float]:
    """The shipped weights as a vector over ``features``, with their margin and minimum share."""
    rows = [line.split("\t") for line in WEIGHTS.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    table = {r[0]: float(r[1]) for r in rows if len(r) >= 2}
    return (np.array([table.get(f, 0.0) for f in features]), table.get("__margin__", 0.0),
            table.get("__min_share__", 0.0))


def compare(rows: list[dict], cases: list[dict], features: list[str]) -> None:
    """Leave-one-site-out accuracy (each dev site held out in turn, the weights fitted on the others and
    the invented cases) of: the rules alone, the shipped weights (fitted on every site: optimistic),
    refits at several L2 penalties and margins, and simpler priors (few features)."""
    sites = sorted({r["site"] for r in rows})
    case_all = design(cases, features)

    def held_out(keep: tuple[str, ...] | None, l2: float, margin: float, share: float) -> tuple[float, float]:
        feats = [f for f in features if keep is None or f.startswith(keep)]
        mats = design(rows, feats)
        cmats = design(cases, feats)
        MIN_SHARE[0] = share
        per_site = []
        right = 0
        for site in sites:
            tr = [m for m, r in zip(mats, rows, strict=True) if r["site"] != site]
            te = [(m, r) for m, r in zip(mats, rows, strict=True) if r["site"] == site]
            wk = fit(tr + cmats, len(feats), l2)
            ok = sum(bool(y[pick(x, wk, rule_index(r), margin)]) for (x, y), r in te)
            right += ok
            per_site.append(ok / len(te))
        return right / len(rows), sum(per_site) / len(per_site)

    def line(name: str, micro: float, macro: float) -> None:
        print(f"  {name:44} micro {micro:.3f}  site-macro {macro:.3f}")

    print(f"leave-one-site-out over {len(sites)} dev sites, {len(rows)} quotes")
    by_site: dict[str, list[int]] = {}
    for r in rows:
        by_site.setdefault(r["site"], []).append(r["rule_right"])
    line("rules alone", sum(r["rule_right"] for r in rows) / len(rows),
         sum(sum(v) / len(v) for v in by_site.values()) / len(by_site))
    w, margin, share = shipped(features)
    MIN_SHARE[0] = share
    mats = design(rows, features)
    oks: dict[str, list[bool]] = {}
    for (x, y), r in zip(mats, rows, strict=True):
        oks.setdefault(r["site"], []).append(bool(y[pick(x, w, rule_index(r), margin)]))
    line("shipped weights (seen every site)", sum(map(sum, oks.values())) / len(rows),
         sum(sum(v) / len(v) for v in oks.values()) / len(oks))
    del case_all
    simple = ("rule:", "recency", "cue_subject", "none")
    for keep, label in ((None, "all features"), (simple, "prior: rule family+recency+cue")):
        for l2 in (0.003, 0.01, 0.03, 0.1, 0.3):
            for margin, share in ((0.5, 0.5), (0.0, 0.5), (1.0, 0.5)):
                line(f"{label} l2 {l2} margin {margin}", *held_out(keep, l2, margin, share))


def single_site_rules(rows: list[dict]) -> None:
    """Per speaker rule (first part of ``rule``), direct and indirect quotes together: how often it fires on
    matched gold quotes, right and wrong, on how many dev sites (and on how many it is wrong somewhere), and
    its site-macro accuracy (each site weighs the same: a rule right on one site only is fitted to a site's
    habits, not to French news writing)."""
    seen: dict[str, dict[str, list[bool]]] = {}
    for r in rows:
        seen.setdefault(r["rule"].split("+")[0], {}).setdefault(r["site"], []).append(r["rule_right"])
    print("rules by dev site (matched gold quotes): rule  fires  right  wrong  sites  sites-wrong  site-macro")
    for rule, by in sorted(seen.items(), key=lambda x: (len(x[1]), -sum(map(len, x[1].values())))):
        n = sum(map(len, by.values()))
        ok = sum(map(sum, by.values()))
        bad_sites = sum(1 for v in by.values() if not all(v))
        macro = sum(sum(v) / len(v) for v in by.values()) / len(by)
        mark = "  <- one site only" if len(by) == 1 else ""
        print(f"  {rule:32} {n:4} {ok:5} {n - ok:5} {len(by):5} {bad_sites:6}  {macro:.2f}{mark}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dump", type=Path, help="reuse this candidate dump (else run the pipeline)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--drop", default="", help="comma-separated feature prefixes to leave out (ablation)")
    ap.add_argument("--margin", type=float, default=0.0, help="log odds by which a candidate must beat the rules")
    ap.add_argument("--no-cases", dest="cases", action="store_false",
                    help="fit on the dev pages only (not on the invented cases too)")
    ap.add_argument("--min-share", type=float, default=0.5,
                    help="share of the score mass a candidate needs to replace the rules' choice")
    ap.add_argument("--compare", action="store_true",
                    help="leave-one-site-out: rules alone, shipped weights, refits, simpler priors")
    args = ap.parse_args()
    MIN_SHARE[0] = args.min_share
    dump = args.dump or Path(tempfile.gettempdir()) / "veille-speaker-dump.jsonl"
    if args.dump is None:
        dump_candidates(dump)
    rows = labelled(dump)
    cases = case_rows() if args.cases else []
    drop = tuple(p for p in args.drop.split(",") if p)
    features = sorted({k for r in rows + cases for _, f in r["cands"] for k in f
                       if not (drop and k.startswith(drop))})
    if args.compare:
        single_site_rules(rows)
        compare(rows, cases, features)
        return 0
    mats = design(rows, features)
    case_mats = design(cases, features)
    rule_acc = sum(r["rule_right"] for r in rows) / max(1, len(rows))
    reach = sum(any(r["labels"]) for r in rows) / max(1, len(rows))
    w = fit(mats + case_mats, len(features), args.l2)
    sites = sorted({r["site"] for r in rows})
    fold_of = {s: i % args.folds for i, s in enumerate(sites)}
    cv_right = 0
    by_group: dict[str, list[int]] = {}
    for k in range(args.folds):
        tr = [m for m, r in zip(mats, rows, strict=True) if fold_of[r["site"]] != k]
        te = [(m, r) for m, r in zip(mats, rows, strict=True) if fold_of[r["site"]] == k]
        wk = fit(tr + case_mats, len(features), args.l2)
        for (x, y), r in te:
            ok = bool(y[pick(x, wk, rule_index(r), args.margin)])
            cv_right += ok
            g = by_group.setdefault(RULE_GROUPS.get(r["rule"].split("+")[0], "other"), [0, 0, 0])
            g[0] += ok
            g[1] += r["rule_right"]
            g[2] += 1
    for kind in ("direct", "indirect"):
        sel = [i for i, r in enumerate(rows) if r["kind"] == kind]
        sub_rows = [rows[i] for i in sel]
        print(f"{kind:8} quotes {len(sel):4}  rules {sum(r['rule_right'] for r in sub_rows) / max(1, len(sel)):.3f}"
              f"  fitted {accuracy(sub_rows, [mats[i] for i in sel], w, args.margin):.3f}")
    print(f"all      quotes {len(rows):4}  rules {rule_acc:.3f}  fitted {accuracy(rows, mats, w, args.margin):.3f}"
          f"  grouped CV ({args.folds} folds, {len(sites)} sites) {cv_right / max(1, len(rows)):.3f}"
          f"  reachable {reach:.3f}")
    if cases:
        print(f"cases    quotes {len(cases):4}  rules {sum(r['rule_right'] for r in cases) / len(cases):.3f}"
              f"  fitted {accuracy(cases, case_mats, w, args.margin):.3f}")
    for g, (ok, rr, n) in sorted(by_group.items(), key=lambda x: -x[1][2]):
        print(f"  group {g:12} {n:4}  rules {rr / n:.3f}  CV {ok / n:.3f}")
    for f, v in sorted(zip(features, w, strict=True), key=lambda x: -abs(x[1])):
        print(f"  {f:28} {v:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
