"""veille.entities.feminine_acronyms: "la BAC" is a body, though "bac" is a common noun."""

from __future__ import annotations

from conftest import entity_types
from veille.entities.feminine_acronyms import feminine_body


def test_the_feminine_acronym_names_the_body(nlp, entity_stage) -> None:
    assert callable(feminine_body)
    types = entity_types(nlp, entity_stage, "Deux policiers de la BAC ont interpellé le suspect à Valmont.")
    assert types.get("BAC") == "ORG"
