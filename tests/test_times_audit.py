"""Times: written forms found by the issue 12 wide audit (times5) of the corpus and outside pages,
each seen on two or more sites and missed or misread before.

One invented sentence per form (people and places invented), read the TimeML way the team's gold
and check set read them.
"""

from __future__ import annotations

from times_helpers import finder

# 2022-03-14 is a Monday.
MONDAY = "2022-03-14"


found = finder(MONDAY)


def test_weekday_ordinals_written_in_figures(time_stage, nlp):
    got = found(time_stage, nlp, "Les 2ème et 4ème mercredis du mois, l'atelier de Léa Roy est ouvert.")
    assert got["Les 2ème et 4ème mercredis"] == ("SET", "XXXX-WXX-3")
    got = found(time_stage, nlp, "Chaque 2e mardi, le club de Paul Brun se réunit à Lure.")
    assert got["Chaque 2e mardi"] == ("SET", "XXXX-WXX-2")
    got = found(time_stage, nlp, "Le conseil de Paul Roy se réunit le 1er lundi du mois.")
    assert got["le 1er lundi"] == ("SET", "XXXX-WXX-1")


def test_century_with_a_superscript_suffix(time_stage, nlp):
    got = found(time_stage, nlp, "Le moulin de Lise Roy date du XIX^e siècle, sa forge du XVIIIᵉ siècle.")
    assert got["XIX^e siècle"] == ("DATE", "18")
    assert got["XVIIIᵉ siècle"] == ("DATE", "17")
    got = found(time_stage, nlp, "À la fin du XIX^e siècle, le bourg de Lure comptait 3 000 habitants.")
    assert got["la fin du XIX^e siècle"] == ("DATE", "18")


def test_week_end_of_two_days_joined_by_a_hyphen(time_stage, nlp):
    got = found(time_stage, nlp, "Le club de Paul Roy a gagné à Gray le week-end du 19-20 septembre 2020.")
    assert got["le week-end du 19-20 septembre 2020"] == ("DATE", "2020-W38-WE")


def test_decade_named_by_its_noun_and_first_year(time_stage, nlp):
    got = found(time_stage, nlp, "Le revenu de Lise Roy a doublé pendant la décennie 2010.")
    assert got["la décennie 2010"] == ("DATE", "201X")
    # a span of two years stays two years
    got = found(time_stage, nlp, "Le plan de Paul Brun couvre la décennie 2020-2030.")
    assert "la décennie 2020" not in got


def test_imperfect_of_a_verb_whose_stem_ends_in_r_is_a_past(time_stage, nlp):
    # 2023-04-26 is a Wednesday: "déclarait mardi" is the day before, not the coming Tuesday.
    got = found(time_stage, nlp, "Le maire Paul Brun déclarait mardi que la route de Lure resterait fermée.", "2023-04-26")
    assert got["mardi"] == ("DATE", "2023-04-25")
    got = found(time_stage, nlp, "« La fin des haies », titrait le journal de Lise Roy le 16 février.", "2023-04-26")
    assert got["le 16 février"] == ("DATE", "2023-02-16")
    # the conditional keeps the infinitive's r and stays a coming day
    got = found(time_stage, nlp, "Le maire Paul Brun déclarerait mardi sa candidature à Lure.", "2023-04-26")
    assert got["mardi"] == ("DATE", "2023-05-02")
    # the passé simple likewise ("déclara" is not the future "déclarera")
    got = found(time_stage, nlp, "Le maire Paul Brun déclara mardi que la route de Lure resterait fermée.", "2023-04-26")
    assert got["mardi"] == ("DATE", "2023-04-25")
