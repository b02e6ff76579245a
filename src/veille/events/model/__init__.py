"""The trained part of the event coder: a small sentence classifier that says which PLOVER types a
sentence expresses, where the trigger rules run out.

A multilabel logistic regression over the sentence's mean word vector (``fr_core_news_md``'s static
vectors, nothing downloaded at run time) and hashed lemmas. It never names actors: the dependency
parse and the actor rules give source and target, as for a rule trigger. Weights ship inside the
package (``sentence_types.npz`` + ``sentence_types.json``), rebuilt by ``veille train events`` from
the dev annotations with a fixed seed.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.attrs import IS_PUNCT, IS_STOP, LEMMA, ORTH, POS
from spacy.parts_of_speech import IDS as POS_IDS

from veille.common.docarrays import token_columns, token_strings
from veille.events.model.fit import adam_step, load_linear, write_weights

MODEL_DIR = Path(__file__).resolve().parent
MODEL_NAME = "sentence_types"
HASH_BUCKETS = 2048
ANY = "ANY"  # the extra label: the sentence holds some event
SKIP_POS = frozenset({"PUNCT", "SPACE", "NUM", "DET", "ADP", "CCONJ", "SCONJ", "PRON", "AUX", "PROPN", "SYM", "X"})
_SKIP_POS_IDS = frozenset(POS_IDS[p] for p in SKIP_POS)


def features(tokens: Any, width: int) -> np.ndarray:
    """One row: the mean word vector (unit length) then one bucket per lemma (1/sqrt(n))."""
    vec = np.zeros(width + HASH_BUCKETS, dtype=np.float32)
    vectors = _table_vectors(tokens)
    if vectors is None:
        toks = list(tokens)
        vectors = [t.vector for t in toks if t.has_vector and not t.is_punct]
        lemmas = {t.lemma_.lower() for t in toks if t.pos_ not in SKIP_POS and not t.is_stop}
    else:
        lemmas = _span_lemmas(tokens)
    if len(vectors):
        mean = np.mean(vectors, axis=0)
        norm = float(np.linalg.norm(mean))
        if norm > 0 and mean.shape[0] == width:
            vec[:width] = mean / norm
    if lemmas:
        weight = 1.0 / np.sqrt(len(lemmas))
        for lem in lemmas:
            vec[width + zlib.crc32(lem.encode("utf-8")) % HASH_BUCKETS] = weight
    return vec


def _table_vectors(tokens: Any) -> np.ndarray | None:
    """The rows ``t.vector`` would give for a Span's non-punctuation tokens, read from the table in one go.

    ``Token.vector`` builds a Token and goes through the vocabulary once per word; on every sentence of
    every article that was a sizeable part of the events stage. None when the fast read would not give
    the same rows (no Span, user hooks, vectors keyed on another attribute, floret or tensor vectors)."""
    doc = getattr(tokens, "doc", None)
    if doc is None or not hasattr(tokens, "start") or doc.user_token_hooks:
        return None
    table = doc.vocab.vectors
    if table.size == 0 or table.attr != ORTH or table.mode != "default":
        return None
    key2row = table.key2row
    orths, puncts = token_columns(doc, (ORTH, IS_PUNCT))
    start, end = tokens.start, tokens.end
    rows = [key2row[k] for k, punct in zip(orths[start:end], puncts[start:end], strict=True)
            if not punct and k in key2row]
    return table.data[rows]


def _span_lemmas(span: Any) -> set[str]:
    """``{t.lemma_.lower() for t in span if t.pos_ not in SKIP_POS and not t.is_stop}``, read from the
    Doc's cached columns (no Token per word)."""
    doc = span.doc
    pos, stop = token_columns(doc, (POS, IS_STOP))
    lemmas = token_strings(doc, LEMMA)
    return {lemmas[i].lower() for i in range(span.start, span.end) if not stop[i] and pos[i] not in _SKIP_POS_IDS}


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


@dataclass
class SentenceModel:
    labels: list[str]
    weights: np.ndarray  # (features, labels)
    bias: np.ndarray  # (labels,)
    width: int  # word-vector width
    meta: dict = field(default_factory=dict)

    @property
    def add_threshold(self) -> float:
        """Score above which a type the rules missed is proposed (chosen on out-of-fold scores)."""
        return float(self.meta.get("add_threshold", 0.9))

    @property
    def drop_threshold(self) -> float:
        """"Some event" score below which a rule event is dropped as a misreading."""
        return float(self.meta.get("drop_threshold", 0.05))

    def scores(self, tokens: Any) -> dict[str, float]:
        """Label -> probability for one sentence (a spaCy Span or token list)."""
        row = features(tokens, self.width)
        probs = _sigmoid(row @ self.weights + self.bias)
        return {label: float(p) for label, p in zip(self.labels, probs, strict=True)}

    def save(self, directory: Path = MODEL_DIR) -> None:
        meta = {**self.meta, "labels": self.labels, "width": self.width, "hash_buckets": HASH_BUCKETS}
        write_weights(directory, MODEL_NAME, self.weights, self.bias, meta)


def fit(rows: np.ndarray, targets: np.ndarray, labels: list[str], width: int, seed: int = 13,
        epochs: int = 400, l2: float = 1e-3, rate: float = 0.05) -> SentenceModel:
    """Full-batch Adam on the logistic loss; deterministic for a seed."""
    rng = np.random.default_rng(seed)
    n_feat, n_lab = rows.shape[1], targets.shape[1]
    weights = rng.normal(0, 0.01, size=(n_feat, n_lab)).astype(np.float64)
    bias = np.zeros(n_lab)
    m_w, v_w, m_b, v_b = np.zeros_like(weights), np.zeros_like(weights), np.zeros_like(bias), np.zeros_like(bias)
    # rare labels weigh more, so that a type seen a few times is not simply never predicted
    pos_weight = np.clip((len(targets) - targets.sum(0)) / np.maximum(targets.sum(0), 1), 1, 10) ** 0.5
    for step in range(1, epochs + 1):
        probs = _sigmoid(rows @ weights + bias)
        err = (probs - targets) * np.where(targets > 0, pos_weight, 1.0)
        g_w = rows.T @ err / len(rows) + l2 * weights
        g_b = err.mean(0)
        adam_step(((g_w, m_w, v_w, weights), (g_b, m_b, v_b, bias)), step, rate)
    return SentenceModel(labels=labels, weights=weights, bias=bias, width=width, meta={"seed": seed})


@lru_cache(maxsize=1)
def load_model(directory: Path = MODEL_DIR) -> SentenceModel | None:
    """The shipped model, or None when its files are absent (the rules then work alone)."""
    return load_linear(SentenceModel, directory, MODEL_NAME)
