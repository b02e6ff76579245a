"""The events stage's shortcuts give the answers of the work they skip (invented sentences).

``ActorRanker.none_reach`` (no float32 scores when no candidate can pass a threshold), the ranker's
one-pass feature matrix, and ``model.any_bound.surely_eventful`` (the sentence model's drop review
without its full product)."""

from __future__ import annotations

import numpy as np

from veille.events.model import ANY, load_model
from veille.events.model.any_bound import surely_eventful
from veille.events.ranker import ActorRanker, load_ranker


def _ranker() -> ActorRanker:
    ranker = load_ranker()
    if ranker is not None:
        return ranker
    return ActorRanker(vocab={"bias": 0, "kind=entity": 1, "side=after": 2},
                       weights=np.array([[0.5, -0.2], [1.0, 0.3], [-0.7, 1.4]], dtype=np.float32),
                       bias=np.array([-1.0, -0.5], dtype=np.float32), meta={})


def _random_rows(rng: np.random.Generator, features: list[str]) -> list[list[str]]:
    return [[features[j] for j in rng.integers(0, len(features), int(rng.integers(0, 45)))]
            for _ in range(int(rng.integers(1, 8)))]


def test_ranker_scores_sum_each_row_in_its_own_order():
    ranker = _ranker()
    rng = np.random.default_rng(7)
    features = [*ranker.vocab, "unknown=1", "unknown=2"]
    for _ in range(300):
        rows = _random_rows(rng, features)
        got = ranker.scores(rows)
        for row, probs in zip(rows, got, strict=True):
            ids = [ranker.vocab[f] for f in row if f in ranker.vocab]
            logit = ranker.bias.astype(np.float32) + ranker.weights[ids].sum(axis=0, dtype=np.float32)
            want = 1.0 / (1.0 + np.exp(-np.minimum(np.maximum(logit, -30), 30)))
            assert probs.tobytes() == want.astype(np.float32).tobytes()


def test_none_reach_never_hides_a_candidate_over_its_threshold():
    ranker = _ranker()
    rng = np.random.default_rng(11)
    features = [*ranker.vocab, "unknown=1"]
    skipped = 0
    for _ in range(2000):
        rows = _random_rows(rng, features)
        src, tgt = float(rng.uniform(0.05, 0.95)), float(rng.uniform(0.05, 0.95))
        probs = ranker.scores(rows)
        if ranker.none_reach(rows, src, tgt):
            skipped += 1
            assert probs[:, 0].max() < src and probs[:, 1].max() < tgt
    assert skipped  # (the shortcut does fire)


def test_none_reach_limits_outside_the_unit_interval():
    ranker = _ranker()
    rows = [["bias", "kind=entity"]]
    assert ranker.none_reach(rows, 1.1, 1.1)  # a limit above 1 is never reached
    assert not ranker.none_reach(rows, 0.0, 1.1)  # every probability reaches 0
    assert not ranker.none_reach(rows, 1.1, 1.0)  # a float32 probability may round to 1


def test_surely_eventful_agrees_with_the_scores(nlp):
    model = load_model()
    if model is None:
        return
    doc = nlp("Le ministre Paul Grimaud a rencontré mardi son homologue à Port-Lune. "
              "Il fait beau. "
              "Les rebelles ont bombardé la ville de Montvert et tué trois civils. "
              "La réunion, prévue depuis des mois, a été reportée à une date inconnue.")
    for sent in doc.sents:
        if surely_eventful(model, sent):
            assert model.scores(sent)[ANY] >= model.drop_threshold
