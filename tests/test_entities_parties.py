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
