"""veille.entities.branches: "un Café X de Town" is the organisation and the town, not one name."""

from __future__ import annotations

from conftest import entity_types


def test_a_local_branch_is_split_from_its_town(nlp, entity_stage) -> None:
    types = entity_types(nlp, entity_stage,
                         "Le Café Lumo a ouvert une boutique. Un Café Lumo de Varennes a fermé mardi.")
    assert types == {"Café Lumo": "ORG", "Varennes": "LOC"}
