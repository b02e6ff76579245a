"""Two trained components measured out of site and not shipped (issue 13), kept so that the figures can
be rebuilt (``bench/events_cv.py --probes``):

- the reviewer: a logistic regression over closed features of each rule event (type, mode, the
  names of the rules behind type, source and target, which roles are empty, quote, date, place,
  the trigger's part of speech and dependency, how often source and target are named in the article:
  no word of the pages) that drops the events it reads as wrong, its threshold chosen by an inner
  grouped CV on the training sites;
- the unnamed doer: candidates the rules drop for want of a source (``source_rules.agentless``
  says no) kept with a null source, and a classifier over the same features choosing among them.

Each fold's model is fitted on the other folds' pages. Only scores, counts and labels leave this
module: no text of the pages.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from . import actor_examples as ax
from .materialize import event_sentences, shared_scorer

RECORDED = {"fact", "intent"}
UNNAMED = "unnamed?"  # source rule of a candidate kept only by the probe


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else [value]


class Labeller:
    """Which predicted events ``bench/events_real.py`` counts right (1), wrong (0) or not at all (None)."""

    def __init__(self) -> None:
        self.scorer = shared_scorer()
        self.names = self.scorer.Names({})
        self.gold = event_sentences("dev")

    def _dice(self, a: str, b: str) -> float:
        ta, tb = Counter(self.scorer.tokens(a)), Counter(self.scorer.tokens(b))
        if not ta or not tb:
            return 0.0
        return 2 * sum((ta & tb).values()) / (sum(ta.values()) + sum(tb.values()))

    def labels(self, page: str, events: list[Any]) -> list[int | None]:
        sents = self.gold.get(page, [])
        by: dict[int, list[int]] = {}
        for k, ev in enumerate(events):
            scored = [(self._dice(ev.text or "", s["text"]), i) for i, s in enumerate(sents)]
            best = max(scored, default=(0.0, -1))
            if best[0] >= 0.6:
                by.setdefault(best[1], []).append(k)
        out: list[int | None] = [None] * len(events)
        same = self.names.same
        for si, ks in by.items():
            used: set[int] = set()
            golds = sorted(sents[si]["events"], key=lambda g: g.get("mode") not in RECORDED)
            for g in golds:
                for pi, k in enumerate(ks):
                    ev = events[k]
                    if pi not in used and ev.type in _as_list(g["type"]) and same(ev.source, g["source"]) \
                            and (g.get("target") is None or same(ev.target, g["target"])):
                        used.add(pi)
                        break
            for pi, k in enumerate(ks):
                out[k] = int(pi in used)
        return out


def _rule_parts(rule: str | None) -> tuple[str, str, str]:
    parts = dict(re.findall(r"(type|source|target)=(\S+)", rule or ""))
    kind = parts.get("type", "")
    kind = ":".join(kind.split(":")[:2]) if kind.startswith("trigger") else kind.split(":")[0]
    strip = lambda v: re.sub(r"[ 0-9.:]+$", "", v)  # noqa: E731 (scores of model rules)
    return kind, strip(parts.get("source", "none")), strip(parts.get("target", "none"))


def features(article: Any, doc: Any, events: list[Any]) -> list[dict[str, float]]:
    """Closed features of each event (see the module docstring)."""
    low = doc.text.lower()
    size = max(len(doc.text), 1)
    kinds = {e.name.lower(): e.type for e in article.entities}
    per_sentence = Counter(e.text for e in events)
    rows = []
    for e in events:
        kind, src, tgt = _rule_parts(e.rule)
        row = {f"type={e.type}": 1.0, f"mode={e.mode}": 1.0, f"rule={kind}": 1.0, f"src={src}": 1.0,
               f"tgt={tgt}": 1.0, f"srcnone={e.source is None}": 1.0, f"tgtnone={e.target is None}": 1.0,
               "actor": float(e.source_actor is not None), "quote": float(e.quote_speaker is not None),
               "quote_is_src": float(e.quote_speaker is not None and e.quote_speaker == e.source),
               "date": float(e.date is not None), "place": float(e.place is not None),
               "qty": float(bool(e.quantities)), "pos": (e.start or 0) / size,
               f"nsent={min(per_sentence[e.text], 3)}": 1.0,
               "src_freq": float(np.log1p(low.count(e.source.lower()))) if e.source else 0.0,
               "tgt_freq": float(np.log1p(low.count(e.target.lower()))) if e.target else 0.0,
               f"srctype={kinds.get((e.source or '').lower(), 'none' if e.source is None else 'other')}": 1.0,
               f"tgttype={kinds.get((e.target or '').lower(), 'none' if e.target is None else 'other')}": 1.0}
        span = doc.char_span(e.start, e.end or e.start + 1, alignment_mode="expand") if e.start is not None else None
        if span is not None and len(span):
            row[f"tpos={span[0].pos_}"] = 1.0
            row[f"tdep={span[0].dep_.split(':')[0]}"] = 1.0
        rows.append(row)
    return rows


def _matrix(rows: list[dict[str, float]], vocab: dict[str, int]) -> np.ndarray:
    out = np.zeros((len(rows), len(vocab)))
    for r, row in enumerate(rows):
        for key, value in row.items():
            if key in vocab:
                out[r, vocab[key]] = value
    return out


def _fit(rows: list[dict[str, float]], y: np.ndarray, l2: float) -> Callable[[list[dict[str, float]]], np.ndarray]:
    from veille.events.model.fit import adam_step

    counts = Counter(k for row in rows for k in row)
    vocab = {k: i for i, k in enumerate(sorted(k for k, n in counts.items() if n >= 2))}
    x = _matrix(rows, vocab)
    w, b = np.random.default_rng(13).normal(0, 0.01, x.shape[1]), np.zeros(1)
    moments = [np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)]
    for step in range(1, 301):
        err = 1 / (1 + np.exp(-np.clip(x @ w + b, -30, 30))) - y
        adam_step(((x.T @ err / len(y) + l2 * w, moments[0], moments[1], w),
                   (np.array([err.mean()]), moments[2], moments[3], b)), step, 0.05)
    return lambda new: 1 / (1 + np.exp(-np.clip(_matrix(new, vocab) @ w + b, -30, 30)))


def code_all(parsed: dict[str, tuple], unnamed: bool = False) -> dict[str, list[Any]]:
    """The rule events of every page; with ``unnamed``, also the candidates kept for want of a source."""
    import veille.events.coder as coder_module
    from veille.events.roles import Found

    original = coder_module.agentless

    def keep_all(view: Any, cand: Any, head: Any, roles: Any) -> bool:
        if not original(view, cand, head, roles):
            roles.source = Found(None, UNNAMED + roles.source.rule)
        return True

    if unnamed:
        coder_module.agentless = keep_all  # type: ignore[assignment]
    try:
        out = {}
        for page, (lex, kb, article, doc) in sorted(parsed.items()):
            doc.user_data.clear()
            out[page] = coder_module.Coder(lex, article, doc, kb=kb, explain=True).run()
        return out
    finally:
        coder_module.agentless = original


def _f1(tp: float, fp: float, fn: float) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def reviewer(parsed: dict[str, tuple], by_fold: list[set[str]], gold_count: dict[str, int],
             l2: float = 0.01) -> tuple[dict[str, list[Any]], list[float]]:
    """Each fold's rule events less those its reviewer drops, and each fold's threshold."""
    lab = Labeller()
    events = code_all(parsed)
    rows = {p: features(parsed[p][2], parsed[p][3], events[p]) for p in events}
    labels = {p: lab.labels(p, events[p]) for p in events}

    def train(pages: list[str]) -> tuple[list[dict[str, float]], np.ndarray]:
        pairs = [(r, y) for p in pages for r, y in zip(rows[p], labels[p], strict=True) if y is not None]
        return [r for r, _ in pairs], np.array([y for _, y in pairs], dtype=float)

    kept: dict[str, list[Any]] = {}
    thresholds = []
    site_of = ax.page_sites()
    for fold in by_fold:
        rest = sorted(p for p in events if p not in fold)
        inner = ax.folds([{"site": site_of.get(p, p)} for p in rest], 5)
        probs, ys = [], []
        for part in inner:
            fit_pages = [p for p in rest if site_of.get(p, p) not in part]
            test_rows, test_y = train([p for p in rest if site_of.get(p, p) in part])
            if len(test_y):
                probs.extend(_fit(*train(fit_pages), l2)(test_rows))
                ys.extend(test_y)
        p_arr, y_arr, gold = np.array(probs), np.array(ys), sum(gold_count.get(p, 0) for p in rest)
        best = (_f1(y_arr.sum(), (1 - y_arr).sum(), gold - y_arr.sum()), 0.0)
        for t in np.arange(0.05, 0.6, 0.025):
            keep = p_arr >= t
            f = _f1(y_arr[keep].sum(), (1 - y_arr[keep]).sum(), gold - y_arr[keep].sum())
            best = (f, round(float(t), 3)) if f > best[0] + 1e-9 else best
        thresholds.append(best[1])
        model = _fit(*train(rest), l2)
        for page in fold:
            scores = model(rows[page]) if events[page] else []
            kept[page] = [e for e, s in zip(events[page], scores, strict=True) if s >= best[1]]
    return kept, thresholds


def unnamed_doer(parsed: dict[str, tuple], by_fold: list[set[str]], l2: float = 0.01,
                 thresholds: tuple[float, ...] = (0.2, 0.3, 0.4, 0.5)) -> dict[str, Any]:
    """Right / kept of the candidates kept for want of a source: all of them, and those each fold's
    classifier scores over a threshold (per fold: the last fold is the held-out batch)."""
    lab = Labeller()
    events = code_all(parsed, unnamed=True)
    extra: dict[str, tuple[list[dict[str, float]], list[int]]] = {}
    for page, evs in events.items():
        rows = features(parsed[page][2], parsed[page][3], evs)
        pairs = [(r, y) for r, y, e in zip(rows, lab.labels(page, evs), evs, strict=True)
                 if y is not None and UNNAMED in (e.rule or "")]
        extra[page] = ([r for r, _ in pairs], [y for _, y in pairs])
    out: dict[str, Any] = {"all": (sum(sum(y) for _, y in extra.values()), sum(len(y) for _, y in extra.values())),
                           "events": events}
    for t in thresholds:
        per_fold = []
        for fold in by_fold:
            train_rows = [r for p in extra if p not in fold for r in extra[p][0]]
            train_y = np.array([y for p in extra if p not in fold for y in extra[p][1]], dtype=float)
            test_rows = [r for p in sorted(fold) for r in extra[p][0]]
            test_y = np.array([y for p in sorted(fold) for y in extra[p][1]], dtype=float)
            if not len(test_y):
                per_fold.append((0, 0))
                continue
            chosen = _fit(train_rows, train_y, l2)(test_rows) >= t
            per_fold.append((int(test_y[chosen].sum()), int(chosen.sum())))
        out[t] = per_fold
    return out


def records(events: dict[str, list[Any]], path: Path) -> Path:
    recs = [{"source": {"path": f"{p}.json"}, "events": [dataclasses.asdict(e) for e in evs]}
            for p, evs in sorted(events.items())]
    return ax.write_records(recs, path)
