"""A verb of possibility over the trigger's infinitive makes its act a possibility (issue 13, helper
evpron): ``events/possibility.py``, read by the modes' climb. Invented sentences and names."""

from __future__ import annotations

from events_support import code
from veille.events.possibility import possibility


def _pair(nlp, text, modal, trigger):
    doc = nlp(text)
    cur = next(t for t in doc if t.text == modal)
    head = next(t for t in doc if t.text == trigger)
    prev = head if head.pos_ == "VERB" else head.head
    return cur, prev, head


def test_present_and_future_possibility_over_the_trigger(nlp):
    assert possibility(*_pair(nlp, "Les deux syndicats peuvent s'unir contre la réforme.", "peuvent", "unir"))
    assert possibility(*_pair(nlp, "Les agriculteurs pourront compter sur l'aide de la coopérative.",
                              "pourront", "aide"))


def test_a_past_tense_tells_the_act_done(nlp):
    assert not possibility(*_pair(nlp, "Le syndicat Alpha a pu rencontrer le ministre.", "pu", "rencontrer"))


def test_a_modal_over_another_clause_is_not_the_trigger_s(nlp):
    doc = nlp("Vous pouvez voir le cortège qui a fait descendre les militantes dans la rue.")
    cur = next(t for t in doc if t.text == "pouvez")
    voir = next(t for t in doc if t.text == "voir")
    descendre = next(t for t in doc if t.text == "descendre")
    assert not possibility(cur, voir, descendre)


def test_the_possible_act_is_not_recorded_as_a_fact(nlp, lex):
    text = "Le syndicat Alpha et le collectif Vigie peuvent s'unir contre la réforme."
    events = code({"text": text, "entities": [["Alpha", "ORG"], ["Vigie", "ORG"]]}, nlp, lex)
    assert not [e for e in events if e.type == "COOPERATE" and e.mode in ("fact", "intent")]
    text = "Le syndicat Alpha et le collectif Vigie se sont unis contre la réforme."
    events = code({"text": text, "entities": [["Alpha", "ORG"], ["Vigie", "ORG"]]}, nlp, lex)
    assert [e for e in events if e.type == "COOPERATE" and e.mode == "fact"]
