"""Words that tell no act (issue 13, precision), each on an invented sentence, with the event reading of
the same word kept beside it: a study's finding, violence named as a social problem or counted
(``veille.events.precision_rules``), a race's attack (``lexicons/events/sense_triggers.tsv``)."""

from __future__ import annotations

import pytest

from events_support import assert_coded, assert_not_coded
from lexicon_checks import assert_every_cue_has_example

GROUPS = {"study_noun", "finding_verb", "violence_kind", "kind_noun", "count_word", "called_verb", "ask_verb",
          "question_word", "request_mark", "participle_degree", "demonstrative"}

NO_EVENT = [
    # a poll or a study that "reveals" a figure accuses nobody
    ("Un sondage de l'institut Ravel révèle que 60 % des habitants de Montvert veulent un tramway.",
     [["Ravel", "ORG"], ["Montvert", "LOC"]], "ACCUSE"),
    ("Plusieurs études récentes révèlent que le sommeil court nuit à la mémoire des élèves.", [], "ACCUSE"),
    ("Une étude menée à Montvert alertait sur les risques de la position assise.", [["Montvert", "LOC"]], "ACCUSE"),
    # violence named as a social problem
    ("Les violences sexistes et sexuelles perdurent à Montvert, selon l'association Lila.",
     [["Montvert", "LOC"], ["Lila", "ORG"]], "ASSAULT"),
    ("Le maire Paul Vidal présente un plan contre les violences urbaines.", [["Paul Vidal", "PER"]], "ASSAULT"),
    ("Violences policières et contrôles au faciès", [], "ASSAULT"),
    # violence counted
    ("Quelque 2 000 agressions ont été signalées à Montvert en 2020, selon les statistiques de l'office.",
     [["Montvert", "LOC"]], "ASSAULT"),
    ("L'association Lila tient le décompte des féminicides depuis 2016.", [["Lila", "ORG"]], "ASSAULT"),
    # an act told before, taken up by a demonstrative
    ("Pourtant, ces attaques n'ont pas intimidé le maire Paul Vidal.", [["Paul Vidal", "PER"]], "ASSAULT"),
    ("Les enquêteurs de Montvert cherchent un lien entre cet homicide et deux autres.", [["Montvert", "LOC"]],
     "ASSAULT"),
    # "être appelé à" with nobody calling: what people are due to do
    ("Les électeurs de Montvert sont appelés à se prononcer dimanche sur le projet du maire Paul Vidal.",
     [["Montvert", "LOC"], ["Paul Vidal", "PER"]], "REQUEST"),
    ("Appelés à trancher, les juges de Montvert ont pris leur temps.", [["Montvert", "LOC"]], "REQUEST"),
    # a question asked is no request
    ("Quand on leur demande si elles soutiennent le maire Paul Vidal, les habitantes hésitent.",
     [["Paul Vidal", "PER"]], "REQUEST"),
    ("Le maire Paul Vidal m'a demandé ce que voulait dire ce mot.", [["Paul Vidal", "PER"]], "REQUEST"),
    ("La journaliste Léa Tamar me demande tout d'un coup : « Es-tu candidate ? »", [["Léa Tamar", "PER"]],
     "REQUEST"),
    # in demand, asked by nobody
    ("Dans ce domaine, la traductrice Léa Tamar est encore très demandée.", [["Léa Tamar", "PER"]], "REQUEST"),
    # a poll's share, also with an adjective ("sont favorables")
    ("Selon un récent sondage, 58 % des habitants de Montvert sont aujourd'hui favorables au tramway.",
     [["Montvert", "LOC"]], "SUPPORT"),
    ("En août, 46 % des sympathisants du parti Aube étaient encore favorables au projet.", [["Aube", "ORG"]],
     "SUPPORT"),
    # "se rendre" + an attribute: becoming, no trip
    ("Le groupe Ombrel a réussi à se rendre incontournable aux yeux des joueurs de Montvert.",
     [["Ombrel", "ORG"], ["Montvert", "LOC"]], "CONSULT"),
    # a race's attack, a season begun
    ("La coureuse Léa Tamar a attaqué dans la dernière montée.", [["Léa Tamar", "PER"]], "ASSAULT"),
    ("Le coureur Paul Vidal place une attaque à deux kilomètres de l'arrivée.", [["Paul Vidal", "PER"]], "ASSAULT"),
]

EVENT = [
    # an inquiry or a report that reveals misconduct accuses, as the team's gold codes it
    ("Une enquête de l'association Aube révèle que la société Ombrel a trompé ses clients.",
     [["Aube", "ORG"], ["Ombrel", "ORG"]], "ACCUSE"),
    ("L'association Aube révèle que la moitié des agences de Montvert refusent les locataires étrangers.",
     [["Aube", "ORG"], ["Montvert", "LOC"]], "ACCUSE"),
    # a call by someone named, a request with a condition
    ("Les habitants de Montvert ont été appelés par le maire Paul Vidal à évacuer le quartier.",
     [["Montvert", "LOC"], ["Paul Vidal", "PER"]], "REQUEST"),
    ("La ministre Léa Tamar a appelé les habitants de Montvert à rester chez eux.",
     [["Léa Tamar", "PER"], ["Montvert", "LOC"]], "REQUEST"),
    ("La ministre Léa Tamar a demandé au maire Paul Vidal de démissionner s'il ne change pas d'avis.",
     [["Léa Tamar", "PER"], ["Paul Vidal", "PER"]], "REQUEST"),
    ("Le syndicat Forge demande que la société Ombrel recule si les ventes baissent.",
     [["Forge", "ORG"], ["Ombrel", "ORG"]], "REQUEST"),
    # a taken-up act claimed, or with its parties named
    ("Cette attaque a été revendiquée par le groupe Alpha.", [["Alpha", "ORG"]], "ASSAULT"),
    ("Cette attaque du groupe Alpha contre la mairie de Montvert a fait deux blessés.",
     [["Alpha", "ORG"], ["Montvert", "LOC"]], "ASSAULT"),
    # a stance that is no share of a population
    ("Le parti Aube est favorable au projet de tramway de Montvert.", [["Aube", "ORG"], ["Montvert", "LOC"]],
     "SUPPORT"),
    # violence told as acts
    ("Les violences ont fait trois morts à Port-Lune.", [["Port-Lune", "LOC"]], "ASSAULT"),
    ("Deux hommes ont agressé un chauffeur de bus à Montvert samedi.", [["Montvert", "LOC"]], "ASSAULT"),
    ("Les rebelles ont attaqué la caserne de Port-Lune dans la nuit.", [["Port-Lune", "LOC"]], "ASSAULT"),
    ("Le cargo Ombrel a été attaqué par des drones au large des côtes de Port-Lune.",
     [["Ombrel", "ORG"], ["Port-Lune", "LOC"]], "ASSAULT"),
    ("Selon la plaignante, le masseur Paul Grimaud s'était livré à des attouchements sexuels sur elle.",
     [["Paul Grimaud", "PER"]], "ASSAULT"),
]


@pytest.mark.parametrize(("text", "entities", "etype"), NO_EVENT)
def test_a_word_that_tells_no_act(nlp, lex, text, entities, etype):
    assert_not_coded(nlp, lex, text, entities, etype)


@pytest.mark.parametrize(("text", "entities", "etype"), EVENT)
def test_the_act_is_kept(nlp, lex, text, entities, etype):
    assert_coded(nlp, lex, text, entities, etype)


def test_every_cue_carries_an_invented_example():
    assert_every_cue_has_example("events/precision_cues.tsv", GROUPS)
