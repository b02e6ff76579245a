"""Regular first-person plural verbs opening a sentence are no names (``entities/exhortations.py``,
``lexicons/entities/exhortation_endings.tsv``). Invented sentences."""

from __future__ import annotations

from test_entities import by_name, run_with_ents
from veille.entities.exhortations import ExhortationForms
from veille.entities.non_names import not_a_name


def test_the_first_person_plural_of_a_known_verb_is_a_verb_form():
    forms = ExhortationForms(frozenset({"avancer", "manger", "commencer", "parler", "roder"}))
    assert "avançons" in forms and "mangeons" in forms and "commençons" in forms
    assert "parlons-en" in forms  # the clitic hyphenated after the imperative
    assert "rodez" not in forms  # a second person plural reads as a place too often: not read
    assert "lyons" not in forms and "simmons" not in forms  # no verb "lyer", "simmer" in the list
    assert "glisson" not in forms and "-ons" not in forms


def test_a_given_name_is_never_a_verb_form():
    forms = ExhortationForms(frozenset({"simoner"}), names=frozenset({"simonons"}))
    assert "simonons" not in forms


def test_irregular_forms_are_asked_first():
    forms = ExhortationForms(frozenset(), irregular=frozenset({"soyons"}))
    assert "soyons" in forms


def test_the_stage_reads_regular_exhortations_opening_a_sentence(full_stage):
    verbs = full_stage.res.verb_forms
    assert "proposons" in verbs and "avançons" in verbs and "parlons-en" in verbs
    assert "rodez" not in verbs and "lisieux" not in verbs
    text = "Le budget est voté. Proposons donc le dialogue, écrit Léa Morvan."
    start = text.index("Proposons")
    assert not_a_name(text, start, start + len("Proposons"), "Proposons", "LOC", verbs)
    inside = "Le club des Avançons gagne."  # inside a sentence: left to the other rules
    at = inside.index("Avançons")
    assert not not_a_name(inside, at, at + len("Avançons"), "Avançons", "ORG", verbs)


def test_in_the_stage_the_exhortation_is_dropped_and_the_person_kept(nlp, full_stage):
    text = "Le maire a parlé. Rassurons les parents, a lancé Léa Morvan à Valdorge."
    art = run_with_ents(nlp, full_stage, text, [("Rassurons", "PER"), ("Léa Morvan", "PER")])
    names = by_name(art)
    assert "Rassurons" not in names and "Léa Morvan" in names
