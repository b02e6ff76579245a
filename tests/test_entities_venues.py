"""A venue named after a person (issue 16, entities19): the venue is the mention, never the person
it honours; invented sentences with invented people, over the shipped KB."""

from __future__ import annotations

from conftest import entity_types as names
from veille.common.lexicon import rows


def test_a_stadium_or_a_station_after_its_lower_case_noun_is_a_place(nlp, entity_stage):
    found = names(nlp, entity_stage, "Le match s'est joué au stade Marcel Davrin devant 3 000 spectateurs. "
                                     "Jean Varin est arrivé à la gare Lucien Marlet hier.")
    assert found.get("Stade Marcel Davrin") == "LOC"
    assert found.get("Gare Lucien Marlet") == "LOC"
    assert "Marcel Davrin" not in found
    assert "Lucien Marlet" not in found
    assert found.get("Jean Varin") == "PER"


def test_a_gallery_named_after_a_person_is_an_organisation_with_or_without_its_capital(nlp, entity_stage):
    found = names(nlp, entity_stage, "L'exposition se tient à la galerie Paul Verin jusqu'en mars. "
                                     "La Galerie Paul Verin ouvre aussi le lundi.")
    assert found.get("Galerie Paul Verin") == "ORG"
    assert "Paul Verin" not in found


def test_a_street_named_after_a_person_is_a_place_a_one_word_street_name_stays_out(nlp, entity_stage):
    found = names(nlp, entity_stage, "Elle a vu Jean Varin rue Broca, près de la rue Paul Arnel.")
    assert found.get("Rue Paul Arnel") == "LOC"
    assert found.get("Jean Varin") == "PER"
    assert not any("Broca" in name for name in found)


def test_a_station_named_after_a_saint_or_a_place_keeps_its_name(nlp, entity_stage):
    found = names(nlp, entity_stage, "Les voyageurs sont bloqués gare Saint-Lazare depuis midi.")
    assert not any(name.startswith("Gare") for name in found)


def test_every_venue_row_has_a_type_and_an_invented_example():
    for row in rows("entities/eponym_venues.tsv", min_columns=3):
        assert row[1] in ("LOC", "ORG")
        assert row[0] in row[2]
