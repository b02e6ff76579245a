"""Times: the families found by the issue 12 wide audit (times helper times6) of Veille's times over
the corpus and outside dev pages, without gold, each seen on several sites.

One invented sentence per family (people and places invented), read the TimeML way the team's check
set reads them.
"""

from __future__ import annotations

from conftest import time_values


def test_a_demonstrative_season_is_the_one_of_the_article_year(time_stage, nlp):
    # September, a verb in the future elsewhere in the sentence: still the summer just past.
    got = time_values(nlp, time_stage, "Après une dernière prolongation cet été, la mesure de Paul Brun doit être "
                      "levée en novembre.", "2023-09-22")
    assert got["cet été"] == ("DATE", "2023-SU")
    got = time_values(nlp, time_stage, "Ce printemps, les jardins de Lise Roy accueillent dix familles.", "2023-09-22")
    assert got["Ce printemps"] == ("DATE", "2023-SP")
    # "l'été" keeps the tense's reading; "cet hiver" straddles two years and keeps it too.
    got = time_values(nlp, time_stage, "L'été prochain, Paul Brun ouvrira son café.", "2023-09-22")
    assert got["L'été prochain"] == ("DATE", "2024-SU")


def test_a_count_with_a_capitalised_unit_is_a_name(time_stage, nlp):
    got = time_values(nlp, time_stage, "Le maire de Lure a répondu à 20 Minutes, puis à l'émission 60 Minutes.",
                      "2023-09-22")
    assert "20 Minutes" not in got and "60 Minutes" not in got
    got = time_values(nlp, time_stage, "Vingt minutes plus tard, Léa Roy a parlé pendant 20 minutes.", "2023-09-22")
    assert got["20 minutes"] == ("DURATION", "PT20M")


def test_a_range_without_years_runs_forward(time_stage, nlp):
    # Each end read alone by the past tense falls in another year; the range keeps one.
    got = time_values(nlp, time_stage, "Le musée de Lure avait attiré entre le 12 mars et le 21 avril dix mille "
                      "visiteurs.", "2025-03-17")
    assert got["le 12 mars"] == ("DATE", "2024-03-12")
    assert got["le 21 avril"] == ("DATE", "2024-04-21")
    got = time_values(nlp, time_stage, "Le festival de Lise Roy se tiendra du 2 mars au 21 avril.", "2025-03-17")
    assert got["du 2 mars"] == ("DATE", "2025-03-02")
    # Across the new year the first end stays in the year before.
    got = time_values(nlp, time_stage, "Le marché de Paul Brun s'est tenu du 20 décembre au 5 janvier.", "2025-03-17")
    assert got["du 20 décembre"] == ("DATE", "2024-12-20")
    assert got["5 janvier"] == ("DATE", "2025-01-05")


def test_a_year_like_number_before_a_currency_or_a_unit_is_an_amount(time_stage, nlp):
    got = time_values(nlp, time_stage, "Paul Brun gagne 2000€/mois; Léa Roy court le 800 m et le 1500 m.", "2023-11-23")
    assert "2000" not in got and "1500" not in got
    got = time_values(nlp, time_stage, "Le refuge de Lise Roy est à 1800 m d'altitude depuis 1980.", "2023-11-23")
    assert "1800" not in got and got["1980"] == ("DATE", "1980")
    # "M." (monsieur) after a year: still the year.
    got = time_values(nlp, time_stage, "En 2019 M. Brun a quitté Lure.", "2023-11-23")
    assert got["2019"] == ("DATE", "2019")


def test_the_last_decade_with_a_demonstrative(time_stage, nlp):
    got = time_values(nlp, time_stage, "Le club de Lise Roy a grandi pendant cette dernière décennie.", "2023-09-04")
    assert got["cette dernière décennie"] == ("DURATION", "P10Y")
