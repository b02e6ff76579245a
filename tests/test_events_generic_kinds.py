"""A kind of act named and judged in the present is no act told (issue 13, precision, helper evspurious:
``veille.events.generic_kinds``), each on an invented sentence, with the act told beside it."""

from __future__ import annotations

import pytest

from events_support import assert_coded, assert_not_coded

NO_EVENT = [
    ("Selon la mairie de Montvert, les agressions sont plus fréquentes la nuit.", [["Montvert", "LOC"]], "ASSAULT"),
    ("Pour Léa Tamar, les viols sont un fléau à Montvert.", [["Léa Tamar", "PER"], ["Montvert", "LOC"]], "ASSAULT"),
    ("Selon Paul Vidal, la seule voie, c'est la contestation.", [["Paul Vidal", "PER"]], "PROTEST"),
]

EVENT = [
    # the rule reads the present only: the past is left to the other rules
    ("Selon la mairie de Montvert, les agressions étaient plus fréquentes la nuit.", [["Montvert", "LOC"]], "ASSAULT"),
    # a verb of its own, not "être"
    ("Les combats et les pillages ont de graves conséquences à Montvert.", [["Montvert", "LOC"]], "ASSAULT"),
    # the act told by its verb
    ("Des hommes ont agressé le maire Paul Vidal lundi à Montvert.", [["Paul Vidal", "PER"], ["Montvert", "LOC"]],
     "ASSAULT"),
]


@pytest.mark.parametrize(("text", "entities", "etype"), NO_EVENT)
def test_a_kind_of_act_judged(nlp, lex, text, entities, etype):
    assert_not_coded(nlp, lex, text, entities, etype)


@pytest.mark.parametrize(("text", "entities", "etype"), EVENT)
def test_the_act_is_kept(nlp, lex, text, entities, etype):
    assert_coded(nlp, lex, text, entities, etype)
