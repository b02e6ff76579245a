"""The ordered rule lists of an event's actors: ``events/agents.py`` (who does what a verb says),
``events/source_rules.py`` (an event's source and its revisions) and ``events/target_rules.py`` (its
target). Each rule is a named function with an invented example; the name it records is the one
``--explain`` shows in ``Event.rule``."""

from __future__ import annotations

import inspect
import re

import pytest

from events_support import code
from veille.events import agents, source_rules, target_rules

RULE_LISTS = {
    "agents.VERB_SOURCE_RULES": agents.VERB_SOURCE_RULES,
    "source_rules.SOURCE_RULES": source_rules.SOURCE_RULES,
    "source_rules.SOURCE_REVISIONS": source_rules.SOURCE_REVISIONS,
    "target_rules.VERB_TARGET_RULES": target_rules.VERB_TARGET_RULES,
    "target_rules.NOUN_TARGET_RULES": target_rules.NOUN_TARGET_RULES,
}
EXAMPLE = re.compile(r'"[^"]{8,}"|«[^»]{4,}»')


@pytest.mark.parametrize("name", sorted(RULE_LISTS))
def test_each_rule_is_named_once_and_shows_an_invented_example(name: str) -> None:
    rules = RULE_LISTS[name]
    assert rules and len({r.__name__ for r in rules}) == len(rules), name
    for rule in rules:
        assert EXAMPLE.search(rule.__doc__ or ""), f"{name}: {rule.__name__} has no example in its docstring"


CASES = [  # (invented sentence, entities, (type, source, target), rule parts, the functions recording them)
    ("L'Ukraine a reçu des obus de la Finlande.", [["Ukraine", "LOC"], ["Finlande", "LOC"]],
     ("AID", "Finlande", "Ukraine"), ("source=receiver-giver", "target=receiver-subject"),
     (source_rules.receiver_giver, target_rules.receiver_subject)),
    ("Le ministre Paul Vidal a été critiqué par la députée Léa Tamar.", [["Paul Vidal", "PER"], ["Léa Tamar", "PER"]],
     ("ACCUSE", "Léa Tamar", "Paul Vidal"), ("source=passive:par", "target=obj"),
     (agents.passive_agent, target_rules.object_or_oblique)),
    ("La police de Montvert a arrêté Paul Vidal mardi.", [["Paul Vidal", "PER"], ["Montvert", "LOC"]],
     ("COERCE", "Montvert", "Paul Vidal"), ("source=subject", "target=obj"),
     (agents.subject, target_rules.object_or_oblique)),
]


@pytest.mark.parametrize("text,entities,expected,parts,rules", CASES, ids=[c[0][:30] for c in CASES])
def test_a_rule_codes_its_actor_and_says_so(nlp, lex, text, entities, expected, parts, rules) -> None:
    events = code({"text": text, "entities": entities}, nlp, lex, explain=True)
    assert [(e.type, e.source, e.target) for e in events] == [expected]
    for part, rule in zip(parts, rules, strict=True):
        assert part in events[0].rule
        recorded = part.split("=", 1)[1].split(":")[0]
        assert f'"{recorded}' in inspect.getsource(rule), (rule.__name__, recorded)
