"""veille.entities.idioms: a name inside an idiom ("le talon d'Achille") names no one."""

from __future__ import annotations

from conftest import entity_types
from veille.entities.idioms import idiom_spans


def test_idioms_are_found_in_the_folded_text() -> None:
    text = "la defense est le talon d'achille de l'equipe"
    assert [text[a:b] for a, b in idiom_spans(text)] == ["talon d'achille"]
    assert idiom_spans("le talon de la chaussure") == []


def test_the_name_in_the_idiom_is_no_entity(nlp, entity_stage) -> None:
    types = entity_types(nlp, entity_stage, "La défense est le talon d'Achille de l'équipe, a dit Paul Varlin.")
    assert "Achille" not in types and types.get("Paul Varlin") == "PER"
