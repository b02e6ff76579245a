"""veille.events.attributes: date, place and quantities of an event (invented sentences)."""

from __future__ import annotations

import pytest

from events_support import code
from veille.events import RECORDED_MODES, load_lexicon
from veille.events.actors import Actor
from veille.events.attributes import split_targets

ENTITIES = [["Moldavie", "LOC"], ["Géorgie", "LOC"], ["Chisinau", "LOC"], ["Arménie", "LOC"]]


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def test_targets_with_their_own_times_split_into_events(nlp):
    head = nlp("La Moldavie livre lundi des obus à la Géorgie et jeudi à l'Arménie.")[2]
    a, b = Actor("Géorgie", "LOC", 8), Actor("Arménie", "LOC", 13)
    assert split_targets([a, b], [3, 10], head) == [(a, 3), (b, 10)]
    assert split_targets([a, b], [], head) == [(a, None)]  # no times: one event, first target
    assert split_targets([a, b], [3], head) == [(a, None)]  # one time for two targets: one event
    assert split_targets([], [3], head) == [(None, None)]


def test_date_from_the_clause_and_place_from_a_place_preposition(nlp, lex):
    case = {"text": "La Moldavie a signé mardi un accord avec la Géorgie à Chisinau.", "entities": ENTITIES,
            "times": [["mardi", "2025-03-04"]], "published": "2025-03-06"}
    ev = next(e for e in code(case, nlp, lex, modes=RECORDED_MODES) if e.type == "AGREE")
    assert (ev.source, ev.date, ev.place) == ("Moldavie", "2025-03-04", "Chisinau")


def test_a_since_date_is_not_the_event_date(nlp, lex):
    case = {"text": "Depuis mars, la Moldavie coopère avec la Géorgie.", "entities": ENTITIES,
            "times": [["mars", "2025-03"]], "published": "2025-05-06"}
    ev = next(e for e in code(case, nlp, lex, modes=RECORDED_MODES) if e.type == "COOPERATE")
    assert ev.date is None
