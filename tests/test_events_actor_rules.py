"""veille.events.actor_rules: the named, ordered rules behind an event's source and target.

Invented sentences; each names the rule it expects in ``Event.rule`` (``explain``)."""

from __future__ import annotations

import inspect

import pytest

from events_support import code
from veille.events import actor_rules

RULE_LISTS = {
    "VERB_SOURCE_RULES": actor_rules.VERB_SOURCE_RULES,
    "SOURCE_RULES": actor_rules.SOURCE_RULES,
    "VERB_TARGET_RULES": actor_rules.VERB_TARGET_RULES,
    "NOUN_TARGET_RULES": actor_rules.NOUN_TARGET_RULES,
    "SOURCE_REVISIONS": actor_rules.SOURCE_REVISIONS,
}


@pytest.mark.parametrize("name", RULE_LISTS)
def test_every_rule_has_a_unique_name_and_an_example(name):
    rules = RULE_LISTS[name]
    assert len({r.__name__ for r in rules}) == len(rules)
    for rule in rules:
        doc = inspect.getdoc(rule) or ""
        assert '"' in doc and ("->" in doc or "." in doc), f"{name}: {rule.__name__} has no example sentence"


def test_source_rules_come_before_their_fallbacks():
    verb = [r.__name__ for r in actor_rules.VERB_SOURCE_RULES]
    # A passive's agent before its (grammatical) subject; climbing up only when nothing closer named one.
    assert verb.index("passive_agent") < verb.index("subject") < verb.index("governing_verb_agent")
    assert verb[-1] == "governing_verb_agent"
    # a feeling adjective read as a passive ("est indigné par X") is its subject's before any verb agent
    # (and a pronoun subject read as its own "que" clause's actor names nobody: events/obviation.py)
    assert [r.__name__ for r in actor_rules.SOURCE_RULES][:4] == [
        "receiver_giver", "feeling_adjective", "obviated_subject", "verb_agent"]


MOLDAVIE = [["Moldavie", "LOC"], ["Géorgie", "LOC"]]

