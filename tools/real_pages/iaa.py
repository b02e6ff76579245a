"""Inter-annotator agreement on the real-sentence events gold (issue 13).

    .venv/bin/python tools/real_pages/iaa.py sample [--n 150] [--seed 13]      # ids of a stratified sample
    .venv/bin/python tools/real_pages/iaa.py compare A.jsonl B.jsonl [--json]  # agreement of B with A

``sample`` draws sentences of ``events_dev.jsonl`` stratified by annotator (equal shares) and, within an
annotator, by page (round robin over the shuffled pages, a random sentence of each page in turn). It
prints ids only (``page:line.col-line.col``), never the sentences nor their events, so a second
annotator can mark them blind.

``compare`` takes the sentences both files hold (same page, start and end) and matches their events as
``bench/events_real.py`` matches gold and predictions, A in the place of the gold, B of the
predictions: within one sentence, greedily (A's fact/intent events first), an event pair agreeing on
the type (a type list accepts any of its types), the source and the target (an A target ``null``
accepts any target; names compared by the shared scorer, a list of names being alternatives). Events
whose mode is negated, hypothetical or demanded are optional on both sides: matched they count for
mode and date, unmatched they are neither missed nor spurious. Reported:

- ``events``: F1 on type + source + target (and the same with B as reference, ``events_ba``), also
  by A's annotator;
- ``type``: type agreement on the pairs that agree on source + target whatever the type;
- ``source`` / ``target``: agreement on the pairs that agree on the type and on the other argument;
- ``mode``, ``date``: agreement on the matched pairs (``date_given``: those A dates);
- ``sentence_events``: sentences where both, only A, only B or neither hold a fact/intent event, with
  Cohen's kappa on that yes/no;
- ``kinds``: the disagreements, each unmatched event assigned once: a pair of one A and one B event
  that differ in the type only, the source only or the target only, else an event only in A or only
  in B; ``mode`` and ``date`` for matched pairs; each split by A's annotator.

``--specific-first`` matches A's events that name a target before A's null-target ones (a null target
accepts any, so the bench's order can pair it with B's named-target event and leave a false disagreement).
No page text is read or printed: the comparison works on the labels only.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "real_pages" / "events_dev.jsonl"
RECORDED = {"fact", "intent"}


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def sentence_id(row: dict) -> str:
    (l1, c1), (l2, c2) = row["start"], row["end"]
    return f"{row['page']}:{l1}.{c1}-{l2}.{c2}"


def sample(rows: list[dict], n: int = 150, seed: int = 13) -> list[str]:
    """Ids of ``n`` sentences, equal shares per annotator, round robin over each annotator's pages."""
    rng = random.Random(seed)
    by_ann: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        by_ann[r["annotator"]][r["page"]].append(r)
    annotators = sorted(by_ann)
    shares = {a: n // len(annotators) + (i < n % len(annotators)) for i, a in enumerate(annotators)}
    out: list[str] = []
    for ann in annotators:
        pages = {p: list(s) for p, s in sorted(by_ann[ann].items())}
        for sents in pages.values():
            rng.shuffle(sents)
        order = sorted(pages)
        rng.shuffle(order)
        picked = 0
        while picked < shares[ann] and any(pages.values()):
            for page in order:
                if picked >= shares[ann]:
                    break
                if pages[page]:
                    out.append(sentence_id(pages[page].pop()))
                    picked += 1
    return out


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else [value]


class Matcher:
    """Name comparison of the shared scorer, extended to a list of alternatives on the B side."""

    def __init__(self, same: Callable[[Any, Any], bool] | None = None) -> None:
        if same is None:
            sys.path.insert(0, str(ROOT))
            from tools.real_pages.materialize import shared_scorer

            same = shared_scorer().Names({}).same
        self._same = same

    def same(self, b: Any, a: Any) -> bool:
        return any(self._same(x, a) for x in _as_list(b))

    def type_ok(self, a: dict, b: dict) -> bool:
        return bool(set(_as_list(b.get("type"))) & set(_as_list(a.get("type"))))

    def source_ok(self, a: dict, b: dict) -> bool:
        return self.same(b.get("source"), a.get("source"))

    def target_ok(self, a: dict, b: dict) -> bool:
        return a.get("target") is None or self.same(b.get("target"), a.get("target"))

    def fits(self, a: dict, b: dict) -> bool:
        return self.type_ok(a, b) and self.source_ok(a, b) and self.target_ok(a, b)


SPECIFIC_FIRST = False  # True: A events with a named target are matched before null-target ones


def _greedy(golds: list[dict], preds: list[dict], fits: Callable[[dict, dict], bool],
            gfree: set[int] | None = None, pfree: set[int] | None = None) -> list[tuple[int, int]]:
    gfree = set(range(len(golds))) if gfree is None else gfree
    pfree = set(range(len(preds))) if pfree is None else pfree
    pairs: list[tuple[int, int]] = []

    def order(i: int) -> tuple:
        return (golds[i].get("mode") not in RECORDED, SPECIFIC_FIRST and golds[i].get("target") is None, i)

    for gi in sorted(gfree, key=order):
        for pi in sorted(pfree):
            if fits(golds[gi], preds[pi]):
                pairs.append((gi, pi))
                pfree.discard(pi)
                break
    return pairs


class Agreement:
    def __init__(self) -> None:
        self.c: Counter = Counter()
        self.kinds: dict[str, Counter] = defaultdict(Counter)
        self.sentences = 0

    def ratio(self, ok: str, n: str) -> tuple[float | None, int, int]:
        return (self.c[ok] / self.c[n] if self.c[n] else None, self.c[ok], self.c[n])

    def f1(self, tp: str, fp: str, fn: str) -> dict:
        t, p_, n_ = self.c[tp], self.c[fp], self.c[fn]
        p = t / (t + p_) if t + p_ else 0.0
        r = t / (t + n_) if t + n_ else 0.0
        return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r, "tp": t, "fp": p_, "fn": n_}

    def kappa(self) -> float | None:
        """Cohen's kappa on "the sentence holds a fact/intent event" between A and B."""
        n = self.sentences
        if not n:
            return None
        both, a, b = self.c["sent_both"], self.c["sent_a"], self.c["sent_b"]
        po = (n - a - b) / n
        pa, pb = (both + a) / n, (both + b) / n
        pe = pa * pb + (1 - pa) * (1 - pb)
        return (po - pe) / (1 - pe) if pe < 1 else None

    def as_dict(self) -> dict:
        return {"sentences": self.sentences,
                "sentence_events": {"both": self.c["sent_both"], "only_a": self.c["sent_a"], "only_b": self.c["sent_b"],
                                    "neither": self.sentences - self.c["sent_both"] - self.c["sent_a"] - self.c["sent_b"],
                                    "kappa": self.kappa()}, "events_a": self.c["events_a"], "events_b": self.c["events_b"],
                "events": self.f1("tp", "fp", "fn"),
                "events_by_annotator": {k[3:]: self.f1(k, "fp" + k[2:], "fn" + k[2:])
                                        for k in sorted(self.c) if k.startswith("tp:")},
                "events_ba": self.f1("tp_ba", "fp_ba", "fn_ba"),
                "type": self.ratio("type_ok", "type_n"), "source": self.ratio("source_ok", "source_n"),
                "target": self.ratio("target_ok", "target_n"), "mode": self.ratio("mode_ok", "mode_n"),
                "date": self.ratio("date_ok", "date_n"), "date_given": self.ratio("dateg_ok", "dateg_n"),
                "kinds": {k: dict(v) for k, v in sorted(self.kinds.items())}}


