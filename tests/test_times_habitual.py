"""veille.times.habitual: a clock time of a schedule is read on the article's own day."""

from __future__ import annotations

from conftest import time_values

TEXT = "La boutique de Léa Roy est ouverte tous les jours de 8 h à 21 h."


def test_a_schedule_is_on_the_articles_day(nlp, time_stage) -> None:
    found = time_values(nlp, time_stage, TEXT, "2024-03-14")
    assert (found["8 h"], found["21 h"]) == (("TIME", "2024-03-14T08:00"), ("TIME", "2024-03-14T21:00"))
