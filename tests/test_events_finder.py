"""veille.events.model.finder: the trigger finder that reads unlisted words through the trigger
lexicon, and how the coder takes its guesses. Invented sentences and names."""

from __future__ import annotations

import numpy as np

from events_support import build
from veille.events import Coder
from veille.events.model.finder import NONE, WIDTH, TriggerFinder, fit_finder, space_of, vector_row
from veille.model import EVENT_TYPES

ASSAULT = EVENT_TYPES.index("ASSAULT")


def _finder(threshold: float = 0.5, **meta) -> TriggerFinder:
    """A finder whose only evidence is closeness to the lexicon's ASSAULT words."""
    labels = [NONE, *EVENT_TYPES]
    weights = np.zeros((WIDTH, len(labels)))
    weights[ASSAULT, 1 + ASSAULT] = 40.0
    bias = np.zeros(len(labels))
    bias[1 + ASSAULT] = -40.0 * 0.5
    return TriggerFinder(labels=labels, weights=weights, bias=bias, meta={"threshold": threshold, **meta})


def test_a_word_sharing_a_listed_word_s_vector_is_not_read_as_that_word(nlp, lex):
    space = space_of(lex, nlp.vocab)
    listed = next(lem for lem, trigs in lex.verbs.items()
                  if any(t.type == "ASSAULT" for t in trigs) and vector_row(nlp.vocab, lem) >= 0)
    row = vector_row(nlp.vocab, listed)
    close = space.closeness(np.array([row]))[0]
    assert close[ASSAULT] < 0.999  # its own line (and any word of the same vector) is left out
    assert close.shape == (2 * len(EVENT_TYPES) + 2,)


def test_fit_finder_is_deterministic_for_a_seed():
    rng = np.random.default_rng(1)
    rows = rng.normal(size=(60, WIDTH))
    classes = (rows[:, 0] > 0.5).astype(int) * (1 + ASSAULT)
    one, two = fit_finder(rows, classes, seed=5, epochs=50), fit_finder(rows, classes, seed=5, epochs=50)
    assert np.array_equal(one.weights, two.weights)
    assert one.labels[0] == NONE and one.labels[1:] == list(EVENT_TYPES)


def test_an_unlisted_violent_verb_with_named_parties_becomes_a_model_event(nlp, lex):
    case = {"text": "Les miliciens du Front Kessa ont gazé des étudiants de la Valdonie à Karvo.",
            "entities": [["Front Kessa", "ORG"], ["Valdonie", "LOC"], ["Karvo", "LOC"]]}
    art, doc = build(case, nlp)
    assert "gazer" not in lex.verbs
    coder = Coder(lex, art, doc, explain=True)
    coder.finder = _finder()
    events = [e for e in coder.run() if e.rule.startswith("type=model:finder:")]
    assert events and events[0].type == "ASSAULT" and events[0].source == "Front Kessa"
    assert events[0].trigger == "gazé"


def test_a_never_threshold_proposes_nothing_and_rules_stay_as_they_were(nlp, lex):
    case = {"text": "Les rebelles du Front Kessa ont mitraillé un convoi de la Valdonie près de Karvo.",
            "entities": [["Front Kessa", "ORG"], ["Valdonie", "LOC"], ["Karvo", "LOC"]]}
    art, doc = build(case, nlp)
    plain = Coder(lex, art, doc, explain=True)
    plain.finder = None
    before = [(e.type, e.source, e.target, e.rule) for e in plain.run()]
    doc.user_data.clear()
    art2, doc2 = build(case, nlp)
    never = Coder(lex, art2, doc2, explain=True)
    never.finder = _finder(threshold=1.01)
    assert [(e.type, e.source, e.target, e.rule) for e in never.run()] == before


def test_a_guess_is_shown_with_its_score_and_never_replaces_a_rule_event(nlp, lex):
    # Every unlisted verb, noun or adjective is guessed ASSAULT here (threshold 0): the rule event
    # of the sentence keeps its type, source and target, and each guess shows its score.
    case = {"text": "Le gouvernement de la Valdonie a condamné l'attaque du Front Kessa et a dénombré les victimes.",
            "entities": [["Valdonie", "LOC"], ["Front Kessa", "ORG"]]}
    art, doc = build(case, nlp)
    plain = Coder(lex, art, doc, explain=True)
    plain.finder = None
    rules = {(e.type, e.source, e.target) for e in plain.run()}
    art2, doc2 = build(case, nlp)
    guessing = Coder(lex, art2, doc2, explain=True)
    guessing.finder = _finder(threshold=0.0)
    events = guessing.run()
    assert rules <= {(e.type, e.source, e.target) for e in events}
    for ev in events:
        if ev.rule.startswith("type=model:"):
            score = float(ev.rule.split()[0].rsplit(":", 1)[1])
            assert 0.0 <= score <= 1.0
