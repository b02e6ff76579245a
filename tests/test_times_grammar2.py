"""Times: French grammar the issue 12 round of helper times13 covered, one invented sentence per case.

- a part of the day before or after the day the text is at ("la nuit précédente", "le matin
  suivant"), counted as "le jour précédent" is;
- "est/sont" + the participle of a verb conjugated with "être", or a reflexive "se sont" + a
  participle, parsed as a copula and an adjective or a noun ("sont morts", "se sont ouvertes"): a
  passé composé, so a bare weekday is the past one.
"""

from __future__ import annotations

import pytest

from conftest import time_values
from times_helpers import WEDNESDAY, found

# The invented articles are published on Wednesday 2025-06-18 (times_helpers.WEDNESDAY).


@pytest.mark.parametrize("text, expression, value", [
    ("Le 2 juin, Paul Ferrand a été arrêté à Brest; la nuit précédente, il avait cambriolé une pharmacie.",
     "la nuit précédente", "2025-06-01TNI"),
    ("Le 5 mai, Marc Le Goff a quitté Lorient; la nuit suivante, son bateau a chaviré.",
     "la nuit suivante", "2025-05-05TNI"),  # the night after a day starts on that day
    ("Le 2 juin, Lise Caradec a signé l'accord; le soir précédent, elle hésitait encore.",
     "le soir précédent", "2025-06-01TEV"),
    ("Le 5 mai, Marc Le Goff a été opéré; le matin suivant, il marchait déjà.",
     "le matin suivant", "2025-05-06TMO"),
    ("Le 5 mai, Marc Le Goff a été opéré; l'après-midi d'après, il marchait déjà.",
     "l'après-midi d'après", "2025-05-06TAF"),
])
def test_a_part_of_the_day_before_or_after_the_day_named(time_stage, nlp, text, expression, value):
    times = found(time_stage, nlp, text)
    assert times[expression] == ("TIME", value)
    assert "précédente" not in times and "précédent" not in times  # no stray PAST_REF adjective


def test_previous_as_an_adjective_of_a_person_stays_a_reference(time_stage, nlp):
    assert found(time_stage, nlp, "Le précédent maire de Pontivy, Paul Ravel, avait fermé l'école.")["précédent"] \
        == ("TIME", "PAST_REF")


@pytest.mark.parametrize("text, day", [
    ("Lundi, deux pêcheurs de Paimpol sont morts en mer.", "2025-06-16"),
    ("Samedi, la fille d'Hélène Quéré est née à Vannes.", "2025-06-14"),
    ("Vendredi, trois randonneurs sont tombés dans un ravin près de Gavarnie.", "2025-06-13"),
    ("Lundi, les travaux de la rocade de Vitré se sont achevés.", "2025-06-16"),
    ("Lundi, les écoles de Quimper seront fermées.", "2025-06-23"),  # a future stays coming
])
def test_a_passe_compose_with_etre_read_as_a_copula_is_past(time_stage, nlp, text, day):
    weekday = text.split(",")[0]
    assert found(time_stage, nlp, text)[weekday] == ("DATE", day)


def test_a_weekday_with_its_date_takes_the_year_named_in_which_they_agree(time_stage, nlp):
    text = ("Le discours de Louis Garnier du 9 octobre 1958 est resté célèbre. "
            "Ce jour-là, le jeudi 9 octobre, la salle de Dole était comble.")
    # 9 October 2022 was a Sunday, 9 October 1958 a Thursday.
    times = time_values(nlp, time_stage, text, "2022-11-10", article_id="g3")
    assert times["le jeudi 9 octobre"] == ("DATE", "1958-10-09")


@pytest.mark.parametrize("text, published, value", [
    # the year of the article agrees: a year named before does not move the day
    ("Élu en 2019, Louis Garnier a démissionné. Le mercredi 4 juin, la mairie de Dole a voté.", WEDNESDAY,
     "2025-06-04"),
    # no year named agrees (17 November 2023 article, 15 November 2023 a Wednesday): a slip, kept
    ("Pour la foire de 2024, Lise Caradec a signé. Mardi 15 novembre, la mairie de Dole a voté.", "2023-11-17",
     "2023-11-15"),
])
def test_a_weekday_that_agrees_or_a_slip_keeps_the_year_of_the_article(time_stage, nlp, text, published, value):
    day = next(t for t in time_values(nlp, time_stage, text, published, article_id="g4").items()
               if "novembre" in t[0] or "juin" in t[0])
    assert day[1] == ("DATE", value)


@pytest.mark.parametrize("text, expression, value", [
    ("La grange de Corentin Le Du a brûlé dans la nuit de ce dimanche à lundi.", "la nuit de ce dimanche à lundi",
     "2025-06-15TNI"),
    ("Les pompiers de Lannion sont intervenus dans la soirée de ce mardi.", "la soirée de ce mardi", "2025-06-17TEV"),
    ("Paul Ferrand sera reçu dans la matinée du jeudi 19 juin.", "la matinée du jeudi 19 juin", "2025-06-19TMO"),
    ("Un vol a eu lieu dans la nuit du dimanche 15 au lundi 16 juin chez Yann Kervella.",
     "la nuit du dimanche 15 au lundi 16 juin", "2025-06-15TNI"),
])
def test_a_part_of_a_day_named_with_this_or_with_its_weekday_and_date(time_stage, nlp, text, expression, value):
    assert found(time_stage, nlp, text)[expression] == ("TIME", value)


def test_the_day_of_a_weekday_and_date_stays_a_date(time_stage, nlp):
    times = found(time_stage, nlp, "La journée du mardi 17 juin a été calme à Lannion.")
    assert times["mardi 17 juin"] == ("DATE", "2025-06-17")
