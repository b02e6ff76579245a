"""veille.events.places: a place named at the end of a longer locative chain (invented sentences)."""

from __future__ import annotations

from events_support import first_event

PLACES = [["Paul Morin", "PER"], ["Léon Barrat", "PER"], ["Verdanie", "LOC"], ["Port-Lune", "LOC"],
          ["mer d'Ambre", "LOC"], ["Val-Brume", "LOC"], ["Grenoble", "LOC"]]


def _placed(nlp, lex, text: str, etype: str) -> str | None:
    return first_event(nlp, lex, text, PLACES, etype).place


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


def test_a_numbered_district_of_a_town(nlp, lex):
    # "arrondissement" in lexicons/events/place_nouns.tsv (issue 13, round 37): the town, not null.
    text = "Paul Morin a été interpellé lundi dans le 4e arrondissement de Grenoble."
    assert _placed(nlp, lex, text, "COERCE") == "Grenoble"
