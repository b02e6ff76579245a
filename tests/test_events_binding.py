"""A strong pronoun after a preposition does not take up its own clause's subject (invented
sentences and names): "X s'en est pris à elle" targets the woman named before, not X."""

from __future__ import annotations

from events_support import code


def _triples(events):
    return {(e.type, e.source, e.target) for e in events}


def test_the_pronoun_after_a_preposition_is_not_the_verbs_subject(nlp, lex):
    case = {"text": "La députée Léa Tamar a répondu aux questions de la presse à Montvert, là même "
                    "où Marc Olivar s'en était violemment pris à elle en 2003.",
            "entities": [["Léa Tamar", "PER"], ["Marc Olivar", "PER"], ["Montvert", "LOC"]]}
    assert ("ACCUSE", "Marc Olivar", "Léa Tamar") in _triples(code(case, nlp, lex))


def test_a_complaint_against_him_targets_the_man_named_before(nlp, lex):
    case = {"text": "Le ministre Paul Vidal a reçu la maire Léa Tamar. Le syndicat Forge a porté plainte contre lui.",
            "entities": [["Paul Vidal", "PER"], ["Léa Tamar", "PER"], ["Forge", "ORG"]]}
    assert ("ACCUSE", "Forge", "Paul Vidal") in _triples(code(case, nlp, lex))
