"""veille.entities.eponym_venues: a venue named after a person is the venue, not the person."""

from __future__ import annotations

from conftest import entity_types
from veille.entities.eponym_venues import venue_mention


def test_the_stadium_is_a_place_and_its_namesake_no_person(nlp, entity_stage) -> None:
    assert callable(venue_mention)
    types = entity_types(nlp, entity_stage, "Le match s'est joué au stade Marcel Davrin devant 3 000 spectateurs.")
    assert types == {"Stade Marcel Davrin": "LOC"}
