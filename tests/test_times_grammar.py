"""Times: the families of the issue 12 grammar audit, one invented sentence per phenomenon.

Each case is a way French news writes a time (or writes years that are not one: an age, the
television news), checked against the TimeML reading; the people and places are invented.
"""

from __future__ import annotations

import pytest

from times_helpers import found

# The invented articles are published on Wednesday 2025-06-18 (times_helpers.WEDNESDAY).


@pytest.mark.parametrize("text", [
    "Noémie Vasseur n'avait pas 16 ans quand elle a quitté Dole.",  # an adverb between the verb and the age
    "Noémie Vasseur avait à peine 7 ans quand elle a quitté Dole.",
    "Le petit Gaspard Roy a tout juste 4 ans.",  # a name ending in "y" before "a" is no "il y a"
    "La cantine de Lure est gratuite pour les enfants de moins de 5 ans.",  # an age group
    "La carte de bus de Lure est gratuite pour les moins de 25 ans.",
    "Les abus ont duré de ses 7 à 12 ans, selon l'avocat de Lise Perrin.",  # a range of ages
    "Lise Perrin a quitté l'école de Dole à 16 ans.",  # "à N ans" on a verb
    "Le peintre Anatole Brun est mort à 85 ans.",
    "La présentatrice du 20 heures de Télé Lure a quitté la chaîne.",  # the television news
])
def test_ages_and_named_hours_are_no_durations(time_stage, nlp, text):
    assert [v for v in found(time_stage, nlp, text).values() if v[0] == "DURATION"] == []


def test_lengths_set_or_reached_stay_durations(time_stage, nlp):
    assert found(time_stage, nlp, "Odile Marty a été condamnée à 3 ans de prison.")["3 ans"] == ("DURATION", "P3Y")
    assert found(time_stage, nlp, "Le mandat du maire de Lure a été porté à 5 ans.")["5 ans"] == ("DURATION", "P5Y")
    assert found(time_stage, nlp, "Basile Roux risque jusqu'à 5 ans de prison.")["5 ans"] == ("DURATION", "P5Y")
    assert found(time_stage, nlp, "Basile Roux a encore 5 ans de mandat à Lure.")["5 ans"] == ("DURATION", "P5Y")
    got = found(time_stage, nlp, "Le pont de Lure sera refait d'ici à deux ans.")
    assert got["deux ans"] == ("DURATION", "P2Y")
    got = found(time_stage, nlp, "La ligne fermera pour les personnes de plus de 65 ans depuis plus de 30 ans.")
    assert got == {"plus de 30 ans": ("DURATION", "P30Y")}


def test_the_first_end_of_a_range_takes_the_year_written_at_its_end(time_stage, nlp):
    got = found(time_stage, nlp, "Aimé Roux a été maire de Lure du 5 avril au 18 décembre 1984.")
    assert got["du 5 avril"] == ("DATE", "1984-04-05")
    got = found(time_stage, nlp, "Aimé Roux a dirigé la chorale de Lure de mars à octobre 2019.")
    assert got["mars"] == ("DATE", "2019-03")
    got = found(time_stage, nlp, "Le festival de Lure aura lieu du 15 décembre au 3 janvier 2026.")
    assert got["du 15 décembre"] == ("DATE", "2025-12-15")
    # Two dates of their own, not a range: each keeps its own year.
    got = found(time_stage, nlp, "Le 5 avril, Aimé Roux est parti; il est rentré le 18 décembre 1984.")
    assert got["Le 5 avril"] == ("DATE", "2025-04-05")