def _f1_counts(golds: list[dict], preds: list[dict], m: Matcher) -> tuple[int, int, int, list[tuple[int, int]]]:
    pairs = _greedy(golds, preds, m.fits)
    gm, pm = {g for g, _ in pairs}, {p for _, p in pairs}
    tp = sum(1 for g in gm if golds[g].get("mode") in RECORDED)
    fn = sum(1 for i, g in enumerate(golds) if i not in gm and g.get("mode") in RECORDED)
    fp = sum(1 for i, p in enumerate(preds) if i not in pm and p.get("mode") in RECORDED)
    return tp, fp, fn, pairs


def compare_sentence(a: list[dict], b: list[dict], m: Matcher, agr: Agreement, annotator: str) -> list[str]:
    """Adds one sentence's counts; returns its disagreement kinds."""
    kinds: list[str] = []
    agr.sentences += 1
    has_a, has_b = (any(e.get("mode") in RECORDED for e in x) for x in (a, b))
    if has_a or has_b:
        agr.c["sent_both" if has_a and has_b else "sent_a" if has_a else "sent_b"] += 1
    agr.c["events_a"] += len(a)
    agr.c["events_b"] += len(b)
    tp, fp, fn, pairs = _f1_counts(a, b, m)
    agr.c.update({"tp": tp, "fp": fp, "fn": fn, f"tp:{annotator}": tp, f"fp:{annotator}": fp, f"fn:{annotator}": fn})
    tp2, fp2, fn2, _ = _f1_counts(b, a, m)
    agr.c.update({"tp_ba": tp2, "fp_ba": fp2, "fn_ba": fn2})
    for gi, pi in pairs:
        agr.c["mode_n"] += 1
        agr.c["date_n"] += 1
        mode_ok = a[gi].get("mode") == b[pi].get("mode")
        date_ok = a[gi].get("date") == b[pi].get("date")
        agr.c["mode_ok"] += mode_ok
        agr.c["date_ok"] += date_ok
        if a[gi].get("date"):
            agr.c["dateg_n"] += 1
            agr.c["dateg_ok"] += date_ok
        kinds += [] if mode_ok else ["mode"]
        kinds += [] if date_ok else ["date"]
    # slot agreement, each on its own matching
    for key, fits, ok in (("type", lambda x, y: m.source_ok(x, y) and m.target_ok(x, y), m.type_ok),
                          ("source", lambda x, y: m.type_ok(x, y) and m.target_ok(x, y), m.source_ok),
                          ("target", lambda x, y: m.type_ok(x, y) and m.source_ok(x, y), m.target_ok)):
        for gi, pi in _greedy(a, b, fits):
            agr.c[f"{key}_n"] += 1
            agr.c[f"{key}_ok"] += ok(a[gi], b[pi])
    # disagreement kinds among the unmatched events, each event assigned once
    gfree = set(range(len(a))) - {g for g, _ in pairs}
    pfree = set(range(len(b))) - {p for _, p in pairs}
    for kind, fits in (("type", lambda x, y: m.source_ok(x, y) and m.target_ok(x, y)),
                       ("source", lambda x, y: m.type_ok(x, y) and m.target_ok(x, y)),
                       ("target", lambda x, y: m.type_ok(x, y) and m.source_ok(x, y))):
        for gi, pi in _greedy(a, b, fits, gfree, pfree):
            gfree.discard(gi)
            if a[gi].get("mode") in RECORDED or b[pi].get("mode") in RECORDED:
                kinds.append(kind)
    kinds += ["only_a" for gi in gfree if a[gi].get("mode") in RECORDED]
    kinds += ["only_b" for pi in pfree if b[pi].get("mode") in RECORDED]
    for k in kinds:
        agr.kinds[k][annotator] += 1
        agr.kinds[k]["all"] += 1
    return kinds


