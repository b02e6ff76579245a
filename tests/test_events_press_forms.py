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
