"""A past participle set after a person's name names that person as its target
(``veille.events.trailing_patient``, issue 13, helper evsrc). Invented sentences and names."""

from __future__ import annotations

from events_support import code
from veille.events import RECORDED_MODES


def _assaults(nlp, lex, text, entities):
    events = code({"text": text, "entities": entities}, nlp, lex, modes=RECORDED_MODES, explain=True)
    return [(e.target, e.rule.split(" target=")[1]) for e in events if e.type == "ASSAULT"]


def test_an_age_between_the_name_and_the_participle_is_passed_over(nlp, lex):
    text = "Des émeutes ont éclaté à Port-Lune après la mort de Karim Lenoir, 19 ans, tué par un gendarme lors d'un contrôle."
    assert _assaults(nlp, lex, text, [["Karim Lenoir", "PER"], ["Port-Lune", "LOC"]]) == [
        ("Karim Lenoir", "trailing-patient")]


def test_a_descriptor_set_off_by_a_comma_is_passed_over(nlp, lex):
    text = "La ville doit verser une indemnité à la famille de Paul Durand, le jeune homme tué par des policiers en mai."
    assert _assaults(nlp, lex, text, [["Paul Durand", "PER"]]) == [("Paul Durand", "trailing-patient")]


def test_a_place_before_the_comma_is_no_patient(nlp, lex):
    # A town bombed is told by its name; only a person named before the comma is taken.
    text = "Des renforts ont été envoyés à Port-Lune, bombardée par des drones dans la nuit."
    assert _assaults(nlp, lex, text, [["Port-Lune", "LOC"]]) == [(None, "none")]


def test_a_participle_with_its_own_subject_is_left_to_the_other_rules(nlp, lex):
    text = "Karim Lenoir, 19 ans, a été tué par un gendarme."
    assert _assaults(nlp, lex, text, [["Karim Lenoir", "PER"]]) == [("Karim Lenoir", "obj")]
