"""Times: "il y a trois ans" is the DURATION of the amount, "il y a" its signal (issue 12, times20),
and still a past that "aujourd'hui" is set against (``veille.times.ago``). Invented sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from times_helpers import finder
from veille.model import TimeExpr
from veille.times.ago import ago_year

THURSDAY = "2023-09-21"


found = finder(THURSDAY)


@pytest.mark.parametrize(("text", "amount", "value", "year"), [
    ("Il y a 3 ans, Paul Brun", "3 ans", "P3Y", 2020),
    ("Il y a six mois, Paul Brun", "six mois", "P6M", 2023),
    ("Il y a dix mois, Paul Brun", "dix mois", "P10M", 2022),
    ("Il y a de cela deux semaines, Paul Brun", "deux semaines", "P2W", 2023),
    ("Voilà 300 jours, Paul Brun", "300 jours", "P300D", 2022),
])
def test_the_year_an_amount_after_il_y_a_starts_in(text, amount, value, year):
    start = text.index(amount)
    t = TimeExpr(text=amount, value=value, start=start, end=start + len(amount), type="DURATION")
    assert ago_year(text, t, dt.date(2023, 9, 21)) == year


def test_a_length_without_il_y_a_has_no_start():
    text = "Le chantier de Paul Brun a duré trois ans."
    t = TimeExpr(text="trois ans", value="P3Y", start=text.index("trois"), end=text.index("trois") + 9,
                 type="DURATION")
    assert ago_year(text, t, dt.date(2023, 9, 21)) is None


def test_today_set_against_il_y_a_is_nowadays(time_stage, nlp):
    got = found(time_stage, nlp, "Il y a 3 ans, la cave de Léa Roy ouvrait à Lure. Aujourd'hui, elle emploie dix "
                "personnes.")
    assert got == {"3 ans": ("DURATION", "P3Y"), "Aujourd'hui": ("TIME", "PRESENT_REF")}
    got = found(time_stage, nlp, "Aujourd'hui, Lure compte 1 200 habitants, contre 800 il y a dix ans.")
    assert got["Aujourd'hui"] == ("TIME", "PRESENT_REF")
    # Three days back is this year: the article's day.
    got = found(time_stage, nlp, "Il y a trois jours, Paul Brun est parti de Gray. Aujourd'hui, il revient.")
    assert got["Aujourd'hui"] == ("DATE", THURSDAY)