def test_parts_of_the_year_written_short_or_by_number(time_stage, nlp):
    got = found(time_stage, nlp, "Le chiffre d'affaires de Roux SA a progressé au T1 2025 et reculé au S2 2024.")
    assert got["T1 2025"] == ("DATE", "2025-Q1")
    assert got["S2 2024"] == ("DATE", "2024-H2")
    assert found(time_stage, nlp, "Le chantier de Lure reprendra en semaine 27.")["semaine 27"] == ("DATE", "2025-W27")
    got = found(time_stage, nlp, "La fête de Lure aura lieu la deuxième semaine de juillet.")
    assert got["la deuxième semaine de juillet"] == ("DATE", "2025-W28")
    got = found(time_stage, nlp, "Les ventes de Roux SA remonteront dans la seconde moitié de l'année.")
    assert got["la seconde moitié de l'année"] == ("DATE", "2025-H2")
    got = found(time_stage, nlp, "La piscine de Lure fermera la première moitié d'août.")
    assert got["la première moitié d'août"] == ("DATE", "2025-08")
    got = found(time_stage, nlp, "Les stations de Lise Roy ont manqué de neige l'hiver 2023-2024.")
    assert got["l'hiver 2023-2024"] == ("DATE", "2023-WI")
    assert found(time_stage, nlp, "L'abbaye de Lure a été fondée en l'an 1000.")["l'an 1000"] == ("DATE", "1000")


def test_lengths_of_the_courts_and_halves_of_a_day(time_stage, nlp):
    got = found(time_stage, nlp, "Basile Roux a été condamné à trois ans et un jour de prison.")
    assert got["trois ans et un jour"] == ("DURATION", "P3Y1D")
    assert found(time_stage, nlp, "La grève de Lure a duré un jour et demi.")["un jour et demi"] == ("DURATION", "PT36H")


def test_clock_times_and_parts_of_the_day(time_stage, nlp):
    got = found(time_stage, nlp, "Basile Roux a été interpellé à 14 heures 37 minutes à Lure.")
    assert got["14 heures 37 minutes"] == ("TIME", "2025-06-18T14:37")
    got = found(time_stage, nlp, "Le car de Lure part à 6 h 45 demain.")
    assert got["6 h 45 demain"] == ("TIME", "2025-06-19T06:45")
    got = found(time_stage, nlp, "Au matin du 3 juin, les gendarmes de Lure sont arrivés.")
    assert got["matin du 3 juin"] == ("TIME", "2025-06-03TMO")
    got = found(time_stage, nlp, "La police de Lure a arrêté Basile Roux tôt mardi matin.")
    assert got["tôt mardi matin"] == ("TIME", "2025-06-17TMO")


def test_counted_spans_around_an_event(time_stage, nlp):
    got = found(time_stage, nlp, "Le réseau de Lise Roy sera rénové dans les 5 ans à venir.")
    assert got["5 ans à venir"] == ("DURATION", "P5Y")
    got = found(time_stage, nlp, "Dans les 24 heures qui ont suivi la crue, Paul Brun a quitté Lure.")
    assert got["24 heures"] == ("DURATION", "PT24H")


def test_a_conditional_perfect_tells_a_past(time_stage, nlp):
    got = found(time_stage, nlp, "Selon la préfecture, les ventes de Roux SA auraient reculé en mars.")
    assert got["mars"] == ("DATE", "2025-03")
    # A passive conditional still looks ahead.
    assert found(time_stage, nlp, "Basile Roux serait élu en mars, selon Lise Perrin.")["mars"] == ("DATE", "2026-03")


def test_recurrences_and_round_the_clock(time_stage, nlp):
    got = found(time_stage, nlp, "La foire de Lise Roy revient chaque mois de mai.")
    assert got["chaque mois de mai"] == ("SET", "XXXX-05")
    assert found(time_stage, nlp, "Le car de Lure passe plusieurs fois par jour.")["plusieurs fois par jour"] == ("SET", "P1D")
    got = found(time_stage, nlp, "La pharmacie de Lise Roy est ouverte 24 h/24 et 7j/7.")
    assert got == {"24 h/24": ("DURATION", "PT24H"), "7j/7": ("DURATION", "P7D")}
    assert found(time_stage, nlp, "Le maire de Lure répondra sous huitaine.")["huitaine"] == ("DURATION", "P8D")


