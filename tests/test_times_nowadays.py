"""veille.times.nowadays: "aujourd'hui" on what someone or something is now is PRESENT_REF, not the day."""

from __future__ import annotations

from conftest import time_values


def test_a_present_state_and_a_state_that_no_longer_holds(nlp, time_stage) -> None:
    assert time_values(nlp, time_stage, "La ferme de Léa Roy est aujourd'hui un musée.", "2024-03-14") == {
        "aujourd'hui": ("TIME", "PRESENT_REF")}
    assert time_values(nlp, time_stage, "Aujourd'hui, la ferme ne vend plus de lait.", "2024-03-14") == {
        "Aujourd'hui": ("TIME", "PRESENT_REF")}


def test_the_day_of_an_act_stays_the_day(nlp, time_stage) -> None:
    assert time_values(nlp, time_stage, "Le maire a parlé aujourd'hui à Valmorin.", "2024-03-14") == {
        "aujourd'hui": ("DATE", "2024-03-14")}
