"""A name inside an event noun's own phrase is not the noun's doer (issue 13, ``name_before_verb``).

When the event noun is the subject of a support verb ("Les menaces contre X se multiplient"), the
support verb's subject slot is the noun itself; the name written in the noun's complement before the
verb is the one the act aims at, never its source. Invented sentences and people."""

from __future__ import annotations

import pytest

from events_support import code

CASES = [
    ("Les menaces contre le maire Lino Sarto se multiplient depuis lundi.", "Lino Sarto"),
    ("Les attaques contre le ministre Paul Vernet se multiplient.", "Paul Vernet"),
    ("Les critiques visant le président Emmanuel Macron se sont multipliées.", "Emmanuel Macron"),
]


@pytest.mark.parametrize("text,name", CASES, ids=[c[1] for c in CASES])
def test_the_name_in_the_nouns_own_phrase_is_not_its_source(nlp, lex, text, name):
    events = code({"text": text, "entities": [[name, "PER"]]}, nlp, lex, explain=True)
    assert all(e.source != name for e in events), [(e.type, e.source, e.target, e.rule) for e in events]


def test_a_name_before_a_verb_without_subject_still_acts(nlp, lex):
    events = code({"text": "La Pologne approuvant l'envoi de chars, Berlin a cédé.",
                   "entities": [["Pologne", "LOC"], ["Berlin", "LOC"]]}, nlp, lex, explain=True)
    assert any(e.source == "Pologne" for e in events), [(e.type, e.source, e.rule) for e in events]
