"""veille.events.places.addressee: a place name that is a party to the event is not its place
(invented sentences)."""

from __future__ import annotations

from events_support import code

ENTS = [["Moldavie", "LOC"], ["Paul Vidal", "PER"], ["Comité Valdor", "ORG"]]


def _events(nlp, lex, text):
    return [(e.type, e.source, e.target, e.place) for e in code({"text": text, "entities": ENTS}, nlp, lex)]


def test_the_country_asked_is_no_place(nlp, lex):
    found = _events(nlp, lex, "Le Comité Valdor demande à la Moldavie de sanctionner toute manifestation de haine.")
    request = [e for e in found if e[0] == "REQUEST"]
    assert request and request[0][2] == "Moldavie" and request[0][3] is None


def test_the_country_reproached_is_no_place(nlp, lex):
    found = _events(nlp, lex, "Paul Vidal reproche à la Moldavie son silence.")
    assert ("ACCUSE", "Paul Vidal", "Moldavie", None) in found


def test_a_visited_country_stays_the_place(nlp, lex):
    found = _events(nlp, lex, "Paul Vidal s'est rendu en Moldavie lundi.")
    assert ("CONSULT", "Paul Vidal", "Moldavie", "Moldavie") in found
