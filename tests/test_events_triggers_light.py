"""Event nouns carried by a support verb (``light`` cues of ``lexicons/event_modes.tsv``, issue 13):
"procéder à l'arrestation de X", "adresser des critiques à X", "nouer une alliance avec X", "livrer
une attaque contre X" are the noun's event, done by the verb's subject (invented sentences, invented
people); a protest told by its "cortège" (``lexicons/events/recall_triggers.tsv``), not a funeral's."""

from __future__ import annotations

import pytest

from events_support import code
from veille.events import RECORDED_MODES

NAMES = [["Paul Vidal", "PER"], ["Léa Tamar", "PER"], ["Marc Olivar", "PER"], ["Forge", "ORG"],
         ["Horizon Bleu", "ORG"], ["Montvert", "LOC"]]


def _events(nlp, lex, text: str) -> list[tuple[str, str | None, str | None]]:
    case = {"text": text, "entities": [n for n in NAMES if n[0] in text]}
    return [(e.type, e.source, e.target) for e in code(case, nlp, lex, modes=RECORDED_MODES)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Marc Olivar a procédé à l'arrestation de Paul Vidal.", ("COERCE", "Marc Olivar", "Paul Vidal")),
    ("Le syndicat Forge a adressé de vives critiques à Paul Vidal.", ("ACCUSE", "Forge", "Paul Vidal")),
    ("Le syndicat Forge a noué une alliance avec le parti Horizon Bleu.", ("AGREE", "Forge", "Horizon Bleu")),
    ("Paul Vidal a livré une attaque en règle contre Léa Tamar.", ("ASSAULT", "Paul Vidal", "Léa Tamar")),
])
def test_the_support_verb_subject_does_the_noun_event(nlp, lex, text, expected):
    assert expected in _events(nlp, lex, text)


def test_a_support_verb_with_no_event_noun_tells_nothing(nlp, lex):
    assert _events(nlp, lex, "Paul Vidal a adressé une lettre à Léa Tamar.") == []
    # "livrer" keeps its own reading: a delivery of weapons is aid
    assert ("AID", "Paul Vidal", "Léa Tamar") in _events(nlp, lex, "Paul Vidal a livré des armes à Léa Tamar.")


def test_a_cortege_is_a_protest_but_not_a_funeral_or_an_official_one(nlp, lex):
    assert ("PROTEST", "Forge", None) in _events(nlp, lex, "Le syndicat Forge a pris la tête du cortège à Montvert.")
    assert _events(nlp, lex, "Le cortège funèbre de Paul Vidal a traversé Montvert.") == []
    assert _events(nlp, lex, "Le cortège présidentiel de Paul Vidal a traversé Montvert.") == []
