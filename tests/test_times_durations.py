"""veille.times.durations: the duration and set parts of the values ("trois jours et demi", "tous les jours")."""

from __future__ import annotations

from conftest import time_values


def test_a_duration_with_a_half_and_a_daily_set(nlp, time_stage) -> None:
    assert time_values(nlp, time_stage, "La grève a duré trois jours et demi.", "2024-03-14") == {
        "trois jours et demi": ("DURATION", "PT84H")}
    found = time_values(nlp, time_stage, "La boutique de Léa Roy est ouverte tous les jours de 8 h à 21 h.", "2024-03-14")
    assert found["tous les jours"] == ("SET", "P1D")
