"""veille.events triggers: "s'en prendre à" is a physical attack when its victim is a private person
or the police ("s'en sont pris à une passante"), a verbal one against a public actor (invented sentences)."""

from __future__ import annotations

import pytest

from events_support import code

ENTITIES = [["Léa Tamar", "PER"], ["Horizon", "ORG"]]


@pytest.mark.parametrize(("text", "etype"), [
    ("Trois hommes s'en sont pris à une adolescente à la sortie du collège.", "ASSAULT"),
    ("Des émeutiers s'en sont pris aux policiers devant la mairie.", "ASSAULT"),
    ("La ministre Léa Tamar s'en est prise au parti Horizon.", "ACCUSE"),
])
def test_the_victim_tells_which_attack(nlp, lex, text, etype):
    types = {e.type for e in code({"text": text, "entities": ENTITIES}, nlp, lex)}
    assert etype in types
    assert ({"ASSAULT", "ACCUSE"} - {etype}).isdisjoint(types)
