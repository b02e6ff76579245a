"""veille.events.places: a place named at the end of a longer locative chain (invented sentences)."""

from __future__ import annotations

import pytest

from events_support import code
from veille.events import RECORDED_MODES, load_lexicon

PLACES = [["Paul Morin", "PER"], ["Léon Barrat", "PER"], ["Verdanie", "LOC"], ["Port-Lune", "LOC"],
          ["mer d'Ambre", "LOC"], ["Val-Brume", "LOC"], ["Grenoble", "LOC"]]


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _placed(nlp, lex, text: str, etype: str) -> str | None:
    case = {"text": text, "entities": PLACES, "published": "2025-03-05"}
    return next(e for e in code(case, nlp, lex, modes=RECORDED_MODES) if e.type == etype).place


def test_a_place_preposition_as_a_link_of_the_chain(nlp, lex):
    text = "Un cargo a été attaqué par un drone au large des côtes verdaniennes en mer d'Ambre."
    assert _placed(nlp, lex, text, "ASSAULT") == "mer d'Ambre"


def test_the_place_completing_a_noun_of_occasion(nlp, lex):
    text = "Lors du sommet de Port-Lune, Paul Morin a rencontré Léon Barrat."
    assert _placed(nlp, lex, text, "CONSULT") == "Port-Lune"


def test_a_name_right_after_a_noun_of_place(nlp, lex):
    text = "Paul Morin a été arrêté dans la région Val-Brume par des gendarmes."
    assert _placed(nlp, lex, text, "COERCE") == "Val-Brume"


def test_a_name_completing_a_noun_that_is_no_occasion_stays_out(nlp, lex):
    text = "Paul Morin a critiqué le maire de Grenoble."
    assert _placed(nlp, lex, text, "ACCUSE") is None


def test_a_building_of_a_town(nlp, lex):
    text = "Paul Morin a été arrêté dans un hôtel de Grenoble."
    assert _placed(nlp, lex, text, "COERCE") == "Grenoble"
