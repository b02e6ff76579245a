"""veille.times.eras: a year counted from an era keeps its digits and takes BC before the era."""

from __future__ import annotations

from conftest import time_values


def test_a_year_before_the_era(nlp, time_stage) -> None:
    found = time_values(nlp, time_stage, "La cité fut fondée en 52 av. J.-C. par des marchands.", "2024-03-14")
    assert found == {"52 av. J.-C.": ("DATE", "BC0052")}
