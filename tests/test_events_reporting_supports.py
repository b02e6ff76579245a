"""A support verb that only tells of the act its event noun names is no doer of it (issue 13, helper
evnoun2): "s'exprimer sur la grève", "mettre en exergue les expulsions". Invented sentences and names."""

from __future__ import annotations

import pytest

from events_support import code
from veille.common.lexicon import rows


def _events(nlp, lex, text, entities, etype):
    return [e for e in code({"text": text, "entities": entities}, nlp, lex, explain=True) if e.type == etype]


def test_a_topic_of_s_exprimer_names_no_doer(nlp, lex):
    text = "Le président Paul Vidal s'est exprimé jeudi sur la censure du cabinet de Léa Tamar."
    events = _events(nlp, lex, text, [["Paul Vidal", "PER"], ["Léa Tamar", "PER"]], "REJECT")
    assert not [e for e in events if e.source == "Paul Vidal"], events


def test_what_a_body_brings_to_light_is_not_its_act(nlp, lex):
    text = "Dans son rapport, le comité Vigie Montvert met en exergue des interpellations abusives de militants."
    events = _events(nlp, lex, text, [["Vigie Montvert", "ORG"]], "COERCE")
    assert not [e for e in events if e.source == "Vigie Montvert"], events


def test_a_support_verb_that_does_the_act_keeps_its_subject(nlp, lex):
    text = "La ministre Léa Tamar a exprimé son soutien au maire de Montvert."
    events = _events(nlp, lex, text, [["Léa Tamar", "PER"], ["Montvert", "LOC"]], "SUPPORT")
    assert events and events[0].source == "Léa Tamar", events


@pytest.mark.parametrize("row", rows("events/reporting_supports.tsv", 3), ids=lambda r: f"{r[0]} {r[1]}")
def test_each_row_s_example_names_no_doer(nlp, lex, row):
    from veille.events.reporting_supports import reports_only

    doc = nlp(row[2])
    hits = [(t.text, reports_only(t, n)) for t in doc if t.lemma_ == row[0] for n in doc if n.pos_ == "NOUN"]
    assert any(mark == row[1] for _, mark in hits), hits
