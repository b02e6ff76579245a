"""veille.events.learned: the sentence model's proposals beside rule candidates and its type
corrections (invented sentences and names)."""

from __future__ import annotations

from types import SimpleNamespace

from veille.events.learned import retyped, sentence_guess
from veille.events.lexicon import Trigger, load_lexicon
from veille.events.model import NO_PROPOSAL
from veille.events.triggers import Candidate
from veille.events.view import ArticleView
from veille.model import Article, Event

TEXT = "Après sa rencontre avec Lina Varga, le syndicat Forge a pilonné la direction."


def _model(**meta: float) -> SimpleNamespace:
    values = {"add_threshold": NO_PROPOSAL, "beside_threshold": NO_PROPOSAL, "retype_threshold": NO_PROPOSAL,
              "retype_floor": 0.1, **meta}
    return SimpleNamespace(**values, proposes=values["add_threshold"] < NO_PROPOSAL)


def _sentence(nlp):
    doc = nlp(TEXT)
    view = ArticleView(load_lexicon(), Article(id="t", paragraphs=[TEXT]), doc)
    sent = next(doc.sents)
    noun = next(t for t in sent if t.lemma_ == "rencontre")
    ruled = [Candidate(Trigger(type="CONSULT", kind="noun", words=("rencontre",)), noun.i, [noun.i], 0, False)]
    return view, sent, ruled


def test_a_type_the_rules_missed_is_proposed_beside_a_candidate_of_another_type(nlp):
    view, sent, ruled = _sentence(nlp)
    scores = {"ACCUSE": 0.86, "CONSULT": 0.3}
    guess = sentence_guess(view, sent, 0, False, _model(beside_threshold=0.7), ruled, lambda t: scores)
    assert guess is not None and guess.trigger.type == "ACCUSE"
    assert view.doc[guess.head].lemma_ == "pilonner" and guess.model_score == 0.86


def test_no_proposal_beside_candidates_of_its_type_under_its_threshold_or_when_off(nlp):
    view, sent, ruled = _sentence(nlp)
    same = sentence_guess(view, sent, 0, False, _model(beside_threshold=0.7), ruled,
                          lambda t: {"CONSULT": 0.9})
    low = sentence_guess(view, sent, 0, False, _model(beside_threshold=0.7), ruled, lambda t: {"ACCUSE": 0.6})
    off = sentence_guess(view, sent, 0, False, _model(), ruled, lambda t: {"ACCUSE": 0.95})
    assert same is None and low is None and off is None


def test_the_main_verb_of_a_rule_candidate_is_left_to_the_rules(nlp):
    view, sent, _ = _sentence(nlp)
    verb = next(t for t in sent if t.lemma_ == "pilonner")
    ruled = [Candidate(Trigger(type="ASSAULT", kind="verb", words=("pilonner",)), verb.i, [verb.i], 0, False)]
    assert sentence_guess(view, sent, 0, False, _model(beside_threshold=0.5), ruled,
                          lambda t: {"ACCUSE": 0.95}) is None


def _event(etype: str, rule: str, sent: int = 0, source: str = "Forge") -> Event:
    ev = Event(type=etype, source=source, target="Direction", text="", mode="fact", trigger="x")
    ev._rules = {"type": rule, "source": "subject", "target": "object"}
    ev._sent = sent
    return ev


def test_a_confident_model_retypes_a_rule_event_whose_type_it_scores_low():
    events = [_event("ASSAULT", "trigger:verb:frapper"), _event("REJECT", "model:0.91", sent=1)]
    scores = {"REJECT": 0.91, "ASSAULT": 0.04}
    out = retyped(events, _model(retype_threshold=0.7), lambda ev, t: scores)
    assert [ev.type for ev in out] == ["REJECT", "REJECT"]
    assert out[0]._rules["type"] == "trigger:verb:frapper>model:0.91"
    assert out[1]._rules["type"] == "model:0.91"  # a model's own guess is never retyped


def test_no_retype_when_the_rule_type_scores_over_the_floor_or_when_off():
    scores = {"REJECT": 0.91, "ASSAULT": 0.2}
    kept = retyped([_event("ASSAULT", "trigger:verb:frapper")], _model(retype_threshold=0.7), lambda ev, t: scores)
    off = retyped([_event("ASSAULT", "trigger:verb:frapper")], _model(), lambda ev, t: {"REJECT": 0.99})
    assert kept[0].type == "ASSAULT" and off[0].type == "ASSAULT"


def test_a_retyped_event_equal_to_a_rule_event_of_its_sentence_is_dropped():
    events = [_event("REJECT", "trigger:verb:refuser"), _event("ASSAULT", "trigger:verb:frapper")]
    scores = {"REJECT": 0.9, "ASSAULT": 0.05}
    out = retyped(events, _model(retype_threshold=0.7), lambda ev, t: scores)
    assert len(out) == 1 and out[0]._rules["type"] == "trigger:verb:refuser"
