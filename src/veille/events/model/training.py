"""Training the sentence-type model from annotated sentences (``veille train events``).

Examples are (sentence text, set of PLOVER types). Sentences are parsed with the same pipeline as
extraction, so the features at run time are those seen in training. The thresholds are chosen on
out-of-fold scores (5 folds), never on the scores of the sentences the model was fitted on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

import numpy as np

from veille.events.model import ANY, SentenceModel, features, fit
from veille.model import EVENT_TYPES

FOLDS = 5


def label_matrix(label_sets: list[set[str]], labels: list[str]) -> np.ndarray:
    out = np.zeros((len(label_sets), len(labels)))
    for i, types in enumerate(label_sets):
        for t in types:
            out[i, labels.index(t)] = 1.0
        out[i, labels.index(ANY)] = float(bool(types))
    return out


def _pick_add_threshold(scores: np.ndarray, targets: np.ndarray, floor: float = 0.6) -> float:
    """The lowest type score whose out-of-fold precision (over every type label) stays ≥ ``floor``."""
    flat_s, flat_t = scores.ravel(), targets.ravel()
    for threshold in np.arange(0.5, 0.99, 0.02):
        chosen = flat_s >= threshold
        if chosen.sum() >= 5 and flat_t[chosen].mean() >= floor:
            return round(float(threshold), 2)
    return 0.99


def _pick_drop_threshold(any_scores: np.ndarray, has_event: np.ndarray, miss: float = 0.01) -> float:
    """The highest "some event" score under which at most ``miss`` of the event sentences fall."""
    event_scores = np.sort(any_scores[has_event > 0])
    if not len(event_scores):
        return 0.0
    return round(float(event_scores[int(miss * len(event_scores))]), 3)


def train(examples: Iterable[tuple[str, set[str]]], nlp: Any, seed: int = 13) -> SentenceModel:
    """Fits the model on every example and sets its thresholds from a 5-fold run."""
    examples = list(examples)
    labels = [*EVENT_TYPES, ANY]
    width = int(nlp.vocab.vectors_length)
    docs = list(nlp.pipe([text for text, _ in examples], batch_size=32))
    rows = np.stack([features(doc, width) for doc in docs]).astype(np.float64)
    targets = label_matrix([types for _, types in examples], labels)
    fold_of = np.random.default_rng(seed).permutation(len(examples)) % FOLDS
    oof = np.zeros_like(targets)
    for k in range(FOLDS):
        part = fold_of == k
        model = fit(rows[~part], targets[~part], labels, width, seed=seed)
        oof[part] = 1.0 / (1.0 + np.exp(-(rows[part] @ model.weights + model.bias)))
    model = fit(rows, targets, labels, width, seed=seed)
    types = slice(0, len(EVENT_TYPES))
    digest = hashlib.sha256("\n".join(f"{t}\t{sorted(s)}" for t, s in examples).encode("utf-8")).hexdigest()[:16]
    model.meta.update({
        "version": 1,
        "examples": len(examples),
        "examples_sha256": digest,
        "add_threshold": _pick_add_threshold(oof[:, types], targets[:, types]),
        "drop_threshold": _pick_drop_threshold(oof[:, -1], targets[:, -1]),
        "oof_any_accuracy": round(float(((oof[:, -1] >= 0.5) == (targets[:, -1] > 0)).mean()), 3),
    })
    return model