def test_more_adverbs_of_time(time_stage, nlp):
    assert found(time_stage, nlp, "Le pont de Lure rouvrira incessamment.")["incessamment"] == ("TIME", "FUTURE_REF")
    assert found(time_stage, nlp, "Le pont de Lure rouvrira d'ici peu.")["d'ici peu"] == ("TIME", "FUTURE_REF")


def test_a_fronted_weekday_takes_the_tense_of_the_clause_past_a_locution(time_stage, nlp):
    got = found(time_stage, nlp, "Samedi, à partir de 14 h, le club de Lure fêtera la Saint-Jean.")
    assert got["Samedi"] == ("DATE", "2025-06-21")


def test_parts_of_the_day_and_figures_of_speech(time_stage, nlp):
    got = found(time_stage, nlp, "Basile Roux est arrivé à Lure en milieu de matinée.")
    assert got["milieu de matinée"] == ("TIME", "2025-06-18TMO")
    got = found(time_stage, nlp, "À l'aube du XXIe siècle, Basile Roux s'interroge.")
    assert "l'aube" not in got
    assert found(time_stage, nlp, "Les ventes de Roux SA varient d'une année sur l'autre.") == {}
    assert found(time_stage, nlp, "Basile Roux a payé 35 heures supplémentaires à Lure.") == {}


@pytest.mark.parametrize("first", ["1ᵉʳ", "1^er", "1 er"])
def test_the_first_of_a_month_in_superscript(time_stage, nlp, first):
    got = found(time_stage, nlp, f"La taxe de Lure a été votée le {first} mars.")
    assert got[f"le {first} mars"] == ("DATE", "2025-03-01")


def test_clock_times_with_their_modifier_or_weekday(time_stage, nlp):
    got = found(time_stage, nlp, "Le bal de Lure commence à 20 heures pétantes.")
    assert got["20 heures pétantes"] == ("TIME", "2025-06-18T20:00")
    got = found(time_stage, nlp, "Le car de Lise Roy a versé vers 3 h du matin dimanche.")
    assert got["3 h du matin dimanche"] == ("TIME", "2025-06-15T03:00")


def test_feasts_their_week_ends_and_parts_of_the_day(time_stage, nlp):
    got = found(time_stage, nlp, "Le club de Lise Roy a joué à Dole le week-end de Pâques.")
    assert got["le week-end de Pâques"] == ("DATE", "2025-W16-WE")
    got = found(time_stage, nlp, "Le soir de Noël, le restaurant de Lise Roy restera ouvert.")
    assert got["Le soir de Noël"] == ("TIME", "2025-12-25TEV")
    got = found(time_stage, nlp, "Le carnaval de Lure a défilé le mercredi des Cendres.")
    assert got["le mercredi des Cendres"] == ("DATE", "2025-03-05")
    got = found(time_stage, nlp, "Le bal de Lure a commencé le soir du 14-Juillet.")
    assert got["le soir du 14-Juillet"] == ("TIME", "2024-07-14TEV")


def test_sports_times_with_minute_and_second_marks(time_stage, nlp):
    got = found(time_stage, nlp, "Gaspard Roy a gagné à Lure en 2 h 05'12\", avec 1'30 d'avance sur Léo Brun.")
    assert got["2 h 05'12\""] == ("DURATION", "PT2H5M12S")
    assert got["1'30"] == ("DURATION", "PT1M30S")
    got = found(time_stage, nlp, "Noémie Vasseur a couru le 100 mètres de Dole en 11\"42.")
    assert got == {"11\"42": ("DURATION", "PT11.42S")}  # not the year 1911
    assert found(time_stage, nlp, "Le club de Lure a reçu 1'000 francs de Léo Brun.") == {}  # a Swiss thousand


def test_a_weekday_passed_is_the_last_one(time_stage, nlp):
    assert found(time_stage, nlp, "Le club de Lure a gagné dimanche passé.") == {
        "dimanche passé": ("DATE", "2025-06-15")}
    # a Sunday spent at something: no "passé" in the expression
    assert "dimanche" in found(time_stage, nlp, "Un dimanche passé à la pêche, Léo Brun a tout oublié.")
