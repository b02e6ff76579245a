"""A time put in focus by a cleft takes the tense of the verb after "que" (``veille.times.clefts``):
"C'est samedi que les voleurs ont frappé" is the past Saturday, "C'est vendredi que le conseil votera"
the coming Friday. Invented sentences and people; article of Wednesday 2025-06-18.
"""

from __future__ import annotations

from conftest import time_values

WEDNESDAY = "2025-06-18"


def test_a_past_cleft_gives_the_past_day(time_stage, nlp):
    got = time_values(nlp, time_stage, "C'est samedi que les voleurs ont frappé la boutique de Léo Marchal.",
                      WEDNESDAY)
    assert got["samedi"] == ("DATE", "2025-06-14")
    got = time_values(nlp, time_stage, "C'est mardi matin que le maire Paul Ribaud a été arrêté.", WEDNESDAY)
    assert got["mardi matin"] == ("TIME", "2025-06-17TMO")


def test_adverbs_and_ne_que_may_open_the_cleft(time_stage, nlp):
    got = time_values(nlp, time_stage, "C'est seulement lundi que Lise Caron a appris la nouvelle.", WEDNESDAY)
    assert got["lundi"] == ("DATE", "2025-06-16")
    got = time_values(nlp, time_stage, "Ce n'est que jeudi que la préfecture a levé l'alerte.", WEDNESDAY)
    assert got["jeudi"] == ("DATE", "2025-06-12")
    got = time_values(nlp, time_stage, "C'est bien durant la nuit de samedi à dimanche que les voleurs "
                      "ont frappé.", WEDNESDAY)
    assert got["la nuit de samedi à dimanche"] == ("TIME", "2025-06-14TNI")


def test_a_future_cleft_keeps_the_coming_day(time_stage, nlp):
    got = time_values(nlp, time_stage, "C'est vendredi que le conseil votera le budget de Gray.", WEDNESDAY)
    assert got["vendredi"] == ("DATE", "2025-06-20")


def test_a_copula_with_a_day_and_no_que_is_no_cleft(time_stage, nlp):
    got = time_values(nlp, time_stage, "La date limite, c'est vendredi.", WEDNESDAY)
    assert got["vendredi"] == ("DATE", "2025-06-20")
