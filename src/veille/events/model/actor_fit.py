"""Training of the actor ranker (``veille.events.ranker``): two logistic regressions over closed
pair features, full-batch Adam with a fixed seed (same rows, same weights)."""

from __future__ import annotations

from collections import Counter

import numpy as np

from veille.events.model.fit import adam_step
from veille.events.ranker import ActorRanker


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


def fit_ranker(rows: list[list[str]], labels: np.ndarray, mask: np.ndarray, seed: int = 13,
               epochs: int = 300, l2: float = 1e-3, rate: float = 0.05, min_count: int = 2) -> ActorRanker:
    """``labels`` and ``mask``: (rows, 2) for source and target; a masked cell does not train
    (a gold event with no target says nothing about which candidate would be one)."""
    counts = Counter(f for r in rows for f in set(r))
    feats = sorted(f for f, c in counts.items() if c >= min_count)
    vocab = {f: i for i, f in enumerate(feats)}
    x = np.zeros((len(rows), len(vocab)), dtype=np.float64)
    for r, row in enumerate(rows):
        for f in row:
            if f in vocab:
                x[r, vocab[f]] = 1.0
    y = labels.astype(np.float64)
    w_mask = mask.astype(np.float64)
    rng = np.random.default_rng(seed)
    weights = rng.normal(0, 0.01, size=(len(vocab), 2))
    bias = np.zeros(2)
    m_w, v_w, m_b, v_b = np.zeros_like(weights), np.zeros_like(weights), np.zeros_like(bias), np.zeros_like(bias)
    norm = np.maximum(w_mask.sum(0), 1.0)
    for step in range(1, epochs + 1):
        err = (_sigmoid(x @ weights + bias) - y) * w_mask
        g_w = x.T @ err / norm + l2 * weights
        g_b = err.sum(0) / norm
        adam_step(((g_w, m_w, v_w, weights), (g_b, m_b, v_b, bias)), step, rate)
    return ActorRanker(vocab=vocab, weights=weights.astype(np.float32), bias=bias.astype(np.float32),
                       meta={"seed": seed, "epochs": epochs, "l2": l2, "rows": len(rows)})
