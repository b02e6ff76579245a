"""Times: the phenomena found by scoring Veille on the issue 12 times gold of 33 more dev sites.

One invented sentence per phenomenon (people and places invented), read the TimeML way the team's
gold and check set read them.
"""

from __future__ import annotations

from times_helpers import finder

# 2023-11-24 is a Friday.
FRIDAY = "2023-11-24"


found = finder(FRIDAY)


def test_ago_with_an_approximation_keeps_it_in_the_duration(time_stage, nlp):
    # "il y a" a signal, the amount with its approximation a DURATION (issue 12, times20).
    got = found(time_stage, nlp, "Il y a plus de 20 ans, le sociologue Paul Brun décrivait déjà Lure.")
    assert got["plus de 20 ans"] == ("DURATION", "P20Y")
    got = found(time_stage, nlp, "Il y a près de deux semaines, Léa Roy a quitté la mairie de Lure.")
    assert got["près de deux semaines"] == ("DURATION", "P2W")
    # "il y a plus d'un an que …" stays the duration it was
    assert found(time_stage, nlp, "Il y a plus d'un an que Léa Roy attend.").get("Il y a plus d'un an") is None


def test_the_article_of_a_decade_part_belongs_to_it(time_stage, nlp):
    got = found(time_stage, nlp, "Le club de Lure recrute depuis le début des années 90 et le milieu des années 2000.")
    assert got["le début des années 90"] == ("DATE", "199X")
    assert got["le milieu des années 2000"] == ("DATE", "200X")


def test_part_of_a_year_written_with_d_annee(time_stage, nlp):
    assert found(time_stage, nlp, "Odile Marty a lancé son atelier en fin d'année 2022.")["fin d'année 2022"] == ("DATE", "2022")


def test_a_demonstrative_half_of_a_month(time_stage, nlp):
    got = found(time_stage, nlp, "Trois réunions auront lieu pendant cette première moitié du mois de décembre.")
    assert got["cette première moitié du mois de décembre"] == ("DATE", "2023-12")


def test_both_ends_of_a_range_take_the_year_that_frames_the_sentence(time_stage, nlp):
    got = found(time_stage, nlp, "En 2024, pour la foire de Lure organisée du 3 au 5 mai, Léa Roy fait venir trois groupes.")
    assert got["du 3"] == ("DATE", "2024-05-03")
    assert got["5 mai"] == ("DATE", "2024-05-05")
