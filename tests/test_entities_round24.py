"""Entity rules of round 24 (issue 16): a private person named by a given name alone, shown by the
apposition set off by commas after it; invented sentences with invented names, over the shipped KB."""

from __future__ import annotations

from conftest import entity_types as names
from veille.common.lexicon import rows


def test_a_given_name_before_a_membership_apposition_is_a_person(nlp, entity_stage):
    found = names(nlp, entity_stage, "La famille Morvan vit à Lyon. Nicolas, ancien du GIGN, raconte ses années "
                                     "de service.")
    assert found.get("Nicolas") == "PER"
    assert found.get("GIGN") == "ORG"


def test_a_given_name_before_a_possessive_and_a_noun_is_a_person(nlp, entity_stage):
    found = names(nlp, entity_stage, "Les parents sont inquiets. N'empêche, Élie, leur fils de 5 ans, adore "
                                     "déjà le football.")
    assert found.get("Élie") == "PER"


def test_an_unlisted_first_name_before_a_contrasting_pronoun_is_a_person(nlp, entity_stage):
    found = names(nlp, entity_stage, "Sur la place, les familles attendent. Maelwenn, elle, est venue avec ses "
                                     "deux enfants.")
    assert found.get("Maelwenn") == "PER"


def test_a_common_word_or_a_place_before_the_same_apposition_stays_as_it_was(nlp, entity_stage):
    found = names(nlp, entity_stage, "Le matin, la ville dort. Lyon, elle, se réveille tard. Demain, leur "
                                     "voisin passera.")
    assert found.get("Lyon") == "LOC"
    assert "Demain" not in found
    assert "Le matin" not in found


def test_every_opener_row_has_a_kind_and_an_invented_example_that_uses_it():
    for word, kind, example in rows("entities/apposed_person_openers.tsv", min_columns=3):
        assert kind in ("pronoun", "possessive", "member")
        assert f", {word} " in example or f", {word}," in example
