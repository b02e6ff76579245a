"""veille.events.held_things: arrest verbs tell an arrest only of people, not of a thing stopped."""

from __future__ import annotations

from events_support import code
from veille.events.held_things import HELD_THINGS, HELD_VERBS


def test_a_lesson_retained_is_no_custody(nlp, lex) -> None:
    assert {"arrêter", "retenir"} <= HELD_VERBS and HELD_THINGS
    assert code({"text": "Paul Durand a retenu la leçon de Léa Tamar.",
                 "entities": [["Paul Durand", "PER"], ["Léa Tamar", "PER"]]}, nlp, lex) == []


def test_a_person_arrested_is_coerced(nlp, lex) -> None:
    found = code({"text": "La police a arrêté Paul Durand à Montvert.",
                  "entities": [["Paul Durand", "PER"], ["Montvert", "LOC"]]}, nlp, lex)
    assert [(e.type, e.target) for e in found] == [("COERCE", "Paul Durand")]
