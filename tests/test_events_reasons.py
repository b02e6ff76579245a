"""veille.events.reasons: the doer of "pour avoir" + participle is the one the main clause is about."""

from __future__ import annotations

from events_support import code


def test_the_one_condemned_is_the_one_who_struck(nlp, lex) -> None:
    case = {"text": "Paul Durand a été condamné à deux mois de prison pour avoir frappé Marc Lefort.",
            "entities": [["Paul Durand", "PER"], ["Marc Lefort", "PER"]]}
    events = code(case, nlp, lex, explain=True)
    assert [(e.type, e.source, e.target) for e in events] == [("ASSAULT", "Paul Durand", "Marc Lefort")]
    assert "source=reason:passive-subject" in events[0].rule
