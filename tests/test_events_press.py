"""Triggers of French press writing added for issue 13, each on an invented sentence."""

from __future__ import annotations

import pytest

from events_support import code
from veille.events.lexicon import load_lexicon

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
]


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


@pytest.mark.parametrize(("text", "entities", "etype", "source", "target"), CASES)
def test_press_trigger(nlp, lex, text, entities, etype, source, target):
    events = code({"text": text, "entities": entities}, nlp, lex)
    found = [(e.type, e.source, e.target) for e in events]
    assert any(t == etype and s == source and (target is None or g == target) for t, s, g in found), found


def test_violer_needs_a_person_not_a_rule(nlp, lex):
    events = code({"text": "La société Ombrel a violé le règlement sur les déchets.",
                   "entities": [["Ombrel", "ORG"]]}, nlp, lex)
    assert not [e for e in events if e.type == "ASSAULT"]
