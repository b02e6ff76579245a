"""veille.entities.place_cues: a name NER reads as a person right after "à" is a place."""

from __future__ import annotations

from conftest import entity_types


def test_a_name_after_a_is_a_place(nlp, entity_stage) -> None:
    types = entity_types(nlp, entity_stage, "Paul Varlin est allé à Kermadel hier soir.")
    assert types == {"Paul Varlin": "PER", "Kermadel": "LOC"}
