"""The trigger forms of ``bench/events_miss_census.py`` (issue 13): the shape a missed gold trigger has on
the parse, read from invented sentences (no page read)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from events_miss_census import _coarse, trigger_form  # noqa: E402


def _form(nlp, text, words):
    doc = nlp(text)
    at = text.index(words)
    return trigger_form(doc, (at, at + len(words), words))


def test_a_passive_a_noun_and_a_verb_without_subject(nlp):
    assert _form(nlp, "Le maire Paul Vidal a été critiqué par ses adversaires.", "critiqué") == "verb:passive"
    assert _form(nlp, "Les manifestations se sont poursuivies à Montvert.", "manifestations").startswith("noun:pl:")
    form = _form(nlp, "Des voisins viennent et réclament un feu rouge.", "réclament")
    assert form == "verb:finite-nosubj", form


def test_an_infinitive_and_several_words(nlp):
    assert _form(nlp, "Le syndicat Forge compte réclamer une hausse.", "réclamer") == "verb:inf"
    assert _form(nlp, "La députée Léa Tamar a claqué la porte du parti.", "claqué la porte").endswith(" (multi)")


def test_no_span_and_coarse_forms():
    assert trigger_form(None, None) == "?"
    assert _coarse("noun:pl:obl (multi)") == "noun:pl"
    assert _coarse("verb:finite-nosubj") == "verb:finite"
