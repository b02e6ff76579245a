"""veille.quantities.relations: "entre deux X" names the sides of a relation, not a count."""

from __future__ import annotations

from veille.quantities.relations import relation_sides


def _at(text: str, number: str) -> tuple[str, int, int]:
    start = text.index(number)
    return text, start, start + len(number)


def test_entre_without_a_second_bound_is_a_relation() -> None:
    assert relation_sides(*_at("Un accord entre deux communes voisines a été signé.", "deux"))


def test_a_range_or_a_plain_count_is_no_relation() -> None:
    assert not relation_sides(*_at("Entre deux et trois cyclistes ont chuté.", "deux"))
    assert not relation_sides(*_at("Deux communes voisines ont signé.", "Deux"))
