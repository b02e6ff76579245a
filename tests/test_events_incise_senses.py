"""A stance verb set as an incise after a quote says how the quote was said, no act (issue 13,
precision, ``veille.events.incise_senses``); the event reading of the same verb is kept beside it.
Invented sentences; the rule is called on the parse of each, at its verb."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from veille.common.lexicon import rows
from veille.events.incise_senses import INCISE_VERBS, incise_said

INCISE = [
    ('"Ces mesures permettent de parler aux électeurs de la ville", appuie Paul Vidal.', "appuie"),
    ('"Cette décision est une des plus lourdes à Montvert", se félicite Paul Vidal, juriste.', "félicite"),
    ("« Nous avons enfin une place pour porter cette parole », se réjouit la militante Léa Tamar.", "réjouit"),
]

KEPT = [
    ("La ministre Léa Tamar appuie la candidature de Montvert.", "appuie"),
    # a threat told by its quote: "avertir" is not listed
    ("« Nous riposterons », a averti le ministre Paul Vidal.", "averti"),
    ("La ministre Léa Tamar a félicité le maire Paul Vidal pour sa victoire.", "félicité"),
    ("Le maire Paul Vidal appuie : « Le pont sera fermé. »", "appuie"),
]


def _fires(nlp, text: str, word: str) -> bool:
    doc = nlp(text)
    head = next(t for t in doc if t.text == word)
    cand = SimpleNamespace(trigger=SimpleNamespace(kind="verb"))
    return incise_said(None, cand, head)


@pytest.mark.parametrize(("text", "word"), INCISE)
def test_an_incise_after_a_quote_is_no_act(nlp, text, word):
    assert _fires(nlp, text, word)


@pytest.mark.parametrize(("text", "word"), KEPT)
def test_the_act_is_kept(nlp, text, word):
    assert not _fires(nlp, text, word)


def test_every_verb_carries_two_invented_examples():
    table = rows("events/incise_verbs.tsv", min_columns=3)
    assert {verb for verb, _, _ in table} == INCISE_VERBS
    assert all("»" in incise and event for _, incise, event in table)
