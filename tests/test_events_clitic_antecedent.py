"""An event's target written as an object clitic of its verb (issue 13, helper evclitic,
``veille.events.clitic_antecedent``): the person or body named before it that agrees with it.
Invented sentences and people."""

from __future__ import annotations

from events_support import code


def _events(nlp, lex, text, entities):
    return code({"text": text, "entities": entities}, nlp, lex, explain=True)


def test_an_elided_clitic_takes_up_the_person_named_before(nlp, lex):
    events = _events(nlp, lex, "Lina Varga a parlé lundi à Lyon. Le syndicat Alpha l'a accusée de mentir.",
                     [["Lina Varga", "PER"], ["Lyon", "LOC"], ["Alpha", "ORG"]])
    ev = next(e for e in events if e.type == "ACCUSE")
    assert (ev.source, ev.target) == ("Alpha", "Lina Varga")
    assert " target=clitic-antecedent" in ev.rule


def test_a_clitic_in_a_relative_clause_takes_up_the_name_before(nlp, lex):
    events = _events(nlp, lex, "Le député Marc Olivar a été visé dimanche par deux plaintes qui l'accusent de fraude.",
                     [["Marc Olivar", "PER"]])
    assert ("ACCUSE", "Marc Olivar") in [(e.type, e.target) for e in events]


def test_a_feminine_participle_does_not_take_up_a_man(nlp, lex):
    events = _events(nlp, lex, "Monsieur Paul Durand a parlé lundi. Le syndicat Alpha l'a accusée de mentir.",
                     [["Paul Durand", "PER"], ["Alpha", "ORG"]])
    assert all(e.target != "Paul Durand" for e in events), [(e.type, e.source, e.target) for e in events]


def test_a_plural_clitic_takes_up_no_lone_person(nlp, lex):
    events = _events(nlp, lex, "Des militants ont rencontré Ana Ruiz à Lyon. La police les a arrêtés mardi.",
                     [["Ana Ruiz", "PER"], ["Lyon", "LOC"]])
    assert all(e.target != "Ana Ruiz" for e in events if e.type == "COERCE"), \
        [(e.type, e.source, e.target) for e in events]


def test_the_clitic_is_never_the_source(nlp, lex):
    events = _events(nlp, lex, "Le syndicat Alpha a parlé lundi. Alpha l'a accusé de mentir.", [["Alpha", "ORG"]])
    assert all(e.target != "Alpha" for e in events), [(e.type, e.source, e.target) for e in events]
