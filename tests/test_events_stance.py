"""Recall of SUPPORT, REJECT and REQUEST (issue 13, helper evrec4), on invented sentences: backing
told from the side of the one who gets it ("a reçu le soutien de Y": SUPPORT Y -> X, not a meeting;
``lexicons/events/stance_triggers.tsv``), a stance adjective the parser hangs beside its attribute
verb ("s'est dite favorable à", ``events/attribute_adjs.py``), an object pronoun that is never its
own verb's subject ("X leur a demandé de …": the demand is kept, ``events/binding.py``), and a
reaction a causing verb draws ("X suscite l'opposition de Y", ``events/reactions.py``)."""

from __future__ import annotations

import pytest

from events_support import code
from veille.common.lexicon import rows

NAMES = [["Paul Vidal", "PER"], ["Léa Tamar", "PER"], ["Marc Olivar", "PER"], ["Forge", "ORG"],
         ["Horizon Bleu", "ORG"], ["Aube", "ORG"], ["Montvert", "LOC"]]


def _events(nlp, lex, text: str) -> list[tuple[str, str | None, str | None]]:
    case = {"text": text, "entities": [n for n in NAMES if n[0] in text]}
    return [(e.type, e.source, e.target) for e in code(case, nlp, lex)]


def test_every_line_carries_an_invented_example():
    for name in ("events/stance_triggers.tsv", "events/attribute_verbs.tsv"):
        for row in rows(name, min_columns=2):
            if row[0] != "@class":
                assert row[-1].endswith("."), row


@pytest.mark.parametrize("text, giver, getter", [
    ("Le député Paul Vidal a reçu le soutien du maire Marc Olivar.", "Marc Olivar", "Paul Vidal"),
    ("Le député Paul Vidal bénéficie du soutien du parti Horizon Bleu.", "Horizon Bleu", "Paul Vidal"),
    ("La candidate Léa Tamar a obtenu l'investiture du parti Horizon Bleu.", "Horizon Bleu", "Léa Tamar"),
])
def test_backing_received_is_support_from_the_giver(nlp, lex, text, giver, getter):
    events = _events(nlp, lex, text)
    assert ("SUPPORT", giver, getter) in events, events
    assert not [e for e in events if e[0] == "CONSULT"], events  # no meeting


def test_a_received_visitor_stays_a_meeting(nlp, lex):
    events = _events(nlp, lex, "Le président Marc Olivar a reçu la ministre Léa Tamar à l'Élysée.")
    assert ("CONSULT", "Marc Olivar", "Léa Tamar") in events, events


@pytest.mark.parametrize("text, etype, source", [
    ("La sénatrice Léa Tamar s'est dite favorable à la candidature de Paul Vidal.", "SUPPORT", "Léa Tamar"),
    ("Le président Paul Vidal s'est déclaré dimanche favorable à la réforme.", "SUPPORT", "Paul Vidal"),
    ("Le syndicat Forge s'est montré hostile au projet du maire Marc Olivar.", "REJECT", "Forge"),
])
def test_stance_adjective_beside_its_attribute_verb(nlp, lex, text, etype, source):
    events = _events(nlp, lex, text)
    assert any(e[0] == etype and e[1] == source for e in events), events


def test_an_adjective_of_a_plain_verb_is_no_stance(nlp, lex):
    events = _events(nlp, lex, "Le maire Marc Olivar parle rarement de son passé.")
    assert not [e for e in events if e[0] in ("SUPPORT", "REJECT")], events


@pytest.mark.parametrize("text, source", [
    ("La ministre Léa Tamar leur a demandé de rester calmes.", "Léa Tamar"),
    ("Le maire Marc Olivar les a appelés à manifester samedi.", "Marc Olivar"),
])
def test_object_pronoun_is_not_its_verbs_subject(nlp, lex, text, source):
    events = _events(nlp, lex, text)
    assert ("REQUEST", source, None) in events, events


def test_object_pronoun_still_takes_up_someone_else(nlp, lex):
    events = _events(nlp, lex, "Paul Vidal a rencontré Léa Tamar. Il lui a demandé de démissionner.")
    assert ("REQUEST", "Paul Vidal", "Léa Tamar") in events, events


@pytest.mark.parametrize("text, expected", [
    ("Le projet du maire Marc Olivar suscite l'opposition du syndicat Forge.", ("REJECT", "Forge", "Marc Olivar")),
    ("Les propos du député Paul Vidal ont déclenché les critiques du parti Horizon Bleu.",
     ("ACCUSE", "Horizon Bleu", "Paul Vidal")),
    # the subject's owner is what the unnamed teachers protest against, never the protester
    ("La réforme de la ministre Léa Tamar a provoqué les protestations des enseignants.",
     ("PROTEST", None, "Léa Tamar")),
])
def test_reaction_drawn_by_a_causing_verb(nlp, lex, text, expected):
    events = _events(nlp, lex, text)
    assert expected in events, events


def test_reaction_without_anyone_named_keeps_a_null_source(nlp, lex):
    events = _events(nlp, lex, "Le projet suscite l'opposition de plusieurs associations.")
    assert ("REJECT", None, None) in events, events


@pytest.mark.parametrize("text", [
    "La proposition du député Paul Vidal a suscité un tollé à Montvert.",
    "Le maire Marc Olivar a déclenché un tollé en annonçant la fermeture de l'école.",
])
def test_an_outcry_blames_the_one_who_caused_it(nlp, lex, text):
    events = _events(nlp, lex, text)
    blamed = "Paul Vidal" if "Paul Vidal" in text else "Marc Olivar"
    assert ("ACCUSE", None, blamed) in events, events
    assert not [e for e in events if e[1] == blamed], events  # never the one who protests
