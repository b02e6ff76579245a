"""Triggers of French press writing added for issue 13, each on an invented sentence."""

from __future__ import annotations

import pytest

from events_support import code

CASES = [
    ("Le militant Marc Olivar a agressé le député Jean Brésil devant la mairie.",
     [["Marc Olivar", "PER"], ["Jean Brésil", "PER"]], "ASSAULT", "Marc Olivar", "Jean Brésil"),
    ("Le gang des Lanternes a pillé le village de Montvert.",
     [["gang des Lanternes", "ORG"], ["Montvert", "LOC"]], "ASSAULT", "gang des Lanternes", None),
    ("Le syndicat Forge a porté plainte contre la société Ombrel.",
     [["Forge", "ORG"], ["Ombrel", "ORG"]], "ACCUSE", "Forge", "Ombrel"),
    ("Le parti Horizon Bleu s'est abstenu lors du vote sur le budget.",
     [["Horizon Bleu", "ORG"]], "CONCEDE", "Horizon Bleu", None),
    ("La ministre Léa Tamar a admis son erreur devant le Parlement de Valdonie.",
     [["Léa Tamar", "PER"], ["Parlement de Valdonie", "ORG"]], "CONCEDE", "Léa Tamar", None),
    ("La Moldavie a réaffirmé son soutien à la Géorgie.",
     [["Moldavie", "LOC"], ["Géorgie", "LOC"]], "SUPPORT", "Moldavie", "Géorgie"),
    # lexicons/events/press_triggers.tsv
    ("Le tireur Paul Grimaud a abattu un policier à Montvert.",
     [["Paul Grimaud", "PER"], ["Montvert", "LOC"]], "ASSAULT", "Paul Grimaud", None),
    ("Les douanes de Valdonie ont saisi deux tonnes de cocaïne.",
     [["douanes de Valdonie", "ORG"]], "COERCE", "douanes de Valdonie", None),
    ("Le ministre Jean Brésil a discuté avec la ministre Léa Tamar.",
     [["Jean Brésil", "PER"], ["Léa Tamar", "PER"]], "CONSULT", "Jean Brésil", "Léa Tamar"),
    ("Les députés du parti Horizon Bleu ont censuré le gouvernement de Valdonie.",
     [["Horizon Bleu", "ORG"], ["gouvernement de Valdonie", "ORG"]], "REJECT", "Horizon Bleu", None),
    ("Le comité Vigie s'est dit préoccupé par les expulsions.",
     [["Vigie", "ORG"]], "ACCUSE", "Vigie", None),
    ("La ministre Léa Tamar ne démissionnera pas.",
     [["Léa Tamar", "PER"]], "REJECT", "Léa Tamar", None),
    # lexicons/events/codebook_triggers.tsv, fourth pass
    ("Le député Paul Vidal regrette d'avoir insulté son adversaire.",
     [["Paul Vidal", "PER"]], "CONCEDE", "Paul Vidal", None),
    ("Le maire Paul Vidal a reconnu un geste déplacé envers un agent.",
     [["Paul Vidal", "PER"]], "CONCEDE", "Paul Vidal", None),
    ("La Moldavie a rejoint la Géorgie dans son opposition au traité.",
     [["Moldavie", "LOC"], ["Géorgie", "LOC"]], "COOPERATE", "Moldavie", "Géorgie"),
    # a participle the tagger reads as a noun (headline) or an adverb, its doer unnamed
    ("Violée à Montvert par trois hommes", [["Montvert", "LOC"]], "ASSAULT", None, None),
    ("Deux hommes auraient violé l'adolescente.", [], "ASSAULT", None, None),
]


@pytest.mark.parametrize(("text", "entities", "etype", "source", "target"), CASES)
def test_press_trigger(nlp, lex, text, entities, etype, source, target):
    events = code({"text": text, "entities": entities}, nlp, lex)
    found = [(e.type, e.source, e.target) for e in events]
    assert any(t == etype and s == source and (target is None or g == target) for t, s, g in found), found


def test_regretting_someone_else_s_act_is_no_admission(nlp, lex):
    events = code({"text": "Le député Paul Vidal regrette que la mairie ait fermé la piscine.",
                   "entities": [["Paul Vidal", "PER"]]}, nlp, lex)
    assert not [e for e in events if e.type == "CONCEDE"]


def test_joining_a_city_is_no_cooperation(nlp, lex):
    events = code({"text": "Le ministre Paul Vidal a rejoint Montvert dans la soirée.",
                   "entities": [["Paul Vidal", "PER"], ["Montvert", "LOC"]]}, nlp, lex)
    assert not [e for e in events if e.type == "COOPERATE"]


def test_holding_a_post_is_no_occupation(nlp, lex):
    events = code({"text": "Le député Paul Vidal a ensuite occupé le poste de Premier ministre.",
                   "entities": [["Paul Vidal", "PER"]]}, nlp, lex)
    assert not [e for e in events if e.type == "ASSAULT"]


def test_a_misread_participle_keeps_its_conditional(nlp, lex):
    events = code({"text": "Deux hommes auraient violé l'adolescente.", "entities": []}, nlp, lex, modes=None)
    assert [e.mode for e in events if e.type == "ASSAULT"] == ["hypothetical"]


def test_violer_needs_a_person_not_a_rule(nlp, lex):
    events = code({"text": "La société Ombrel a violé le règlement sur les déchets.",
                   "entities": [["Ombrel", "ORG"]]}, nlp, lex)
    assert not [e for e in events if e.type == "ASSAULT"]


def test_a_resignation_is_no_event_unless_refused(nlp, lex):
    events = code({"text": "La ministre Léa Tamar a démissionné mardi.", "entities": [["Léa Tamar", "PER"]]}, nlp, lex)
    assert events == []


def test_an_order_to_troops_is_no_request(nlp, lex):
    events = code({"text": "Le général Paul Grimaud a ordonné l'offensive.", "entities": [["Paul Grimaud", "PER"]]},
                  nlp, lex)
    assert not [e for e in events if e.type == "REQUEST"]


def test_press_lines_carry_an_invented_example():
    from veille.common.lexicon import rows

    for row in rows("events/press_triggers.tsv", min_columns=3):
        if row[0] != "@class":
            assert len(row) >= 5 and row[4].endswith("."), row
