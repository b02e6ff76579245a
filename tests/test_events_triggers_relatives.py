"""A relative "que" as the object of an event verb stands for the noun its clause qualifies, not for
a person (issue 13, precision): "les familles qu'on accueillait" host no meeting, while "les deux
hommes qu'il a abattus" and "le suspect qu'ils ont arrêté" keep their events (invented sentences)."""

from __future__ import annotations

import pytest

from events_support import code

PEOPLE = [["Paul Vidal", "PER"], ["Montvert", "LOC"]]


def _types(nlp, lex, text: str) -> list[str]:
    return [e.type for e in code({"text": text, "entities": PEOPLE}, nlp, lex)]


def test_a_relative_object_is_its_noun_not_a_person(nlp, lex):
    text = "« Il y a quelques familles qu'on accueillait qui vont rester sur le carreau », dit Paul Vidal."
    assert "CONSULT" not in _types(nlp, lex, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("Les deux hommes qu'il a abattus lundi à Montvert étaient des policiers.", "ASSAULT"),
    ("Le suspect qu'ils ont arrêté lundi à Montvert a été relâché.", "COERCE"),
])
def test_a_relative_object_naming_a_victim_keeps_the_event(nlp, lex, text, etype):
    assert etype in _types(nlp, lex, text)
