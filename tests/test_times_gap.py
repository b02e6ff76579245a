"""Times: families found while reducing the TimeBank dev/test gap (issue 12, times helper times10):
forms a one-article rule covers in one wording only, generalised to what other writers write, and
families of the wide audit of the corpus and outside dev pages (no gold), each seen on several sites.

One invented sentence per family (people and places invented), read the TimeML way.
"""

from __future__ import annotations

from conftest import time_values


def test_a_demonstrative_with_la_points_at_the_period_of_the_last_date(time_stage, nlp):
    # As "cette année-là" and "ce soir-là": the week, month, week-end or season of the day just named,
    # not the article's own ("ce mois" alone is the article's month).
    got = time_values(nlp, time_stage, "Le 3 mars 1998, la scierie de Paul Brun a fermé. Cette semaine-là, il "
                      "neigeait. Ce mois-là, le maire a démissionné. Cette année-là, tout a changé.", "2002-05-10")
    assert got["Cette semaine-là"] == ("DATE", "1998-W10")
    assert got["Ce mois-là"] == ("DATE", "1998-03")
    assert got["Cette année-là"] == ("DATE", "1998")
    got = time_values(nlp, time_stage, "Le samedi 4 mai 1996, la foire de Lise Roy a ouvert. Ce week-end-là, il a "
                      "plu.", "2002-05-10")
    assert got["Ce week-end-là"] == ("DATE", "1996-W18-WE")
    got = time_values(nlp, time_stage, "En 1998, Paul Brun a repris la ferme. Cet été-là, il a fait très chaud.",
                      "2002-05-10")
    assert got["Cet été-là"] == ("DATE", "1998-SU")


def test_a_unit_repeated_around_apres_or_en_is_a_set(time_stage, nlp):
    got = time_values(nlp, time_stage, "Année après année, la fête de Lise Roy attire plus de monde; jour après "
                      "jour, le chantier avance.", "2022-05-10")
    assert got["Année après année"] == ("SET", "P1Y")
    assert got["jour après jour"] == ("SET", "P1D")
    got = time_values(nlp, time_stage, "D'année en année, le club de Paul Brun grandit, et ses tarifs montent de "
                      "mois en mois.", "2022-05-10")
    assert got["D'année en année"] == ("SET", "P1Y")
    assert got["de mois en mois"] == ("SET", "P1M")
    # A count before a bare "après" is a DURATION, "après" its signal (issue 12, times20), no set.
    got = time_values(nlp, time_stage, "Paul Brun a fermé sa boutique en 2010. Un an après, il est parti.",
                      "2022-05-10")
    assert got["Un an"] == ("DURATION", "P1Y")


def test_a_weekday_after_du_on_a_noun_is_the_kind_of_day(time_stage, nlp):
    got = time_values(nlp, time_stage, "« Le running du dimanche est devenu une obsession », dit Paul Brun.",
                      "2025-12-15")
    assert got["dimanche"] == ("SET", "XXXX-WXX-7")  # "du" left out of the extent (issue 12, timeext)
    got = time_values(nlp, time_stage, "La chronique du samedi soir de Lise Roy s'arrête.", "2022-08-17")
    assert got["samedi soir"] == ("SET", "XXXX-WXX-6TEV")
    # "de dimanche" is that Sunday; a part of a day, a span or a day number keeps one day.
    got = time_values(nlp, time_stage, "Le vote de dimanche a surpris. La soirée du samedi a été calme. Le marché "
                      "du samedi 4 mai aura lieu. La mairie est ouverte du lundi au vendredi.", "2016-10-24")
    assert got["dimanche"][0] == "DATE"
    assert got["La soirée du samedi"] == ("TIME", "2016-10-22TEV")
    assert got["samedi 4 mai"][0] == "DATE"
    assert "du lundi" not in got


def test_the_same_period_takes_the_year_written_after_it(time_stage, nlp):
    got = time_values(nlp, time_stage, "Les ventes de Paul Brun ont chuté par rapport à la même période l'an dernier.",
                      "2020-04-21")
    assert got["la même période"] == ("DATE", "2019-04")
    got = time_values(nlp, time_stage, "Les ventes de Lise Roy dépassent celles de la même période en 2018.",
                      "2020-04-21")
    assert got["la même période"] == ("DATE", "2018-04")
    # Written before it, the year is read as before.
    got = time_values(nlp, time_stage, "Les ventes ont chuté par rapport à l'année dernière à la même époque.",
                      "2002-09-01")
    assert got["la même époque"] == ("DATE", "2001-09")


def test_meme_before_a_unit_points_at_the_period_of_the_last_date(time_stage, nlp):
    got = time_values(nlp, time_stage, "Le 3 mars 1998, la scierie de Paul Brun a fermé. La même semaine, le maire est "
                      "parti. Le même mois, la mairie a brûlé. Cette même année, tout a changé.", "2002-05-10")
    assert got["La même semaine"] == ("DATE", "1998-W10")
    assert got["Le même mois"] == ("DATE", "1998-03")
    assert got["Cette même année"] == ("DATE", "1998")
    got = time_values(nlp, time_stage, "En 1998, Lise Roy a repris la ferme. Le même été, il a fait très chaud.",
                      "2002-05-10")
    assert got["Le même été"] == ("DATE", "1998-SU")
    got = time_values(nlp, time_stage, "La demande de Paul Brun a été déposée le 3 mars 2020 et refusée le 22 du même "
                      "mois.", "2020-11-12")
    assert got["le 22 du même mois"] == ("DATE", "2020-03-22")
    # A comparison is no anaphor.
    got = time_values(nlp, time_stage, "La même semaine que Lise Roy, il est parti.", "2020-11-12")
    assert "La même semaine" not in got


def test_the_same_evening_is_that_of_the_last_date_named_even_a_sentence_back(time_stage, nlp):
    # As "ce soir-là": "le soir même" and "le même soir" are the evening of the day just named,
    # also when it was named in the sentence before.
    got = time_values(nlp, time_stage, "Le 3 mars 1998, la scierie de Paul Brun a fermé. Le soir même, il est parti. "
                      "La même nuit, un feu a pris.", "2002-05-10")
    assert got["Le soir même"] == ("TIME", "1998-03-03TEV")
    assert got["La même nuit"] == ("TIME", "1998-03-03TNI")
    got = time_values(nlp, time_stage, "Le même soir, le maire de Lure est parti.", "2002-05-10")
    assert got["Le même soir"] == ("TIME", "2002-05-10TEV")
