"""A party's name fused with a person's name after a partisan role noun (issue 16: fused "party +
person" spans split). Sentences and names are invented."""

from __future__ import annotations

from conftest import entity_types
from veille.entities.parties import party_split


def test_the_party_and_the_person_are_two_names(nlp, entity_stage):
    types = entity_types(nlp, entity_stage, "Le député Renaissance Paul Varenne a voté contre le texte.")
    assert types.get("Renaissance") == "ORG"
    assert types.get("Paul Varenne") == "PER"


def test_no_role_noun_before_no_split(nlp, entity_stage):
    doc = nlp("Hier, Renaissance Paul Varenne est un nom de scène.")
    ent = doc[2:5]
    assert [(p.text, label) for p, label in party_split(entity_stage.res, ent, "PER")] == [(ent.text, "PER")]


def test_a_role_complement_is_not_a_party(nlp, entity_stage):
    types = entity_types(nlp, entity_stage, "Le ministre du Travail, Paul Varenne, a parlé lundi.")
    assert types.get("Paul Varenne") == "PER"
    assert "Travail" not in types


def test_a_party_before_the_surname_alone_is_split_off(nlp, entity_stage):
    types = entity_types(nlp, entity_stage, "Le député Paul Varenne a voté contre. Le député LFI Varenne a ensuite parlé.")
    assert types.get("LFI") == "ORG"
    assert types.get("Paul Varenne") == "PER"
    assert "LFI Varenne" not in types


def test_a_union_before_the_surname_alone_is_split_off(nlp, entity_stage):
    types = entity_types(nlp, entity_stage,
                         "Le patron du Medef Julien Lintel a salué la mesure. Le Medef Lintel reste prudent.")
    assert types.get("Medef") == "ORG"
    assert types.get("Julien Lintel") == "PER"
    assert "Medef Lintel" not in types


def test_a_party_word_before_a_name_never_written_in_full_stays(nlp, entity_stage):
    types = entity_types(nlp, entity_stage, "L'organisation Renaissance Numérique a publié un rapport sur le climat.")
    assert "Numérique" not in types
