"""Times: families found by the wide audit of issue 12 (times9), read on pages of many sites outside the
gold (``tools/times/rule_reach.py``), one invented sentence per phenomenon; the people are invented."""

from __future__ import annotations

import pytest

from conftest import time_values

# 2025-06-18 is a Wednesday.
WEDNESDAY = "2025-06-18"


def found(time_stage, nlp, text: str) -> dict[str, tuple[str, str | None]]:
    return time_values(nlp, time_stage, text, WEDNESDAY, article_id="r")


@pytest.mark.parametrize("text", [
    "Odile Marty déteste le lendemain d'un mariage.",  # an event's next day, not a time
    "Odile Marty déteste le lendemain d’une fête.",
    "La veille d'une élection, Basile Roux reste discret.",
    "Au lendemain d'une fête, Basile Roux a dormi.",
])
def test_a_relative_day_anchored_on_an_event_after_d_is_not_marked(time_stage, nlp, text):
    assert found(time_stage, nlp, text) == {}


def test_a_relative_day_followed_by_an_adverb_in_d_stays(time_stage, nlp):
    got = found(time_stage, nlp, "Le 3 mai, Léa Roy est arrivée; le lendemain d'ailleurs, elle repartait.")
    assert got["le lendemain"] == ("DATE", "2025-05-04")
    got = found(time_stage, nlp, "Le 3 mai, Léa Roy est arrivée; la veille, il pleuvait.")
    assert got["la veille"] == ("DATE", "2025-05-02")
