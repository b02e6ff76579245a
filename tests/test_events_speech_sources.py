"""veille.events.speech_events: who speaks when the parse names only a role, a pronoun read as an
expletive, an unnamed group, or a body by the noun it was introduced with. Invented sentences."""

from __future__ import annotations

import re

from events_support import code
from veille.events import RECORDED_MODES


def _found(case, nlp, lex, etype):
    return [(e.source, re.search(r"source=\S+", e.rule).group(0)) for e in code(case, nlp, lex, modes=RECORDED_MODES, explain=True)
            if e.type == etype]


def test_incise_past_an_adverb_takes_the_quotes_speaker(nlp, lex):
    case = {"text": "La syndicaliste Julie Marceau était à Lille mardi. « Cette police est partiale », "
                    "a ainsi dénoncé la syndicaliste.",
            "entities": [["Julie Marceau", "PER"], ["Lille", "LOC"]],
            "quotes": [["Cette police est partiale", "Julie Marceau"]]}
    found = _found(case, nlp, lex, "ACCUSE")
    assert [s for s, _ in found] == ["Julie Marceau"]


def test_plural_unnamed_group_is_a_null_source(nlp, lex):
    case = {"text": "Les ouvriers réclamaient des indemnités devant les prud'hommes.", "entities": []}
    assert _found(case, nlp, lex, "REQUEST") == [(None, "source=unnamed-group>subject")]


def test_owned_or_named_group_is_not_unnamed(nlp, lex):
    case = {"text": "Ses ouvriers réclamaient des indemnités devant les prud'hommes.", "entities": []}
    assert _found(case, nlp, lex, "REQUEST") == []


def test_body_taken_up_by_the_noun_it_was_introduced_with(nlp, lex):
    case = {"text": "L'association Droits Égaux a publié une enquête lundi. L'association appelle à un "
                    "renforcement des sanctions.",
            "entities": [["Droits Égaux", "ORG"]]}
    assert [s for s, _ in _found(case, nlp, lex, "REQUEST")] == ["Droits Égaux"]


def test_expletive_pronoun_before_a_reflexive_statement_is_its_subject(nlp, lex):
    case = {"text": "Le syndicat Forge a publié une enquête lundi. Il s'inquiète de la fermeture des écoles.",
            "entities": [["Forge", "ORG"]]}
    assert _found(case, nlp, lex, "ACCUSE") == [("Forge", "source=reflexive-pronoun-subject")]


def test_participle_of_feeling_in_the_passive_is_felt_by_its_subject(nlp, lex):
    case = {"text": "Le syndicat Forge est préoccupé par la pauvreté des familles.", "entities": [["Forge", "ORG"]]}
    assert _found(case, nlp, lex, "ACCUSE") == [("Forge", "source=feeling-subject:passive")]


def test_impersonal_il_carries_no_statement(nlp, lex):
    case = {"text": "Paul Varenne n'a jamais été inquiété par la justice. Il s'agit d'un ancien maire.",
            "entities": [["Paul Varenne", "PER"]]}
    assert _found(case, nlp, lex, "ACCUSE") == []



def test_a_name_in_a_relative_clause_leaves_the_group_unnamed(nlp, lex):
    case = {"text": "Les ouvriers, qui travaillent depuis pour le groupe Valcor, réclamaient des indemnités.",
            "entities": [["Valcor", "ORG"]]}
    assert _found(case, nlp, lex, "REQUEST") == [(None, "source=unnamed-group>subject")]


def test_people_in_general_are_an_unnamed_group(nlp, lex):
    # "les gens" (helper evnull): people in general, never a body; the gold codes their complaints
    # and insults with a null source (audit of every readable dev batch, 2026-12-07).
    case = {"text": "Dans le quartier de Valbrune, les gens se plaignaient du bruit des camions.", "entities": []}
    assert _found(case, nlp, lex, "ACCUSE") == [(None, "source=unnamed-group>subject")]
    case = {"text": "Depuis son retour, les gens ont insulté Paul Marin au marché.", "entities": [["Paul Marin", "PER"]]}
    found = [(e.source, e.target) for e in code(case, nlp, lex, modes=RECORDED_MODES) if e.type == "ACCUSE"]
    assert found == [(None, "Paul Marin")]
