"""A subject pronoun the parser labels expletive ("Il se dit préoccupé", "Il craint que"): the verb's
subject, followed to its antecedent, unless the clause is impersonal ("il faut", "il se dit que").
Invented sentences and names (issue 13)."""

from __future__ import annotations

import pytest

from events_support import build, code
from veille.events.expletives import personal_expletive
from veille.events.view import ArticleView


def _verb(doc, word):
    return next(t for t in doc if t.text == word)


def test_an_expletive_il_before_a_personal_verb_is_its_subject(nlp, lex):
    case = {"text": "Le comité de Valdonie a publié son rapport lundi. Il se dit préoccupé par la hausse des "
                    "violences policières en Valdonie.",
            "entities": [["Valdonie", "LOC"], ["comité de Valdonie", "ORG"]]}
    art, doc = build(case, nlp)
    view = ArticleView(lex, art, doc)
    verb = _verb(doc, "dit")
    pron = next(t for t in verb.children if t.text == "Il") if any(t.text == "Il" for t in verb.children) else None
    if pron is None or pron.dep_ != "expl:subj":
        pytest.skip("the parser read this 'Il' as a plain subject: nothing to repair")
    found = personal_expletive(view, verb, None, 0)
    assert found is not None and found.actor is not None and found.rule == "expletive-pronoun-subject"


def test_impersonal_il_names_nobody(nlp, lex):
    case = {"text": "Lina Varga a quitté Montvert. Il faut que la Valdonie renonce aux sanctions.",
            "entities": [["Lina Varga", "PER"], ["Valdonie", "LOC"], ["Montvert", "LOC"]]}
    art, doc = build(case, nlp)
    view = ArticleView(lex, art, doc)
    assert personal_expletive(view, _verb(doc, "faut"), None, 0) is None


def test_il_se_dit_que_is_impersonal(nlp, lex):
    case = {"text": "Paul Durand est arrivé mardi. Il se dit que la Valdonie prépare des sanctions.",
            "entities": [["Paul Durand", "PER"], ["Valdonie", "LOC"]]}
    art, doc = build(case, nlp)
    view = ArticleView(lex, art, doc)
    verb = _verb(doc, "dit")
    if not any(c.dep_ == "ccomp" for c in verb.children):
        pytest.skip("the parser did not read a que-clause under 'dit'")
    found = personal_expletive(view, verb, None, 0)
    assert found is None


def test_the_event_of_an_expletive_il_gets_its_antecedent(nlp, lex):
    text = ("Paul Durand, le porte-parole du syndicat Alpha, a réuni la presse mardi. "
            "Il craint que la direction ne ferme l'usine de Montvert.")
    events = code({"text": text, "entities": [["Paul Durand", "PER"], ["Alpha", "ORG"], ["Montvert", "LOC"]]},
                  nlp, lex, explain=True)
    fears = [e for e in events if e.trigger.startswith("craint")]
    if not fears:
        pytest.skip("no event on 'craint' in this parse")
    assert fears[0].source == "Paul Durand", fears[0].rule


def test_an_expletive_il_never_takes_a_place(nlp, lex):
    case = {"text": "La Valdonie a été examinée lundi par les experts. Il se dit préoccupé par la hausse des "
                    "violences policières.",
            "entities": [["Valdonie", "LOC"]]}
    art, doc = build(case, nlp)
    view = ArticleView(lex, art, doc)
    verb = _verb(doc, "dit")
    found = personal_expletive(view, verb, None, 0)
    assert found is None or found.actor is None or found.actor.kind != "LOC"
