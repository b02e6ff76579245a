"""Times: phenomena of the outside pages (issue 12, helper-times11): the wide audit of the outside
and corpus dev pages and the outside times gold (tests/data/extra_times, bench/extra_times.py).

One invented sentence per phenomenon (people and places invented), read the TimeML way the team's
gold and check set read them.
"""

from __future__ import annotations

from times_helpers import finder

# 2023-05-10 is a Wednesday.
WEDNESDAY = "2023-05-10"


found = finder(WEDNESDAY)


def test_a_counted_span_after_a_preposition_and_les(time_stage, nlp):
    got = found(time_stage, nlp, "Le bail de Léa Roy peut être rompu dans les trois mois.")
    assert got["trois mois"] == ("DURATION", "P3M")
    got = found(time_stage, nlp, "Sur les cinq heures de cours de Paul Roy, deux vont au sport.")
    assert got["cinq heures"] == ("DURATION", "PT5H")
    got = found(time_stage, nlp, "Pendant les deux ans de travaux, la mairie de Lure a fermé.")
    assert got["deux ans"] == ("DURATION", "P2Y")


def test_les_before_a_count_without_a_preposition_of_extent_stays_out(time_stage, nlp):
    assert found(time_stage, nlp, "Le pilote Hugo Tessier courra pendant les 24 Heures du Mans.") == {}
    assert found(time_stage, nlp, "Chez les 18-25 ans de Lure, le chômage baisse.") == {}
    got = found(time_stage, nlp, "Le scrutin de Lure a lieu tous les cinq ans.")
    assert got == {"tous les cinq ans": ("SET", "P5Y")}
