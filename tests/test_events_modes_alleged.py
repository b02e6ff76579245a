"""The act an accusation blames someone for is alleged, not asserted (issue 13, modes), also when the
parse hangs the "d'avoir" clause on the accused's name and for a threat, which is otherwise recorded as
made (``veille.events.modes``: ``alleged_of_object``, ``_Climb.alleged``). Invented sentences."""

from __future__ import annotations

import pytest

from events_support import code

ALLEGED = [
    ("Le syndicat Forge accuse la société Ombrel d'avoir menacé les grévistes.",
     [["Forge", "ORG"], ["Ombrel", "ORG"]], "THREATEN"),
    ("Le parti Aube reproche à la ministre Léa Tamar d'avoir arrêté des opposants.",
     [["Aube", "ORG"], ["Léa Tamar", "PER"]], "COERCE"),
    ("Le maire Paul Vidal accuse le groupe Alpha d'avoir attaqué la mairie de Montvert.",
     [["Paul Vidal", "PER"], ["Alpha", "ORG"], ["Montvert", "LOC"]], "ASSAULT"),
]

ASSERTED = [
    ("Le groupe Alpha a menacé la ministre Léa Tamar.", [["Alpha", "ORG"], ["Léa Tamar", "PER"]], "THREATEN"),
    ("Le syndicat Forge accuse la société Ombrel d'avoir menacé les grévistes.",
     [["Forge", "ORG"], ["Ombrel", "ORG"]], "ACCUSE"),
    ("La ministre Léa Tamar a salué la décision de la société Ombrel de retirer ses troupes.",
     [["Léa Tamar", "PER"], ["Ombrel", "ORG"]], "SUPPORT"),
]


@pytest.mark.parametrize(("text", "entities", "etype"), ALLEGED)
def test_the_alleged_act_is_not_asserted(nlp, lex, text, entities, etype):
    events = code({"text": text, "entities": entities}, nlp, lex)
    modes = [e.mode for e in events if e.type == etype]
    assert modes and all(m == "hypothetical" for m in modes), [(e.type, e.source, e.mode) for e in events]


@pytest.mark.parametrize(("text", "entities", "etype"), ASSERTED)
def test_the_act_told_is_asserted(nlp, lex, text, entities, etype):
    events = code({"text": text, "entities": entities}, nlp, lex)
    assert "fact" in [e.mode for e in events if e.type == etype], [(e.type, e.source, e.mode) for e in events]
