"""veille.events.ranker: the actor ranker's candidates, closed features and how it fills roles
(invented sentences and names)."""

from __future__ import annotations

import numpy as np
import pytest

from events_support import build, ranker_records
from veille.events.coder import Coder
from veille.events.model.actor_fit import fit_ranker
from veille.events.ranker import ActorRanker, load_ranker

PASSIVE = {"text": "Le traité de Varna a été signé mardi par la Moldavie.",
           "entities": [["Moldavie", "LOC"]]}


def _rows(case, nlp, lex):
    art, doc = build(case, nlp)
    return ranker_records(lex, art, doc)


def test_a_passive_agent_is_a_candidate_with_its_path_and_preposition(nlp, lex):
    record = _rows(PASSIVE, nlp, lex)
    rows = [rec["rows"][rec["names"].index("Moldavie")] for rec in record if "Moldavie" in rec["names"]]
    assert rows, "the signing is a candidate event with Moldavie among its actors"
    assert any("voice=pass" in feats and "side=after" in feats
               and any(f.startswith("last=") and f.endswith("+par") for f in feats) for feats in rows)


def test_features_name_no_word_of_the_sentence(nlp, lex):
    record = _rows(PASSIVE, nlp, lex)
    words = {"traité", "varna", "signé", "mardi", "moldavie"}
    for rec in record:
        for row in rec["rows"]:
            assert not any(w in f.lower() for f in row for w in words)


def test_the_ranker_fills_an_empty_target_and_says_so_in_the_rule(nlp, lex):
    case = {"text": "Ana Ruiz a rencontré Piotr Lenz à Genève.",
            "entities": [["Ana Ruiz", "PER"], ["Piotr Lenz", "PER"], ["Genève", "LOC"]]}
    art, doc = build(case, nlp)
    # A toy ranker that trusts any candidate before the trigger as source, after it as target.
    ranker = ActorRanker(vocab={"side=before": 0, "side=after": 1},
                         weights=np.array([[5.0, -5.0], [-5.0, 5.0]], dtype=np.float32),
                         bias=np.array([-2.0, -2.0], dtype=np.float32),
                         meta={"source_threshold": 0.5, "target_threshold": 0.5})
    coder = Coder(lex, art, doc, modes=None, explain=True)
    coder.ranker = ranker
    events = coder.run()
    assert any(e.source == "Ana Ruiz" and e.target == "Piotr Lenz" and "target=ranker" in (e.rule or "")
               for e in events)
    coder = Coder(lex, art, doc, modes=None, explain=True)
    coder.ranker = None  # the rules alone leave the meeting without its other party
    assert not any(e.target == "Piotr Lenz" for e in coder.run())


def test_fit_ranker_is_deterministic_and_learns_a_separable_feature():
    rows = [["bias", "last=nsubj+-"], ["bias", "last=obj+-"]] * 20
    labels = np.array([[1, 0], [0, 1]] * 20, dtype=float)
    mask = np.ones_like(labels)
    a, b = fit_ranker(rows, labels, mask, seed=3), fit_ranker(rows, labels, mask, seed=3)
    assert np.array_equal(a.weights, b.weights)
    p = a.scores([["bias", "last=nsubj+-"], ["bias", "last=obj+-"]])
    assert p[0, 0] > 0.8 and p[1, 1] > 0.8 and p[0, 1] < 0.2


def test_the_shipped_ranker_has_closed_features_and_thresholds():
    ranker = load_ranker()
    if ranker is None:
        pytest.skip("no shipped ranker")
    assert ranker.weights.shape == (len(ranker.vocab), 2)
    assert all("=" in f or f in ("bias", "is_rule_source", "is_rule_target") for f in ranker.vocab)
    assert "cv_f1" in ranker.meta


def test_scores_of_all_rows_at_once_are_those_of_one_row_at_a_time():
    shipped = load_ranker()
    assert shipped is not None
    names = sorted(shipped.vocab)
    rng = np.random.default_rng(13)
    for _ in range(300):
        rows = [[names[k] for k in rng.integers(0, len(names), int(rng.integers(0, 40)))] + ["not-a-feature"]
                for _ in range(int(rng.integers(1, 21)))]
        want = np.tile(shipped.bias, (len(rows), 1)).astype(np.float32)
        for r, feats in enumerate(rows):
            idx = [shipped.vocab[f] for f in feats if f in shipped.vocab]
            if idx:
                want[r] += shipped.weights[idx].sum(0)
        want = 1.0 / (1.0 + np.exp(-np.clip(want, -30, 30)))
        got = shipped.scores(rows)
        assert got.dtype == want.dtype and np.array_equal(got, want)
    assert shipped.scores([]).shape == (0, 2)
