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
    ("Léa Tamar a peur d'être agressée en rentrant du stade.", [LEA], "ASSAULT"),
    ("Selon Paul Vidal, ces gardiens sont trop jeunes pour être frappés.", [PAUL], "ASSAULT"),
    ("Paul Vidal n'est pas le premier élu à être menacé de mort.", [PAUL], "THREATEN"),
    # a thing as the doer
    ("Ce sont des chiffres qui demandent encore à être vérifiés.", [], "REQUEST"),
    # a kind of act becoming something, or having nothing of a quality
    ("Les grèves deviennent un rituel pour les lycéens.", [], "PROTEST"),
    ("Pour Paul Vidal, les grèves vont devenir plus rares à Montvert.", [PAUL, ["Montvert", "LOC"]], "PROTEST"),
    ("Pour Léa Tamar, la grève perpétuelle n'a rien de glorieux.", [LEA], "PROTEST"),
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