def compare(rows_a: list[dict], rows_b: list[dict], matcher: Matcher | None = None) -> tuple[Agreement, list[dict]]:
    """Agreement of B with A over the sentences both hold; also each disagreeing sentence's id and kinds."""
    m = matcher or Matcher()
    b_by_id = {sentence_id(r): r for r in rows_b}
    agr, diffs = Agreement(), []
    for ra in rows_a:
        rb = b_by_id.get(sentence_id(ra))
        if rb is None:
            continue
        kinds = compare_sentence(ra["events"], rb["events"], m, agr, ra.get("annotator", "?"))
        if kinds:
            diffs.append({"id": sentence_id(ra), "annotator": ra.get("annotator"), "kinds": kinds})
    return agr, diffs


def bootstrap_f1(rows_a: list[dict], rows_b: list[dict], n: int = 1000, seed: int = 13,
                 matcher: Matcher | None = None) -> tuple[float, float]:
    """2.5th and 97.5th percentiles of the events F1 over page-resampled copies of the shared sentences."""
    m = matcher or Matcher()
    b_ids = {sentence_id(r) for r in rows_b}
    pages: dict[str, list[dict]] = defaultdict(list)
    for r in rows_a:
        if sentence_id(r) in b_ids:
            pages[r["page"]].append(r)
    keys = sorted(pages)
    rng = random.Random(seed)
    f1s = []
    for _ in range(n):
        pick = [r for k in (rng.choice(keys) for _ in keys) for r in pages[k]]
        agr, _ = compare(pick, rows_b, m)
        f1s.append(agr.as_dict()["events"]["f1"])
    f1s.sort()
    return f1s[int(0.025 * (n - 1))], f1s[int(0.975 * (n - 1))]


