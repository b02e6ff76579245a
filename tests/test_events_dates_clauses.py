"""veille.events.attributes.governing_time: a clause with no time of its own takes the time of the
clause it hangs on, one or two clauses up (invented sentences and people)."""

from __future__ import annotations

from events_support import first_event

PEOPLE = [["Léon Barrat", "PER"], ["Paul Morin", "PER"], ["Lyon", "LOC"], ["Vernoux", "LOC"]]
MONDAY = [["lundi", "2025-03-03"]]
SATURDAY = [["samedi", "2025-03-01"]]


def _date(nlp, lex, text: str, times: list, etype: str = "ASSAULT") -> str | None:
    return first_event(nlp, lex, text, PEOPLE, etype, times).date


def test_a_when_clause_under_a_relative_takes_the_time_two_clauses_up(nlp, lex):
    text = ("Léon Barrat se rendait lundi au gymnase de Vernoux, où il entraînait des jeunes, "
            "lorsque deux hommes ont attaqué Paul Morin.")
    assert _date(nlp, lex, text, MONDAY) == "2025-03-03"


def test_an_after_that_clause_with_a_finite_verb_takes_its_main_clause_time(nlp, lex):
    text = "Le dépôt de Vernoux a fermé samedi après que deux hommes ont attaqué Paul Morin."
    assert _date(nlp, lex, text, SATURDAY) == "2025-03-01"


def test_an_after_clause_with_an_infinitive_still_takes_no_date(nlp, lex):
    text = "Paul Morin a été hospitalisé lundi après avoir été frappé par Léon Barrat."
    assert _date(nlp, lex, text, MONDAY) is None


def test_a_reported_when_clause_takes_the_time_of_the_reported_clause(nlp, lex):
    text = "Léon Barrat se rendait lundi à Lyon lorsque deux hommes ont frappé Paul Morin, a indiqué la police."
    assert _date(nlp, lex, text, MONDAY) == "2025-03-03"


def test_a_before_clause_under_a_relative_takes_the_main_clause_time(nlp, lex):
    text = "Paul Morin a été blessé lundi par un homme qui a frappé Léon Barrat avant d'être arrêté par la police."
    assert _date(nlp, lex, text, MONDAY, "COERCE") == "2025-03-03"


def test_an_event_of_a_relative_clause_keeps_no_date_of_its_main_clause(nlp, lex):
    text = "Paul Morin, qui a attaqué Léon Barrat, a été arrêté lundi."
    assert _date(nlp, lex, text, MONDAY) is None


def test_a_clause_with_its_own_time_keeps_it(nlp, lex):
    text = "Léon Barrat se rendait lundi à Lyon lorsque deux hommes ont attaqué mardi Paul Morin."
    times = [["lundi", "2025-03-03"], ["mardi", "2025-03-04"]]
    assert _date(nlp, lex, text, times) == "2025-03-04"
