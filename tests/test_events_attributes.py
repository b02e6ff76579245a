"""veille.events.attributes: date, place and quantities of an event (invented sentences)."""

from __future__ import annotations

from events_support import code, first_event
from veille.events import RECORDED_MODES
from veille.events.actors import Actor
from veille.events.attributes import split_targets

ENTITIES = [["Moldavie", "LOC"], ["Géorgie", "LOC"], ["Chisinau", "LOC"], ["Arménie", "LOC"]]


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


PEOPLE = [["Léon Barrat", "PER"], ["Paul Morin", "PER"], ["Moldavie", "LOC"], ["Géorgie", "LOC"], ["Lyon", "LOC"]]


def _date_of(nlp, lex, text: str, times: list, etype: str = "ASSAULT") -> str | None:
    return first_event(nlp, lex, text, PEOPLE, etype, times).date


def test_a_when_clause_takes_the_time_of_its_main_clause(nlp, lex):
    text = "Léon Barrat se rendait lundi à Lyon lorsque deux hommes ont attaqué Paul Morin."
    assert _date_of(nlp, lex, text, [["lundi", "2025-03-03"]]) == "2025-03-03"


def test_an_after_clause_keeps_no_date_of_its_main_clause(nlp, lex):
    text = "Paul Morin a été hospitalisé lundi après avoir été frappé par Léon Barrat."
    assert _date_of(nlp, lex, text, [["lundi", "2025-03-03"]]) is None


def test_a_fronted_time_dates_the_coordinated_clause(nlp, lex):
    text = "Lundi, trois manifestants avaient été interpellés et la Moldavie a attaqué la Géorgie."
    assert _date_of(nlp, lex, text, [["Lundi", "2025-03-03"]]) == "2025-03-03"


def test_a_time_inside_a_quotation_does_not_date_the_clause_after_it(nlp, lex):
    text = "« Lundi nous serons prêts », et Léon Barrat a attaqué Paul Morin."
    assert _date_of(nlp, lex, text, [["Lundi", "2025-03-10"]]) != "2025-03-10"


# -- the day an article reports, and whose time a time is (invented sentences) ----------------------

def _dated(nlp, lex, text: str, times: list, etype: str, published: str = "2025-03-05") -> str | None:
    return first_event(nlp, lex, text, PEOPLE, etype, times, published).date


def test_an_undated_news_event_takes_the_day_the_lede_reports_not_the_publication_day(nlp, lex):
    text = "Léon Barrat a rencontré lundi Paul Morin à Lyon. La Moldavie a attaqué la Géorgie."
    assert _dated(nlp, lex, text, [["lundi", "2025-03-03"]], "ASSAULT") == "2025-03-03"


def test_a_piece_whose_lede_opens_on_other_times_dates_no_undated_event(nlp, lex):
    # A feature or a look back: its present is generic, its perfect background.
    text = "En 1998, Léon Barrat était maire de Lyon. La Moldavie a attaqué la Géorgie."
    assert _dated(nlp, lex, text, [["1998", "1998"]], "ASSAULT") is None


def test_a_lede_naming_no_time_is_news_of_the_publication_day(nlp, lex):
    text = "La Moldavie a attaqué la Géorgie."
    assert _dated(nlp, lex, text, [], "ASSAULT") == "2025-03-05"


def test_a_vague_past_or_a_habit_in_the_clause_gives_no_date(nlp, lex):
    text = "Lundi, Léon Barrat est arrivé à Lyon. Ces derniers jours, la Moldavie a attaqué la Géorgie."
    times = [["Lundi", "2025-03-03"], ["Ces derniers jours", "PXD"]]
    assert _dated(nlp, lex, text, times, "ASSAULT") is None


def test_a_time_hung_on_another_participle_does_not_date_the_event(nlp, lex):
    text = ("Mercredi, Léon Barrat est arrivé à Lyon. Paul Morin, invité mardi soir au dîner offert par "
            "le maire, a attaqué Léon Barrat.")
    times = [["Mercredi", "2025-03-05"], ["mardi soir", "2025-03-04TEV"]]
    assert _dated(nlp, lex, text, times, "ASSAULT") == "2025-03-05"


def test_a_time_hung_on_another_noun_does_not_date_the_event(nlp, lex):
    text = "La Moldavie accuse la Géorgie, qu'elle soupçonne depuis l'invasion de l'Arménie en 2008."
    assert _dated(nlp, lex, text, [["2008", "2008"]], "ACCUSE") != "2008"


def test_a_time_on_the_event_frame_noun_dates_it(nlp, lex):
    text = "Lors du procès de Lyon, en 1972, Léon Barrat a accusé Paul Morin de mensonge."
    assert _dated(nlp, lex, text, [["1972", "1972"]], "ACCUSE") == "1972"


PLACES = PEOPLE + [["Manille", "LOC"], ["Hamilton", "LOC"], ["Grenoble", "LOC"]]


def _placed(nlp, lex, text: str, etype: str) -> str | None:
    return first_event(nlp, lex, text, PLACES, etype).place


def test_the_place_ending_a_locative_phrase(nlp, lex):
    text = "Paul Morin a été abattu près de son domicile dans la banlieue de Manille."
    assert _placed(nlp, lex, text, "ASSAULT") == "Manille"


def test_a_relative_where_clause_takes_the_place_before_it(nlp, lex):
    text = "Léon Barrat a été retrouvé à Hamilton, où il a été abattu par des policiers."
    assert _placed(nlp, lex, text, "ASSAULT") == "Hamilton"


def test_a_place_in_the_actors_name_is_not_the_event_place(nlp, lex):
    text = "La police de Grenoble accuse Léon Barrat."
    assert _placed(nlp, lex, text, "ACCUSE") is None


def test_a_time_on_the_medium_of_the_act_dates_it(nlp, lex):
    text = "Léon Barrat a accusé Paul Morin de mensonge dans une note du 3 mars."
    assert _dated(nlp, lex, text, [["3 mars", "2025-03-03"]], "ACCUSE") == "2025-03-03"


def test_last_week_gives_no_day(nlp, lex):
    text = "Lundi, Léon Barrat est arrivé à Lyon. La semaine dernière, la Moldavie a attaqué la Géorgie."
    times = [["Lundi", "2025-03-03"], ["La semaine dernière", "2025-W09"]]
    assert _dated(nlp, lex, text, times, "ASSAULT") is None


def test_a_name_after_a_noun_that_is_no_place_is_not_the_event_place(nlp, lex):
    text = "Paul Morin a été abattu après son élection à la présidence de Manille."
    assert _placed(nlp, lex, text, "ASSAULT") is None
