"""Event false alarms on real sentences (issue 13, helper evprec2): acts typed by the wrong class and
event words used in another sense. Every sentence and name is invented."""

from __future__ import annotations

from events_support import code
from lexicon_checks import named_case

NAMES = [["Paul Vidal", "PER"], ["Léa Tamar", "PER"], ["Horizon Bleu", "ORG"], ["Montvert", "LOC"]]


def _events(nlp, lex, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source, e.target) for e in code(named_case(text, NAMES), nlp, lex)]


def test_an_abduction_is_an_assault_not_an_arrest(nlp, lex):
    for text in ("Des hommes armés ont enlevé le journaliste Paul Vidal à Montvert.",
                 "Léa Tamar a été séquestrée pendant deux semaines par ses ravisseurs."):
        types = {t for t, _, _ in _events(nlp, lex, text)}
        assert "ASSAULT" in types and "COERCE" not in types, (text, types)


def test_an_arrest_stays_coercion(nlp, lex):
    types = {t for t, _, _ in _events(nlp, lex, "La police de Montvert a arrêté Paul Vidal mardi.")}
    assert "COERCE" in types, types


def test_a_verb_of_arrest_said_of_a_thing_is_no_arrest(nlp, lex):
    for text in ("Faute de commandes, la fabrication des moteurs de Montvert a été stoppée puis arrêtée l'an dernier.",
                 "Le monopole du transport était détenu par Horizon Bleu.",
                 "Les deux faits retenus contre Paul Vidal sont graves.",
                 "Comment appréhender la question de l'eau à Montvert ?",
                 "Ça l'interpelle, confie Léa Tamar."):
        types = {t for t, _, _ in _events(nlp, lex, text)}
        assert "COERCE" not in types, (text, types)


def test_a_person_held_keeps_the_arrest(nlp, lex):
    for text in ("Paul Vidal a été interpellé mardi à Montvert par la police.",
                 "Les deux suspects qui ont été arrêtés dimanche seront jugés à Montvert."):
        types = {t for t, _, _ in _events(nlp, lex, text)}
        assert "COERCE" in types, (text, types)


def test_a_trip_to_an_ordinary_place_is_no_meeting(nlp, lex):
    for text in ("Les gendarmes se sont rendus au domicile du suspect mardi.",
                 "Chaque mois, le retraité Paul Vidal se rend à la mairie pour ses papiers."):
        types = {t for t, _, _ in _events(nlp, lex, text)}
        assert "CONSULT" not in types, (text, types)


def test_a_visit_to_a_named_place_or_a_summit_stays_a_meeting(nlp, lex):
    for text in ("Léa Tamar s'est rendue mardi à Montvert pour rencontrer le maire.",
                 "Le ministre Paul Vidal se rendra au sommet de l'Otan."):
        types = {t for t, _, _ in _events(nlp, lex, text)}
        assert "CONSULT" in types, (text, types)


def test_an_act_in_a_present_clause_of_time_is_a_habit(nlp, lex):
    for text in ("Le syndicat proteste lorsqu'un patron maltraite le personnel, a dit Paul Vidal.",
                 "Quand des gardes tirent sur des passants, personne ne réagit, écrit Léa Tamar."):
        types = {t for t, _, _ in _events(nlp, lex, text)}
        assert "ASSAULT" not in types, (text, types)


def test_an_act_in_a_past_clause_of_time_stays(nlp, lex):
    text = "Paul Vidal sortait de chez lui lorsque deux hommes armés l'ont abattu à Montvert."
    assert "ASSAULT" in {t for t, _, _ in _events(nlp, lex, text)}
