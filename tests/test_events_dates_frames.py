"""veille.events.date_frames: a past infinitive is not dated by the verb it hangs on; a participle
qualifying the frame of an act dates the act (invented sentences and people)."""

from __future__ import annotations

from events_support import first_event

PEOPLE = [["Léon Barrat", "PER"], ["Paul Morin", "PER"], ["Lyon", "LOC"]]
MONDAY = [["lundi", "2025-03-03"]]


def _date(nlp, lex, text: str, etype: str, times: list = MONDAY) -> str | None:
    return first_event(nlp, lex, text, PEOPLE, etype, times).date


def test_a_past_infinitive_is_not_dated_by_the_verdict(nlp, lex):
    text = "Cinq hommes ont été déclarés coupables lundi d'avoir violé une détenue à Lyon."
    assert _date(nlp, lex, text, "ASSAULT") is None


def test_a_past_infinitive_after_pour_is_not_dated_by_the_sentence(nlp, lex):
    text = "Un entraîneur a été condamné lundi à Lyon à dix ans de prison pour avoir violé une joueuse."
    assert _date(nlp, lex, text, "ASSAULT") is None


def test_a_past_infinitive_keeps_a_time_of_its_own(nlp, lex):
    times = [["lundi", "2025-03-03"], ["le 2 janvier", "2025-01-02"]]
    text = "Léon Barrat a été reconnu coupable lundi d'avoir frappé Paul Morin le 2 janvier."
    assert _date(nlp, lex, text, "ASSAULT", times) == "2025-01-02"


def test_the_day_of_the_report_an_act_is_told_in_dates_it(nlp, lex):
    times = [["en 2021", "2021"]]
    text = "Dans un rapport publié en 2021, Léon Barrat accusait Paul Morin de corruption."
    assert _date(nlp, lex, text, "ACCUSE", times) == "2021"
