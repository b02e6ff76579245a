""""s'attaquer à" a social ill or a system (racism, exploitation, trafficking) is tackling it, no
assault (the ``-`` line of "se attaquer" in ``lexicons/events/sense_triggers.tsv``); "s'attaquer à"
a person stays one (invented sentences, invented people)."""

from __future__ import annotations

import pytest

from events_support import code
from veille.events import RECORDED_MODES

NAMES = [["Paul Vidal", "PER"], ["Léa Tamar", "PER"], ["Forge", "ORG"], ["Horizon Bleu", "ORG"], ["Montvert", "LOC"]]


def _types(nlp, lex, text: str) -> list[str]:
    case = {"text": text, "entities": [n for n in NAMES if n[0] in text]}
    return [e.type for e in code(case, nlp, lex, modes=RECORDED_MODES)]


@pytest.mark.parametrize("text", [
    "Le syndicat Forge veut s'attaquer au racisme systémique dans les entreprises de Montvert.",
    "Le parti Horizon Bleu s'attaque à l'exploitation des saisonniers.",
    "La police s'est attaquée au trafic de drogue à Montvert.",
])
def test_tackling_an_ill_is_no_assault(nlp, lex, text):
    assert "ASSAULT" not in _types(nlp, lex, text)


def test_attacking_a_person_stays_an_assault(nlp, lex):
    assert "ASSAULT" in _types(nlp, lex, "Deux hommes se sont attaqués à Paul Vidal à Montvert.")
