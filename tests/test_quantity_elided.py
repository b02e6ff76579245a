"""Counts whose noun the sentence said just before ("…, 310 placés en garde à vue"), a share told
twice, grades in stars (invented sentences)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veille.model import Article
from veille.pipeline import Context
from veille.quantities import QuantityStage


@pytest.fixture(scope="module")
def stage(nlp):
    return QuantityStage(Context(nlp=nlp))


def _quantities(stage, nlp, text: str) -> list:
    art = Article(id="q", title=None, paragraphs=[text], published="2023-06-01")
    stage(art, nlp(art.nlp_text()), None)
    for q in art.quantities:
        for start, end in q.spans:
            assert art.nlp_text()[start:end].lower() == q.text.lower()
    return art.quantities


def test_bare_count_after_a_counted_noun_takes_its_noun(stage, nlp):
    got = [(q.text, q.value, q.unit) for q in _quantities(
        stage, nlp, "Selon la préfecture de Valbrume, 1 250 manifestants ont été interpellés, 310 placés "
                    "en garde à vue, et 96 familles sont relogées, dont 41 vivent encore à l'hôtel.")]
    assert ("310", 310, "manifestants") in got
    assert ("41", 41, "familles") in got


def test_bare_number_without_a_count_before_it_or_after_a_preposition(stage, nlp):
    got = [q.text for q in _quantities(
        stage, nlp, "Le 14 a été calme. Le bilan est passé à 300 ont dit les secours. "
                    "Léon Marchetti compte 12 chevaux, et 1 est malade.")]
    assert "14" not in got and "300" not in got
    assert "1" not in got  # one is no count of its own: "et 1 est malade"


@settings(deadline=None, max_examples=15)  # each example is parsed; the property, not the speed, is tested
@given(st.integers(min_value=2, max_value=99_999))
def test_bare_count_any_number(stage, nlp, n):
    number = f"{n:,}".replace(",", "\u00a0")
    text = f"Au total, 250 000 soldats ont été mobilisés, {number} sont déjà partis."
    got = {(q.text, q.unit) for q in _quantities(stage, nlp, text)}
    assert (number, "soldats") in got


def test_a_share_told_twice_is_one_entry(stage, nlp):
    got = _quantities(stage, nlp, "La moitié des électeurs ont voté. Au sénat, la moitié des élus s'est "
                                  "abstenue, selon Maëlle Forestier.")
    shares = [q for q in got if q.unit == "%"]
    assert len(shares) == 1 and shares[0].value == 50 and len(shares[0].spans) == 2


def test_stars_are_a_grade(stage, nlp):
    got = _quantities(stage, nlp, "Le jury donne 4 étoiles au film d'Anouk Verlaine et le restaurant garde "
                                  "ses trois étoiles.")
    assert got == []


def test_dont_names_a_part_of_the_count(stage, nlp):
    got = [(q.text, q.value, q.unit) for q in _quantities(
        stage, nlp, "Selon Oksana Veremko, l'armée a tiré 4000 missiles, dont 900 Kalibr, et compte 45 blessés, "
                    "dont 12 grièvement.")]
    assert ("900", 900, "missiles") in got and ("12", 12, "blessés") in got
