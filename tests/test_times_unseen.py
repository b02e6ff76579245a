"""Times: kinds of expression the rules missed on material they were not written from (issue 12,
helper times16), one invented sentence per form; the people and places are invented.

- an adverb between "il y a" and its amount ("il y a seulement trois ans", "il y a déjà dix ans",
  "il y a maintenant près de vingt ans", "il y a de cela deux mois"): one DATE, as "il y a trois
  ans"; "à peu près" / "approximativement" are approximations, kept in the extent as "environ";
- the edge of a season with its year or "dernier" / "prochain" ("la fin du printemps 2021",
  "au début de l'été dernier"): the edge stays in the extent, as "la fin du mois de mai" does.
"""

from __future__ import annotations

import pytest

from times_helpers import found

# The invented articles are published on Wednesday 2025-06-18 (times_helpers.WEDNESDAY).


# An adverb after "il y a" is left out with it: the amount is the DURATION (issue 12, times20).
@pytest.mark.parametrize(("text", "extent", "value"), [
    ("Paul Vernet a quitté Lure il y a seulement trois ans.", "trois ans", "P3Y"),
    ("Le club de Lise Roy a été fondé il y a déjà dix ans.", "dix ans", "P10Y"),
    ("Il y a tout juste un an, Marc Olivier quittait la mairie de Dole.", "un an", "P1Y"),
    ("Il y a maintenant près de vingt ans, Inès Morel arrivait à Gray.", "près de vingt ans", "P20Y"),
    ("La ferme de Léon Pic a brûlé voilà à peu près trois mois.", "à peu près trois mois", "P3M"),
    ("Il y a de cela deux semaines, Paul Brun a vendu sa grange.", "deux semaines", "P2W"),
    ("L'usine de Lure a fermé il y a à peine un an.", "un an", "P1Y"),
])
def test_an_adverb_after_il_y_a_stays_out(time_stage, nlp, text, extent, value):
    got = found(time_stage, nlp, text)
    assert got[extent] == ("DURATION", value)
    assert not any(k.lower().startswith("il y a") for k in got)


def test_il_y_a_with_an_adverb_before_que_is_a_duration(time_stage, nlp):
    got = found(time_stage, nlp, "Il y a déjà trois ans que Lise Roy attend son permis.")
    assert got == {"trois ans": ("DURATION", "P3Y")}


def test_an_approximation_in_a_duration(time_stage, nlp):
    got = found(time_stage, nlp, "Les travaux de la rue de Lure dureront à peu près trois mois.")
    assert got == {"à peu près trois mois": ("DURATION", "P3M")}


@pytest.mark.parametrize(("text", "extent", "value"), [
    ("Lise Roy a vendu sa ferme de Dole à la fin du printemps 2021.", "la fin du printemps 2021", "2021-SP"),
    ("Lise Roy a déménagé au début de l'été 2021.", "début de l'été 2021", "2021-SU"),
    ("Au milieu de l'hiver 2019, la source de Lure a gelé.", "milieu de l'hiver 2019", "2019-WI"),
    ("La grange de Paul Brun a brûlé à la fin de l'automne dernier.", "la fin de l'automne dernier", "2024-FA"),
    ("La route de Gray rouvrira au début du printemps prochain.", "début du printemps prochain", "2026-SP"),
])
def test_the_edge_of_a_season_with_its_year(time_stage, nlp, text, extent, value):
    assert found(time_stage, nlp, text)[extent] == ("DATE", value)
