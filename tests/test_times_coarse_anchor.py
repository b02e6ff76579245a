"""Times: a count finer than the date it follows ("en 2019 … trois mois plus tard") starts from
that year or month, not from the article's date nor from an older day (issue 12, times15). The
unknown part is written with TimeML's X placeholders at the expression's granularity."""

from __future__ import annotations

import pytest

from conftest import time_values
from veille.times.coarse_anchor import shift_from_coarse

WEDNESDAY = "2025-06-18"


@pytest.mark.parametrize("text, expr, value", [
    ("En 2019, Lise Moreau a fondé sa société. Trois mois plus tard, elle a embauché.",
     "Trois mois plus tard", "2019-XX"),
    ("En 2019, Lise Moreau a fondé sa société. Six mois plus tôt, elle avait échoué.",
     "Six mois plus tôt", "2019-XX"),
    ("En 2019, Lise Moreau a fondé sa société. Deux semaines plus tard, elle a embauché.",
     "Deux semaines plus tard", "2019-WXX"),
    ("En mai 2019, Lise Moreau a fondé sa société. Dix jours plus tard, elle a embauché.",
     "Dix jours plus tard", "2019-05-XX"),
    # the year named last wins over an older day
    ("Le 3 mars 2017, Paul Brun est arrivé. En 2019, il a ouvert un café. Trois mois plus tard, "
     "il l'a vendu.", "Trois mois plus tard", "2019-XX"),
    # unchanged: a count at the anchor's own precision or coarser, a day anchor
    ("En 2019, Lise Moreau a fondé sa société. Deux ans plus tard, elle l'a vendue.",
     "Deux ans plus tard", "2021"),
    ("En mai 2019, Lise Moreau a fondé sa société. Trois mois plus tard, elle l'a vendue.",
     "Trois mois plus tard", "2019-08"),
    ("Le 12 mars 2019, Paul Brun est arrivé à Gray. Deux semaines plus tard, il a signé.",
     "Deux semaines plus tard", "2019-W13"),
])
def test_count_after_a_coarse_date(time_stage, nlp, text: str, expr: str, value: str) -> None:
    got = time_values(nlp, time_stage, text, WEDNESDAY)
    assert got[expr] == ("DATE", value)


def test_shift_from_coarse_moves_whole_units() -> None:
    assert shift_from_coarse(2019, None, 15, "M") == "2020-XX"
    assert shift_from_coarse(2019, None, -6, "M") == "2019-XX"
    assert shift_from_coarse(2019, (2019, 12), 40, "D") == "2020-01-XX"
    assert shift_from_coarse(2019, (2019, 5), 2, "Y") is None
    assert shift_from_coarse(None, None, 3, "M") is None
