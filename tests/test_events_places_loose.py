"""veille.events.places.loose_place: a place hung a few links below the event's word (invented sentences)."""

from __future__ import annotations

from events_support import first_event
from veille.events.places import LOOSE_HOPS

PLACES = [["Paul Morin", "PER"], ["Léon Barrat", "PER"], ["Verdanie", "LOC"], ["Port-Lune", "LOC"]]


def _placed(nlp, lex, text: str, etype: str) -> str | None:
    return first_event(nlp, lex, text, PLACES, etype).place


def test_a_place_hung_on_the_verb_s_object(nlp, lex):
    text = "L'envoyé spécial Paul Morin discute avec tous les acteurs clés en Verdanie de la voie à suivre."
    assert _placed(nlp, lex, text, "CONSULT") == "Verdanie"


def test_a_place_after_an_adverb_phrase(nlp, lex):
    text = "Des centaines de manifestants ont défilé avec des banderoles un peu partout en Verdanie."
    assert _placed(nlp, lex, text, "PROTEST") == "Verdanie"


def test_no_place_from_a_relative_clause(nlp, lex):
    text = "Paul Morin a rencontré Léon Barrat, qui avait longtemps vécu en Verdanie."
    assert _placed(nlp, lex, text, "CONSULT") is None


def test_the_reach_stays_short():
    assert LOOSE_HOPS == 2
