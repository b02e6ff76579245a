"""Times: DATE and TIME expressions anchored on the text (issue 12), each on invented sentences."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veille.model import Article
from veille.pipeline import Context
from veille.times import TimeStage

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]
# 2023-05-16 is a Tuesday.
TUESDAY = "2023-05-16"


@pytest.fixture(scope="module")
def stage(nlp):
    return TimeStage(Context(nlp=nlp))


def times(stage, nlp, text: str, published: str | None = TUESDAY) -> dict[str, tuple[str, str | None]]:
    art = Article(id="t", paragraphs=[text], published=published)
    stage(art, nlp(art.nlp_text()), None)
    return {t.text: (t.type, t.value) for t in art.times}


def test_vers_belongs_to_a_clock_time_with_a_day_or_a_zone(stage, nlp):
    got = times(stage, nlp, "Les pompiers sont arrivés vers 15 h 30, hier. L'avion de Jules Barra s'est "
                "posé vers 12 h 30 heures locales.")
    assert got["vers 15 h 30, hier"] == ("TIME", "2023-05-15T15:30")
    assert got["vers 12 h 30 heures locales"][0] == "TIME"


def test_a_plain_clock_time_leaves_vers_out(stage, nlp):
    got = times(stage, nlp, "Le feu a pris vers 22 h dans la grange de Lucie Ferrat.")
    assert got == {"22 h": ("TIME", "2023-05-16T22:00")}


def test_ce_meme_weekday_is_the_day_just_named(stage, nlp):
    got = times(stage, nlp, "La foire ouvrira lundi 22 mai. Ce même lundi, le maire Hugo Brun inaugurera "
                "le pont; ce même lundi après-midi, un bal sera donné.")
    assert got["Ce même lundi"] == ("DATE", "2023-05-22")
    assert got["ce même lundi après-midi"] == ("TIME", "2023-05-22TAF")


def test_part_of_a_named_date(stage, nlp):
    got = times(stage, nlp, "Le 3 mai au soir, Jeanne Morel a quitté Nancy. Le matin du 5 mai, elle était "
                "à Lille; le vol a eu lieu dans la nuit du 7 au 8 mai.")
    assert got["Le 3 mai au soir"] == ("TIME", "2023-05-03TEV")
    assert got["Le matin du 5 mai"] == ("TIME", "2023-05-05TMO")
    assert got["la nuit du 7 au 8 mai"] == ("TIME", "2023-05-07TNI")


def test_part_of_yesterday_as_one_expression(stage, nlp):
    got = times(stage, nlp, "Dans la matinée d'hier, Marc Olivier a porté plainte.")
    assert got == {"la matinée d'hier": ("TIME", "2023-05-15TMO")}


def test_midday(stage, nlp):
    got = times(stage, nlp, "Les cours de la Bourse ont remonté à la mi-journée.")
    assert got == {"la mi-journée": ("TIME", "2023-05-16TMI")}


def test_season_pairs_are_generic(stage, nlp):
    got = times(stage, nlp, "Été comme hiver, Paul Vernet ouvre sa boutique.")
    assert got == {"Été": ("DATE", "XXXX-SU"), "hiver": ("DATE", "XXXX-WI")}


def test_same_period_of_the_year_just_named(stage, nlp):
    got = times(stage, nlp, "Les ventes ont baissé par rapport à l'an dernier à la même époque.")
    assert got["la même époque"] == ("DATE", "2022-05")


def test_same_year_follows_a_bare_year(stage, nlp):
    got = times(stage, nlp, "Anne Riou est partie en 1987; la même année, elle s'est mariée.")
    assert got["la même année"] == ("DATE", "1987")


def test_plural_prochains_after_two_days(stage, nlp):
    got = times(stage, nlp, "Les habitants voteront les 6 et 13 juin prochains.")
    assert got["13 juin prochains"] == ("DATE", "2023-06-13")


def test_two_digit_year_before_a_comma(stage, nlp):
    got = times(stage, nlp, "Il a été élu en 97, puis battu.", "1999-05-20")
    assert got["97"] == ("DATE", "1997")


def test_the_night_ends_on_the_next_day(stage, nlp):
    got = times(stage, nlp, "La grange de Noé Vidal a brûlé dans la nuit de samedi à dimanche.")
    assert got["la nuit de samedi"] == ("TIME", "2023-05-13TNI")
    assert got["dimanche"] == ("DATE", "2023-05-14")


@settings(max_examples=25, deadline=None)
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)),
       st.sampled_from([("au soir", "EV"), ("au matin", "MO")]))
def test_a_date_with_a_part_of_the_day_keeps_the_date(stage, nlp, date, part):
    words, code = part
    day = "1er" if date.day == 1 else str(date.day)
    text = f"Le {day} {MONTHS[date.month - 1]} {date.year} {words}, Rémi Caron a signé."
    got = times(stage, nlp, text)
    assert got[f"Le {day} {MONTHS[date.month - 1]} {date.year} {words}"] == ("TIME", f"{date.isoformat()}T{code}")
