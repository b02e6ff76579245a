"""veille.events.places.seat_city: a seat of government named as where an act was held gives its
city as the event's place (invented sentences and people)."""

from __future__ import annotations

import pytest

from events_support import first_event

PEOPLE = [["Paul Morin", "PER"], ["Léon Barrat", "PER"]]


def _placed(nlp, lex, text: str, etype: str) -> str | None:
    return first_event(nlp, lex, text, PEOPLE, etype).place


@pytest.mark.parametrize(("text", "city"), [
    ("Paul Morin a reçu Léon Barrat à l'Élysée mardi.", "Paris"),
    ("Paul Morin a rencontré Léon Barrat au Kremlin.", "Moscou"),
    ("Paul Morin a rencontré Léon Barrat à la Maison-Blanche.", "Washington"),
])
def test_a_seat_where_the_act_was_held_gives_its_city(nlp, lex, text, city):
    assert _placed(nlp, lex, text, "CONSULT") == city


def test_a_seat_that_is_not_where_the_act_was_held_gives_no_place(nlp, lex):
    # the seat completes a noun ("le conseiller de l'Élysée"), it does not set the act's place
    text = "Le conseiller de l'Élysée Paul Morin a rencontré Léon Barrat."
    assert _placed(nlp, lex, text, "CONSULT") is None


def test_a_seat_that_felt_the_act_is_not_its_place(nlp, lex):
    text = "La déclaration semble avoir déplu à l'Élysée, puisque Paul Morin a critiqué Léon Barrat."
    assert _placed(nlp, lex, text, "ACCUSE") is None


def test_a_seat_where_a_meeting_named_by_its_noun_is_held(nlp, lex):
    assert _placed(nlp, lex, "Mardi, un conseil de défense se tiendra à l'Élysée.", "CONSULT") == "Paris"
