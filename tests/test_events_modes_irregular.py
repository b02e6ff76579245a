"""veille.events.modes: the conditional of a verb with an irregular future stem, which the tagger
reads as an imperfect ("soutiendrait", "recevrait"), is still a conditional (invented sentences)."""

from __future__ import annotations

import pytest

from events_support import code
from veille.events.modes import is_conditional, is_future
from veille.events.words import future_stem

ENTITIES = [["Horizon", "ORG"], ["Lise Morel", "PER"], ["Moldavie", "LOC"], ["Géorgie", "LOC"]]


@pytest.mark.parametrize(("lem", "stem"), [
    ("soutenir", "soutiendr"), ("intervenir", "interviendr"), ("recevoir", "recevr"), ("envoyer", "enverr"),
    ("satisfaire", "satisfer"), ("livrer", None), ("prévoir", None),
])
def test_future_stem(lem, stem):
    assert future_stem(lem) == stem


def test_irregular_conditionals_are_conditionals_and_imperfects_are_not(nlp):
    doc = nlp("Le parti Horizon soutiendrait Lise Morel, qui soutenait déjà la Moldavie et recevrait la Géorgie.")
    by_text = {t.text: t for t in doc}
    assert is_conditional(by_text["soutiendrait"]) and not is_future(by_text["soutiendrait"])
    assert is_conditional(by_text["recevrait"])
    assert not is_conditional(by_text["soutenait"])


@pytest.mark.parametrize(("text", "mode"), [
    ("Le parti Horizon soutient la candidate Lise Morel.", "fact"),
    ("Le parti Horizon soutiendra la candidate Lise Morel.", "intent"),
    ("Le parti Horizon soutiendrait la candidate Lise Morel.", "hypothetical"),
])
def test_mode_of_a_support_in_the_conditional(nlp, lex, text, mode):
    events = [e for e in code({"text": text, "entities": ENTITIES}, nlp, lex) if e.type == "SUPPORT"]
    assert [e.mode for e in events] == [mode]


@pytest.mark.parametrize("form", ["recevra", "recevront", "viendra", "enverra", "tiendront"])
def test_irregular_futures_are_futures(nlp, form):
    doc = nlp(f"Le parti Horizon {form} bientôt la candidate Lise Morel.")
    tok = next(t for t in doc if t.text == form)
    assert is_future(tok) and not is_conditional(tok)


def test_an_irregular_future_is_an_intended_act(nlp, lex):
    text = "La présidente Lise Morel recevra lundi le chef du parti Horizon."
    events = [e for e in code({"text": text, "entities": ENTITIES}, nlp, lex) if e.type == "CONSULT"]
    assert [e.mode for e in events] == ["intent"]
