"""veille.events.merge: one record per event per article (invented sentences)."""

from __future__ import annotations

from events_support import code
from veille.events import RECORDED_MODES

ENTITIES = [["Moldavie", "LOC"], ["Géorgie", "LOC"], ["Arménie", "LOC"]]


def test_an_open_target_is_filled_by_the_same_event_told_again(nlp, lex):
    text = "La Moldavie a livré des obus. La Moldavie a livré des obus à la Géorgie."
    events = code({"text": text, "entities": ENTITIES}, nlp, lex, modes=RECORDED_MODES, explain=True)
    assert [(e.type, e.source, e.target) for e in events] == [("AID", "Moldavie", "Géorgie")]
    assert events[0].rule.endswith("target=merged:obl:à")


def test_two_targets_are_two_events(nlp, lex):
    text = "La Moldavie a livré des obus à la Géorgie. La Moldavie a livré des obus à l'Arménie."
    events = code({"text": text, "entities": ENTITIES}, nlp, lex, modes=RECORDED_MODES)
    assert sorted((e.type, e.source, e.target) for e in events) == [
        ("AID", "Moldavie", "Arménie"), ("AID", "Moldavie", "Géorgie")]


def test_working_attributes_are_removed(nlp, lex):
    events = code({"text": "La Moldavie a livré des obus à la Géorgie.", "entities": ENTITIES}, nlp, lex)
    assert events and not [k for e in events for k in vars(e) if k.startswith("_")]


def test_a_promise_and_its_fulfilment_stay_one_event(nlp, lex):
    # An intent with its target and the fact told later without one are one act.
    text = "La Moldavie va soutenir la Géorgie. La Moldavie a soutenu la réforme."
    events = code({"text": text, "entities": ENTITIES}, nlp, lex, modes=RECORDED_MODES)
    assert [(e.type, e.source, e.target) for e in events] == [("SUPPORT", "Moldavie", "Géorgie")]


def test_an_act_told_again_with_its_own_verb_is_coded_in_each_sentence(nlp, lex):
    # The press restates an act to add what followed; each telling with a verb of its own counts.
    text = ("La Moldavie a dénoncé la Géorgie. La pluie est tombée lundi. "
            "La Moldavie a de nouveau dénoncé la Géorgie devant les députés.")
    events = code({"text": text, "entities": ENTITIES}, nlp, lex, modes=RECORDED_MODES, explain=True)
    assert [(e.type, e.source, e.target) for e in events] == [("ACCUSE", "Moldavie", "Géorgie")] * 2
    assert len({e.text for e in events}) == 2


def test_another_verb_of_the_same_act_is_its_own_telling_and_takes_the_target(nlp, lex):
    # Told again with another verb, one side naming the target: each telling counts, the open one
    # takes the target the other names (a merge gave it before; the same verb told again still merges).
    text = ("La Moldavie a critiqué la Géorgie. La pluie est tombée lundi. "
            "La Moldavie dénonçait aussi les retards du chantier.")
    events = code({"text": text, "entities": ENTITIES}, nlp, lex, modes=RECORDED_MODES, explain=True)
    assert [(e.type, e.source, e.target) for e in events] == [("ACCUSE", "Moldavie", "Géorgie")] * 2
    assert len({e.text for e in events}) == 2
    assert events[1].rule.endswith("target=restated:obj")


def test_unnamed_doers_told_in_two_sentences_share_no_target(nlp, lex):
    text = "Des hommes armés ont attaqué la Géorgie. La pluie est tombée lundi. Des hommes armés ont bombardé un convoi."
    events = code({"text": text, "entities": ENTITIES}, nlp, lex, modes=RECORDED_MODES)
    assert [(e.type, e.source, e.target) for e in events] == [("ASSAULT", None, "Géorgie"), ("ASSAULT", None, None)]
