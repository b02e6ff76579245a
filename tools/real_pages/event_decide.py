"""Which sentences carry an event, and of what type (issue 13): sentence-level detection on the dev
gold and the event reviewer (``veille.events.review``), out of site.

- ``detection``: per annotated sentence, the PLOVER types the rules give (the events whose text
  matches it, as ``bench/events_real.py`` matches them) against the gold's recorded types; the
  model's types (out of fold) and the production combination; per type; rule false alarms by kind.
- ``review_cv``: the reviewer fitted on the other folds' pages, its threshold and regularisation
  chosen by an inner grouped CV on those pages, applied to the fold's own pages and scored end to
  end; ``fit_all`` fits it on every dev page with the setting the CV chose and ships it.

Only counts, scores and labels leave this module: no text of the pages.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from . import actor_examples as ax
from .event_probes import Labeller

RECORDED = {"fact", "intent"}
L2S = (0.003, 0.01, 0.03)
THRESHOLDS = tuple(round(t, 3) for t in np.arange(0.05, 0.55, 0.025))


class Recorder:
    """Stands for the reviewer in the coder: keeps every event, records each event's features."""

    def __init__(self) -> None:
        self.rows: list[dict[str, float]] = []

    def review(self, view: Any, events: list[Any]) -> list[Any]:
        from veille.events.review import features

        self.rows = features(view, events)
        return events


def code_pages(parsed: dict[str, tuple]) -> tuple[dict[str, list[Any]], dict[str, list[dict[str, float]]]]:
    """The rule events of every page (no reviewer) and each event's reviewer features."""
    from veille.events.coder import Coder

    events, rows = {}, {}
    for page, (lex, kb, article, doc) in sorted(parsed.items()):
        doc.user_data.clear()
        coder = Coder(lex, article, doc, kb=kb, explain=True)
        coder.reviewer = rec = Recorder()
        events[page] = coder.run()
        rows[page] = rec.rows
    return events, rows


# -- sentence-level detection -------------------------------------------------------------------

def _types(ev: dict) -> list[str]:
    return ev["type"] if isinstance(ev["type"], list) else [ev["type"]]


def sentence_of(lab: Labeller, page: str, events: list[Any]) -> list[int | None]:
    """The annotated sentence each event belongs to (Dice ≥ .6), or None."""
    sents = lab.gold.get(page, [])
    out: list[int | None] = []
    for ev in events:
        best = max(((lab._dice(ev.text or "", s["text"]), i) for i, s in enumerate(sents)), default=(0.0, -1))
        out.append(best[1] if best[0] >= 0.6 else None)
    return out


def _kind(row: dict[str, float], other_gold: bool) -> str:
    """Why a rule type on a sentence without that gold type is there, first answer wins."""
    if other_gold:
        return "type confusion (sentence has other gold events)"
    if row.get("tense=none") and row.get("long", 1) < 0.1:
        return "headline / caption / subheading"
    if row.get("negation"):
        return "negation"
    if row.get("tense=cond") or row.get("tense=fut") or row.get("question"):
        return "hypothetical / future"
    if (row.get("quote") or row.get("reported")) and any(row.get(f"type={t}") for t in ("ACCUSE", "SUPPORT", "REJECT")):
        return "opinion quoted or reported"
    if row.get("relative") or row.get("tense=pluperf") or row.get("date_old") or row.get("tpos=NOUN"):
        return "background (relative clause, pluperfect, old date, event noun)"
    if row.get("list_dash") or row.get("commas", 0) >= 4 / 6:
        return "list sentence"
    return "other (asserted act the gold does not code)"


