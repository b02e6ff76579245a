"""Times, round 18 (issue 12: the TimeBank test split trails dev on TIME values): a time of day
whose day is written after it ("en fin de matinée, hier", "à 14 heures, le 20 février") takes that
day, not the last day named before it (``veille.times.day_after``).

Invented sentences (people and places invented), read the TimeML way.
"""

from __future__ import annotations

from conftest import time_values


def test_a_part_of_the_day_takes_the_relative_day_written_after_it(time_stage, nlp):
    got = time_values(nlp, time_stage, "La grange de Paul Brun a brûlé en fin de matinée, hier, à Lure.",
                      "2003-02-22")
    assert got["fin de matinée"] == ("TIME", "2003-02-21TMO")
    assert got["hier"] == ("DATE", "2003-02-21")
    got = time_values(nlp, time_stage, "Lise Roy sera reçue à la mairie dans la soirée demain.", "2003-02-22")
    assert got["la soirée"] == ("TIME", "2003-02-23TEV")


def test_a_clock_time_takes_the_weekday_or_date_written_after_it(time_stage, nlp):
    got = time_values(nlp, time_stage, "Le car de Léa Favre a versé peu avant minuit jeudi près de Gray.",
                      "2003-02-22")
    assert got["minuit"] == ("TIME", "2003-02-20T24:00")
    got = time_values(nlp, time_stage, "Le tribunal de Vesoul a jugé Rémi Favre à 14 heures, le 20 février.",
                      "2003-02-22")
    assert got["14 heures"] == ("TIME", "2003-02-20T14:00")
    assert got["le 20 février"] == ("DATE", "2003-02-20")


def test_both_ends_of_a_clock_range_take_the_day_after_it(time_stage, nlp):
    got = time_values(nlp, time_stage, "La boutique de Lise Roy sera ouverte de 14 h à 18 h, samedi.", "2003-02-19")
    assert got["14 h"] == ("TIME", "2003-02-22T14:00")
    assert got["18 h"] == ("TIME", "2003-02-22T18:00")


def test_a_day_in_the_next_sentence_or_clause_does_not_move_the_time(time_stage, nlp):
    got = time_values(nlp, time_stage, "Le match de Paul Brun commence à 20 h 45. Samedi, son club jouera à Gray.",
                      "2003-02-19")
    assert got["20 h 45"] == ("TIME", "2003-02-19T20:45")
    got = time_values(nlp, time_stage, "Le 12 mars, le stade de Lure a ouvert à 18 h; dimanche, il a fermé.",
                      "2003-03-20")
    assert got["18 h"] == ("TIME", "2003-03-12T18:00")
    # A day named first keeps its rule ("hier en fin de matinée").
    got = time_values(nlp, time_stage, "Léa Favre est arrivée hier en fin de matinée.", "2003-02-22")
    assert got["hier en fin de matinée"] == ("TIME", "2003-02-21TMO")
