"""Event words used in another sense or only mentioned (issue 13, precision), each on an invented
sentence, with the event reading of the same word kept beside it (``veille.events.precision_senses``,
the "somme toute", "occuper", "sommet" and "inviter" rows of ``lexicons/events/sense_triggers.tsv``)."""

from __future__ import annotations

import pytest

from events_support import assert_coded, assert_not_coded
from lexicon_checks import assert_every_cue_has_example

GROUPS = {"met_thing", "lecture_noun", "lecture_series", "lecture_place", "mention_noun", "held_verb", "held_thing",
          "thing_pronoun", "visit_noun", "habit_mark", "persuade_verb", "fact_mark", "act_mark",
          "unreal_mark", "real_sequence", "thing_doer", "kind_verb"}

NO_EVENT = [
    # a thing met with, no person met
    ("Selon la ministre Léa Tamar, la vidéo rencontrera son public.", [["Léa Tamar", "PER"]], "CONSULT"),
    ("Le maire Paul Vidal a rencontré des difficultés avec le budget.", [["Paul Vidal", "PER"]], "CONSULT"),
    ("La violence qu'on rencontre lors des fêtes inquiète le maire Paul Vidal.", [["Paul Vidal", "PER"]],
     "CONSULT"),
    # a lecture
    ("Le philosophe Paul Vidal donnera une série de conférences à Montvert.",
     [["Paul Vidal", "PER"], ["Montvert", "LOC"]], "CONSULT"),
    ("Les prochaines conférences de Paul Vidal auront lieu en mai.", [["Paul Vidal", "PER"]], "CONSULT"),
    ("Lors d'une conférence à l'université de Montvert, Léa Tamar a parlé de peinture.",
     [["Montvert", "LOC"], ["Léa Tamar", "PER"]], "CONSULT"),
    # a set phrase whose first word is a verb form
    ("Le bilan du maire Paul Vidal est somme toute modeste.", [["Paul Vidal", "PER"]], "REQUEST"),
    # a present participle qualifying a noun
    ("Un documentaire aussi saisissant qu'émouvant sur la vallée de Montvert.", [["Montvert", "LOC"]], "COERCE"),
    # the defendant
    ("Ce dernier a décrit l'accusé comme un homme froid et calculateur.", [], "ACCUSE"),
    # a word quoted
    ("Le mot « tuer » revient souvent dans les chansons du groupe Ombrel.", [["Ombrel", "ORG"]], "ASSAULT"),
    ("Le maire Paul Vidal préfère ce terme à celui de « tuer ».", [["Paul Vidal", "PER"]], "ASSAULT"),
    # other senses of "occuper" and "sommet"
    ("Le docteur Paul Vidal s'occupe des patients de Montvert.", [["Paul Vidal", "PER"], ["Montvert", "LOC"]],
     "ASSAULT"),
    ("La mère de Léa Tamar reprend son occupation professionnelle en mai.", [["Léa Tamar", "PER"]], "ASSAULT"),
    ("Le coureur Paul Vidal franchit le sommet du col de Montvert en tête.",
     [["Paul Vidal", "PER"], ["Montvert", "LOC"]], "CONSULT"),
    ("Le club du président Paul Vidal veut atteindre des sommets.", [["Paul Vidal", "PER"]], "CONSULT"),
    # "occuper" a place in a ranking or a project, one's time (the except= words of its line)
    ("Selon Paul Vidal, la Chine occupe à présent une place centrale au sein du plan de la Russie.",
     [["Paul Vidal", "PER"], ["Chine", "LOC"], ["Russie", "LOC"]], "ASSAULT"),
    # a host's or guest's invitation, no "à" complement: no request to act (helper evfresh5)
    ("Le chef Paul Vidal avait invité la chanteuse Léa Tamar dans son restaurant de Montvert.",
     [["Paul Vidal", "PER"], ["Léa Tamar", "PER"], ["Montvert", "LOC"]], "REQUEST"),
    ("En mai 1970, invité par son homologue, le ministre Marc Olivar se rend à Port-Lune.",
     [["Marc Olivar", "PER"], ["Port-Lune", "LOC"]], "REQUEST"),
]

EVENT = [
    ("Les rebelles occupent la ville de Port-Lune depuis lundi.", [["Port-Lune", "LOC"]], "ASSAULT"),
    ("La ministre Léa Tamar participera au sommet de Port-Lune avec le président Paul Vidal.",
     [["Léa Tamar", "PER"], ["Port-Lune", "LOC"], ["Paul Vidal", "PER"]], "CONSULT"),
    ("Le maire Paul Vidal a rencontré les habitants de Montvert lundi.",
     [["Paul Vidal", "PER"], ["Montvert", "LOC"]], "CONSULT"),
    ("La ministre Léa Tamar a participé à une conférence sur le climat avec le ministre de Port-Lune.",
     [["Léa Tamar", "PER"], ["Port-Lune", "LOC"]], "CONSULT"),
    ("La ministre Léa Tamar a sommé le maire Paul Vidal de démissionner.",
     [["Léa Tamar", "PER"], ["Paul Vidal", "PER"]], "REQUEST"),
    ("La ministre Léa Tamar a accusé le maire Paul Vidal de mentir.",
     [["Léa Tamar", "PER"], ["Paul Vidal", "PER"]], "ACCUSE"),
    ("Le maire Paul Vidal, accusé de fraude par l'association Aube, a démissionné.",
     [["Paul Vidal", "PER"], ["Aube", "ORG"]], "ACCUSE"),
    ("Le président Marc Olivar a invité la ministre Léa Tamar à retirer son texte.",
     [["Marc Olivar", "PER"], ["Léa Tamar", "PER"]], "REQUEST"),
]


@pytest.mark.parametrize(("text", "entities", "etype"), NO_EVENT)
def test_a_word_used_in_another_sense(nlp, lex, text, entities, etype):
    assert_not_coded(nlp, lex, text, entities, etype)


@pytest.mark.parametrize(("text", "entities", "etype"), EVENT)
def test_the_act_is_kept(nlp, lex, text, entities, etype):
    assert_coded(nlp, lex, text, entities, etype)


def test_every_cue_carries_an_invented_example():
    assert_every_cue_has_example("events/sense_cues.tsv", GROUPS)
