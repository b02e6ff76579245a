"""Forms of French press writing that hide an event's doer or bearer (issue 13, second events gold
pass): trailing participles with "par", accusations told from the accused's side, verbs whose
object feels the concern, an organisation taken up by the head noun of its full name. Invented
sentences and people."""

from __future__ import annotations

import pytest

from events_support import code
from veille.events import load_lexicon


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _pairs(events, etype):
    return [(e.source, e.target) for e in events if e.type == etype]


def test_a_trailing_participle_with_par_is_done_by_its_agent(nlp, lex):
    events = code({"text": "Les ouvriers de Montvert se sont mis en grève, soutenus par le syndicat Forge.",
                   "entities": [["Montvert", "LOC"], ["Forge", "ORG"]]}, nlp, lex)
    assert [s for s, _ in _pairs(events, "SUPPORT")] == ["Forge"]


def test_a_trailing_participle_of_blame_names_its_critic(nlp, lex):
    events = code({"text": "Le ministre Paul Grimaud a démissionné, critiqué par la députée Léa Tamar.",
                   "entities": [["Paul Grimaud", "PER"], ["Léa Tamar", "PER"]]}, nlp, lex)
    assert _pairs(events, "ACCUSE") == [("Léa Tamar", "Paul Grimaud")]


def test_a_participle_on_a_title_in_apposition_is_undergone_by_the_person(nlp, lex):
    events = code({"text": "Lina Varga, ancienne ministre déjà accusée de fraude, a quitté le pays.",
                   "entities": [["Lina Varga", "PER"]]}, nlp, lex)
    assert _pairs(events, "ACCUSE") == [(None, "Lina Varga")]


def test_accusers_left_unnamed_keep_a_null_source(nlp, lex):
    events = code({"text": "Accusé par d'anciens employés de harcèlement, le chef Paul Grimaud a fermé son restaurant.",
                   "entities": [["Paul Grimaud", "PER"]]}, nlp, lex)
    assert _pairs(events, "ACCUSE") == [(None, "Paul Grimaud")]


def test_accusations_against_someone_without_accuser(nlp, lex):
    events = code({"text": "Les premières accusations contre Paul Grimaud remontent à décembre.",
                   "entities": [["Paul Grimaud", "PER"]]}, nlp, lex)
    assert _pairs(events, "ACCUSE") == [(None, "Paul Grimaud")]


def test_a_named_critic_after_par_stays_the_source(nlp, lex):
    events = code({"text": "Accusé par la députée Léa Tamar de mentir, le ministre Paul Grimaud a démissionné.",
                   "entities": [["Paul Grimaud", "PER"], ["Léa Tamar", "PER"]]}, nlp, lex)
    assert _pairs(events, "ACCUSE") == [("Léa Tamar", "Paul Grimaud")]
