"""veille.times.ranges: the first end of a range written without its year takes the second's year."""

from __future__ import annotations

from conftest import time_values


def test_the_year_written_once_at_the_end_dates_both_ends(nlp, time_stage) -> None:
    found = time_values(nlp, time_stage, "Le festival s'est tenu du 5 avril au 18 décembre 1984 à Valmorin.",
                        "2024-03-14")
    assert found == {"du 5 avril": ("DATE", "1984-04-05"), "18 décembre 1984": ("DATE", "1984-12-18")}