def _fmt(value: tuple) -> str:
    return "-" if value[0] is None else f"{value[0]:.3f} ({value[1]}/{value[2]})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--gold", type=Path, default=GOLD)
    s.add_argument("--n", type=int, default=150)
    s.add_argument("--seed", type=int, default=13)
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    c.add_argument("--json", action="store_true")
    c.add_argument("--list", action="store_true", help="ids and kinds of the disagreeing sentences")
    c.add_argument("--bootstrap", type=int, default=0, metavar="N", help="page-bootstrap 95%% interval of F1")
    c.add_argument("--specific-first", action="store_true",
                   help="match A events with a named target before null-target ones (not as bench/events_real.py)")
    args = ap.parse_args(argv)
    if args.cmd == "sample":
        print("\n".join(sample(load(args.gold), args.n, args.seed)))
        return 0
    global SPECIFIC_FIRST
    SPECIFIC_FIRST = args.specific_first
    agr, diffs = compare(load(args.a), load(args.b))
    d = agr.as_dict()
    if args.json:
        print(json.dumps(d, ensure_ascii=False, indent=1))
    else:
        e, e2 = d["events"], d["events_ba"]
        se = d["sentence_events"]
        kappa = "-" if se["kappa"] is None else f"{se['kappa']:.3f}"
        print(f"sentences {d['sentences']}  events A {d['events_a']}  B {d['events_b']}")
        print(f"sentences with a fact/intent event: both {se['both']}, only A {se['only_a']}, only B {se['only_b']}, "
              f"neither {se['neither']} (kappa {kappa})")
        print(f"events F1 {e['f1']:.3f} (P {e['precision']:.3f} R {e['recall']:.3f}; tp {e['tp']} fp {e['fp']} "
              f"fn {e['fn']})   B as reference: F1 {e2['f1']:.3f}")
        if args.bootstrap:
            lo, hi = bootstrap_f1(load(args.a), load(args.b), args.bootstrap)
            print(f"  page-bootstrap 95% interval of F1 ({args.bootstrap} draws): {lo:.3f}–{hi:.3f}")
        for ann, f in d["events_by_annotator"].items():
            print(f"  {ann:<15} F1 {f['f1']:.3f} (tp {f['tp']} fp {f['fp']} fn {f['fn']})")
        for k in ("type", "source", "target", "mode", "date", "date_given"):
            print(f"{k:<11}{_fmt(d[k])}")
        for k, v in d["kinds"].items():
            per = ", ".join(f"{a} {n}" for a, n in sorted(v.items()) if a != "all")
            print(f"  {k:<8}{v['all']:>4}   {per}")
    if args.list:
        for x in diffs:
            print(x["id"], x["annotator"], " ".join(x["kinds"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