def detection(events: dict[str, list[Any]], rows: dict[str, list[dict]],
              others: dict[str, Callable[[str, int, set[str]], set[str]]], lab: Labeller) -> dict:
    """Sentence × type detection tables: the rules, and each of ``others`` (name -> the types it gives
    a sentence (page, index) from the rules' types), per type; and the rules' false alarms by kind."""
    tables: dict[str, dict[str, Counter]] = {"rules": {}, **{name: {} for name in others}}
    kinds: Counter = Counter()
    event_wrong: Counter = Counter()
    for page in sorted(events):
        sents = lab.gold.get(page, [])
        where = sentence_of(lab, page, events[page])
        labels = lab.labels(page, events[page])
        rule_types: dict[int, dict[str, dict]] = {}
        for ev, si, row, y in zip(events[page], where, rows[page], labels, strict=True):
            if si is None:
                continue
            rule_types.setdefault(si, {}).setdefault(ev.type, row)
            if y == 0:
                gold_types = {t for g in sents[si]["events"] if g.get("mode") in RECORDED for t in _types(g)}
                event_wrong["wrong actors, type right (or counted twice)" if ev.type in gold_types
                            else "type not in the sentence's gold"] += 1
        for si, s in enumerate(sents):
            gold = {_types(g)[0] for g in s["events"] if g.get("mode") in RECORDED}
            any_gold = {t for g in s["events"] if g.get("mode") in RECORDED for t in _types(g)}
            optional = {t for g in s["events"] if g.get("mode") not in RECORDED for t in _types(g)}
            rules = set(rule_types.get(si, {}))
            preds = {"rules": rules, **{name: give(page, si, rules) for name, give in others.items()}}
            for name, pred in preds.items():
                tab = tables[name]
                for t in gold:
                    tab.setdefault(t, Counter())["gold"] += 1
                    tab[t]["found"] += bool(set(_types_of(s, t)) & pred)
                for t in pred:
                    c = tab.setdefault(t, Counter())
                    if t in any_gold:
                        c["right"] += 1
                    elif t in optional:
                        c["optional"] += 1
                    else:
                        c["false"] += 1
            for t in rules - any_gold - optional:
                kinds[_kind(rule_types[si][t], bool(any_gold))] += 1
    return {"tables": tables, "kinds": kinds, "event_wrong": event_wrong}


def _types_of(sent: dict, first: str) -> list[str]:
    """Every type of the recorded gold events whose first type is ``first``."""
    return [t for g in sent["events"] if g.get("mode") in RECORDED and _types(g)[0] == first for t in _types(g)]


def print_detection(result: dict) -> None:
    for name, tab in result["tables"].items():
        gold = sum(c["gold"] for c in tab.values())
        found = sum(c["found"] for c in tab.values())
        right = sum(c["right"] for c in tab.values())
        false = sum(c["false"] for c in tab.values())
        opt = sum(c["optional"] for c in tab.values())
        p = right / (right + false) if right + false else 0.0
        r = found / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{name:9} sentence×type: P {p:.3f} R {r:.3f} F1 {f:.3f} (right {right}, false {false}, "
              f"optional {opt}, gold {gold}, found {found})")
        print("    per type (gold found / predicted right false): " + ", ".join(
            f"{t} {c['gold']} {c['found']}/{c['right']} {c['false']}" for t, c in sorted(tab.items())))
    print("rule false alarms (sentence×type without that gold type), by kind:")
    for k, n in result["kinds"].most_common():
        print(f"    {n:4}  {k}")
    print("rule events scored wrong, by kind: " + ", ".join(f"{k} {n}" for k, n in result["event_wrong"].items()))


# -- the reviewer ---------------------------------------------------------------------------------

def _matrix(rows: list[dict[str, float]], vocab: dict[str, int]) -> np.ndarray:
    out = np.zeros((len(rows), len(vocab)))
    for r, row in enumerate(rows):
        for key, value in row.items():
            j = vocab.get(key)
            if j is not None:
                out[r, j] = value
    return out


def fit(rows: list[dict[str, float]], y: np.ndarray, l2: float, min_count: int = 3
        ) -> tuple[list[str], np.ndarray, float]:
    """A logistic regression (full-batch gradient descent with Adam, seed-free: zeros at start)."""
    from veille.events.model.fit import adam_step

    counts = Counter(k for row in rows for k in row)
    vocab = sorted(k for k, n in counts.items() if n >= min_count)
    x = _matrix(rows, {k: i for i, k in enumerate(vocab)})
    w, b = np.zeros(x.shape[1]), np.zeros(1)
    moments = [np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)]
    for step in range(1, 401):
        err = 1 / (1 + np.exp(-np.clip(x @ w + b, -30, 30))) - y
        adam_step(((x.T @ err / len(y) + l2 * w, moments[0], moments[1], w),
                   (np.array([err.mean()]), moments[2], moments[3], b)), step, 0.05)
    return vocab, w, float(b[0])


