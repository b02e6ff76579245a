"""Times: issue 12 round of helper times14, one invented sentence per case.

- a clock time told with a relative day and its part ("à 23 heures hier soir", "à 10 h demain
  matin", "vers 6 h ce matin"): one TIME on the day the relative word names;
- "depuis maintenant deux ans": the DURATION alone, no PRESENT_REF for "maintenant";
- a present passive that looks ahead ("est attendu à Kiev samedi"): the coming weekday;
- "pendant le week-end", "au cours du week-end" of one event: DATE YYYY-Www-WE by the tense;
- "toute la matinée", "toute la soirée": a part of the day (TIME), not a duration.
"""

from __future__ import annotations

import pytest

from times_helpers import found

# The invented articles are published on Wednesday 2025-06-18 (times_helpers.WEDNESDAY).


@pytest.mark.parametrize("text, expression, value", [
    ("Le feu a pris à 23 heures hier soir dans la grange de Léon Marty.", "23 heures hier soir", "2025-06-17T23:00"),
    ("Le convoi de Brest partira à 10 h demain matin.", "10 h demain matin", "2025-06-19T10:00"),
    ("Les pompiers de Lure sont arrivés vers 6 h ce matin.", "6 h ce matin", "2025-06-18T06:00"),
    ("Le conseil de Gray se réunira à 15 heures cet après-midi.", "15 heures cet après-midi", "2025-06-18T15:00"),
    ("Vers 22 h, hier soir, un feu a pris chez Paul Brun.", "22 h, hier soir", "2025-06-17T22:00"),
])
def test_a_clock_time_with_a_relative_day(time_stage, nlp, text, expression, value):
    assert found(time_stage, nlp, text)[expression] == ("TIME", value)


def test_depuis_maintenant_and_a_duration(time_stage, nlp):
    times = found(time_stage, nlp, "Jean Marlot entraîne le club de Dole depuis maintenant deux ans.")
    assert times == {"deux ans": ("DURATION", "P2Y")}


def test_maintenant_alone_is_still_the_present(time_stage, nlp):
    times = found(time_stage, nlp, "Le club de Dole joue maintenant en deuxième division.")
    assert times["maintenant"] == ("TIME", "PRESENT_REF")


@pytest.mark.parametrize("text, value", [
    ("Le ministre Paul Ferrand est attendu à Kiev samedi.", "2025-06-21"),
    ("Les délégués sont convoqués à Gray lundi.", "2025-06-23"),
    ("Le ministre Paul Ferrand est arrivé à Kiev samedi.", "2025-06-14"),  # a passé composé stays past
])
def test_a_present_passive_that_looks_ahead(time_stage, nlp, text, value):
    times = found(time_stage, nlp, text)
    assert next(v for k, v in times.items() if k in ("samedi", "lundi")) == ("DATE", value)


@pytest.mark.parametrize("text, expression, value", [
    ("Plusieurs cambriolages ont eu lieu pendant le week-end à Vesoul.", "le week-end", "2025-W24-WE"),
    ("La route de Gray sera fermée au cours du week-end.", "week-end", "2025-W25-WE"),
])
def test_the_weekend_of_one_event(time_stage, nlp, text, expression, value):
    assert found(time_stage, nlp, text)[expression] == ("DATE", value)


def test_a_weekend_habit_is_not_one_weekend(time_stage, nlp):
    times = found(time_stage, nlp, "Le musée de Dole ferme pendant le week-end.")
    assert all(not (v[1] or "").startswith("2025-W") for v in times.values())


@pytest.mark.parametrize("text, expression, value", [
    ("Les pompiers de Lure ont lutté toute la matinée contre les flammes.", "toute la matinée", "2025-06-18TMO"),
    ("Hier, la fanfare de Léa Roy a joué toute la soirée place Carnot.", "toute la soirée", "2025-06-17TEV"),
])
def test_a_whole_part_of_the_day(time_stage, nlp, text, expression, value):
    assert found(time_stage, nlp, text)[expression] == ("TIME", value)
