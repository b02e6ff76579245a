"""Times: the issue 12 inventory of French temporal expression families (times12), two or three
invented sentences a family, each with the TIMEX3 the TimeML / French TimeBank guidelines give it.

The families come from the language (the TimeML and French TimeBank guidelines' kinds of
expression, the phenomena HeidelTime's French resources cover), not from a body of articles; the
people and places are invented. The families the stage already read are kept here as a net; the
ones it missed before this round are marked "new".
"""

from __future__ import annotations

import pytest

from times_helpers import found

# The invented articles are published on Wednesday 2025-06-18 (times_helpers.WEDNESDAY), ISO week 25.


FAMILIES = [
    # parts of the day with a day
    ("Dimanche soir, Lise Moreau a été élue maire de Vesoul.", "Dimanche soir", "TIME", "2025-06-15TEV"),
    ("Le conseil de Gray se réunira samedi matin.", "samedi matin", "TIME", "2025-06-21TMO"),
    ("Dans la matinée de mardi, Paul Brun a signé.", "la matinée de mardi", "TIME", "2025-06-17TMO"),
    # beginning / end / middle of a period
    ("Le chantier de Paul Brun s'achèvera en fin de semaine.", "fin de semaine", "DATE", "2025-W25"),
    ("Fin mai, Lise Moreau a quitté son poste.", "Fin mai", "DATE", "2025-05"),
    ("Au début de l'année, Léon Faure a vendu sa ferme.", "début de l'année", "DATE", "2025"),
    # new: "de mois" with dernier / prochain
    ("Le budget de Lure sera voté en début de mois prochain.", "début de mois prochain", "DATE", "2025-07"),
    ("Le budget de Lure a été voté en fin de mois dernier.", "fin de mois dernier", "DATE", "2025-05"),
    # spans reaching now
    ("Le prix du lait a baissé au cours des six derniers mois.", "six derniers mois", "DURATION", "P6M"),
    ("Ces derniers mois, Roux SA a licencié vingt salariés.", "Ces derniers mois", "DURATION", "PXM"),
    # d'ici, depuis, à partir de, jusqu'à: the date after the preposition
    ("Marc Petit rendra son rapport d'ici le 15 juillet.", "le 15 juillet", "DATE", "2025-07-15"),
    ("À partir de lundi, la piscine de Lure sera fermée.", "lundi", "DATE", "2025-06-23"),
    ("Les travaux de Gray dureront jusqu'en 2027.", "2027", "DATE", "2027"),
    # seasons
    ("Paul Brun a repris la ferme à l'été 2024.", "l'été 2024", "DATE", "2024-SU"),
    ("L'automne dernier, Lise Moreau a quitté Gray.", "L'automne dernier", "DATE", "2024-FA"),
    # centuries
    ("À la fin du XIXe siècle, le village comptait mille habitants.", "la fin du XIXe siècle", "DATE", "18"),
    ("La ferme de Lure a été construite au 18e siècle.", "18e siècle", "DATE", "17"),
    # the year, month, week around the article's
    ("L'an dernier, Léon Faure a vendu sa ferme.", "L'an dernier", "DATE", "2024"),
    ("Le week-end dernier, la fête de Lure a attiré du monde.", "Le week-end dernier", "DATE", "2025-W24-WE"),
    # days counted from the last day named
    ("Le 3 mai, Paul Brun est arrivé à Lure; la veille, il était à Gray.", "la veille", "DATE", "2025-05-02"),
    ("Le 10 mai, Lise Moreau a été élue; le surlendemain, elle démissionnait.", "le surlendemain", "DATE",
     "2025-05-12"),
    # ordinal weeks, quarters
    ("La foire de Lure se tiendra la première semaine de septembre.", "la première semaine de septembre", "DATE",
     "2025-W36"),
    ("Le chantier de Lure débutera au premier trimestre 2026.", "premier trimestre 2026", "DATE", "2026-Q1"),
    # new: the Nth (last) weekend of a month, the week of its Saturday
    ("La kermesse de Lure aura lieu le premier week-end de juillet.", "le premier week-end de juillet", "DATE",
     "2025-W27-WE"),
    ("La fête de Gray a eu lieu le dernier week-end de mai.", "le dernier week-end de mai", "DATE", "2025-W22-WE"),
    ("Le salon de Lure s'est tenu le deuxième week-end de mars 2024.", "le deuxième week-end de mars 2024", "DATE",
     "2024-W10-WE"),
    # recurrences
    ("Les chiffres de Roux SA sont publiés quotidiennement.", "quotidiennement", "SET", "P1D"),
    ("La revue de Lure paraît tous les trois mois.", "tous les trois mois", "SET", "P3M"),
    # new: every weekend, as "les week-ends" and "le week-end"
    ("La brocante de Lise Roy revient chaque week-end.", "chaque week-end", "SET", "XXXX-WXX-WE"),
    ("Paul Brun va à Gray tous les week-ends.", "tous les week-ends", "SET", "XXXX-WXX-WE"),
    # clock times
    ("Le concert de Léon Faure commencera à 20h00.", "20h00", "TIME", "2025-06-18T20:00"),
    ("Le maire de Lure déjeunera à midi et demi.", "midi et demi", "TIME", "2025-06-18T12:30"),
    ("L'alerte a été donnée à 3 heures du matin.", "3 heures du matin", "TIME", "2025-06-18T03:00"),
    # present, past, future references
    ("Cette ferme de Lure était naguère prospère.", "naguère", "TIME", "PAST_REF"),
    ("Actuellement, Lise Moreau dirige le club de Lure.", "Actuellement", "TIME", "PRESENT_REF"),
    # durations
    ("Les pompiers de Lure ont lutté une dizaine de jours.", "une dizaine de jours", "DURATION", "P10D"),
    ("Les pourparlers de Gray ont duré plusieurs semaines.", "plusieurs semaines", "DURATION", "PXW"),
    # new: "toute une nuit" as "toute la nuit"; millennia
    ("Les secours de Lure ont cherché Paul Brun toute une nuit.", "toute une nuit", "DURATION", "P1D"),
    ("Ces tombes de Lure ont deux millénaires.", "deux millénaires", "DURATION", "P2000Y"),
    # holidays
    ("La mairie de Lure sera fermée à la Toussaint.", "la Toussaint", "DATE", "2025-11-01"),
    ("Le 11-Novembre, Léon Faure déposera une gerbe.", "Le 11-Novembre", "DATE", "2025-11-11"),
    # new: a date written year first
    ("La fiche de Lise Brun porte la date du 2024-03-07.", "2024-03-07", "DATE", "2024-03-07"),
    ("Le 2025-06-16, Paul Brun a signé le bail.", "Le 2025-06-16", "DATE", "2025-06-16"),
]


