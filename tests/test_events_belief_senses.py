"""A verb of persuading that tells a belief or a persuasion of a fact is no request (issue 13, precision,
helper evspurious: ``veille.events.belief_senses``), each on an invented sentence, with the request kept
beside it."""

from __future__ import annotations

import pytest

from events_support import assert_coded, assert_not_coded

NO_EVENT = [
    ("Le maire Paul Vidal est convaincu d'obtenir bientôt l'appui de Léa Tamar.",
     [["Paul Vidal", "PER"], ["Léa Tamar", "PER"]], "REQUEST"),
    ("Léa Tamar est convaincue que Paul Vidal gagnera.", [["Léa Tamar", "PER"], ["Paul Vidal", "PER"]], "REQUEST"),
    # persuaded of a fact
    ("Le parti Horizon Bleu tentait de convaincre les partisans de Paul Vidal qu'il était le seul rempart.",
     [["Horizon Bleu", "ORG"], ["Paul Vidal", "PER"]], "REQUEST"),
]

EVENT = [
    ("Le parti Horizon Bleu tente de convaincre la Moldavie de signer.", [["Horizon Bleu", "ORG"], ["Moldavie", "LOC"]],
     "REQUEST"),
    ("Léa Tamar a convaincu Paul Vidal de voter le projet.", [["Léa Tamar", "PER"], ["Paul Vidal", "PER"]], "REQUEST"),
]


@pytest.mark.parametrize(("text", "entities", "etype"), NO_EVENT)
def test_a_belief_is_no_request(nlp, lex, text, entities, etype):
    assert_not_coded(nlp, lex, text, entities, etype)


@pytest.mark.parametrize(("text", "entities", "etype"), EVENT)
def test_the_request_is_kept(nlp, lex, text, entities, etype):
    assert_coded(nlp, lex, text, entities, etype)
