"""A town opening the sentence after "À"/"En"/"Dans" and a comma ("À Valmont, le photographe …")
is the setting of the sentence, not a person the apposition after the comma describes; a noun of
person that introduces the next name ("…, le photographe Jean Dupré") describes that name
(invented sentences; ``entities/appositions.py``)."""

from __future__ import annotations

from conftest import entity_types
from veille.entities.appositions import fronted_place, person_apposed_after


def _tok(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


def test_a_town_opening_the_sentence_is_the_setting(nlp):
    assert fronted_place(_tok(nlp, "À Valmont, le photographe expose ses images.", "Valmont"))
    assert fronted_place(_tok(nlp, "La foire s'achève. En Valdorie, la saison commence.", "Valdorie"))
    assert not fronted_place(_tok(nlp, "Nous avons parlé à Lina, étudiante en droit.", "Lina"))
    assert not fronted_place(_tok(nlp, "À Valmont le marché est fermé.", "Valmont"))


def test_a_person_noun_before_a_name_describes_that_name(nlp):
    assert not person_apposed_after(_tok(nlp, "Ils ont vu Valmont, le photographe Jean Dupré.", "Valmont"))
    assert person_apposed_after(_tok(nlp, "Ils ont vu Lina, étudiante en droit, hier.", "Lina"))


def test_the_stage_keeps_the_town_a_place_and_the_student_a_person(nlp, full_stage):
    types = entity_types(nlp, full_stage, "À Valmont, le photographe expose ses images depuis mai.")
    assert types.get("Valmont") == "LOC"
    assert entity_types(nlp, full_stage, "Nous avons parlé à Lina, étudiante en droit.").get("Lina") == "PER"
