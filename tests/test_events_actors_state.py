"""A bare "l'État" as an event actor (issue 13): the country the article names most, when one
clearly leads; never "l'État de X", "l'État hébreu", an indefinite "un État" or the lower-case
"état d'urgence". Invented sentences and people; real country names."""

from __future__ import annotations

from events_support import code

LEAD = "Le Chili traverse une crise sanitaire. Au Chili, les hôpitaux manquent de lits. "


def _events(nlp, lex, text, entities):
    return code({"text": text, "entities": entities}, nlp, lex, explain=True)


def _typed(events, etype):
    return [(e.source, e.target) for e in events if e.type == etype]


def test_the_bare_state_is_the_country_the_article_is_about(nlp, lex):
    text = LEAD + "Lina Varga accuse l'État de négligence."
    events = _events(nlp, lex, text, [["Chili", "LOC"], ["Lina Varga", "PER"]])
    assert ("Lina Varga", "Chili") in _typed(events, "ACCUSE"), [(e.type, e.source, e.target, e.rule) for e in events]


def test_the_bare_state_as_a_subject_acts_for_that_country(nlp, lex):
    text = LEAD + "L'État a fait arrêter Marc Dubois jeudi."
    events = _events(nlp, lex, text, [["Chili", "LOC"], ["Marc Dubois", "PER"]])
    assert any(src == "Chili" for src, _ in _typed(events, "COERCE")), [(e.type, e.source, e.rule) for e in events]


def test_a_state_with_a_complement_or_an_adjective_is_not_the_article_s_country(nlp, lex):
    for phrase in ("l'État voisin", "l'État de Sonora"):
        text = LEAD + f"Lina Varga accuse {phrase} de négligence."
        events = _events(nlp, lex, text, [["Chili", "LOC"], ["Lina Varga", "PER"]])
        assert ("Lina Varga", "Chili") not in _typed(events, "ACCUSE"), phrase


def test_no_country_leads_no_state(nlp, lex):
    text = ("Le Chili et le Pérou traversent une crise. Au Pérou comme au Chili, les hôpitaux manquent de lits. "
            "Lina Varga accuse l'État de négligence.")
    events = _events(nlp, lex, text, [["Chili", "LOC"], ["Pérou", "LOC"], ["Lina Varga", "PER"]])
    assert not [t for _, t in _typed(events, "ACCUSE") if t in ("Chili", "Pérou")]


def test_an_indefinite_or_lower_case_state_is_nobody(nlp, lex):
    text = LEAD + "Lina Varga accuse un État de négligence. Marc Dubois dénonce l'état d'urgence."
    events = _events(nlp, lex, text, [["Chili", "LOC"], ["Lina Varga", "PER"], ["Marc Dubois", "PER"]])
    assert not [t for _, t in _typed(events, "ACCUSE") if t == "Chili"]


def test_the_state_a_body_belongs_to_is_not_the_country(nlp, lex):
    text = LEAD + "Des religieuses ont manifesté contre la cour suprême de l'État samedi."
    events = _events(nlp, lex, text, [["Chili", "LOC"]])
    assert not [t for _, t in _typed(events, "PROTEST") if t == "Chili"]


def test_a_bare_government_acts_for_the_article_s_country(nlp, lex):
    for phrase in ("Le gouvernement", "L'exécutif"):
        text = LEAD + f"{phrase} a fait arrêter Marc Dubois jeudi."
        events = _events(nlp, lex, text, [["Chili", "LOC"], ["Marc Dubois", "PER"]])
        assert any(src == "Chili" for src, _ in _typed(events, "COERCE")), (phrase, [(e.type, e.source, e.rule) for e in events])


def test_a_government_with_an_adjective_or_a_named_government_body_is_not_the_country(nlp, lex):
    text = LEAD + "Le gouvernement fédéral a fait arrêter Marc Dubois jeudi."
    events = _events(nlp, lex, text, [["Chili", "LOC"], ["Marc Dubois", "PER"]])
    assert not [s for s, _ in _typed(events, "COERCE") if s == "Chili"]
    text = ("Le Gouvernement Varga II traverse une crise au Chili. Au Chili, les hôpitaux manquent de lits. "
            "Le gouvernement a fait arrêter Marc Dubois jeudi.")
    events = _events(nlp, lex, text, [["Chili", "LOC"], ["Gouvernement Varga II", "ORG"], ["Marc Dubois", "PER"]])
    assert not [s for s, _ in _typed(events, "COERCE") if s == "Chili"]
