"""Times: phenomena found by the issue 12 carry-over audit (round times4), each seen on several
sites of the corpus and outside pages without gold, read the TimeML way the team's gold reads them.

One invented sentence per phenomenon (people and places invented).
"""

from __future__ import annotations

from times_helpers import finder

# 2024-12-07 is a Saturday.
SATURDAY = "2024-12-07"


found = finder(SATURDAY)


def test_des_under_a_past_verb_is_a_past_date(time_stage, nlp):
    # "dès" opens a span; the verb the date hangs on tells which way it lies.
    assert found(time_stage, nlp, "Le député Paul Brun prévenait dès avril que le budget serait difficile.")["avril"] == \
        ("DATE", "2024-04")
    assert found(time_stage, nlp, "Léa Roy a réagi dès dimanche soir à la défaite.")["dimanche soir"] == \
        ("TIME", "2024-12-01TEV")
    assert found(time_stage, nlp, "Dès mardi, Léa Roy était sur place.")["mardi"] == ("DATE", "2024-12-03")


def test_des_keeps_its_future_elsewhere(time_stage, nlp):
    assert found(time_stage, nlp, "Dès lundi, les écoles de Gray rouvriront.")["lundi"] == ("DATE", "2024-12-09")
    assert found(time_stage, nlp, "Dès mardi, Léa Roy sera sur place.")["mardi"] == ("DATE", "2024-12-10")
    # a verb of a plan or an announcement keeps the coming date
    assert found(time_stage, nlp, "Le ministre Paul Brun a annoncé une hausse des tarifs dès janvier.")["janvier"] == \
        ("DATE", "2025-01")
    assert found(time_stage, nlp, "Le maire Léa Roy a décidé de rouvrir les écoles dès lundi.")["lundi"] == \
        ("DATE", "2024-12-09")


def test_a_clock_time_of_a_recurrence_is_read_on_the_articles_day(time_stage, nlp):
    # not on the last day the text named (the team's check set reads a schedule on the article's day)
    got = found(time_stage, nlp, "Le 3 mai, Léa Roy a ouvert un café. Chaque soir à 20 heures, les voisins y chantent.")
    assert got["20 heures"] == ("TIME", "2024-12-07T20:00")
    got = found(time_stage, nlp, "Le 3 mai, Paul Brun a ouvert un parc, ouvert tous les jours de 8h du matin à 21h.")
    assert got["8h du matin"] == ("TIME", "2024-12-07T08:00")
    assert got["21h"] == ("TIME", "2024-12-07T21:00")
    got = found(time_stage, nlp, "Depuis le 3 mai, le musée de Gray propose une nocturne le jeudi jusqu'à 22 heures.")
    assert got["22 heures"] == ("TIME", "2024-12-07T22:00")
    # in an undated article, on no day rather than the day a background date gives
    got = found(time_stage, nlp, "Le 3 mai 2010, Paul Brun a ouvert un parc. Il est ouvert tous les jours à 8 h.",
                published=None)
    assert got["8 h"] == ("TIME", "XXXX-XX-XXT08:00")


def test_a_clock_time_of_one_day_keeps_its_day(time_stage, nlp):
    got = found(time_stage, nlp, "Le 3 mai, le feu a pris vers 20 h dans la grange de Paul Brun.")
    assert got["20 h"] == ("TIME", "2024-05-03T20:00")


def test_an_approximate_age_after_avoir_is_no_duration(time_stage, nlp):
    # an age is not a TIMEX3 in the French TimeBank (optional in the team's gold)
    assert found(time_stage, nlp, "Un client de Léa Roy, qui a aujourd'hui plus de 60 ans, a obtenu son permis.") \
        .get("plus de 60 ans") is None
    assert found(time_stage, nlp, "Même si elle a moins de 30 ans, Léa Roy a déjà voté.").get("moins de 30 ans") is None
    assert found(time_stage, nlp, "Les habitants de Gray qui ont au moins 30 ans s'en souviennent.").get("au moins 30 ans") is None


def test_years_of_something_after_avoir_stay_a_duration(time_stage, nlp):
    assert found(time_stage, nlp, "Paul Brun a plus de 20 ans de carrière.")["plus de 20 ans"] == ("DURATION", "P20Y")
    assert found(time_stage, nlp, "Voilà plus de 20 ans que Paul Brun enseigne à Gray.")["plus de 20 ans"] == \
        ("DURATION", "P20Y")


def test_an_amount_before_plus_tard_is_a_duration_its_adverb_a_signal(time_stage, nlp):
    # Issue 12, times20: as the French TimeBank dev articles mark "[environ une heure] plus tard".
    got = found(time_stage, nlp, "Cette année, Paul Brun a quitté Gray. Quatre ans plus tard, nous avons une bonne place.")
    assert got["Quatre ans"] == ("DURATION", "P4Y")
    got = found(time_stage, nlp, "Le voleur a été jugé trois jours plus tard par le tribunal de Gray.")
    assert got["trois jours"] == ("DURATION", "P3D")
    got = found(time_stage, nlp, "En 2018, Léa Roy a fondé le club. Quatre ans plus tard, elle l'a quitté.")
    assert got["Quatre ans"] == ("DURATION", "P4Y")
    got = found(time_stage, nlp, "Cette année, Léa Roy ouvre un café; deux ans plus tard, elle ouvrira un hôtel.")
    assert got["deux ans"] == ("DURATION", "P2Y")


def test_ce_meme_weekday_with_its_number_is_that_day(time_stage, nlp):
    got = found(time_stage, nlp, "Le 14 mai, Léa Roy est arrivée à Gray. Ce même jeudi 16, elle est repartie.")
    assert got["Ce même jeudi 16"] == ("DATE", "2024-05-16")
    got = found(time_stage, nlp, "Le 20 août, Paul Brun est arrivé. Ce même dimanche 25 août, il est reparti.")
    assert got["Ce même dimanche 25 août"] == ("DATE", "2024-08-25")
