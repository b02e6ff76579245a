"""The sentence model's review without its full product, when the answer is sure.

A rule event is dropped when the sentence model's "some event" score (``ANY``) is under its drop
threshold (``learned.eventless``). That score is a logistic of the sentence's unit mean word vector
and its lemma buckets; the mean vector costs a gather of every word's 300 floats from the vector
table, most of the review's time in a run. Yet for most sentences the lemma buckets alone, with a
lower bound of the vector part, already put the score above the threshold:

    u · w  =  (Σ v_i · w) / ‖Σ v_i‖  ≥  (Σ v_i · w) / Σ ‖v_i‖     when Σ v_i · w ≥ 0

(u the unit mean vector, v_i the words' vectors, w the ANY weights of the vector part), with each
row's ``v · w`` and ``‖v‖`` worked out once per vector table. ``surely_eventful`` says True only
then, with a margin far above the float32 rounding of the model's own sum; otherwise the coder
computes the scores as before, so the events are the same.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from veille.common.docarrays import derived
from veille.events.model import _MARGIN, ANY, SentenceModel, _bucket, _sentence_columns


def surely_eventful(model: SentenceModel, tokens: Any) -> bool:
    """True when the model's ``ANY`` probability of this sentence is surely at or above its drop
    threshold (the sentence is no misreading to drop); False when unsure (compute the scores).

    Worked out once per sentence of an article (kept in the Doc's cache): the coder asks it again
    for each event of the sentence it keeps."""
    doc = getattr(tokens, "doc", None)
    if doc is None or not hasattr(tokens, "start"):
        return _surely_eventful(model, tokens)
    memo = derived(doc, "events_surely_eventful", dict)
    key = (id(model), tokens.start, tokens.end)
    found = memo.get(key)
    if found is None:  # (the model is kept beside its answer: its id is no other model's while the Doc lives)
        found = memo[key] = (model, _surely_eventful(model, tokens))
    return found[1]  # type: ignore[no-any-return]


def _surely_eventful(model: SentenceModel, tokens: Any) -> bool:
    threshold = model.drop_threshold
    if ANY not in model.labels or not 0.0 < threshold < 1.0:
        return False
    columns = _sentence_columns(tokens)
    if columns is None:
        return False
    rows, lemma_of, data = columns
    bounds = _row_bounds(model, data)
    if bounds is None:
        return False
    k, bias, bucket_weights, dots, norms = bounds
    rows = rows[rows >= 0]
    vector_part = 0.0
    if len(rows):
        # (``np.add.reduce``: what ``ndarray.sum`` calls, without its Python wrapper per sentence)
        along, length = float(np.add.reduce(dots[rows])), float(np.add.reduce(norms[rows]))
        if along < 0.0:
            return False  # (no cheap lower bound: the scores decide)
        vector_part = along / length if length > 0.0 else 0.0
    lemmas = set(lemma_of)
    lemmas.discard(None)
    lemma_part = 0.0
    if lemmas:
        buckets = set(map(_bucket, lemmas))  # (the same set, filled in the same order, built in C)
        lemma_part = sum(map(bucket_weights.__getitem__, buckets)) / math.sqrt(len(lemmas))
    return bias + lemma_part + vector_part >= math.log(threshold / (1.0 - threshold)) + _MARGIN


def _row_bounds(model: SentenceModel, data: np.ndarray) -> tuple[int, float, list[float], np.ndarray, np.ndarray] | None:
    """(ANY's column, its bias, its weight per lemma bucket, each table row's ``v · w`` and ``‖v‖``),
    worked out once per model and vector table; None when the table does not fit the model."""
    if data.ndim != 2 or data.shape[1] != model.width:
        return None
    memo = model.__dict__.setdefault("_any_bounds", {})
    key = (id(data), data.shape)
    found = memo.get(key)
    if found is None:
        k = model.labels.index(ANY)
        weights = np.asarray(model.weights[:, k], dtype=np.float64)
        # (in float64 through einsum's buffers: no float64 copy of the whole table)
        dots = np.einsum("ij,j->i", data, weights[:model.width], dtype=np.float64)
        norms = np.sqrt(np.einsum("ij,ij->i", data, data, dtype=np.float64))
        found = memo[key] = (k, float(model.bias[k]), weights[model.width:].tolist(), dots, norms, data)
    return found[:5]  # type: ignore[no-any-return]