def predictor(vocab: list[str], w: np.ndarray, b: float) -> Callable[[list[dict[str, float]]], np.ndarray]:
    index = {k: i for i, k in enumerate(vocab)}
    return lambda new: 1 / (1 + np.exp(-np.clip(_matrix(new, index) @ w + b, -30, 30)))


def _f1(tp: float, fp: float, fn: float) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def choose(rows: dict[str, list[dict]], labels: dict[str, list[int | None]], pages: list[str],
           gold_count: dict[str, int], l2s: tuple[float, ...] = L2S) -> tuple[float, float, float]:
    """(l2, threshold, inner F1) chosen by a grouped CV by site over ``pages``; threshold 0 keeps all."""
    site_of = ax.page_sites()
    inner = ax.folds([{"site": site_of.get(p, p)} for p in pages], 5)
    gold = sum(gold_count.get(p, 0) for p in pages)
    best = (0.0, 0.0, -1.0)
    for l2 in l2s:
        probs, ys = [], []
        for part in inner:
            fit_rows, fit_y = training([p for p in pages if site_of.get(p, p) not in part], rows, labels)
            test_rows, test_y = training([p for p in pages if site_of.get(p, p) in part], rows, labels)
            if len(test_y) and len(fit_y):
                probs.extend(predictor(*fit(fit_rows, fit_y, l2))(test_rows))
                ys.extend(test_y)
        p_arr, y_arr = np.array(probs), np.array(ys)
        base = _f1(y_arr.sum(), (1 - y_arr).sum(), gold - y_arr.sum())
        if base > best[2] + 1e-9:
            best = (l2, 0.0, base)
        for t in THRESHOLDS:
            keep = p_arr >= t
            f = _f1(y_arr[keep].sum(), (1 - y_arr[keep]).sum(), gold - y_arr[keep].sum())
            if f > best[2] + 1e-9:
                best = (l2, float(t), f)
    return best


def training(pages: list[str], rows: dict[str, list[dict]], labels: dict[str, list[int | None]]
             ) -> tuple[list[dict[str, float]], np.ndarray]:
    pairs = [(r, y) for p in pages for r, y in zip(rows[p], labels[p], strict=True) if y is not None]
    return [r for r, _ in pairs], np.array([y for _, y in pairs], dtype=float)


def gold_counts(lab: Labeller) -> dict[str, int]:
    return {p: sum(1 for s in sents for g in s["events"] if g.get("mode") in RECORDED) for p, sents in lab.gold.items()}


def review_cv(events: dict[str, list[Any]], rows: dict[str, list[dict]], labels: dict[str, list[int | None]],
              by_fold: list[set[str]], gold_count: dict[str, int]) -> tuple[dict[str, list[Any]], list[tuple]]:
    """Each fold's events less those its reviewer (fitted on the other folds) drops; per fold the
    setting chosen (l2, threshold, inner F1)."""
    kept: dict[str, list[Any]] = {}
    chosen = []
    for fold in by_fold:
        rest = sorted(p for p in events if p not in fold)
        l2, thr, f = choose(rows, labels, rest, gold_count)
        chosen.append((l2, thr, round(f, 3)))
        model = predictor(*fit(*training(rest, rows, labels), l2))
        for page in fold:
            scores = model(rows[page]) if events[page] else []
            kept[page] = [e for e, s in zip(events[page], scores, strict=True) if s >= thr]
    return kept, chosen


def records(events: dict[str, list[Any]], path: Path) -> Path:
    recs = [{"source": {"path": f"{p}.json"}, "events": [dataclasses.asdict(e) for e in evs]}
            for p, evs in sorted(events.items())]
    return ax.write_records(recs, path)
