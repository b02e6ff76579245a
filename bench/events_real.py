"""Events on the team's real-sentence gold (issue 13): dev and test, sentence by sentence.

    .venv/bin/python bench/events_real.py [--part dev|test|both|fresh|fresh2|fresh3|fresh4|fresh5|dev+fresh] [--body] [--verbose]
                                          [--pred DIR]
                                          [--pages w0204,w0238] [--annotator NAME]

Each predicted event belongs to the annotated sentence its text matches (token Dice ≥ .6, as
``bench/real_eval.py`` keeps them); gold and predictions are matched within one sentence only.
Measures:

- ``events``: F1 on type + source + target (a null gold target accepts any target). Gold events
  whose mode is negated, hypothetical or demanded are optional: the record keeps only asserted and
  intended events, so they neither count nor penalise when missed;
- ``type_acc``: type accuracy on the events matched on source + target alone;
- ``mode_acc``: mode accuracy on the events matched on type + source + target (optional ones too:
  a conditional event recorded as a fact is a mode error);
- ``event_date``: date accuracy on matched events whose gold has a date;
- ``date_all``: date accuracy on every matched event (a gold ``null`` wants no date), with the
  errors split into dated-for-undated, undated-for-dated and another date;
- ``event_place``, ``place_all``: the same for the place (accents and case ignored);
- ``date_loose``, ``place_loose``: date and place over more pairs, for the date and place rules
  alone: the matched events and, beside them, a gold and a predicted event of one sentence that
  share a type whatever their actors;
- per-type gold / predicted / found counts, and with ``--verbose`` (dev only) every sentence with an
  error, by page and line (the pages stay in ../shared: no text is printed from them but the trigger).

``--pred DIR`` scores predictions kept by an earlier run (``events-<part>[-body].jsonl``) instead of
extracting again. Test figures are for reporting only: tune on dev. ``--part fresh`` scores the later
batch of dev pages kept in ``events_dev_fresh.jsonl`` (helper-annotev) alone: dev pages annotated
after the rules were written, an estimate of how they carry over; ``--part fresh2`` scores
``events_dev_fresh2.jsonl`` (helper-annotev2) alone: dev pages on sites no events file had marked
before, an estimate on unseen sites; ``--part fresh3`` scores ``events_dev_fresh3.jsonl`` (helper-annotev3)
alone, a second such batch on other unseen sites; ``--part fresh4`` scores ``events_dev_fresh4.jsonl``
(helper-evfresh4) alone: 25 dev pages no events file had marked, politics and justice ones among them;
``--part fresh5`` scores ``events_dev_fresh5.jsonl`` (helper-evfresh5), the 20 dev pages left (other sections); ``dev+fresh`` scores ``events_dev.jsonl`` with
``events_dev_fresh.jsonl`` (``veille train events`` learns from it with fresh4 and fresh5, the ``readable``
gold of ``tools/real_pages/gold.py``; never from fresh2 nor fresh3). ``both``
stays dev + test.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from real_eval import _gold, _scorer, page_filter, run_part  # noqa: E402
from tools.real_pages.gold import load_events  # noqa: E402
from tools.real_pages.materialize import event_sentences  # noqa: E402

RECORDED = {"fact", "intent"}


def gold_sentences(part: str) -> dict[str, list[dict]]:
    """Page id -> annotated sentences (start, end, events) with their text read from ../shared."""
    return event_sentences(part)


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]


class Scores:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0
        self.type_ok = self.type_n = self.mode_ok = self.mode_n = self.date_ok = self.date_n = 0
        self.slots = {k: Counter() for k in ("date", "place", "date_loose", "place_loose")}
        self.per_type: dict[str, Counter] = {}
        self.errors: list[str] = []

    def slot(self, slot: str, gold, pred, names) -> None:
        """One matched event's date or place against the gold's, a gold ``null`` wanting none."""
        c = self.slots[slot]
        if slot == "place":
            ok = names.same(pred, gold or None)
        else:
            ok = pred == gold or not (gold or pred)
        c["n"] += 1
        c["ok"] += ok
        if gold:
            c["given"] += 1
            c["ok_given"] += ok
        if not ok:
            c["extra" if not gold else "missing" if not pred else "other"] += 1

    def count(self, kind: str, etype: str) -> None:
        self.per_type.setdefault(etype, Counter())[kind] += 1

    def as_dict(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        ratio = lambda ok, n: (ok / n if n else None, ok, n)  # noqa: E731
        return {"events": {"f1": f, "precision": p, "recall": r, "tp": self.tp, "fp": self.fp, "fn": self.fn},
                "type_acc": ratio(self.type_ok, self.type_n), "mode_acc": ratio(self.mode_ok, self.mode_n),
                "event_date": ratio(self.date_ok, self.date_n),
                "date_all": ratio(self.slots["date"]["ok"], self.slots["date"]["n"]),
                "event_place": ratio(self.slots["place"]["ok_given"], self.slots["place"]["given"]),
                "place_all": ratio(self.slots["place"]["ok"], self.slots["place"]["n"]),
                "date_loose": ratio(self.slots["date_loose"]["ok"], self.slots["date_loose"]["n"]),
                "place_loose": ratio(self.slots["place_loose"]["ok"], self.slots["place_loose"]["n"]),
                "slot_errors": {k: {e: c[e] for e in ("extra", "missing", "other")} for k, c in self.slots.items()},
                "per_type": {t: dict(c) for t, c in sorted(self.per_type.items())}}


def score_sentence(sent: dict, preds: list[dict], names, scores: Scores, page: str) -> None:
    golds = sent["events"]
    same = names.same

    def args_fit(g: dict, p: dict) -> bool:
        return same(p.get("source"), g["source"]) and (g.get("target") is None or same(p.get("target"), g["target"]))

    def fits(g: dict, p: dict) -> bool:
        return p.get("type") in _as_list(g["type"]) and args_fit(g, p)

    used: set[int] = set()
    matched: dict[int, int] = {}
    for gi, g in sorted(enumerate(golds), key=lambda x: x[1].get("mode") not in RECORDED):
        for pi, p in enumerate(preds):
            if pi not in used and fits(g, p):
                used.add(pi)
                matched[gi] = pi
                break
    for gi, g in enumerate(golds):
        required = g.get("mode") in RECORDED
        for t in _as_list(g["type"])[:1]:
            if required:
                scores.count("gold", t)
        if gi in matched:
            p = preds[matched[gi]]
            scores.mode_n += 1
            scores.mode_ok += p.get("mode") == g.get("mode")
            if required:
                scores.tp += 1
                scores.count("found", p["type"])
            if g.get("date"):
                scores.date_n += 1
                scores.date_ok += p.get("date") == g["date"]
            for slot in ("date", "place"):
                scores.slot(slot, g.get(slot), p.get(slot), names)
                scores.slot(f"{slot}_loose", g.get(slot), p.get(slot), names)
        elif required:
            scores.fn += 1
    loose = set(used)
    for gi, g in enumerate(golds):
        if gi in matched:
            continue
        for pi, p in enumerate(preds):
            if pi not in loose and p.get("type") in _as_list(g["type"]):
                loose.add(pi)
                for slot in ("date", "place"):
                    scores.slot(f"{slot}_loose", g.get(slot), p.get(slot), names)
                break
    for pi, p in enumerate(preds):
        scores.count("predicted", p.get("type", "?"))
        if pi not in used:
            scores.fp += 1
    # type accuracy: pairs agreeing on the arguments, whatever their types
    free = set(range(len(preds)))
    for g in golds:
        for pi in sorted(free):
            if args_fit(g, preds[pi]):
                free.discard(pi)
                scores.type_n += 1
                scores.type_ok += preds[pi].get("type") in _as_list(g["type"])
                break
    wrong = len(matched) != len(golds) or len(used) != len(preds)
    if wrong:
        line = sent["start"][0]
        gold_txt = "; ".join(f"{g['type']} {g['source']}→{g['target']} [{g.get('mode')}]" for g in golds) or "-"
        pred_txt = "; ".join(f"{p.get('type')} {p.get('source')}→{p.get('target')} [{p.get('mode')}]"
                             f" «{p.get('trigger')}» {p.get('rule') or ''}".rstrip() for p in preds) or "-"
        scores.errors.append(f"{page}:{line}\n   gold: {gold_txt}\n   pred: {pred_txt}")


def score_part(part: str, pred_path: Path, only: set[str] | None = None) -> Scores:
    scorer = _scorer()
    names = scorer.Names({})
    sentences = {p: s for p, s in gold_sentences(part).items() if only is None or p in only}
    records = {Path(json.loads(line)["source"]["path"]).stem: json.loads(line)
               for line in pred_path.read_text(encoding="utf-8").splitlines() if line.strip()}
    scores = Scores()
    for page, sents in sentences.items():
        by_sent = events_by_sentence((records.get(page) or {}).get("events", []), sents, scorer.tokens)
        for i, s in enumerate(sents):
            score_sentence(s, by_sent.get(i, []), names, scores, page)
    return scores


def events_by_sentence(events: list[dict], sents: list[dict], tokens) -> dict[int, list[dict]]:
    """Each predicted event under its best-matching annotated sentence (token Dice >= 0.6), by index."""
    by_sent: dict[int, list[dict]] = {}
    for ev in events:
        best, best_i = 0.0, None
        for i, s in enumerate(sents):
            d = _dice(ev.get("text", ""), s["text"], tokens)
            if d > best:
                best, best_i = d, i
        if best_i is not None and best >= 0.6:
            by_sent.setdefault(best_i, []).append(ev)
    return by_sent


def _dice(a: str, b: str, tokens) -> float:
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    if not ta or not tb:
        return 0.0
    return 2 * sum((ta & tb).values()) / (sum(ta.values()) + sum(tb.values()))


def predictions(part: str, body: bool, pred_dir: Path | None, only: set[str] | None = None) -> Path | None:
    some = f"-{zlib.crc32(','.join(sorted(only)).encode()):08x}" if only is not None else ""
    name = f"events-{part}{'-body' if body else ''}{some}.jsonl"
    if pred_dir is not None and (pred_dir / name).exists():
        return pred_dir / name
    keep = pred_dir or Path(tempfile.mkdtemp(prefix="events-real-"))
    if not _gold("events", part, only)[0]:
        return None
    run_part("events", part, body, keep, explain=True, only=only)
    kept = keep / "events-" f"{part}.jsonl"
    if not kept.exists():
        return None
    target = keep / name
    kept.replace(target)
    return target


def _cell(value) -> str:
    if isinstance(value, dict):
        return f"F1 {value['f1']:.3f} (P {value['precision']:.3f} R {value['recall']:.3f})"
    acc, ok, n = value
    return "—" if acc is None else f"{acc:.3f} ({ok}/{n})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=["dev", "test", "both", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "dev+fresh"], default="both")
    ap.add_argument("--body", action="store_true", help="hand over the gold title, body and date")
    ap.add_argument("--verbose", action="store_true", help="dev only: every sentence with an error")
    ap.add_argument("--pred", type=Path, help="folder of kept predictions (read if there, else written)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--pages", help="only these pages (comma-separated ids)")
    ap.add_argument("--annotator", help="only the pages this annotator marked")
    ap.add_argument("--batches", action="store_true", help="also one line per annotation batch (annotator)")
    args = ap.parse_args()
    parts = ["dev", "test"] if args.part == "both" else [args.part]
    results: dict[str, Scores] = {}
    for part in parts:
        only = page_filter("events", part, args.pages, args.annotator)
        path = predictions(part, args.body, args.pred, only)
        if path is None:
            print(f"{part}: no predictions (is ../shared there?)", file=sys.stderr)
            return 1
        results[part] = score_part(part, path, only)
    if args.json:
        print(json.dumps({p: s.as_dict() for p, s in results.items()}, ensure_ascii=False))
        return 0
    print(f"real sentences, events, {'body given' if args.body else 'pages as given'}")
    table = {p: s.as_dict() for p, s in results.items()}
    print(f"{'measure':12} " + " | ".join(p.ljust(40) for p in parts))
    for measure in ("events", "type_acc", "mode_acc", "event_date", "date_all", "event_place", "place_all",
                    "date_loose", "place_loose"):
        print(f"{measure:12} " + " | ".join(_cell(table[p][measure]).ljust(40) for p in parts))
    for p in parts:
        print(f"{p} date/place errors (dated-for-null / null-for-dated / other): " + ", ".join(
            f"{k} {e['extra']}/{e['missing']}/{e['other']}" for k, e in table[p]["slot_errors"].items()))
    for p in parts:
        print(f"{p} per type (gold/predicted/found): " + ", ".join(
            f"{t} {c.get('gold', 0)}/{c.get('predicted', 0)}/{c.get('found', 0)}" for t, c in table[p]["per_type"].items()))
    if args.batches:
        for p in parts:
            path = predictions(p, args.body, args.pred, page_filter("events", p, args.pages, args.annotator))
            for name in sorted({e.get("annotator") or "-" for e in load_events(p)}):
                res = score_part(p, path, page_filter("events", p, args.pages, name)).as_dict()
                e, ta, ma, da = res["events"], res["type_acc"], res["mode_acc"], res["event_date"]
                print(f"{p} {name}: F1 {e['f1']:.3f} (P {e['precision']:.3f} R {e['recall']:.3f}; tp {e['tp']} fp "
                      f"{e['fp']} fn {e['fn']}); type {_cell(ta)}, mode {_cell(ma)}, date {_cell(da)}")
    if args.verbose and "dev" in results:
        print("\n".join(results["dev"].errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
