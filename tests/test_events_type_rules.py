"""veille.events.type_rules: the trigger's type unless a rule changes or drops it (invented sentences)."""

from __future__ import annotations

import logging

from events_support import code
from veille.events import RECORDED_MODES
from veille.events.type_rules import DROP_RULES, REFUSABLE

ENTITIES = [["Moldavie", "LOC"], ["Géorgie", "LOC"]]


def test_a_negated_trigger_takes_its_neg_type(nlp, lex):
    text = "La Moldavie n'a pas ratifié le traité avec la Géorgie."
    events = code({"text": text, "entities": ENTITIES}, nlp, lex, modes=RECORDED_MODES, explain=True)
    assert [(e.type, e.source, e.target) for e in events] == [("REJECT", "Moldavie", "Géorgie")]
    assert events[0].rule.startswith("type=trigger:verb:ratifier>negated:REJECT ")


def test_a_negated_non_refusal_is_dropped_and_logged(nlp, lex, caplog):
    text = "La Moldavie n'a pas exclu la livraison d'obus à la Géorgie."
    with caplog.at_level(logging.DEBUG, logger="veille.events"):
        events = code({"text": text, "entities": ENTITIES}, nlp, lex, modes=RECORDED_MODES)
    assert not [e for e in events if e.type == "REJECT"]
    assert any("dropped (negated-non-event)" in r.getMessage() for r in caplog.records)


def test_drop_rules_and_refusable_types():
    assert [r.__name__ for r in DROP_RULES] == ["negated_non_event", "positive_non_event", "meeting_topic",
                                             "endangered_by_violence", "habitual", "poll_share",
                                             "adjectival_participle", "study_finding", "violence_kind",
                                             "violence_count", "taken_up_violence", "called_to", "question_asked",
                                             "degree_participle", "held_thing",
                                             "errand_trip", "habitual_when", "kind_judged", "persuaded_of",
                                             "met_thing", "lecture", "participle_adjective",
                                             "noun_use", "quoted_word", "incise_said", "unreal_passive", "thing_doer", "kind_becomes",
                                             "judicial_condemnation"]
    assert all('"' in (r.__doc__ or "") for r in DROP_RULES)
    assert "AID" in REFUSABLE and "ASSAULT" not in REFUSABLE
