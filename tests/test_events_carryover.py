"""Wording met on the second events dev gold (pages of new sites, issue 13), each on an invented
sentence: ``lexicons/events/carryover_triggers.tsv``, riots told without a party, and a threat verb
whose agent is an act of violence."""

from __future__ import annotations

import pytest

from events_support import code
from veille.common.lexicon import rows

CARRYOVER = "events/carryover_triggers.tsv"
LINES = [row for row in rows(CARRYOVER, min_columns=3) if row[0] != "@class"]
# invented people and bodies the examples name
NAMES = [["Paul Vidal", "PER"], ["Léa Tamar", "PER"], ["Marc Olivar", "PER"], ["Forge", "ORG"],
         ["Horizon Bleu", "ORG"], ["Aube", "ORG"], ["Moldavie", "LOC"], ["Montvert", "LOC"]]


def _events(nlp, lex, text: str):
    return code({"text": text, "entities": [n for n in NAMES if n[0] in text]}, nlp, lex)


def test_every_line_carries_an_invented_example():
    for row in LINES:
        assert len(row) >= 5 and row[4].endswith("."), row


@pytest.mark.parametrize("row", LINES, ids=[f"{r[0]}:{r[2]}" for r in LINES])
def test_every_example_finds_its_type(nlp, lex, row):
    wanted = row[3].split("neg=")[1].split(",")[0] if row[0] == "-" else row[0]
    assert wanted in {e.type for e in _events(nlp, lex, row[4])}


def test_authorising_is_no_refusal(nlp, lex):
    assert "REJECT" not in {e.type for e in _events(nlp, lex, "Le maire Paul Vidal a autorisé la course.")}


def test_fighting_a_person_is_no_rejection_of_a_plan(nlp, lex):
    events = _events(nlp, lex, "Le député Paul Vidal a combattu en Moldavie dans sa jeunesse.")
    assert "REJECT" not in {e.type for e in events}


def test_riots_told_without_a_party(nlp, lex):
    events = _events(nlp, lex, "Mardi soir, des émeutes ont éclaté à Montvert.")
    assert [(e.type, e.source, e.target) for e in events if e.type == "PROTEST"] == [("PROTEST", None, None)]


def test_riots_as_a_landmark_of_time_are_no_news(nlp, lex):
    events = _events(nlp, lex, "Depuis les émeutes, le maire Paul Vidal a changé de politique.")
    assert "PROTEST" not in {e.type for e in events}


def test_endangered_by_bombing_is_no_threat(nlp, lex):
    events = _events(nlp, lex, "Plusieurs musées de Montvert sont menacés par les bombardements.")
    assert "THREATEN" not in {e.type for e in events}
    events = _events(nlp, lex, "Le député Paul Vidal a été menacé par des militants du parti Horizon Bleu.")
    assert "THREATEN" in {e.type for e in events}

