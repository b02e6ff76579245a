"""veille.entities.common_expansions: the spelled-out form of a common acronym is no name."""

from __future__ import annotations

from conftest import entity_types
from veille.entities.common_expansions import initials


def test_initials_leave_small_words_out() -> None:
    assert initials("Indemnité forfaitaire de départ") == "ifd"
    assert initials("Location Longue Durée") == "lld"


def test_the_expansion_before_its_acronym_is_no_organisation(nlp, entity_stage) -> None:
    types = entity_types(nlp, entity_stage,
                         "Paul Varlin a choisi une Location Longue Durée (LLD) pour la voiture de sa mairie à Valmont.")
    assert types == {"Paul Varlin": "PER", "Valmont": "LOC"}
