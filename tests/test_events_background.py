"""Protests the press names by their noun alone, without who marched (issue 13, evtrig2): kept with
null parties at their first naming in the article (invented sentences and names)."""

from __future__ import annotations

import pytest

from events_support import code


def _background(events):
    return [e for e in events if " source=background-noun " in (e.rule or "")]


def test_protests_named_as_a_background_are_coded_without_parties(nlp, lex):
    case = {"text": "Trois ans après les émeutes de Port-Lune, la mairie a rouvert la médiathèque.", "entities": []}
    events = _background(code(case, nlp, lex, explain=True))
    assert [(e.type, e.source, e.target) for e in events] == [("PROTEST", None, None)]


def test_a_protest_named_again_is_not_a_new_event(nlp, lex):
    case = {"text": "Les manifestations contre la réforme ont repris à Montvert. "
                    "La préfecture a fermé deux rues pendant les manifestations.", "entities": []}
    events = _background(code(case, nlp, lex, explain=True))
    assert len(events) <= 1, [(e.type, e.text) for e in events]


@pytest.mark.parametrize("text", [
    "Les ouvriers de l'usine Forge se sont mis en grève lundi.",  # a state: no determiner, singular
    "Le bilan des violences reste incertain à Montvert.",  # violence: not a background type
    "Avec l'interdiction des rassemblements, les cafés de Montvert ont fermé.",  # a ban is told
    "Le préfet a reçu vos protestations par courrier.",  # a possessive: the doer is told, not found
])
def test_notions_and_other_types_are_no_background_protest(nlp, lex, text):
    assert not _background(code({"text": text, "entities": []}, nlp, lex, explain=True))


def test_a_protest_whose_doer_is_named_is_left_to_the_actor_rules(nlp, lex):
    case = {"text": "Deux ans après les manifestations du collectif Aube, la réforme est appliquée.",
            "entities": [["collectif Aube", "ORG"]]}
    assert not _background(code(case, nlp, lex, explain=True))
