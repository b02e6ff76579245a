"""veille.events.errands: "se rendre" to an ordinary place is a trip, to a party or a meeting a visit."""

from __future__ import annotations

from events_support import code
from veille.events.errands import VISIT_NOUNS

PEOPLE = [["Paul Durand", "PER"], ["Léa Tamar", "PER"], ["Montvert", "LOC"]]


def test_a_trip_to_a_home_is_no_meeting(nlp, lex) -> None:
    assert VISIT_NOUNS
    trip = {"text": "Le juge Paul Durand s'est rendu au domicile du suspect.", "entities": PEOPLE}
    assert code(trip, nlp, lex) == []


def test_going_to_meet_someone_is_a_visit(nlp, lex) -> None:
    visit = {"text": "Le ministre Paul Durand s'est rendu à Montvert pour rencontrer Léa Tamar.", "entities": PEOPLE}
    assert [(e.type, e.source, e.target) for e in code(visit, nlp, lex)] == [("CONSULT", "Paul Durand", "Léa Tamar")]
