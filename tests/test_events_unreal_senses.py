"""An act only thought of (a present passive infinitive after a preposition, no agent), an act done by a
thing and a kind of act becoming something are no events (issue 13, precision, helper evfp: ``veille.events.unreal_senses``), each on an invented
sentence, with the act kept beside it when its one cue differs."""

from __future__ import annotations

import pytest

from events_support import assert_coded, assert_not_coded

PAUL = ["Paul Vidal", "PER"]
LEA = ["Léa Tamar", "PER"]

NO_EVENT = [
    # a present passive infinitive: a worth, a fear, a kind
    ("Paul Vidal a dit que Léa Tamar ne mérite pas d'être agressée.", [PAUL, LEA], "ASSAULT"),
    ("Selon Léa Tamar, les joueuses de Montvert sont trop jeunes pour être frappées.", [LEA], "ASSAULT"),
    ("Paul Vidal n'est pas le seul à être menacé de mort.", [PAUL], "THREATEN"),
    # a thing as the doer
    ("Deux expositions invitent le public à découvrir les oiseaux du lac.", [], "REQUEST"),
    ("Selon Léa Tamar, ce sont des résultats qui demandent à être confirmés.", [LEA], "REQUEST"),
    # a kind of act becoming something, or having nothing of a quality
    ("Selon Léa Tamar, les grèves deviennent un rituel pour les lycéens.", [LEA], "PROTEST"),
    ("Pour Paul Vidal, les cyberattaques vont devenir plus difficiles à contrer.", [PAUL], "ASSAULT"),
    ("Pour Léa Tamar, la contestation permanente n'a rien de démocratique.", [LEA], "PROTEST"),
]

EVENT = [
    # the past infinitive, an agent, a sequence keep the act
    ("Léa Tamar a porté plainte après avoir été agressée.", [LEA], "ASSAULT"),
    ("Paul Vidal a fui avant d'être arrêté.", [PAUL], "COERCE"),
    ("Léa Tamar se réjouit d'être soutenue par Paul Vidal.", [LEA, PAUL], "SUPPORT"),
    # a party as the doer
    ("L'association de Léa Tamar invite les habitants à manifester.", [LEA], "REQUEST"),
    ("Léa Tamar demande à Paul Vidal de partir.", [LEA, PAUL], "REQUEST"),
    # one act, or acts with their doers named
    ("La grève du syndicat Forge devient illimitée.", [["Forge", "ORG"]], "PROTEST"),
    ("Les grèves du syndicat Forge deviennent plus longues.", [["Forge", "ORG"]], "PROTEST"),
]


@pytest.mark.parametrize(("text", "entities", "etype"), NO_EVENT)
def test_no_act_told(nlp, lex, text, entities, etype):
    assert_not_coded(nlp, lex, text, entities, etype)


@pytest.mark.parametrize(("text", "entities", "etype"), EVENT)
def test_the_act_is_kept(nlp, lex, text, entities, etype):
    assert_coded(nlp, lex, text, entities, etype)