@pytest.mark.parametrize(("text", "expr", "kind", "value"), FAMILIES)
def test_each_family_reads_as_timeml(time_stage, nlp, text, expr, kind, value):
    assert found(time_stage, nlp, text).get(expr) == (kind, value)


def test_the_eve_with_a_part_of_the_day_counts_from_the_last_day_named(time_stage, nlp):
    got = found(time_stage, nlp, "Le 3 mai, Paul Brun a été arrêté; il avait bu la veille au soir.")
    assert got["la veille au soir"] == ("TIME", "2025-05-02TEV")
    got = found(time_stage, nlp, "Le 3 mai, Paul Brun a été arrêté; l'avant-veille au soir, il était à Gray.")
    assert got["l'avant-veille au soir"] == ("TIME", "2025-05-01TEV")
    got = found(time_stage, nlp, "Hier, Paul Brun a été arrêté; la veille au matin, il était à Gray.")
    assert got["la veille au matin"] == ("TIME", "2025-06-16TMO")
    # The same relative day named again with a part of the day is the day already named.
    got = found(time_stage, nlp, "Le 3 mai, Paul Brun a été arrêté. Le lendemain, il a parlé; le lendemain soir, "
                "il a été libéré.")
    assert got["le lendemain soir"] == ("TIME", "2025-05-04TEV")
    # With no day named before it, the eve is the article's.
    got = found(time_stage, nlp, "La veille au soir, le maire de Lure avait reçu les commerçants.")
    assert got["La veille au soir"] == ("TIME", "2025-06-17TEV")


def test_the_first_of_two_days_with_their_articles_takes_the_month_after_the_second(time_stage, nlp):
    got = found(time_stage, nlp, "Le 3 et le 4 mai, la fête de Lure a eu lieu.")
    assert got["Le 3"] == ("DATE", "2025-05-03")
    assert got["le 4 mai"] == ("DATE", "2025-05-04")
    got = found(time_stage, nlp, "La brocante de Lise Brun aura lieu le 5 ou le 6 juillet.")
    assert got["le 5"] == ("DATE", "2025-07-05")


def test_what_the_new_rules_leave_alone(time_stage, nlp):
    # a sports season written with two years is no ISO date
    assert "2024-2025" not in found(time_stage, nlp, "La saison 2024-2025 du club de Lure est finie.")
    # "toute une vie" is no period of the calendar
    assert found(time_stage, nlp, "Paul Brun a cherché Lise Roy toute une vie.") == {}
    # "chaque week-end de mai": the weekends of a month, not every weekend
    got = found(time_stage, nlp, "Paul Brun va à Gray chaque week-end de mai.")
    assert got.get("chaque week-end") != ("SET", "XXXX-WXX-WE")
