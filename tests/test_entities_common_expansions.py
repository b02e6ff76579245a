"""veille.entities.common_expansions: the spelled-out form of a common acronym is no name."""

from __future__ import annotations

from conftest import entity_types
from veille.entities.common_expansions import initials


def test_initials_leave_small_words_out() -> None:
    assert initials("Incapacité totale de travail") == "itt"
    assert initials("Location Longue Durée") == "lld"


def test_the_expansion_in_brackets_is_no_organisation(nlp, entity_stage) -> None:
    types = entity_types(nlp, entity_stage,
                         "Il a obtenu six jours d'ITT (Incapacité totale de travail) après la rixe à Valmont.")
    assert types == {"Valmont": "LOC"}
