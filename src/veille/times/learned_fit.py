"""Fitting the time tagger of ``veille.times.learned``: a multinomial logistic regression over the
(template, offset) weight rows, full batch, Adam, L2; numpy only, fixed seed."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import numpy as np

from veille.times.learned import LABELS, TEMPLATES, Tagger, token_columns

# Values a span carries wherever it is written (a length, a set, a reference, a year-less day);
# an anchored date is not learned by its wording.
FREE_VALUE = re.compile(r"^(?:P|PT|XXXX|\w+_REF$)")


def key(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def labels_of(doc: Any, gold: list[tuple[int, int, str]]) -> np.ndarray:
    """The BIO label of every token from gold (start, end, type) character spans."""
    out = np.zeros(len(doc), dtype=np.int64)
    index = {lab: i for i, lab in enumerate(LABELS)}
    for a, b, kind in gold:
        inside = [t.i for t in doc if t.idx < b and t.idx + len(t) > a and not t.is_space]
        for n, i in enumerate(inside):
            out[i] = index[f"{'B' if n == 0 else 'I'}-{kind}"]
    return out


def build_vocab(columns: list[dict[str, list[str]]], min_count: int = 2,
                templates: tuple[str, ...] = TEMPLATES) -> dict[str, dict[str, int]]:
    vocab = {}
    for t in templates:
        counts = Counter(s for cols in columns for s in cols[t])
        words = sorted(s for s, c in counts.items() if c >= min_count)
        vocab[t] = {s: i + 1 for i, s in enumerate(words)}
    return vocab


def value_memory(examples: list[tuple[str, str]]) -> dict[str, str]:
    """Gold wording -> its most frequent value, for the values a wording carries anywhere."""
    seen: dict[str, Counter[str]] = {}
    for text, value in examples:
        if value and FREE_VALUE.match(value):
            seen.setdefault(key(text), Counter())[value] += 1
    return {k: c.most_common(1)[0][0] for k, c in seen.items()}


def fit(examples: list[tuple[Any, list[tuple[int, int]], list[tuple[int, int, str]]]], *, epochs: int = 150,
        l2: float = 1e-4, rate: float = 0.05, seed: int = 13, threshold: float = 0.5,
        min_count: int = 2, templates: tuple[str, ...] = TEMPLATES) -> Tagger:
    """A tagger fitted on (doc, rule time spans, gold (start, end, type) spans) examples."""
    columns = [token_columns(doc, covered) for doc, covered, _ in examples]
    vocab = build_vocab(columns, min_count, templates)
    probe = Tagger(vocab, np.zeros((1, 1), np.float32), np.zeros(len(LABELS), np.float32))
    width = sum(len(vocab[t]) + 2 for t in templates) * 5
    ids = np.concatenate([probe.ids(c) for c in columns])
    y = np.concatenate([labels_of(doc, gold) for doc, _, gold in examples])
    rng = np.random.default_rng(seed)
    w = (rng.standard_normal((width, len(LABELS))) * 0.01).astype(np.float64)
    b = np.zeros(len(LABELS))
    onehot = np.eye(len(LABELS))[y]
    flat = ids.ravel()
    per = ids.shape[1]
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    n = len(y)
    for step in range(1, epochs + 1):
        s = w[ids].sum(axis=1) + b
        s -= s.max(axis=1, keepdims=True)
        p = np.exp(s)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) / n
        gw = np.stack([np.bincount(flat, weights=np.repeat(g[:, k], per), minlength=width)
                       for k in range(len(LABELS))], axis=1) + l2 * w
        gb = g.sum(axis=0)
        for grad, m, v, param in ((gw, mw, vw, w), (gb, mb, vb, b)):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return Tagger(vocab, w.astype(np.float32), b.astype(np.float32), threshold,
                  {"tokens": int(n), "epochs": epochs, "l2": l2, "seed": seed})
