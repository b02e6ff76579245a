"""Times: every member of a list of decades is a decade ("les années 1930, 1940 et 1950", "les
décennies 1930 et 1960": rules ``decade``, ``decade_second``, ``decade_list_middle`` of
``lexicons/times/rules/date.tsv``), and a year before an adverb or conjunction ending in -s
("en 1968 tandis que") is no count of things (``words_after_year_not_counted`` of
``lexicons/time_expressions.json``), and "un jour après le vote" is one day between two events
(``one_day_between`` of ``lexicons/times/rules/duration.tsv``); issue 12, helper timesrecall. Invented sentences."""

from __future__ import annotations

import pytest

from times_helpers import assert_found, found


def test_a_list_of_three_decades_gives_three_decades(time_stage, nlp):
    got = found(time_stage, nlp, "Les ateliers de Léa Roy ont tourné dans les années 1950, 1960 et 1970.")
    assert_found(got, {"les années 1950": ("DATE", "195X"), "1960": ("DATE", "196X"), "1970": ("DATE", "197X")})


def test_decades_named_by_the_plural_noun(time_stage, nlp):
    got = found(time_stage, nlp, "La ferme de Paul Brun a changé de mains entre les décennies 1930 et 1960.")
    assert_found(got, {"les décennies 1930": ("DATE", "193X"), "1960": ("DATE", "196X")})


def test_a_figure_after_a_decade_and_a_comma_stays_a_number(time_stage, nlp):
    got = found(time_stage, nlp, "Dans les années 1980, 1500 ouvriers travaillaient à la forge de Lure.")
    assert got.get("les années 1980") == ("DATE", "198X")
    assert "1500" not in got


@pytest.mark.parametrize("text, year", [
    ("Léa Roy a ouvert son atelier de Gray en 1968 tandis que son frère restait à Lure.", "1968"),
    ("En 2019 toujours, le club de Dole a changé d'entraîneur.", "2019"),
    ("Le moulin de Paul Brun, fermé en 1994 jadis prospère, sera vendu.", "1994"),
])
def test_a_year_before_an_adverb_in_s_is_kept(time_stage, nlp, text, year):
    assert found(time_stage, nlp, text).get(year) == ("DATE", year)


def test_a_year_like_number_before_a_plural_noun_still_counts(time_stage, nlp):
    assert "2000" not in found(time_stage, nlp, "Le préfet de Lure a envoyé 2000 gendarmes sur place.")


def test_one_day_between_two_events_is_a_length(time_stage, nlp):
    got = found(time_stage, nlp, "Le 3 mai 2001, un jour après le vote, Léa Roy a quitté la mairie de Lure.")
    assert got.get("un jour") == ("DURATION", "P1D")


@pytest.mark.parametrize("text, value", [
    ("Paul Brun a croisé un jour le préfet dans un train.", ("DATE", "PAST_REF")),
    ("Un jour après l'autre, Léa Roy a repeint la grange de Gray.", None),
])
def test_some_day_and_day_after_day_stay_as_they_were(time_stage, nlp, text, value):
    got = found(time_stage, nlp, text)
    assert got.get("un jour", got.get("Un jour")) == value
