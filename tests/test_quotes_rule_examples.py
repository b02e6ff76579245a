"""The speaker rules of ``quotes/speaker_rules.py`` and ``quotes/cueless_rules.py`` (``Rule`` of
``quotes/rule_types.py``): each is named once and carries an invented example; the examples of the
rules kept in ``quotes/unnamed_antecedent.py``, ``quotes/unnamed_referent.py``, ``quotes/body_kinds.py``
and ``quotes/role_named_after.py`` are decided by those rules."""

from __future__ import annotations

import re

import pytest

from quotes_support import quotes_found
from veille.quotes import body_kinds, role_named_after, unnamed_antecedent, unnamed_referent
from veille.quotes.cueless_rules import CUELESS_RULES
from veille.quotes.rule_types import Rule
from veille.quotes.speaker_rules import GOVERNED_RULES, SUBJECT_RULES

RULES = SUBJECT_RULES + GOVERNED_RULES + CUELESS_RULES
BY_NAME = {r.name: r for r in RULES}


def test_each_rule_is_named_once_and_shows_an_invented_example() -> None:
    assert all(isinstance(r, Rule) for r in RULES)
    assert len(BY_NAME) == len(RULES)
    for rule in RULES:
        assert rule.example.startswith("Example ") and re.search(r'"[^"]{10,}"', rule.example), rule.name


def example_paragraphs(rule: Rule) -> list[str]:
    """The invented sentence(s) of a rule's example, split where it marks a new paragraph."""
    text = re.search(r'Example "(.+?)"[:\s]', rule.example, re.S).group(1)
    return [" ".join(p.split()) for p in re.split(r"\[new\s+paragraph\]", text)]


CASES = [  # rule, its module, the entities given, (speaker, rule) of the first quote
    ("pronoun_unnamed_antecedent", unnamed_antecedent, {"Anne Roy": "PER"}, (None, "pronoun_unnamed_antecedent")),
    ("pronoun_unnamed_person", unnamed_referent, {"Paul Arnaud": "PER"}, (None, "pronoun_unnamed_person")),
    ("noun_unnamed_person", unnamed_referent, {"Paul Arnaud": "PER"}, (None, "noun_unnamed_person")),
    ("pronoun_body_topic", body_kinds, {"Comité des comptes": "ORG"}, ("Comité des comptes", "pronoun_body_topic")),
    ("members_of_body", body_kinds, {"Comité des riverains": "ORG"}, ("Comité des riverains", "members_of_body")),
    ("role_named_next", role_named_after, {"Paul Arnaud": "PER"}, ("Paul Arnaud", "role_named_next")),
]


@pytest.mark.parametrize("name,module,entities,expected", CASES, ids=[c[0] for c in CASES])
def test_a_rule_decides_its_own_example(nlp, name, module, entities, expected) -> None:
    rule = BY_NAME[name]
    assert rule.decide.__module__ == module.__name__
    found = quotes_found(nlp, example_paragraphs(rule), entities)
    assert found and (found[0][2], found[0][3]) == expected
