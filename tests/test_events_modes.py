"""veille.events.modes: the mode of an event, from its clause (invented sentences)."""

from __future__ import annotations

import pytest

from events_support import build, code
from veille.events import Coder
from veille.events.modes import is_conditional, is_future

ENTITIES = [["Moldavie", "LOC"], ["Géorgie", "LOC"]]


def test_future_and_conditional_forms(nlp):
    doc = nlp("La Moldavie livrera des obus et la Géorgie enverrait des vivres.")
    by_text = {t.text: t for t in doc}
    assert is_future(by_text["livrera"]) and not is_conditional(by_text["livrera"])
    assert is_conditional(by_text["enverrait"]) and not is_future(by_text["enverrait"])


@pytest.mark.parametrize(("text", "mode"), [
    ("La Moldavie a livré des obus à la Géorgie.", "fact"),
    ("La Moldavie livrera des obus à la Géorgie.", "intent"),
    ("La Moldavie a promis de livrer des obus à la Géorgie.", "intent"),
    ("La Moldavie pourrait livrer des obus à la Géorgie.", "hypothetical"),
    ("Si la Moldavie livrait des obus à la Géorgie, la guerre durerait.", "hypothetical"),
    ("La Moldavie ne livrera pas d'obus à la Géorgie.", "negated"),
])
def test_mode_of_an_aid(nlp, lex, text, mode):
    events = code({"text": text, "entities": ENTITIES}, nlp, lex)
    aid = [e for e in events if e.type == "AID"]
    assert [e.mode for e in aid] == [mode]


@pytest.mark.parametrize(("text", "mode"), [
    # the negated predicate says something of an event that happened
    ("La saisie de deux tonnes de cocaïne par les douanes de Moldavie n'est pas la première de l'année.", "fact"),
    # a verb of happening negated denies the event
    ("La saisie de deux tonnes de cocaïne par les douanes de Moldavie n'a jamais eu lieu.", "negated"),
])
def test_a_negated_predicate_of_an_event_noun(nlp, lex, text, mode):
    article, doc = build({"text": text, "entities": [["douanes de Moldavie", "ORG"]]}, nlp)
    coder = Coder(lex, article, doc, modes=None)
    coder.run()
    assert [c.mode for c in coder.candidates if c.trigger.type == "COERCE"] == [mode]


def test_a_request_makes_the_requested_act_demanded(nlp, lex):
    events = code({"text": "La Moldavie a demandé à la Géorgie de livrer des obus.", "entities": ENTITIES}, nlp, lex)
    assert {(e.type, e.source, e.mode) for e in events} == {("REQUEST", "Moldavie", "fact"),
                                                            ("AID", "Géorgie", "demanded")}


def test_a_purpose_clause_is_an_intended_act(nlp, lex):
    text = "Les syndicats de Moldavie se rassembleront devant le parlement pour exiger la démission du ministre."
    events = code({"text": text, "entities": ENTITIES}, nlp, lex)
    assert [e.mode for e in events if e.type == "REQUEST"] == ["intent"]


def test_a_que_clause_hung_on_a_noun_under_a_speech_verb_is_reported(nlp, lex):
    # the parser reads "qu'elle demanderait" as a relative of "lundi": the conditional is still the
    # future seen from the announcement
    text = "La Moldavie a annoncé dans la nuit de dimanche à lundi qu'elle demanderait à la Géorgie de négocier."
    events = code({"text": text, "entities": ENTITIES}, nlp, lex)
    assert [e.mode for e in events if e.type == "REQUEST"] == ["intent"]


def test_a_denied_exclusion_leaves_the_act_possible(nlp, lex):
    events = code({"text": "La Moldavie n'exclut pas de livrer des obus à la Géorgie.", "entities": ENTITIES}, nlp, lex)
    assert [(e.type, e.mode) for e in events] == [("AID", "hypothetical")]


def test_a_denied_intention_to_resign_is_a_refusal(nlp, lex):
    events = code({"text": "La ministre Léa Tamar n'a pas l'intention de démissionner.",
                   "entities": [["Léa Tamar", "PER"]]}, nlp, lex)
    assert [(e.type, e.source) for e in events] == [("REJECT", "Léa Tamar")]


@pytest.mark.parametrize(("text", "mode"), [
    # "ni … ni … ne" denies the act of each party, wherever the parse hangs the "ni"
    ("Ni le maire Paul Vidal ni la ministre Léa Tamar n'ont critiqué le syndicat Forge.", "negated"),
    ("Le maire Paul Vidal n'a critiqué ni le syndicat Forge ni la ministre Léa Tamar.", "negated"),
    # a "ni" under another verb leaves this one asserted
    ("Le maire Paul Vidal a critiqué le syndicat Forge, qui n'aime ni la ministre Léa Tamar ni ses conseillers.",
     "fact"),
])
def test_ni_ni_ne_negates(nlp, lex, text, mode):
    entities = [["Paul Vidal", "PER"], ["Léa Tamar", "PER"], ["Forge", "ORG"]]
    article, doc = build({"text": text, "entities": entities}, nlp)
    coder = Coder(lex, article, doc, modes=None)
    coder.run()
    assert [c.mode for c in coder.candidates if c.trigger.type == "ACCUSE"] == [mode]
