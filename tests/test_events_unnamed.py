"""The unnamed-doer chooser (``veille.events.unnamed``): closed features, inert without shipped
weights, and a kept event says so in its rule (invented sentences and names)."""

from __future__ import annotations

import numpy as np
import pytest

from events_support import code
from veille.events import unnamed
from veille.events.unnamed import UnnamedChooser, load_chooser

CASE = {"text": "Ils ont dénoncé la réforme de Paul Durand.", "entities": [["Paul Durand", "PER"]]}


@pytest.fixture
def recorded(nlp, lex):
    unnamed.RECORDER = []
    try:
        events = code(CASE, nlp, lex, explain=True)
        return events, list(unnamed.RECORDER)
    finally:
        unnamed.RECORDER = None


def test_a_sourceless_candidate_reaches_the_chooser_with_closed_features(recorded):
    events, rows = recorded
    assert rows, "the rules named nobody: the chooser is asked"
    feats = rows[0]["feats"]
    assert "bias" in feats and any(f.startswith("ttype=") for f in feats)
    assert not any("Durand" in f or "réforme" in f for f in feats)  # no word of the sentence
    assert any("agentless_kept#" in (e.rule or "") for e in events)


def test_without_a_shipped_model_no_event_is_kept_by_it(nlp, lex):
    if load_chooser() is not None and load_chooser().threshold <= 1.0:
        pytest.skip("a chooser is shipped")
    events = code(CASE, nlp, lex, explain=True)
    assert not any("agentless_kept" in (e.rule or "") for e in events)


def test_a_confident_chooser_keeps_the_event_with_a_null_source(nlp, lex, tmp_path):
    chooser = UnnamedChooser(vocab={"ttype=ACCUSE": 0}, weights=np.array([3.0], dtype=np.float32), bias=0.0,
                             meta={"threshold": 0.5})
    chooser.save(tmp_path)
    load_chooser.cache_clear()
    try:
        loaded = load_chooser(tmp_path)
    finally:
        load_chooser.cache_clear()
    assert loaded is not None and loaded.threshold == 0.5
    assert loaded.score(["bias", "ttype=ACCUSE"]) == pytest.approx(chooser.score(["ttype=ACCUSE"]), abs=1e-3)
    unnamed.CHOOSER = loaded
    try:
        events = code(CASE, nlp, lex, explain=True)
    finally:
        unnamed.CHOOSER = None
    kept = [e for e in events if "agentless_kept" in (e.rule or "")]
    assert kept and kept[0].source is None and kept[0].type == "ACCUSE"


def test_the_features_say_where_and_what_without_the_sentence_words(recorded):
    _, rows = recorded
    feats = rows[0]["feats"]
    assert any(f.startswith("at=") for f in feats) and any(f.startswith("tkin=") for f in feats)
    assert any(f.startswith("pos=") for f in feats) and any(f.startswith("det=") for f in feats)
    assert rows[0]["type"] == "ACCUSE" and rows[0]["sent"][0] == 0


def test_the_sentence_model_probability_is_binned_cumulatively():
    feats = unnamed.type_prob_features("PROTEST", {"PROTEST": 0.2, "ANY": 0.9})
    assert feats == ["ptype>=0.05", "ptype>=0.15", "pany>=0.05", "pany>=0.15", "pany>=0.3", "pany>=0.5"]
    assert unnamed.type_prob_features("PROTEST", None) == ["ptype=none"]


def test_a_bare_event_noun_kept_by_the_chooser_is_not_background(nlp, lex):
    case = {"text": "Ce climat de contestation inquiète Paul Durand.", "entities": [["Paul Durand", "PER"]]}
    before = code(case, nlp, lex, explain=True)
    unnamed.CHOOSER = UnnamedChooser(vocab={"ttype=PROTEST": 0}, weights=np.array([5.0]), bias=-2.0,
                                     meta={"threshold": 0.5})
    try:
        after = code(case, nlp, lex, explain=True)
    finally:
        unnamed.CHOOSER = None
    kept = [e for e in after if "agentless_kept:model" in (e.rule or "")]
    assert not [e for e in before if e.type == "PROTEST"]  # a bare noun, background for the rules
    assert kept and kept[0].type == "PROTEST" and kept[0].source is None
