"""veille.entities.businesses: a business named after its head noun ("l'Auberge de X") is an organisation."""

from __future__ import annotations

from conftest import entity_types
from veille.entities.businesses import business_head_before, business_name


def test_an_inn_is_an_organisation_not_its_place(nlp, entity_stage) -> None:
    assert callable(business_name) and callable(business_head_before)
    types = entity_types(nlp, entity_stage, "Le chef a déjeuné à l'Auberge de Val-Fleuri avec Paul Varlin.")
    assert types == {"Auberge de Val-Fleuri": "ORG", "Paul Varlin": "PER"}