CASES = [
    # (sentence, entities, (type, source, target), source rule, target rule)
    ("La Moldavie a livré des obus à la Géorgie.", MOLDAVIE,
     ("AID", "Moldavie", "Géorgie"), "subject", "obl:à"),
    ("La Géorgie a reçu des obus de la Moldavie.", MOLDAVIE,
     ("AID", "Moldavie", "Géorgie"), "receiver-giver:de", "receiver-subject"),
    ("La Lettonie a exhorté la Suède à livrer des chars à l'Ukraine.",
     [["Lettonie", "LOC"], ["Suède", "LOC"], ["Ukraine", "LOC"]],
     ("AID", "Suède", "Ukraine"), "object-control", "obl:à"),
    ("Le Chili a effectué une visite au Pérou.", [["Chili", "LOC"], ["Pérou", "LOC"]],
     ("CONSULT", "Chili", "Pérou"), "support-verb>subject", "noun-oblique"),
    ("Le Mali a menacé de sanctionner le Niger.", [["Mali", "LOC"], ["Niger", "LOC"]],
     ("THREATEN", "Mali", "Niger"), "subject", "threatened-party"),
    ("Le Chili a signé un accord avec le Pérou.", [["Chili", "LOC"], ["Pérou", "LOC"]],
     ("AGREE", "Chili", "Pérou"), "subject", "object-partner"),
    ("Des milliers de personnes ont manifesté contre le gouvernement.", [],
     ("PROTEST", None, None), "unnamed-crowd", "none"),
    # A gerund's doer is the governing verb's agent, the helped party its recipient (not the giver).
    ("Le Chili a soutenu le Pérou en livrant du riz.", [["Chili", "LOC"], ["Pérou", "LOC"]],
     ("AID", "Chili", "Pérou"), "gerund>subject", "gerund-beneficiary"),
    # A passive infinitive is undergone by the noun its participle clause describes.
    ("Paul Durand, hospitalisé après avoir été frappé par le député Marc Lenoir, a porté plainte.",
     [["Paul Durand", "PER"], ["Marc Lenoir", "PER"]],
     ("ASSAULT", "Marc Lenoir", "Paul Durand"), "passive:par", "passive-controller"),
    # An object pronoun under another clause takes up that clause's subject.
    ("Paul Durand rentrait chez lui lorsque deux hommes l'ont agressé.", [["Paul Durand", "PER"]],
     ("ASSAULT", None, "Paul Durand"), "subject", "obj"),
    # An arrest without a named doer is the act of the country it happens in.
    ("Lina Varga a été placée en garde à vue en Moldavie.", [["Lina Varga", "PER"], ["Moldavie", "LOC"]],
     ("COERCE", "Moldavie", "Lina Varga"), "state-authority", "obj"),
    # A past participle describing a noun: undergone by what the noun names, its doer unnamed
    # (not the subject of the clause the noun sits in).
    ("Paul Durand a dénoncé l'attaque contre la flotte moldave ciblée en mer Noire.",
     [["Paul Durand", "PER"], ["mer Noire", "LOC"]],
     ("ASSAULT", None, "Moldavie"), "passive-no-agent", "described-noun"),
    # An undergone event noun: the clause's subject suffers it, the noun's complement does it.
    ("La Moldavie a subi une attaque de drones russes.", [["Moldavie", "LOC"]],
     ("ASSAULT", "Russie", "Moldavie"), "undergone:none", "noun:patient"),
    ("La Moldavie fait l'objet de sanctions américaines depuis mardi.", [["Moldavie", "LOC"]],
     ("SANCTION", "États-Unis", "Moldavie"), "undergone:noun:demonym", "noun:patient"),
    ("Le journaliste Paul Durand a été victime d'une agression mardi à Chisinau.",
     [["Paul Durand", "PER"], ["Chisinau", "LOC"]],
     ("ASSAULT", None, "Paul Durand"), "undergone", "noun:patient"),
    # "par X" after the noun's other complement is still its agent (the parser hangs it lower).
    ("La livraison de chars à Chisinau par Berlin a été confirmée mardi.", [["Chisinau", "LOC"], ["Berlin", "LOC"]],
     ("AID", "Allemagne", "Moldavie"), "noun:par-nested", "noun-oblique"),
    # The place of a visit hangs on the participle describing it.
    ("La visite effectuée en Moldavie par Paul Durand a duré deux jours.",
     [["Paul Durand", "PER"], ["Moldavie", "LOC"]],
     ("CONSULT", "Paul Durand", "Moldavie"), "noun:participle-par", "participle:en"),
]


def test_a_city_does_not_name_the_authority_of_an_arrest(nlp, lex):
    events = code({"text": "Lina Varga a été arrêtée à Chisinau.", "entities": [["Lina Varga", "PER"], ["Chisinau", "LOC"]]},
                  nlp, lex, explain=True)
    assert [(e.type, e.source, e.target) for e in events] == [("COERCE", None, "Lina Varga")]


@pytest.mark.parametrize("case", CASES, ids=[c[0][:40] for c in CASES])
def test_rule_behind_source_and_target(nlp, lex, case):
    text, entities, expected, source_rule, target_rule = case
    events = code({"text": text, "entities": entities}, nlp, lex, explain=True)
    ev = next(e for e in events if (e.type, e.source, e.target) == expected)
    assert f" source={source_rule} " in ev.rule, ev.rule
    assert ev.rule.endswith(f" target={target_rule}"), ev.rule
    assert ev.rule.startswith("type=trigger:"), ev.rule


def test_a_denied_intention_is_a_refusal_with_the_rules_of_its_act(nlp, lex):
    events = code({"text": "La Moldavie ne livrera pas d'obus à la Géorgie.", "entities": MOLDAVIE},
                  nlp, lex, explain=True)
    refusal = next(e for e in events if e.type == "REJECT")
    assert (refusal.source, refusal.target) == ("Moldavie", "Géorgie")
    assert refusal.rule == "type=refusal<trigger:verb:livrer source=subject target=obl:à"
