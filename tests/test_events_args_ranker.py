"""Where the actor ranker may name a target the rules left empty (invented sentences and names)."""

from __future__ import annotations

import numpy as np

from events_support import build
from veille.events.argument_words import UNRANKED_TARGET_TYPES
from veille.events.coder import Coder
from veille.events.ranker import ActorRanker


def _toy_ranker(target_before: bool = False) -> ActorRanker:
    """Trusts any candidate before the trigger as source, after it as target (``target_before``:
    before it as target too)."""
    target = [5.0, 5.0] if target_before else [-5.0, 5.0]
    return ActorRanker(vocab={"side=before": 0, "side=after": 1},
                       weights=np.array([[5.0, target[0]], [-5.0, target[1]]], dtype=np.float32),
                       bias=np.array([-2.0, -2.0], dtype=np.float32),
                       meta={"source_threshold": 0.5, "target_threshold": 0.5})


def _events(case, nlp, lex, target_before: bool = False):
    art, doc = build(case, nlp)
    coder = Coder(lex, art, doc, modes=None, explain=True)
    coder.ranker = _toy_ranker(target_before)
    return coder.run()


def test_protests_get_no_ranked_target():
    assert "PROTEST" in UNRANKED_TARGET_TYPES


def test_a_rally_before_a_building_has_no_ranked_target(nlp, lex):
    case = {"text": "Les militants du syndicat Alvar se sont rassemblés mardi devant l'hôpital Valcor.",
            "entities": [["Alvar", "ORG"], ["Valcor", "ORG"]]}
    events = [e for e in _events(case, nlp, lex) if e.type == "PROTEST"]
    assert events, "the rally is a protest"
    assert all(e.target is None for e in events)


def test_a_call_signed_by_two_mayors_names_no_co_signer_as_target(nlp, lex):
    case = {"text": "Les maires Lino Varga et Piotr Lenz réclament des mesures rapides.",
            "entities": [["Lino Varga", "PER"], ["Piotr Lenz", "PER"]]}
    events = [e for e in _events(case, nlp, lex, target_before=True) if e.type == "REQUEST"]
    assert events and all(e.target not in ("Lino Varga", "Piotr Lenz") for e in events)


def test_a_meeting_still_gets_its_ranked_party(nlp, lex):
    case = {"text": "Ana Ruiz a rencontré Piotr Lenz à Genève.",
            "entities": [["Ana Ruiz", "PER"], ["Piotr Lenz", "PER"], ["Genève", "LOC"]]}
    assert any(e.type == "CONSULT" and e.target == "Piotr Lenz" and "target=ranker" in (e.rule or "")
               for e in _events(case, nlp, lex))


def test_a_name_inside_the_sources_own_phrase_is_no_ranked_target(nlp, lex):
    case = {"text": "L'ambassadeur du syndicat Alvar, Lino Varga, a rejeté les rumeurs mardi.",
            "entities": [["Lino Varga", "PER"], ["Alvar", "ORG"]]}
    events = [e for e in _events(case, nlp, lex, target_before=True) if e.type == "REJECT"]
    assert events and all(e.target != "Alvar" for e in events)


def test_a_bracketed_party_of_the_source_is_no_ranked_target(nlp, lex):
    case = {"text": "Le conservateur Lino Varga (parti Alvar) a rejeté le projet mardi.",
            "entities": [["Lino Varga", "PER"], ["Alvar", "ORG"]]}
    events = [e for e in _events(case, nlp, lex, target_before=True) if e.type == "REJECT"]
    assert events and all(e.target != "Alvar" for e in events)


def test_a_partner_written_in_the_subject_of_a_mutual_act_may_be_ranked(nlp, lex):
    case = {"text": "Les délégués du syndicat Alvar et du parti Belmar ont signé un accord mardi.",
            "entities": [["Alvar", "ORG"], ["Belmar", "ORG"]]}
    assert any(e.type == "AGREE" and e.source == "Alvar" and e.target == "Belmar"
               for e in _events(case, nlp, lex, target_before=True))
