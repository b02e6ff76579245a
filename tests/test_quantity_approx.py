"""Approximations after a definite determiner ("la dizaine de chanteurs"): the number finder's
property, and the stage on invented sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veille.model import Article
from veille.pipeline import Context
from veille.quantities import QuantityStage, find_numbers
from veille.quantities.numbers import lexicon

APPROXIMATE = lexicon().numbers["approximate"]


@settings(deadline=None)
@given(st.sampled_from(sorted(APPROXIMATE)), st.sampled_from(["une", "la", "cette", "sa", "leur", "Une", "La"]))
def test_approximation_after_any_determiner(word, det):
    text = f"Le maire a reçu {det} {word} de délégués venus de Valbrume."
    [num] = find_numbers(text)
    assert num.value == APPROXIMATE[word] and num.approx
    # "une dizaine" keeps its article in the span; after a definite determiner the span is the noun
    expected = f"{det} {word}" if det.lower() == "une" else word
    assert text[num.start:num.end] == expected


@settings(deadline=None)
@given(st.sampled_from(sorted(APPROXIMATE)), st.sampled_from(["la", "cette"]))
def test_definite_approximation_needs_its_complement(word, det):
    assert find_numbers(f"Le navire reste dans {det} {word} imposée par le port.") == []
    assert find_numbers(f"Il parle de salade{det} {word} de fois.") == []  # glued to a word: no determiner


@pytest.fixture(scope="module")
def stage(nlp):
    return QuantityStage(Context(nlp=nlp))


def test_definite_approximation_counts(stage, nlp):
    art = Article(id="q", title=None, published="2023-06-01",
                  paragraphs=["Samedi, ce sera au tour de la vingtaine de choristes d'Odile Ferrandon. "
                              "Les passagers sortent de la quarantaine sanitaire."])
    stage(art, nlp(art.nlp_text()), None)
    assert [(q.text, q.value) for q in art.quantities] == [("vingtaine de choristes", 20)]


UNITS = {w: v for w, v in lexicon().numbers["units"].items() if v >= 2}
TENS = {w: v for w, v in lexicon().numbers["tens"].items() if v in (20, 30, 40, 50, 60)}


@settings(deadline=None)
@given(st.sampled_from(sorted(UNITS)), st.sampled_from(sorted(UNITS)))
def test_words_joined_by_et_are_a_range(low, high):
    text = f"Entre {low} et {high} soldats ont été blessés."
    assert [n.value for n in find_numbers(text)] == [UNITS[low], UNITS[high]]


@settings(deadline=None)
@given(st.sampled_from(sorted(TENS)), st.sampled_from(["un", "une", "onze"]))
def test_et_still_joins_un_and_onze(ten, unit):
    if unit == "onze" and TENS[ten] != 60:
        return  # only "soixante et onze" is a number
    [num] = find_numbers(f"Il compte {ten} et {unit} voix.")
    assert num.value == TENS[ten] + (11 if unit == "onze" else 1)
